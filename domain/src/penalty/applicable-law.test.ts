import { describe, expect, it } from 'vitest';
import { applicableViolation } from './applicable-law.ts';
import { violationByCode, violationCatalog } from './violation-catalog.ts';
import type { ViolationCatalog } from './violation-catalog.ts';

// 行政处罚法 第三十七条 on a catalogue with two versions of one violation
const current = violationByCode('wsl_97_1_1');
if (!current) throw new Error('wsl_97_1_1');
const older = {
  ...current,
  code: 'wsl2014_94_1',
  effective: '2014-12-01',
  until: '2021-09-01',
  penalties: [
    {
      stage: 'initial' as const,
      party: 'entity' as const,
      fines: [{ kind: 'up_to' as const, maxFen: 5_000_000 }],
      sanctions: [],
    },
  ],
};
const versions: ViolationCatalog = { ...violationCatalog, entries: [older, current] };

describe('the law that applies (行政处罚法 第三十七条)', () => {
  it('judges an act by the law in force when it was committed', () => {
    const answer = applicableViolation({
      lineage: 'wsl_97_1_1',
      committedOn: '2021-05-01',
      decidedOn: '2021-10-01',
      catalog: versions,
    });
    expect(answer).toMatchObject({
      found: true,
      reason: 'in_force_when_committed',
      violation: { code: 'wsl2014_94_1' },
    });
  });

  it('applies the new law when it punishes more lightly', () => {
    const lighter = {
      ...current,
      penalties: [
        {
          stage: 'initial' as const,
          party: 'entity' as const,
          fines: [{ kind: 'up_to' as const, maxFen: 1_000_000 }],
          sanctions: [],
        },
      ],
    };
    const answer = applicableViolation({
      lineage: 'wsl_97_1_1',
      committedOn: '2021-05-01',
      decidedOn: '2021-10-01',
      catalog: { ...violationCatalog, entries: [older, lighter] },
    });
    expect(answer).toMatchObject({
      found: true,
      reason: 'new_rule_lighter',
      violation: { code: 'wsl_97_1_1' },
    });
  });

  it('finds no rule for an act committed before any version took effect', () => {
    expect(
      applicableViolation({
        lineage: 'wsl_97_1_1',
        committedOn: '2010-01-01',
        decidedOn: '2026-01-05',
        catalog: versions,
      }).found,
    ).toBe(false);
  });
});
