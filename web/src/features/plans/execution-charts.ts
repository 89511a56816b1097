import type { ExecutionRow, PlanExecution } from '../../api/types';
import type { EChartOption } from '../../app/components/echart';
import type { Translate } from '../../app/i18n/i18n-context';

const PLANNED_COLOR = '#8fb3e0';
const PLANNED_KEY_COLOR = '#1d4e89';
const ACTUAL_COLOR = '#389e0d';
const ACTUAL_KEY_COLOR = '#237804';
const OTHER_COLOR = '#faad14';

const byMonthNumber = (rows: ExecutionRow[]): ExecutionRow[] =>
  [...rows].sort((a, b) => Number(a.key) - Number(b.key));

// Planned against done, month by month: key inspections and double-random checks stacked per side.
export const monthOption = (execution: PlanExecution, t: Translate): EChartOption => {
  const rows = byMonthNumber(execution.byMonth);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => t('plan.monthN', { month: row.key })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('execution.series.plannedKey'),
        type: 'bar',
        stack: 'planned',
        color: PLANNED_KEY_COLOR,
        data: rows.map((r) => r.planned.keyInspections),
      },
      {
        name: t('execution.series.plannedRandom'),
        type: 'bar',
        stack: 'planned',
        color: PLANNED_COLOR,
        data: rows.map((r) => r.planned.doubleRandom),
      },
      {
        name: t('execution.series.actualKey'),
        type: 'bar',
        stack: 'actual',
        color: ACTUAL_KEY_COLOR,
        data: rows.map((r) => r.actual.keyInspections),
      },
      {
        name: t('execution.series.actualRandom'),
        type: 'bar',
        stack: 'actual',
        color: ACTUAL_COLOR,
        data: rows.map((r) => r.actual.doubleRandom),
      },
      {
        name: t('execution.series.actualOther'),
        type: 'bar',
        stack: 'actual',
        color: OTHER_COLOR,
        data: rows.map((r) => r.actual.targeted + r.actual.other),
      },
    ],
  };
};

export const workdayOption = (execution: PlanExecution, t: Translate): EChartOption => {
  const rows = byMonthNumber(execution.byMonth);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => t('plan.monthN', { month: row.key })) },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('execution.series.plannedWorkdays'),
        type: 'bar',
        color: PLANNED_COLOR,
        data: rows.map((r) => r.planned.workdays),
      },
      {
        name: t('execution.series.usedWorkdays'),
        type: 'bar',
        color: ACTUAL_COLOR,
        data: rows.map((r) => r.actual.workdays),
      },
    ],
  };
};
