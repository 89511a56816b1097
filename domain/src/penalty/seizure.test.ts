import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseProcedureCatalog } from './case-procedure.ts';
import {
  RELEASE_GROUND_NAMES,
  SEIZURE_APPROVAL_LAW,
  SEIZURE_BASIS_LAW,
  SEIZURE_PERIOD_LAW,
  SEIZURE_SCOPE_LAW,
  mayApproveExtension,
  mayApproveSeizure,
  mayProposeSeizure,
  mayRequestExtension,
  seizurePeriod,
  seizureWarning,
} from './seizure.ts';

const d = (date: string) => date;
const laws = join(dirname(fileURLToPath(import.meta.url)), '../../../catalog/laws');
const law = (file: string) => readFileSync(join(laws, file), 'utf8').replace(/\s+/g, '');
const quoted = (text: string) => /“(.*)”/.exec(text)?.[1] ?? '';

describe('查封、扣押 (measure 16)', () => {
  it('quotes the laws word for word', () => {
    const coercion = law('行政强制法(2011-06-30).md');
    const safety = law('安全生产法(2021-06-10).md');
    expect(safety).toContain(quoted(SEIZURE_BASIS_LAW));
    for (const text of [SEIZURE_SCOPE_LAW, SEIZURE_APPROVAL_LAW, SEIZURE_PERIOD_LAW])
      expect(coercion).toContain(quoted(text));
    expect(coercion).toContain(quoted(caseProcedureCatalog.seizure.source));
    for (const ground of Object.values(RELEASE_GROUND_NAMES)) expect(coercion).toContain(ground);
    expect(caseProcedureCatalog.seizure).toMatchObject({
      limitDays: 30,
      extensionMaxDays: 30,
      verified: true,
    });
  });

  it('runs 30 days from the day after, across the new year, and an extension adds to the last day', () => {
    expect(seizurePeriod(d('2026-12-10'), 0).dueOn).toBe('2027-01-09');
    expect(seizurePeriod(d('2026-12-10'), 30).dueOn).toBe('2027-02-08');
  });

  it('needs the violation first, and a head who did not draft it', () => {
    expect(mayProposeSeizure(null)).toMatchObject({ ok: false, code: 'SEIZURE_NO_VIOLATION', measure: 16 });
    expect(mayProposeSeizure('sl_93_1').ok).toBe(true);
    expect(mayApproveSeizure('officer-1', 'officer-1')).toMatchObject({ code: 'SEIZURE_SELF_APPROVAL' });
    expect(mayApproveSeizure('officer-1', 'head-1').ok).toBe(true);
  });

  it('extends once, by at most 30 days, only before the period runs out', () => {
    const inForce = {
      status: 'in_force' as const,
      dueOn: d('2027-01-09'),
      extensionDays: 0,
      extensionRequested: false,
    };
    expect(mayRequestExtension(inForce, 30, d('2027-01-09')).ok).toBe(true);
    expect(mayRequestExtension(inForce, 31, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_EXTENSION_TOO_LONG',
    });
    expect(mayRequestExtension(inForce, 10, d('2027-01-10'))).toMatchObject({ code: 'SEIZURE_EXPIRED' });
    expect(mayRequestExtension({ ...inForce, extensionDays: 20 }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_ALREADY_EXTENDED',
    });
    expect(mayRequestExtension({ ...inForce, extensionRequested: true }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_ALREADY_EXTENDED',
    });
    expect(mayRequestExtension({ ...inForce, status: 'released' }, 5, d('2027-01-01'))).toMatchObject({
      code: 'SEIZURE_NOT_IN_FORCE',
    });
    const asked = { status: 'in_force' as const, dueOn: d('2027-01-09'), extensionRequestedBy: 'officer-1' };
    expect(mayApproveExtension(asked, 'officer-1', d('2027-01-02'))).toMatchObject({
      code: 'SEIZURE_SELF_APPROVAL',
    });
    expect(mayApproveExtension(asked, 'head-1', d('2027-01-10'))).toMatchObject({ code: 'SEIZURE_EXPIRED' });
    expect(
      mayApproveExtension({ ...asked, extensionRequestedBy: null }, 'head-1', d('2027-01-02')),
    ).toMatchObject({
      code: 'SEIZURE_NO_EXTENSION_REQUESTED',
    });
    expect(mayApproveExtension(asked, 'head-1', d('2027-01-09')).ok).toBe(true);
  });

  it('reminds three days before the last day and calls a seizure past it overdue', () => {
    const seizure = { status: 'in_force' as const, dueOn: d('2027-01-09') };
    expect(seizureWarning(seizure, d('2027-01-05'))).toBeNull();
    expect(seizureWarning(seizure, d('2027-01-06'))).toBe('due_soon');
    expect(seizureWarning(seizure, d('2027-01-09'))).toBe('due_soon');
    expect(seizureWarning(seizure, d('2027-01-10'))).toBe('overdue');
    expect(seizureWarning({ status: 'released', dueOn: d('2027-01-09') }, d('2027-01-10'))).toBeNull();
  });
});
