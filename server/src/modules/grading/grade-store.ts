import { createHash } from 'node:crypto';
import { compileGradingCatalog, gradeChanged, gradingCatalog, type GradingResult } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import type { AuditActor } from '../../platform/audit/service.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { findEnterpriseById } from '../enterprises/index.ts';
import { assembleFacts, type RegistryProfile } from './facts.ts';
import {
  findFactsInForce,
  findGradeByEnterpriseId,
  insertGradeChange,
  updateEnterpriseKeyStatus,
  upsertGrade,
} from './repository.ts';

// Compiled once per process: grading a million enterprises parses the catalogue once.
export const grade = compileGradingCatalog(gradingCatalog);

export type GradeTrigger = 'fact' | 'registry' | 'regrade' | 'seed';
export type GradeSnapshot = Pick<GradingResult, 'class' | 'riskGrade' | 'enforcementLevel' | 'score'>;

export const snapshot = (result: GradingResult): GradeSnapshot => ({
  class: result.class,
  riskGrade: result.riskGrade,
  enforcementLevel: result.enforcementLevel,
  score: result.score,
});

export const digestOf = (result: GradingResult): string =>
  createHash('sha1').update(JSON.stringify(result)).digest('base64url');

// measure 4: the enterprise's key status is its grading class, with the class reasons beside it.
export const keyStatus = (result: GradingResult) => ({
  isKey: result.class === 'key',
  keyReasons: result.reasons
    .filter((reason) => reason.effect === 'class')
    .map((reason) => ({ code: reason.rule, name: reason.text })),
});

// measure 4 for enterprises not registered yet (a workbook's new rows): nothing is recorded about them but
// their registry profile, so their key status is known before they are inserted, and they are inserted with it
// rather than inserted and then rewritten. Profiles repeat, so each distinct one is graded once per call.
export const keyStatusesOfNew = (
  profiles: readonly RegistryProfile[],
  now: Date,
): ReturnType<typeof keyStatus>[] => {
  const date = shanghaiDate(now);
  const byProfile = new Map<string, ReturnType<typeof keyStatus>>();
  return profiles.map((profile) => {
    const key = `${profile.industry}|${profile.dustWorkers}|${profile.usesLiquidAmmonia}|${profile.hasDeepWellCasting}`;
    let status = byProfile.get(key);
    if (!status) {
      status = keyStatus(grade(assembleFacts(profile, []), date));
      byProfile.set(key, status);
    }
    return status;
  });
};

export const changeSummary = (previous: GradingResult | null, next: GradingResult): string => {
  if (!previous) {
    return `首次分级：${next.class === 'key' ? '重点' : '一般'}企业，${gradeNames[next.riskGrade]}，${next.enforcementLevel === 'city_organised' ? '市级组织' : '县级'}检查`;
  }
  const change = gradeChanged(previous, next);
  const texts = change.fields.map((field) => field.text);
  const added = change.reasonsAdded.map((reason) => `新增依据：${reason.text}`);
  const removed = change.reasonsRemoved.map((reason) => `不再适用：${reason.text}`);
  return [...texts, ...added, ...removed].join('；') || '分级依据更新';
};

const gradeNames: Record<string, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };

export type RegradeOutcome = { result: GradingResult; change: { summary: string } | null };

// measure 3 (动态管理): regrades one enterprise inside the transaction that changed one of its inputs,
// records the change of grade with its reason, and writes an audit event for it.
export const regradeEnterprise = async (
  tx: Tx,
  ctx: AppContext,
  options: { enterpriseId: string; trigger: GradeTrigger; actor: AuditActor },
): Promise<RegradeOutcome> => {
  const now = ctx.clock.now();
  const row = await findEnterpriseById(tx, options.enterpriseId);
  if (!row) throw new Error(`enterprise ${options.enterpriseId} vanished inside its own transaction`);
  const facts = await findFactsInForce(tx, row.id);
  const result = grade(assembleFacts(row, facts), shanghaiDate(now));
  const digest = digestOf(result);
  const stored = await findGradeByEnterpriseId(tx, row.id);
  if (stored?.digest === digest && stored.territory === row.territory) return { result, change: null };

  const previous = (stored?.result as GradingResult | undefined) ?? null;
  const summary = changeSummary(previous, result);
  const values = {
    enterpriseId: row.id,
    territory: row.territory,
    class: result.class,
    riskGrade: result.riskGrade,
    enforcementLevel: result.enforcementLevel,
    score: result.score,
    result,
    digest,
    catalogVersion: result.catalogVersion,
    gradedOn: shanghaiDate(now),
    gradedAt: now,
  };
  await upsertGrade(tx, values);
  await updateEnterpriseKeyStatus(tx, row.id, keyStatus(result));
  if (stored?.digest !== digest) {
    await insertGradeChange(tx, {
      enterpriseId: row.id,
      territory: row.territory,
      at: now,
      trigger: options.trigger,
      fromGrade: previous ? snapshot(previous) : null,
      toGrade: snapshot(result),
      summary,
    });
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: 'enterprise.grade.changed',
      entityType: 'enterprise',
      entityId: row.id,
      territory: row.territory,
      payload: {
        trigger: options.trigger,
        from: previous ? snapshot(previous) : null,
        to: snapshot(result),
        summary,
      },
      at: now,
    });
  }
  return { result, change: stored?.digest === digest ? null : { summary } };
};
