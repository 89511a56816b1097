import { addDays } from '../calendar/iso-day.ts';
import { governanceCatalog } from '../governance/governance-catalog.ts';
import type { GovernanceCatalog } from '../governance/governance-catalog.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';

// measure 11: "经部门负责人审批后按计划实施现场检查". The arrival is registered on the day the approved plan names
// (catalog/governance.json arrivalWindow: days before and after, 0 and 0 by default, a placeholder marked
// unverified); a visit earlier or later needs the plan amended and approved again (a new version with the new
// date), so a visit cannot drift from what the bureau head approved.

export type ArrivalWindow = { from: string; to: string };

export const arrivalWindowOf = (
  plannedDay: string,
  catalog: GovernanceCatalog = governanceCatalog,
): ArrivalWindow => ({
  from: addDays(plannedDay, -catalog.arrivalWindow.daysBefore),
  to: addDays(plannedDay, catalog.arrivalWindow.daysAfter),
});

export const mayArriveOn = (
  today: string,
  plannedDay: string,
  catalog: GovernanceCatalog = governanceCatalog,
): Ok<{ window: ArrivalWindow }> | Refusal<'ARRIVAL_OUTSIDE_PLANNED_DATE'> => {
  const window = arrivalWindowOf(plannedDay, catalog);
  if (today >= window.from && today <= window.to) return ok({ window });
  const days = window.from === window.to ? window.from : `${window.from} 至 ${window.to}`;
  return refuse({
    code: 'ARRIVAL_OUTSIDE_PLANNED_DATE',
    measure: 11,
    basis: '《江门市应急管理系统严格规范涉企行政检查若干措施》第十一项（按计划实施现场检查）',
    message: `现场检查方案确定的检查日期为 ${days}，今天（${today}）不能登记到场；提前或推迟检查须先变更现场检查方案并经审批`,
  });
};
