import type { z } from 'zod';
import { closureProposal, firmnessCatalog, violationByCode } from '@inspecta/domain';
import type { AppContext } from '../../../platform/http/context.ts';
import { scopeCondition } from '../../../platform/db/scope.ts';
import { assertMayUse, type Actor } from '../../../platform/policy/policy.ts';
import { caseClosureProposals, penaltyCases } from '../schema.ts';
import type { TClosureListItem, ZClosureListQuerySchema } from './model.ts';
import { closureOnFactsIn, closureProposalsOf, majorDangerPenalties } from './repository.ts';

// 安全生产法 第一百一十三条第一款 for the bureau. Item (一): every enterprise of its territory whose decided penalties
// for a major hidden danger met the rule at one of its decisions, the latest such decision first, and when the
// head last recorded a proposal as sent for one of its cases. Items (二) to (四): the proposals the heads recorded
// on the facts. The sets are small (only decided penalties for major hidden dangers, only recorded proposals).
export const listClosureProposals = async (
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof ZClosureListQuerySchema>,
) => {
  assertMayUse(actor, 'penalty_case', 'read');
  const rows = await majorDangerPenalties(
    ctx.db,
    scopeCondition(actor, 'penalty_case', { territory: penaltyCases.territory }),
  );
  const byEnterprise = new Map<string, typeof rows>();
  for (const row of rows)
    byEnterprise.set(row.enterpriseId!, [...(byEnterprise.get(row.enterpriseId!) ?? []), row]);
  const found: (TClosureListItem & { caseIds: string[] })[] = [];
  for (const cases of byEnterprise.values()) {
    const penalties = cases.map((c) => ({
      caseId: c.id,
      decidedOn: c.decidedOn!,
      underWorkSafetyLaw:
        c.violationCode !== null && violationByCode(c.violationCode)?.lawCode === 'work_safety_law',
      penalised: true,
      majorHiddenDanger: true,
    }));
    // the latest decision at which the rule was met
    for (const latest of [...cases].sort((a, b) => (a.decidedOn! < b.decidedOn! ? 1 : -1))) {
      const proposal = closureProposal({ penalties, asOf: latest.decidedOn! });
      if (!proposal?.caseIds.includes(latest.id)) continue;
      const references = new Map(cases.map((c) => [c.id, c.reference]));
      found.push({
        caseIds: cases.map((c) => c.id),
        enterpriseId: latest.enterpriseId!,
        enterpriseName: latest.enterpriseName,
        item: proposal.item,
        provision: proposal.provision,
        text: proposal.text,
        window: proposal.window,
        summary: null,
        case: { id: latest.id, reference: latest.reference },
        cases: proposal.caseIds.map((id) => ({ id, reference: references.get(id) ?? '' })),
        sentOn: null,
      });
      break;
    }
  }
  // the latest proposal the head recorded for any of the enterprise's cases
  const recorded = await closureProposalsOf(
    ctx.db,
    found.flatMap((item) => item.caseIds),
  );
  const sentOn = (ids: string[]) =>
    recorded
      .filter((row) => ids.includes(row.caseId))
      .map((row) => row.sentOn)
      .sort()
      .at(-1) ?? null;
  // items (二) to (四): what the heads recorded on the facts
  const onFacts = (
    await closureOnFactsIn(
      ctx.db,
      scopeCondition(actor, 'penalty_case', { territory: caseClosureProposals.territory }),
    )
  ).map(({ proposal, reference, enterpriseName }) => {
    const item = firmnessCatalog.closure.items.find((entry) => entry.item === proposal.item);
    const facts = proposal.facts as { summary?: string } | null;
    return {
      enterpriseId: proposal.enterpriseId ?? '',
      enterpriseName,
      item: proposal.item,
      provision: item?.provision ?? '',
      text: item?.text ?? '',
      window: null,
      summary: facts?.summary ?? null,
      case: { id: proposal.caseId, reference },
      cases: [],
      sentOn: proposal.sentOn,
      day: proposal.sentOn,
    };
  });
  const items = [
    ...found.map(({ caseIds, ...item }) => ({ ...item, sentOn: sentOn(caseIds), day: item.window!.to })),
    ...onFacts,
  ]
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
    .map(({ day: _day, ...item }) => item);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: items.slice(start, start + query.pageSize),
    total: items.length,
    page: query.page,
    pageSize: query.pageSize,
    totalIsLowerBound: false,
  };
};
