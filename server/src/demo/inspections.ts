import { governanceCatalog } from '@inspecta/domain';
import type { AppContext } from '../platform/http/context.ts';
import { shanghaiDate } from '../platform/http/dates.ts';
import { appendAuditEvent } from '../platform/audit/service.ts';
import {
  enterpriseUsersEnterprise,
  gradedEnterprises,
  insertInspections,
  organisationsOutsideUnits,
  type NewInspection,
} from './repository.ts';
import { systemActor } from '../platform/auth/system-user.ts';

// Issue 6 items 10–11: a year of inspections by the bureaus and by other departments, so the burden view
// shows yellow and red enterprises, one enterprise over its cap with a recorded trigger, and one merge
// proposal. The demo enterprise user's enterprise has two completed inspections (yellow) for its portal.

type Department = { id: string; name: string; departmentType: string | null };

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const seedInspections = async (ctx: AppContext): Promise<number> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const clamp = (date: string) =>
    date < `${year}-01-01` ? `${year}-01-01` : date > `${year}-12-31` ? `${year}-12-31` : date;
  const ago = (days: number) => clamp(shiftDays(today, -days));
  // the last day of this month: with today, two visits in the same month (measure 8)
  const laterThisMonth = new Date(Date.UTC(year, Number(today.slice(5, 7)), 0)).toISOString().slice(0, 10);

  const orgs = await organisationsOutsideUnits(ctx.db);
  const bureauOf = (territory: string): Department => {
    const row = orgs.find((org) => org.kind === 'bureau' && org.territory === territory)!;
    return { id: row.id, name: row.name, departmentType: null };
  };
  const department = (type: string): Department => {
    const row = orgs.find((org) => org.kind === 'department' && org.departmentType === type)!;
    return { id: row.id, name: row.name, departmentType: row.departmentType };
  };
  const city = bureauOf('440700');

  const portalEnterpriseId = await enterpriseUsersEnterprise(ctx.db);
  const graded = await gradedEnterprises(ctx.db);
  const byId = new Map(graded.map((row) => [row.id, row]));
  const demo = portalEnterpriseId ? byId.get(portalEnterpriseId) : undefined;
  const used = new Set(demo ? [demo.id] : []);
  const pick = (predicate: (row: (typeof graded)[number]) => boolean) => {
    const row = graded.find((candidate) => !used.has(candidate.id) && predicate(candidate));
    if (row) used.add(row.id);
    return row;
  };

  const values: NewInspection[] = [];
  const add = (
    enterprise: (typeof graded)[number] | undefined,
    by: Department,
    kind: 'key' | 'double_random' | 'targeted' | 'other',
    plannedOn: string,
    options: {
      completed?: boolean;
      matters?: string[];
      trigger?: string;
      triggerReference?: string;
      overCap?: boolean;
    } = {},
  ) => {
    if (!enterprise) return;
    values.push({
      territory: enterprise.territory,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
      organisationId: by.id,
      organisationName: by.name,
      departmentType: by.departmentType,
      kind,
      plannedOn,
      year,
      matters: options.matters ?? ['work_safety_general'],
      stage: options.completed ? 'completed' : 'planned',
      trigger: options.trigger ?? null,
      triggerReference: options.triggerReference ?? null,
      capAtPlanning: enterprise.cap,
      overCap: options.overCap ?? false,
      completedOn: options.completed ? plannedOn : null,
      resultSummary: options.completed ? '现场检查完成，未发现重大事故隐患；一般隐患已当场督促整改' : null,
      createdAt: now,
      createdByName: '系统（演示数据）',
    });
  };

  // yellow: the demo enterprise, by its county bureau and by market regulation
  add(demo, bureauOf('440703'), 'key', ago(120), {
    completed: true,
    matters: ['work_safety_general', 'dust_explosion'],
  });
  add(demo, department('market_regulation'), 'other', ago(45), { completed: true });
  // red: three departments in one year
  const crowded = pick((row) => row.territory === '440703' && (row.cap ?? 99) >= 4);
  add(crowded, city, 'key', ago(150), {
    completed: true,
    matters: ['work_safety_general', 'hazardous_chemicals'],
  });
  add(crowded, department('fire_rescue'), 'other', ago(90), { completed: true });
  add(crowded, department('housing'), 'other', ago(30), { completed: true });
  const another = pick((row) => row.territory === '440705' && (row.cap ?? 99) >= 4);
  for (const [i, type] of ['public_security', 'transport', 'meteorology', 'market_regulation'].entries()) {
    add(another, department(type), 'other', ago(200 - i * 40), { completed: true });
  }
  // measure 8: two planned this month by the bureau and the fire brigade, proposed for merging
  const mergeable = pick((row) => row.territory === '440703' && (row.cap ?? 99) >= 4);
  add(mergeable, bureauOf('440703'), 'double_random', today, { matters: ['work_safety_general'] });
  add(mergeable, department('fire_rescue'), 'other', laterThisMonth, { matters: ['confined_space'] });
  // measure 5: at its cap, then a complaint followed up regardless (recorded)
  const capped = pick((row) => row.territory === '440703' && row.cap !== null && row.cap <= 2);
  if (capped) {
    for (let i = 0; i < capped.cap!; i += 1)
      add(capped, bureauOf('440703'), 'double_random', ago(100 + i * 30), { completed: true });
    add(capped, bureauOf('440703'), 'targeted', ago(5), {
      trigger: 'complaint_or_report',
      triggerReference: `12345-${year}-0421`,
      overCap: true,
      completed: true,
    });
  }
  // a first inspection for a handful of others
  for (let i = 0; i < 8; i += 1)
    add(
      pick(() => true),
      i % 2 === 0 ? city : bureauOf('440703'),
      'double_random',
      ago(20 + i * 25),
      { completed: i % 3 !== 0 },
    );
  if (values.length === 0) return 0;

  await ctx.db.transaction(async (tx) => {
    await insertInspections(tx, values);
    await appendAuditEvent(tx, {
      actor: systemActor('系统（演示数据）'),
      action: 'system.demo.seeded',
      entityType: 'system',
      entityId: 'demo-inspections',
      territory: '440700',
      payload: { inspections: values.length, year, mergePeriod: governanceCatalog.merge.period },
      at: now,
    });
  });
  return values.length;
};
