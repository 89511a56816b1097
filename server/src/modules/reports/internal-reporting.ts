import { randomUUID } from 'node:crypto';
import { lacksInternalReporting, reportsCatalog } from '@inspecta/domain/reports';
import { readerBasis, territoryName } from '@inspecta/domain';
import { appendAuditEvents } from '../../platform/audit/service.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { isUuid } from '../../platform/http/paging.ts';
import { assertCan, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { recordInternalReportingMechanism } from '../grading/index.ts';
import {
  enterprisesWithoutSystem,
  findEnterpriseBrief,
  findSystemOfEnterprise,
  insertPayout,
  insertSystem,
  payoutsOf,
} from './repository.ts';

// 安委〔2024〕7号: an enterprise's internal reporting-reward mechanism (事故隐患内部报告奖励机制) and its payouts;
// an enterprise of a key industry without one after the deadline is flagged (shown on the enterprise's page
// and listed for the bureau; issue 17 item 2: registering it records a fact of the grading and regrades the
// enterprise, whose grade lists the missing mechanism among its reasons).
const enterpriseOf = async (
  ctx: AppContext,
  actor: Actor,
  enterpriseId: string,
  action: 'read' | 'create' | 'update',
) => {
  const enterprise = isUuid(enterpriseId) ? await findEnterpriseBrief(ctx.db, enterpriseId) : undefined;
  return assertCan(actor, 'internal_reporting', action, enterprise, '企业');
};

export const internalReportingOf = async (ctx: AppContext, actor: Actor, enterpriseId: string) => {
  const enterprise = await enterpriseOf(ctx, actor, enterpriseId, 'read');
  const system = await findSystemOfEnterprise(ctx.db, enterprise.id);
  const payouts = system ? await payoutsOf(ctx.db, system.id) : [];
  const today = shanghaiDate(ctx.clock.now());
  const entry = reportsCatalog.internalReporting;
  return {
    enterpriseId: enterprise.id,
    system: system
      ? {
          id: system.id,
          establishedOn: system.establishedOn,
          channels: system.channels,
          rewardRule: system.rewardRule,
          registeredByName: system.registeredByName,
          registeredAt: system.registeredAt.toISOString(),
        }
      : null,
    payouts: payouts.map((p) => ({
      id: p.id,
      paidOn: p.paidOn,
      amountYuan: p.amountYuan,
      hazard: p.hazard,
      recordedByName: p.recordedByName,
    })),
    totalPaidYuan: payouts.reduce((sum, p) => sum + p.amountYuan, 0),
    flagged: lacksInternalReporting(
      { industry: enterprise.industry, hasMechanism: system !== undefined },
      today,
    ),
    basis: entry.name,
    basisSource: readerBasis(entry.source),
    basisVerified: entry.verified,
  };
};

export const registerInternalReporting = async (
  ctx: AppContext,
  actor: Actor,
  enterpriseId: string,
  input: { establishedOn: string; channels: string; rewardRule: string },
) => {
  const enterprise = await enterpriseOf(ctx, actor, enterpriseId, 'create');
  return ctx.db.transaction(async (tx) => {
    if (await findSystemOfEnterprise(tx, enterprise.id)) throw problem('INTERNAL_REPORTING_EXISTS');
    const now = ctx.clock.now();
    if (input.establishedOn > shanghaiDate(now))
      throw problem('BAD_REQUEST', {
        errors: [{ path: ['establishedOn'], message: '建立日期不得晚于今天' }],
      });
    const id = randomUUID();
    await insertSystem(tx, {
      id,
      enterpriseId: enterprise.id,
      territory: enterprise.territory,
      ...input,
      registeredByName: actor.displayName,
      registeredAt: now,
    });
    await appendAuditEvents(tx, [
      {
        actor: { id: actor.id, displayName: actor.displayName },
        action: 'internal_reporting.registered',
        entityType: 'enterprise',
        entityId: enterprise.id,
        territory: enterprise.territory,
        payload: { systemId: id, establishedOn: input.establishedOn },
        at: now,
      },
    ]);
    // issue 17 item 2: the mechanism is an input of the grading; the enterprise is regraded in this transaction
    await recordInternalReportingMechanism(tx, ctx, {
      enterpriseId: enterprise.id,
      territory: enterprise.territory,
      mechanism: { establishedOn: input.establishedOn, systemId: id },
      actor: { id: actor.id, displayName: actor.displayName },
    });
    return { id };
  });
};

export const recordInternalPayout = async (
  ctx: AppContext,
  actor: Actor,
  enterpriseId: string,
  input: { paidOn: string; amountYuan: number; hazard: string },
) => {
  const enterprise = await enterpriseOf(ctx, actor, enterpriseId, 'update');
  return ctx.db.transaction(async (tx) => {
    const system = await findSystemOfEnterprise(tx, enterprise.id);
    if (!system) throw problem('INTERNAL_REPORTING_MISSING');
    const now = ctx.clock.now();
    if (input.paidOn > shanghaiDate(now) || input.paidOn < system.establishedOn)
      throw problem('BAD_REQUEST', {
        errors: [{ path: ['paidOn'], message: '发放日期应在机制建立之后、不晚于今天' }],
      });
    await insertPayout(tx, { systemId: system.id, ...input, recordedByName: actor.displayName });
    await appendAuditEvents(tx, [
      {
        actor: { id: actor.id, displayName: actor.displayName },
        action: 'internal_reporting.payout.recorded',
        entityType: 'enterprise',
        entityId: enterprise.id,
        territory: enterprise.territory,
        payload: { systemId: system.id, paidOn: input.paidOn, amountYuan: input.amountYuan },
        at: now,
      },
    ]);
  });
};

export const enterprisesLackingInternalReporting = async (ctx: AppContext, actor: Actor) => {
  const today = shanghaiDate(ctx.clock.now());
  const entry = reportsCatalog.internalReporting;
  if (today <= entry.keyIndustriesDeadline) return [];
  const rows = await enterprisesWithoutSystem(
    ctx.db,
    (columns) => scopeCondition(actor, 'internal_reporting', columns),
    entry.industryCodes,
  );
  return rows.map((row) => ({ ...row, territoryName: territoryName(row.territory) ?? row.territory }));
};
