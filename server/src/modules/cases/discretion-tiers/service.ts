import type { z } from 'zod';
import {
  BAND_TIERS,
  PLACEHOLDER_TIER_CONDITIONS,
  TIER_NAMES,
  TIERS,
  discretionCatalog,
  overlayScheme,
  schemeKindsOf,
  tierEditsInForce,
  validateTierEdit,
  violationByCode,
  violationCatalog,
  type Tier,
  type TierBand,
  type TierEdit,
} from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { appendAuditEvent } from '../../../platform/audit/service.ts';
import {
  assertMayEditDiscretionTiers,
  assertMayUse,
  mayEditDiscretionTiers,
  type Actor,
} from '../../../platform/policy/policy.ts';
import { notFound, refused } from '../../../platform/problems/problem.ts';
import type { TViolationTiers, ZTierEditInputSchema } from './model.ts';
import {
  insertTierEdits,
  lockViolationTiers,
  tierEditRowsOf,
  tierEditRowsOfCity,
  toTierEdit,
} from './repository.ts';

// issue 15 item 2 (measure 17): the legal reviewer edits a violation's discretion tiers; every edit is kept, the
// tiers in force on a day are the placeholder overlaid by the latest edit in force that day. The tiers are the
// city bureau's (the city's 适用规则): a district's case reads its city's edits.

export const cityOf = (territory: string): string =>
  territory.endsWith('00') ? territory : `${territory.slice(0, 4)}00`;

// The city's edits of a violation, for the engine (proposals) and the views.
export const tierEditsOf = async (db: Db | Tx, territory: string, violationCode: string) =>
  (await tierEditRowsOf(db, cityOf(territory), violationCode)).map(toTierEdit);

// Every edit of the city, for the catalogue page's marks.
export const tierEditsOfCity = async (db: Db | Tx, territory: string) =>
  (await tierEditRowsOfCity(db, cityOf(territory))).map(toTierEdit);

const bandText = (band: TierBand | null): string =>
  band ? `${band.fromPercent}%–${band.toPercent}%（建议值 ${band.pointPercent}%）` : '按法定幅度暂定分档';
const mitigatedText = (percent: number | null): string =>
  percent === null ? '按暂定规则' : `法定下限的 ${percent}%`;

type TierValues = Pick<TierEdit, 'band' | 'mitigatedPercentOfMinimum' | 'conditions' | 'source' | 'verified'>;

const placeholderOf = (tier: Tier): TierValues => ({
  band: null,
  mitigatedPercentOfMinimum: null,
  conditions: PLACEHOLDER_TIER_CONDITIONS[tier],
  source: discretionCatalog.schemes[0]?.source ?? '',
  verified: false,
});

const changesOf = (tier: Tier, before: TierValues, after: TierValues) => {
  const fields: [string, string, string][] = [
    ['适用条件', before.conditions, after.conditions],
    ...((BAND_TIERS as readonly Tier[]).includes(tier)
      ? [['罚款幅度', bandText(before.band), bandText(after.band)] as [string, string, string]]
      : []),
    ...(tier === 'mitigated'
      ? [
          [
            '减轻处罚建议值',
            mitigatedText(before.mitigatedPercentOfMinimum),
            mitigatedText(after.mitigatedPercentOfMinimum),
          ] as [string, string, string],
        ]
      : []),
    ['依据', before.source, after.source],
    ['核实', before.verified ? '已核实' : '待法制审核', after.verified ? '已核实' : '待法制审核'],
  ];
  return fields
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => ({ field, before: from, after: to }));
};

export const violationTiers = async (
  db: Db | Tx,
  actor: Actor,
  code: string,
  on: string,
): Promise<TViolationTiers> => {
  const violation = violationByCode(code);
  if (!violation) throw notFound('违法行为');
  const territory = cityOf(actor.territory);
  const edits = (await tierEditsOf(db, territory, violation.code)).sort(
    (a, b) => a.sequence - b.sequence || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier),
  );
  const inForce = tierEditsInForce(edits, violation.code, on);
  const placeholderEffective = discretionCatalog.schemes[0]?.effective ?? discretionCatalog.effective;
  // the history, newest first, each edit against the tier as it stood before it was recorded
  const lastOf = new Map<Tier, TierValues>();
  const history = edits.map((edit) => {
    const before = lastOf.get(edit.tier) ?? placeholderOf(edit.tier);
    lastOf.set(edit.tier, edit);
    return {
      id: edit.id,
      tier: edit.tier,
      tierName: TIER_NAMES[edit.tier],
      band: edit.band,
      mitigatedPercentOfMinimum: edit.mitigatedPercentOfMinimum,
      conditions: edit.conditions,
      source: edit.source,
      verified: edit.verified,
      effective: edit.effective,
      editorName: edit.editorName,
      reason: edit.reason,
      createdAt: edit.createdAt,
      changes: changesOf(edit.tier, before, edit),
    };
  });
  return {
    violationCode: violation.code,
    violation: violation.violation,
    provision: violation.provision,
    territory,
    on,
    mayEdit: mayEditDiscretionTiers(actor),
    tiers: TIERS.map((tier) => {
      const edit = inForce[tier];
      const values = edit ?? placeholderOf(tier);
      return {
        tier,
        tierName: TIER_NAMES[tier],
        editId: edit?.id ?? null,
        conditions: values.conditions,
        band: values.band,
        mitigatedPercentOfMinimum: values.mitigatedPercentOfMinimum,
        source: values.source,
        verified: values.verified,
        effective: edit?.effective ?? placeholderEffective,
        editorName: edit?.editorName ?? null,
      };
    }),
    schemes: schemeKindsOf(violation).flatMap((kind) => {
      const scheme = discretionCatalog.schemes.find((candidate) => candidate.appliesTo === kind);
      if (!scheme) return [];
      const overlaid = overlayScheme(scheme, inForce);
      return [
        {
          kind,
          name: scheme.name,
          ...overlaid.bands,
          mitigatedPercentOfMinimum: overlaid.mitigatedPercentOfMinimum,
        },
      ];
    }),
    // newest edit first, its tiers in the catalogue's order
    history: history
      .map((entry, index) => ({ entry, sequence: edits[index]!.sequence }))
      .sort((a, b) => b.sequence - a.sequence)
      .map(({ entry }) => entry),
  };
};

export const getViolationTiers = async (
  ctx: AppContext,
  actor: Actor,
  code: string,
  on: string | undefined,
) => {
  assertMayUse(actor, 'catalog', 'read');
  return violationTiers(ctx.db, actor, code, on ?? shanghaiDate(ctx.clock.now()));
};

export const recordTierEdit = async (
  ctx: AppContext,
  actor: Actor,
  code: string,
  body: z.infer<typeof ZTierEditInputSchema>,
) => {
  assertMayEditDiscretionTiers(actor);
  const violation = violationByCode(code);
  if (!violation) throw notFound('违法行为');
  const territory = cityOf(actor.territory);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockViolationTiers(tx, territory, violation.code);
    const existing = await tierEditsOf(tx, territory, violation.code);
    const checked = validateTierEdit({
      violation,
      tiers: body.tiers,
      source: body.source,
      verified: body.verified,
      effective: body.effective,
      existing,
    });
    if (!checked.ok) throw refused(checked);
    const sequence = existing.reduce((max, edit) => Math.max(max, edit.sequence), 0) + 1;
    const rows = await insertTierEdits(
      tx,
      body.tiers.map((input) => ({
        territory,
        violationCode: violation.code,
        tier: input.tier,
        fromPercent: input.band?.fromPercent ?? null,
        toPercent: input.band?.toPercent ?? null,
        pointPercent: input.band?.pointPercent ?? null,
        mitigatedPercentOfMinimum: input.mitigatedPercentOfMinimum,
        conditions: input.conditions,
        source: body.source,
        verified: body.verified,
        effective: body.effective,
        editorId: actor.id,
        editorName: actor.displayName,
        reason: body.reason,
        createdAt: now,
        sequence,
      })),
    );
    await appendAuditEvent(tx, {
      actor,
      action: 'discretion_tier.edit.recorded',
      entityType: 'discretion_tier',
      entityId: violation.code,
      territory,
      payload: {
        violationCode: violation.code,
        editIds: rows.map((row) => row.id),
        tiers: body.tiers.map((input) => ({ ...input })),
        effective: body.effective,
        source: body.source,
        verified: body.verified,
        reason: body.reason,
      },
      at: now,
    });
    return violationTiers(tx, actor, violation.code, body.effective);
  });
};

// 行政处罚法 第三十四条 ("行政处罚裁量基准应当向社会公布"): every violation in force on `on` with the city's tiers in
// force, each with its conditions, band and whether a legal reviewer has verified it (待法制审核 otherwise). The
// public reads it on the portal; nothing of who edited it.
export const publicBenchmarks = async (db: Db | Tx, territory: string, on: string) => {
  const city = cityOf(territory);
  const edits = (await tierEditRowsOfCity(db, city)).map(toTierEdit);
  const placeholderEffective = discretionCatalog.schemes[0]?.effective ?? discretionCatalog.effective;
  return violationCatalog.entries
    .filter((violation) => !violation.until || violation.until > on)
    .map((violation) => {
      const inForce = tierEditsInForce(edits, violation.code, on);
      return {
        violationCode: violation.code,
        violation: violation.violation,
        provision: violation.provision,
        penaltyText: violation.penaltyText,
        tiers: TIERS.map((tier) => {
          const edit = inForce[tier];
          const values = edit ?? placeholderOf(tier);
          return {
            tier,
            tierName: TIER_NAMES[tier],
            conditions: values.conditions,
            band: bandText(values.band),
            source: values.source,
            verified: values.verified,
            effective: edit?.effective ?? placeholderEffective,
          };
        }),
      };
    });
};
