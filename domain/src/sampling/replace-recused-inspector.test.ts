import { describe, expect, it } from 'vitest';
import { sampleTrace } from './rivest-sampler.ts';
import type { DrawRecord } from './draw-record.ts';
import { exampleDrawInput } from './draw-test-input.ts';
import { performDraw } from './perform-draw.ts';
import { replaceRecusedInspector } from './replace-recused-inspector.ts';

const record = (): DrawRecord => {
  const result = performDraw({ ...exampleDrawInput(), maxAssignmentsPerInspector: 3 });
  if (!result.ok) throw new Error(result.message);
  return result.record;
};

describe('replacing an officer who recuses after the draw (item 9)', () => {
  it('continues the same sampler sequence for that enterprise', () => {
    const drawn = record();
    const entry = drawn.selected[2];
    if (!entry) throw new Error('no third enterprise');
    const recused = entry.inspectors[0] ?? '';
    const result = replaceRecusedInspector(drawn, entry.enterprise, recused);
    if (!result.ok) throw new Error(result.message);
    const { replacement } = result;
    expect(replacement.enterprise).toBe(entry.enterprise);
    expect(replacement.recused).toBe(recused);
    expect(entry.inspectors).not.toContain(replacement.replacement);
    // the team used i = 1..lastI; the replacement comes from a later i of the same sequence
    const team = sampleTrace(`${drawn.seed}:inspectors:${entry.enterprise}`, 8, 2);
    expect(replacement.i).toBeGreaterThan(team.lastI);
  });

  it('gives the same replacement every time, and a second recusal continues after the first', () => {
    const drawn = record();
    const entry = drawn.selected[0];
    if (!entry) throw new Error('no enterprise');
    const first = replaceRecusedInspector(drawn, entry.enterprise, entry.inspectors[0] ?? '');
    expect(replaceRecusedInspector(drawn, entry.enterprise, entry.inspectors[0] ?? '')).toEqual(first);
    if (!first.ok) throw new Error(first.message);
    const second = replaceRecusedInspector(drawn, entry.enterprise, first.replacement.replacement, [
      first.replacement,
    ]);
    if (!second.ok) throw new Error(second.message);
    expect(second.replacement.i).toBeGreaterThan(first.replacement.i);
    expect([...entry.inspectors, first.replacement.replacement]).not.toContain(
      second.replacement.replacement,
    );
  });

  it('never picks an officer excluded for that enterprise or already at the cap', () => {
    const drawn = record();
    const entry = drawn.selected[1];
    if (!entry) throw new Error('no enterprise');
    const others = drawn.inspectors.filter((inspector) => !entry.inspectors.includes(inspector));
    const keep = others[others.length - 1] ?? '';
    const excluded = {
      ...drawn,
      exclusions: others
        .filter((inspector) => inspector !== keep)
        .map((inspector) => ({ enterprise: entry.enterprise, inspector, reason: '回避' })),
    };
    // exclusions change the eligible list, so redraw with them to keep the record consistent
    const redrawn = performDraw({
      ...exampleDrawInput(),
      maxAssignmentsPerInspector: 3,
      exclusions: excluded.exclusions,
    });
    if (!redrawn.ok) throw new Error(redrawn.message);
    const team = redrawn.record.selected[1];
    if (!team) throw new Error('no enterprise');
    const result = replaceRecusedInspector(redrawn.record, team.enterprise, team.inspectors[0] ?? '');
    const allowed = redrawn.record.inspectors.filter(
      (inspector) =>
        !excluded.exclusions.some((exclusion) => exclusion.inspector === inspector) &&
        !team.inspectors.includes(inspector),
    );
    if (result.ok) expect(allowed).toContain(result.replacement.replacement);
    else expect(result).toMatchObject({ code: 'DRAW_NO_REPLACEMENT', measure: 12 });
  });

  it('refuses when nobody may replace the officer, citing measure 12', () => {
    const result = performDraw({
      ...exampleDrawInput(),
      inspectors: ['A001', 'A002'],
      exclusions: [],
      maxAssignmentsPerInspector: 5,
    });
    if (!result.ok) throw new Error(result.message);
    const entry = result.record.selected[0];
    expect(
      replaceRecusedInspector(result.record, entry?.enterprise ?? '', entry?.inspectors[0] ?? ''),
    ).toMatchObject({ ok: false, code: 'DRAW_NO_REPLACEMENT', measure: 12 });
  });

  it('refuses an enterprise not drawn, an officer not in the team, and a tampered record', () => {
    const drawn = record();
    const entry = drawn.selected[0];
    expect(replaceRecusedInspector(drawn, 'E99', 'A001')).toMatchObject({
      ok: false,
      code: 'DRAW_ENTERPRISE_NOT_SELECTED',
    });
    const outsider = drawn.inspectors.find((inspector) => !entry?.inspectors.includes(inspector)) ?? '';
    expect(replaceRecusedInspector(drawn, entry?.enterprise ?? '', outsider)).toMatchObject({
      ok: false,
      code: 'DRAW_INSPECTOR_NOT_IN_TEAM',
    });
    expect(
      replaceRecusedInspector(
        { ...drawn, publicEntropy: 'x' },
        entry?.enterprise ?? '',
        entry?.inspectors[0] ?? '',
      ),
    ).toMatchObject({ ok: false, code: 'DRAW_RECORD_INCONSISTENT' });
  });
});
