import { describe, expect, it } from 'vitest';
import {
  expertCatalog,
  mayDispatchExpert,
  mayVote,
  noPenaltyMarkOf,
  selectionResult,
  trainingHoursByOfficer,
} from './experts.ts';

const qualified = [{ validFrom: '2025-01-01', validTo: '2027-12-31' }];

describe('experts (measure 23)', () => {
  it('never dispatches an expert to an enterprise with a recorded conflict', () => {
    const refused = mayDispatchExpert({
      active: true,
      qualifications: qualified,
      conflictEnterpriseIds: ['e1'],
      enterpriseId: 'e1',
      onDate: '2026-12-06',
    });
    expect(refused).toMatchObject({ ok: false, code: 'EXPERT_CONFLICT_OF_INTEREST', measure: 23 });
    expect(
      mayDispatchExpert({
        active: true,
        qualifications: qualified,
        conflictEnterpriseIds: ['e1'],
        enterpriseId: 'e2',
        onDate: '2026-12-06',
      }).ok,
    ).toBe(true);
  });

  it('refuses an expert whose qualifications have all lapsed on the day, or who left the database', () => {
    const base = { conflictEnterpriseIds: [], enterpriseId: 'e1', onDate: '2028-01-01' };
    expect(mayDispatchExpert({ ...base, active: true, qualifications: qualified })).toMatchObject({
      code: 'EXPERT_NOT_QUALIFIED',
    });
    expect(
      mayDispatchExpert({ ...base, active: true, qualifications: qualified, onDate: '2027-12-31' }).ok,
    ).toBe(true);
    expect(mayDispatchExpert({ ...base, active: false, qualifications: qualified })).toMatchObject({
      code: 'EXPERT_INACTIVE',
    });
  });

  it('marks for measure 14 only a major hidden danger fixed on or before the day set', () => {
    expect(noPenaltyMarkOf({ major: true, dueOn: '2026-12-10', fixedOn: '2026-12-10' })).toMatchObject({
      marked: true,
    });
    expect(noPenaltyMarkOf({ major: true, dueOn: '2026-12-10', fixedOn: '2026-12-10' }).basis).toContain(
      '专家指导服务发现的重大事故隐患并及时进行整改的',
    );
    expect(noPenaltyMarkOf({ major: true, dueOn: '2026-12-10', fixedOn: '2026-12-11' }).marked).toBe(false);
    expect(noPenaltyMarkOf({ major: false, dueOn: '2026-12-10', fixedOn: '2026-12-01' }).marked).toBe(false);
    expect(noPenaltyMarkOf({ major: true, dueOn: '2026-12-10', fixedOn: null }).marked).toBe(false);
  });

  it('keeps every catalogue entry with its source', () => {
    for (const entry of [...expertCatalog.fields, ...expertCatalog.teamQualifications])
      expect(entry.source.length).toBeGreaterThan(0);
  });
});

describe('the team (measures 25, 26)', () => {
  it('allows one vote per voter, never for oneself, and none once closed', () => {
    const vote = { open: true, voterId: 'u1', nomineeUserId: 'u2', alreadyVoted: false };
    expect(mayVote(vote).ok).toBe(true);
    expect(mayVote({ ...vote, alreadyVoted: true })).toMatchObject({ code: 'SELECTION_ALREADY_VOTED' });
    expect(mayVote({ ...vote, nomineeUserId: 'u1' })).toMatchObject({ code: 'SELECTION_SELF_VOTE' });
    expect(mayVote({ ...vote, open: false })).toMatchObject({ code: 'SELECTION_CLOSED' });
  });

  it('ranks the nominations, ties sharing a rank, and names the winners', () => {
    const result = selectionResult(
      [
        { id: 'a', votes: 1 },
        { id: 'b', votes: 3 },
        { id: 'c', votes: 3 },
        { id: 'd', votes: 0 },
      ],
      1,
    );
    expect(result.map((r) => [r.id, r.rank, r.winner])).toEqual([
      ['b', 1, true],
      ['c', 1, true],
      ['a', 3, false],
      ['d', 4, false],
    ]);
  });

  it('counts training hours per officer in the year', () => {
    const hours = trainingHoursByOfficer(
      [
        { officerId: 'o1', heldOn: '2026-03-01', hours: 8 },
        { officerId: 'o1', heldOn: '2026-09-01', hours: 4.5 },
        { officerId: 'o1', heldOn: '2025-09-01', hours: 4 },
      ],
      2026,
    );
    expect(hours.get('o1')).toBe(12.5);
  });
});
