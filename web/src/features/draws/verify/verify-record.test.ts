import { describe, expect, it } from 'vitest';
import { verifyRecordText, verifyRecordValue } from './verify-record';

// The worked example of docs/draw-algorithm.md, as a visitor would download it.
const worked = () => ({
  algorithm: 'inspecta-draw-v1',
  strata: [
    { key: '440703-危化', codes: ['E01', 'E02', 'E03', 'E04', 'E05', 'E06'], k: 2 },
    { key: '440703-工贸', codes: ['E07', 'E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'], k: 3 },
  ],
  inspectors: ['A001', 'A002', 'A003', 'A004', 'A005', 'A006', 'A007', 'A008'],
  exclusions: [{ enterprise: 'E03', inspector: 'A002', reason: '回避：亲属在该企业任职' }],
  teamSize: 2,
  maxAssignmentsPerInspector: 2,
  inspectionDate: '2025-06-16',
  publicEntropy: '3-1-4-1-5-9',
  witnesses: ['张三', '李四'],
  poolHash: '35c6136a32ec4589eee92af55462b22e244e1b9908d5ca53cbdc3709b7fa571c',
  inspectorPoolHash: '5d8ffbfe877d9e51126fd02fe82de19b15ea74ed2ca571420da522a18db1bba9',
  seed: 'f1ffe873a58e17d891ab4dcaadc6523e6855073770d3bf18f78e0c77813ef171',
  selected: [
    { stratum: '440703-危化', enterprise: 'E04', inspectors: ['A001', 'A004'] },
    { stratum: '440703-危化', enterprise: 'E05', inspectors: ['A001', 'A004'] },
    { stratum: '440703-工贸', enterprise: 'E12', inspectors: ['A002', 'A007'] },
    { stratum: '440703-工贸', enterprise: 'E09', inspectors: ['A008', 'A003'] },
    { stratum: '440703-工贸', enterprise: 'E13', inspectors: ['A008', 'A003'] },
  ],
});

describe('verifying a draw record in the browser (measure 5)', () => {
  it('says 一致 for the worked example and tells what it recomputed', () => {
    const outcome = verifyRecordText(JSON.stringify(worked()));
    expect(outcome.ok && outcome.consistent).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.records).toHaveLength(1);
    expect(outcome.records[0]).toMatchObject({
      partner: null,
      selections: 5,
      strata: 2,
      inspectors: 8,
      differences: [],
    });
  });

  it('names the one officer a crafted record changed, with the recomputed and the recorded value', () => {
    const record = worked();
    record.selected[0]!.inspectors[1] = 'A006';
    const outcome = verifyRecordValue(record);
    expect(outcome.ok && !outcome.consistent).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.records[0]!.differences).toEqual([
      expect.objectContaining({ field: 'selected[0].inspectors[1]', expected: 'A004', actual: 'A006' }),
    ]);
  });

  it('checks each partner department’s record beside the bureau’s, and reports one by its name', () => {
    const partner = worked();
    partner.seed = '0'.repeat(64);
    const outcome = verifyRecordValue({
      ...worked(),
      partners: [{ organisationName: '江门市消防救援支队', record: partner }],
      replacements: [{}],
    });
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.consistent).toBe(false);
    expect(outcome.replacements).toBe(1);
    expect(outcome.records.map((record) => [record.partner, record.differences.map((d) => d.field)])).toEqual(
      [
        [null, []],
        ['江门市消防救援支队', expect.arrayContaining(['seed'])],
      ],
    );
  });

  it('refuses text that is not JSON, or JSON that is not a draw record', () => {
    expect(verifyRecordText('{not json')).toMatchObject({ ok: false, reason: 'json' });
    expect(verifyRecordText('{"algorithm":"inspecta-draw-v1"}')).toMatchObject({
      ok: false,
      reason: 'shape',
    });
  });
});
