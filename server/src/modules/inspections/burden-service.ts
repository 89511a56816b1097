import { burdenLevel, governanceCatalog, inspectionStatusOf, territoryName } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import {
  assertCan,
  assertMayUse,
  seesOnlyCompletedInspections,
  type Actor,
} from '../../platform/policy/policy.ts';
import { scopeCondition, territoryCondition } from '../../platform/db/scope.ts';
import { burdenFrom, burdenOf, capsOf } from './burden.ts';
import { COUNTED_STAGES, type ZBurdenQuerySchema } from './model.ts';
import { inspections } from './schema.ts';
import { countCountedByDepartmentAndKind, listBurdenRows } from './burden.repository.ts';
import { findEnterpriseSummary, findInspectionsOfEnterpriseYear } from './repository.ts';

// Issue 6 item 10: one view, for the bureau and for the enterprise itself, of how often each enterprise is
// inspected this year across departments and modes, against its allowance (a gas company in the news hosted
// 326 inspections in a year).

export const thisYear = (ctx: AppContext) => Number(shanghaiDate(ctx.clock.now()).slice(0, 4));

export const bureauBurden = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZBurdenQuerySchema>,
) => {
  assertMayUse(actor, 'inspection', 'read');
  const year = query.year ?? thisYear(ctx);
  const { yellowFrom, redFrom } = governanceCatalog.burden;
  const { rows, total } = await listBurdenRows(
    ctx.db,
    {
      scope: scopeCondition(actor, 'inspection', { territory: inspections.territory }),
      territory:
        query.territory === undefined
          ? undefined
          : territoryCondition(query.territory, inspections.territory),
      year,
      level: query.level,
      yellowFrom,
      redFrom,
    },
    query,
  );
  const ids = rows.map((row) => row.enterpriseId);
  const caps = await capsOf(ctx.db, ids);
  const breakdown = ids.length === 0 ? [] : await countCountedByDepartmentAndKind(ctx.db, ids, year);
  const tally = (enterpriseId: string, key: 'organisationName' | 'kind') => {
    const sums = new Map<string, number>();
    for (const part of breakdown)
      if (part.enterpriseId === enterpriseId) sums.set(part[key], (sums.get(part[key]) ?? 0) + part.n);
    return [...sums].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    items: rows.map((row) => ({
      ...burdenFrom(
        row.enterpriseId,
        year,
        row.n,
        caps.get(row.enterpriseId) ?? { cap: null, capVerified: false, capSource: null },
      ),
      enterpriseName: row.enterpriseName,
      creditCode: row.creditCode,
      territory: row.territory,
      territoryName: territoryName(row.territory) ?? row.territory,
      byDepartment: tally(row.enterpriseId, 'organisationName').map(([organisationName, count]) => ({
        organisationName,
        count,
      })),
      byKind: tally(row.enterpriseId, 'kind').map(([kind, count]) => ({ kind, count })),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};

// Readable by staff in territory and by the enterprise user for its own enterprise. The enterprise sees the
// inspections it has hosted (completed): planned ones, a draw's above all, are not announced in advance.
export const enterpriseBurden = async (ctx: AppContext, actor: Actor, id: string, year = thisYear(ctx)) => {
  const enterprise = isUuid(id) ? await findEnterpriseSummary(ctx.db, id) : undefined;
  assertCan(actor, 'enterprise', 'read', enterprise, '企业');
  const completedOnly = seesOnlyCompletedInspections(actor);
  const rows = await findInspectionsOfEnterpriseYear(
    ctx.db,
    enterprise!.id,
    year,
    completedOnly ? 'completed' : undefined,
  );
  const burden = completedOnly
    ? burdenFrom(
        enterprise!.id,
        year,
        rows.length,
        (await capsOf(ctx.db, [enterprise!.id])).get(enterprise!.id) ?? {
          cap: null,
          capVerified: false,
          capSource: null,
        },
      )
    : (await burdenOf(ctx.db, [enterprise!.id], year)).get(enterprise!.id)!;
  return {
    ...burden,
    level: burdenLevel(burden.count),
    enterpriseName: enterprise!.name,
    completedOnly,
    inspections: rows.map((row) => ({
      id: row.id,
      organisationName: row.organisationName,
      departmentType: row.departmentType,
      partners: row.partners.map((partner) => partner.organisationName),
      kind: row.kind,
      plannedOn: row.plannedOn,
      status: inspectionStatusOf(row.stage),
      completedOn: row.completedOn,
      matters: row.matters,
      counted: COUNTED_STAGES.includes(row.stage),
    })),
  };
};
