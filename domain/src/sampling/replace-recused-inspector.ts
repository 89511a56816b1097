import { z } from 'zod';
import { ok, type Ok } from '../shared/result.ts';
import { sampleTrace } from './rivest-sampler.ts';
import { computeSelection, inspectorSeed } from './compute-selection.ts';
import type { DrawRecord } from './draw-record.ts';
import { drawRefusal, type DrawRefusal } from './draw-refusals.ts';
import { verifyDraw } from './verify-draw.ts';

// Item 9 (measure 5): no redraws. An officer who must recuse after the draw is replaced by continuing the
// same sampler sequence for that enterprise (the next i after those the team used) over the same eligible
// list, passing over officers already in the team, excluded, or at maxAssignmentsPerInspector. Anyone can
// recompute the replacement from the record and the replacements before it.

export const ZDrawReplacementSchema = z.object({
  enterprise: z.string().min(1),
  recused: z.string().min(1),
  replacement: z.string().min(1),
  // the sampler's i that chose the replacement
  i: z.number().int().min(1),
});
export type DrawReplacement = z.infer<typeof ZDrawReplacementSchema>;

export const replaceRecusedInspector = (
  record: DrawRecord,
  enterprise: string,
  inspector: string,
  earlier: readonly DrawReplacement[] = [],
): Ok<{ replacement: DrawReplacement }> | DrawRefusal => {
  if (!verifyDraw(record).consistent) {
    return drawRefusal('DRAW_RECORD_INCONSISTENT', '抽取记录与重算结果不一致，不能据此替换执法人员');
  }
  const index = record.selected.findIndex((entry) => entry.enterprise === enterprise);
  const entry = record.selected[index];
  if (!entry) return drawRefusal('DRAW_ENTERPRISE_NOT_SELECTED', `企业 ${enterprise} 不在本次抽取结果中`);

  const here = earlier.filter((replacement) => replacement.enterprise === enterprise);
  const team = here.reduce(
    (members, { recused, replacement }) =>
      members.map((member) => (member === recused ? replacement : member)),
    entry.inspectors,
  );
  if (!team.includes(inspector))
    return drawRefusal(
      'DRAW_INSPECTOR_NOT_IN_TEAM',
      `执法人员 ${inspector} 不在企业 ${enterprise} 的检查组中`,
    );

  const { trace } = computeSelection(record, { traceEnterprise: enterprise });
  if (!trace) return drawRefusal('DRAW_RECORD_INCONSISTENT', `无法重算企业 ${enterprise} 的抽取`);

  // everyone who has been in this team, the recusing officer included, may not be drawn again
  const unavailable = new Set([...entry.inspectors, ...here.map(({ replacement }) => replacement)]);
  const excluded = new Set(
    record.exclusions
      .filter((exclusion) => exclusion.enterprise === enterprise)
      .map((exclusion) => exclusion.inspector),
  );
  const assignments = new Map<string, number>();
  const assign = (member: string, delta: number) =>
    assignments.set(member, (assignments.get(member) ?? 0) + delta);
  record.selected.forEach((selection) => selection.inspectors.forEach((member) => assign(member, 1)));
  earlier.forEach(({ recused, replacement }) => {
    assign(recused, -1);
    assign(replacement, 1);
  });
  const mayServe = (candidate: string) =>
    !unavailable.has(candidate) &&
    !excluded.has(candidate) &&
    (assignments.get(candidate) ?? 0) < record.maxAssignmentsPerInspector;

  if (!trace.eligible.some(mayServe)) {
    return drawRefusal(
      'DRAW_NO_REPLACEMENT',
      `企业 ${enterprise} 的可抽执法人员已全部在组、回避或达到抽取上限，无法替换 ${inspector}，检查组将少于 ${record.teamSize} 名`,
    );
  }
  const startAfter = Math.max(trace.lastI, ...here.map(({ i }) => i));
  const next = sampleTrace(inspectorSeed(record.seed, enterprise), trace.eligible.length, 1, {
    startAfter,
    skip: (position) => !mayServe(trace.eligible[position - 1] as string),
  });
  const replacement = trace.eligible[(next.positions[0] ?? 0) - 1] as string;
  return ok({ replacement: { enterprise, recused: inspector, replacement, i: next.lastI } });
};
