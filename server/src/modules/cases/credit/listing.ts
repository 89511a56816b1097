import type { z } from 'zod';
import {
  listingPeriod,
  mayDecideListing,
  mayRecommendListing,
  mayRemoveListing,
  seriousDishonestyProposal,
} from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { shanghaiDate } from '../../../platform/http/dates.ts';
import { assertCan, type Actor } from '../../../platform/policy/policy.ts';
import { notFound, refused } from '../../../platform/problems/problem.ts';
import { findEnterpriseById } from '../../enterprises/index.ts';
import { lockCase } from '../access.ts';
import { audit } from '../audit.ts';
import { findBureauOfTerritory, type CaseRow } from '../repository.ts';
import { toDetail } from '../service.ts';
import type {
  ZListingDecisionSchema,
  ZListingRecommendationSchema,
  ZListingRemovalSchema,
  ZPublicPenaltyQuerySchema,
} from './model.ts';
import { findListingOfCase, insertListing, listPublicListings, updateListing } from './repository.ts';

// Issue 15 item 10 (令第11号): the bureau's answer to a listing the decision matched. An officer or legal reviewer of
// the case recommends listing or not with the judgement 第三条 asks for; the head who did not recommend it decides
// (谁处罚、谁决定、谁负责, 第四条); a listing is public until its end, or until the head removes it with a reason. Each
// step is audited in its transaction.

const proposalOf = (row: CaseRow) =>
  seriousDishonestyProposal({ violationCode: row.violationCode, tier: row.decisionTier });

export const recommendListing = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZListingRecommendationSchema>,
) => {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'update');
    const proposal = proposalOf(row);
    const existing = await findListingOfCase(tx, row.id, true);
    const verdict = mayRecommendListing({
      proposal,
      decided: row.decidedOn !== null && row.decisionTier !== null,
      existing: existing?.status ?? null,
    });
    if (!verdict.ok) throw refused(verdict);
    const criterion = proposal!;
    const enterprise = row.enterpriseId ? await findEnterpriseById(tx, row.enterpriseId) : undefined;
    const listing = await insertListing(tx, {
      caseId: row.id,
      territory: row.territory,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      creditCode: enterprise?.creditCode ?? null,
      criterionCode: criterion.code,
      criterion: criterion.criterion,
      recommendation: body.recommendation,
      reason: body.reason,
      status: 'recommended',
      recommendedBy: actor.id,
      recommendedByName: actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.listing.recommended',
      {
        listingId: listing.id,
        criterion: criterion.code,
        recommendation: body.recommendation,
        reason: body.reason,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

// the head's decision: to list (from today, for the catalogue's years) or not, with a reason where it departs from
// the recommendation
export const decideListing = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZListingDecisionSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'read');
    assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    const listing = await findListingOfCase(tx, row.id, true);
    if (!listing) throw notFound('列入意见');
    const verdict = mayDecideListing(listing, body, actor.id);
    if (!verdict.ok) throw refused(verdict);
    const listed = body.list;
    const period = listed ? listingPeriod(today) : null;
    await updateListing(tx, listing.id, {
      status: listed ? 'listed' : 'not_listed',
      decidedByName: actor.displayName,
      decisionNote: body.note || null,
      listedOn: listed ? today : null,
      endsOn: period?.endsOn ?? null,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.listing.decided',
      {
        listingId: listing.id,
        listed,
        note: body.note,
        listedOn: listed ? today : null,
        endsOn: period?.endsOn ?? null,
      },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

export const removeListing = async (
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof ZListingRemovalSchema>,
) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, actor, caseId, 'read');
    assertCan(actor, 'penalty_decision', 'approve', row, '案件');
    const listing = await findListingOfCase(tx, row.id, true);
    if (!listing) throw notFound('列入记录');
    const verdict = mayRemoveListing(listing, today);
    if (!verdict.ok) throw refused(verdict);
    await updateListing(tx, listing.id, {
      status: 'removed',
      removedOn: today,
      removalReason: body.reason,
      removedByName: actor.displayName,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      row,
      'penalty_case.listing.removed',
      { listingId: listing.id, reason: body.reason, removedOn: today, warning: verdict.warning },
      now,
    );
    return toDetail(ctx, tx, row);
  });
};

// the public list (no login): enterprises listed and not past the end, with the bureau that listed them
export const listPublicSeriousDishonesty = async (
  ctx: AppContext,
  query: Pick<z.infer<typeof ZPublicPenaltyQuerySchema>, 'territory'>,
) => {
  const today = shanghaiDate(ctx.clock.now());
  const rows = await listPublicListings(ctx.db, { today, territory: query.territory, limit: 200 });
  const authorities = new Map<string, string>();
  for (const territory of new Set(rows.map((r) => r.territory)))
    authorities.set(territory, (await findBureauOfTerritory(ctx.db, territory))?.name ?? '');
  return {
    items: rows.map((r) => ({
      id: r.id,
      enterpriseName: r.enterpriseName,
      creditCode: r.creditCode,
      criterion: r.criterion,
      authority: authorities.get(r.territory) ?? '',
      listedOn: r.listedOn!,
      endsOn: r.endsOn!,
    })),
  };
};
