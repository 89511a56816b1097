import { seededHolidayTables, validateHolidayTable } from '@inspecta/domain';
import type { z } from 'zod';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import { loadCalendar } from '../../platform/calendar/calendar.ts';
import { listHolidayTableRows, upsertHolidayTable } from '../../platform/calendar/repository.ts';
import type { HolidayTableRow } from '../../platform/calendar/repository.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { problem } from '../../platform/problems/problem.ts';
import {
  assertMayEnterHolidayTables,
  assertMayUse,
  mayEnterHolidayTables,
  type Actor,
} from '../../platform/policy/policy.ts';
import { recomputePendingDeadlines } from '../inspections/index.ts';
import { tellAnnualPlansOfCalendar } from '../plans/index.ts';
import type { THolidayYear, ZEnterHolidayTableSchema } from './model.ts';

// issue 11 item 12: the statutory calendar year by year. The seed (chinese-days) covers the years it knows;
// a legal reviewer enters a year from the State Council's notice, which wins over the seed. Entering a year
// recomputes the rectification deadlines counted into it weekends only and tells their owners.

const fromRow = (row: HolidayTableRow): THolidayYear => ({
  year: row.year,
  source: 'legal_reviewer',
  sourceName: '法制审核人员依国务院办公厅通知录入',
  notice: row.notice,
  holidays: row.holidays,
  makeUpWorkdays: row.makeUpWorkdays,
  enteredAt: row.enteredAt.toISOString(),
  enteredByName: row.enteredByName,
});

const yearsOf = async (ctx: AppContext): Promise<THolidayYear[]> => {
  const entered = await listHolidayTableRows(ctx.db);
  const seeded = seededHolidayTables
    .filter((table) => !entered.some((row) => row.year === table.year))
    .map((table): THolidayYear => ({
      year: table.year,
      source: 'chinese_days',
      sourceName: '内置日历数据（chinese-days）',
      notice: null,
      holidays: table.holidays,
      makeUpWorkdays: table.makeUpWorkdays,
      enteredAt: null,
      enteredByName: null,
    }));
  return [...seeded, ...entered.map(fromRow)].sort((a, b) => b.year - a.year);
};

export const listHolidayTables = async (ctx: AppContext, actor: Actor) => {
  assertMayUse(actor, 'holiday_table', 'read');
  const items = await yearsOf(ctx);
  const nextYear = Number(shanghaiDate(ctx.clock.now()).slice(0, 4)) + 1;
  // every year up to next year without a table, gaps included: entering 2028 on 4 January 2027 leaves 2027
  // pending (counting from the last year entered hid it)
  const known = new Set(items.map((item) => item.year));
  const first = Math.min(nextYear, ...known);
  const pendingYears: number[] = [];
  for (let year = first; year <= nextYear; year += 1) if (!known.has(year)) pendingYears.push(year);
  return { items, pendingYears, mayEnter: mayEnterHolidayTables(actor) };
};

export const enterHolidayTable = async (
  ctx: AppContext,
  actor: Actor,
  year: number,
  body: z.infer<typeof ZEnterHolidayTableSchema>,
) => {
  assertMayEnterHolidayTables(actor);
  const checked = validateHolidayTable({ year, ...body });
  if (!checked.ok) throw problem('CALENDAR_TABLE_INVALID', { detail: checked.message });
  const { table } = checked;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = (await listHolidayTableRows(tx)).find((row) => row.year === year);
    const seeded = seededHolidayTables.find((seed) => seed.year === year);
    const row: HolidayTableRow = {
      year,
      holidays: table.holidays,
      makeUpWorkdays: table.makeUpWorkdays,
      notice: table.notice ?? '',
      enteredAt: now,
      enteredById: actor.id,
      enteredByName: actor.displayName,
    };
    await upsertHolidayTable(tx, row);
    const calendar = await loadCalendar(tx);
    const recomputedOrders = await recomputePendingDeadlines(tx, { calendar, actor, now });
    const toldAnnualPlans = await tellAnnualPlansOfCalendar(tx, { year, notice: row.notice, now });
    const previous = before ?? seeded;
    await appendAuditEvent(tx, {
      actor,
      action: 'calendar.holiday_table.entered',
      entityType: 'holiday_table',
      entityId: String(year),
      territory: actor.territory,
      payload: {
        year,
        notice: row.notice,
        holidays: row.holidays,
        makeUpWorkdays: row.makeUpWorkdays,
        previous: previous
          ? { notice: previous.notice, holidays: previous.holidays, makeUpWorkdays: previous.makeUpWorkdays }
          : null,
        recomputedOrders,
      },
      at: now,
    });
    return { table: fromRow(row), recomputedOrders, toldAnnualPlans };
  });
};
