import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProposals, periodKey, type MergeCandidate } from './merge-proposals.ts';

const inspection = (
  id: string,
  plannedOn: string,
  organisationName: string,
  extra: Partial<MergeCandidate> = {},
): MergeCandidate => ({
  id,
  enterpriseId: 'e1',
  plannedOn,
  status: 'planned',
  matters: ['work_safety_general'],
  organisationId: `org-${organisationName}`,
  organisationName,
  ...extra,
});

describe('merge proposals (measure 8)', () => {
  it('proposes one visit for two inspections of an enterprise in the same month by different departments', () => {
    const proposals = mergeProposals(
      [
        inspection('b', '2026-05-20', '消防救援支队', { matters: ['dust_explosion'] }),
        inspection('a', '2026-05-06', '应急管理局'),
        inspection('c', '2026-06-02', '市场监督管理局'),
      ],
      { period: 'month' },
    );
    expect(proposals).toEqual([
      {
        enterpriseId: 'e1',
        period: '2026-05',
        inspectionIds: ['a', 'b'],
        matters: ['dust_explosion', 'work_safety_general'],
        departments: [
          { organisationId: 'org-应急管理局', organisationName: '应急管理局' },
          { organisationId: 'org-消防救援支队', organisationName: '消防救援支队' },
        ],
        suggestedIntoId: 'a',
        firstPlannedOn: '2026-05-06',
        lastPlannedOn: '2026-05-20',
      },
    ]);
    expect(
      mergeProposals([inspection('b', '2026-05-20', 'x'), inspection('c', '2026-06-02', 'y')], {
        period: 'quarter',
      }),
    ).toHaveLength(1);
  });

  it('leaves out completed, merged and cancelled inspections, and a group declined with the same inspections', () => {
    const list = [
      inspection('a', '2026-05-06', 'x'),
      inspection('b', '2026-05-20', 'y'),
      inspection('c', '2026-05-21', 'z', { status: 'completed' }),
    ];
    expect(mergeProposals(list, { period: 'month', declined: [{ inspectionIds: ['b', 'a'] }] })).toEqual([]);
    // a third inspection planned later makes a new proposal
    const more = [...list, inspection('d', '2026-05-28', 'w')];
    expect(
      mergeProposals(more, { period: 'month', declined: [{ inspectionIds: ['a', 'b'] }] })[0]!.inspectionIds,
    ).toEqual(['a', 'b', 'd']);
  });

  it('names the period by month, quarter or year', () => {
    expect([
      periodKey('2026-05-06', 'month'),
      periodKey('2026-05-06', 'quarter'),
      periodKey('2026-12-31', 'year'),
    ]).toEqual(['2026-05', '2026-Q2', '2026']);
  });

  it('puts every open inspection in at most one proposal, with others of its enterprise and period only', () => {
    const arbitrary = fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        enterpriseId: fc.constantFrom('e1', 'e2', 'e3'),
        plannedOn: fc
          .date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        status: fc.constantFrom('planned', 'planned', 'completed', 'merged'),
        matters: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
        organisationId: fc.constant(null),
        organisationName: fc.constantFrom('x', 'y'),
      }),
      { maxLength: 30, selector: (i: { id: string }) => i.id },
    );
    fc.assert(
      fc.property(
        arbitrary,
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        (list, period) => {
          const proposals = mergeProposals(list, { period });
          const ids = proposals.flatMap((p) => p.inspectionIds);
          if (new Set(ids).size !== ids.length) return false;
          const byId = new Map(list.map((i) => [i.id, i]));
          return proposals.every(
            (p) =>
              p.inspectionIds.length >= 2 &&
              p.inspectionIds.every((id) => {
                const row = byId.get(id)!;
                return (
                  row.status === 'planned' &&
                  row.enterpriseId === p.enterpriseId &&
                  periodKey(row.plannedOn, period) === p.period
                );
              }),
          );
        },
      ),
    );
  });
});
