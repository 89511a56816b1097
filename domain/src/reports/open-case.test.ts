import { describe, expect, it } from 'vitest';
import { mayOpenCaseFromReport } from './open-case.ts';

// Issue 17 item 1: a verified report of a violation may open a penalty case, once.
const report = {
  state: 'verified' as const,
  outcome: 'substantiated' as const,
  kind: 'illegal_production' as const,
  enterpriseId: 'e1',
  penaltyCaseId: null,
};

describe('opening a case from a report', () => {
  it('lets a report verified as (partly) true, of a violation by an enterprise of the register, open a case', () => {
    expect(mayOpenCaseFromReport(report).ok).toBe(true);
    expect(mayOpenCaseFromReport({ ...report, state: 'answered', outcome: 'partly_substantiated' }).ok).toBe(
      true,
    );
    expect(mayOpenCaseFromReport({ ...report, kind: 'major_hidden_danger' }).ok).toBe(true);
    expect(mayOpenCaseFromReport({ ...report, kind: 'concealed_accident' }).ok).toBe(true);
  });

  it('refuses a report already linked to a case', () => {
    expect(mayOpenCaseFromReport({ ...report, penaltyCaseId: 'c1' })).toMatchObject({
      ok: false,
      code: 'REPORT_CASE_EXISTS',
      message: '该举报已立案，不能重复立案',
    });
  });

  it('refuses a report not verified, found untrue, or merged', () => {
    for (const changes of [
      { state: 'accepted' as const, outcome: null },
      { outcome: 'unsubstantiated' as const },
      { state: 'merged' as const, outcome: null },
    ])
      expect(mayOpenCaseFromReport({ ...report, ...changes })).toMatchObject({
        ok: false,
        code: 'REPORT_CASE_NOT_VERIFIED',
      });
  });

  it('refuses a matter that is not a violation, and a report without an enterprise of the register', () => {
    expect(mayOpenCaseFromReport({ ...report, kind: 'hidden_danger' })).toMatchObject({
      code: 'REPORT_CASE_NOT_A_VIOLATION',
    });
    expect(mayOpenCaseFromReport({ ...report, kind: 'other' })).toMatchObject({
      code: 'REPORT_CASE_NOT_A_VIOLATION',
    });
    expect(mayOpenCaseFromReport({ ...report, enterpriseId: null })).toMatchObject({
      code: 'REPORT_CASE_NO_ENTERPRISE',
    });
  });
});
