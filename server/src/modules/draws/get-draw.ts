import { drawDisclosed, drawWindowClosesOn, exclusionReasonCode, inspectionStatusOf } from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import type { Db } from '../../platform/db/client.ts';
import { officersByCertificate } from '../officers/index.ts';
import type { ZDetailQuerySchema } from './model.ts';
import { stratumSize } from './pools.ts';
import { drawSummary, recordOf } from './draw-view.ts';
import { loadDraw, publicDraw } from './load-draw.ts';
import type { DrawRow } from './repository.ts';
import {
  countPlannedInspectionsOfDraw,
  findEnterpriseNamesByCodes,
  findInspectionsOfDrawByCodes,
} from './inspection.repository.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';

// Issue 12 item 9: whether the full record (who is inspected, by whom) is public yet: once the draw's
// inspections are all done, or its window has closed. Until then the public sees what binds the draw (pool
// hashes, entropy, witnesses by role, seed, resultHash), never whom it announces a visit to.
export const disclosureOf = async (ctx: AppContext, row: DrawRow) => {
  const windowClosesOn = drawWindowClosesOn(row.inspectionDate);
  if (!row.result) return { disclosed: false, windowClosesOn };
  const openInspections = await countPlannedInspectionsOfDraw(ctx.db, row.id);
  const today = shanghaiDate(ctx.clock.now());
  return {
    disclosed: drawDisclosed({ inspectionDate: row.inspectionDate, openInspections, today }),
    windowClosesOn,
  };
};

export const getDraw = async (
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  query: z.infer<typeof ZDetailQuerySchema>,
) => {
  if (actor) {
    const row = await loadDraw(ctx.db, actor, id, 'read');
    return drawDetail(ctx.db, row, query, { withResults: true, disclosed: true, publicView: false });
  }
  const row = await publicDraw(ctx.db, id);
  const { disclosed } = await disclosureOf(ctx, row);
  return drawDetail(ctx.db, row, query, {
    withResults: row.resultsPublishedAt !== null,
    disclosed,
    publicView: true,
  });
};

const drawDetail = async (
  db: Db,
  row: DrawRow,
  query: z.infer<typeof ZDetailQuerySchema>,
  view: { withResults: boolean; disclosed: boolean; publicView: boolean },
) => {
  const { withResults } = view;
  // before disclosure the public sees no selection at all, not even a count per enterprise
  const all = view.disclosed ? (row.result?.selected ?? []) : [];
  const matching = query.q ? all.filter((entry) => entry.enterprise.includes(query.q!.toUpperCase())) : all;
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const codes = page.map((entry) => entry.enterprise);
  const partnerTeams = row.partners.map(
    (partner) =>
      new Map((partner.record?.selected ?? []).map((entry) => [entry.enterprise, entry.inspectors])),
  );
  const names = await officersByCertificate(db, [
    ...page.flatMap((entry) => entry.inspectors),
    ...row.replacements.map((r) => r.replacement),
    ...partnerTeams.flatMap((team) => codes.flatMap((code) => team.get(code) ?? [])),
  ]);
  const enterpriseRows = await findEnterpriseNamesByCodes(db, codes);
  const enterpriseName = new Map(enterpriseRows.map((e) => [e.code, e.name]));
  const inspectionRows = await findInspectionsOfDrawByCodes(db, row.id, codes);
  const inspectionOf = new Map(inspectionRows.map((i) => [i.code, i]));
  const memberView = (certificate: string) => ({ certificate, name: names.get(certificate)?.name ?? null });
  return {
    ...drawSummary(row),
    strata: row.pools.strata.map((stratum) => ({
      key: stratum.key,
      k: stratum.k,
      candidates: stratumSize(stratum),
    })),
    atCap: row.pools.atCap,
    exclusions: row.pools.exclusions.length,
    maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
    selected: page.map((entry) => {
      const replacements = row.replacements.filter((r) => r.enterprise === entry.enterprise);
      const team = replacements.reduce(
        (members, r) => members.map((m) => (m === r.recused ? r.replacement : m)),
        entry.inspectors,
      );
      const inspection = inspectionOf.get(entry.enterprise);
      return {
        stratum: entry.stratum,
        creditCode: entry.enterprise,
        enterpriseName: enterpriseName.get(entry.enterprise) ?? null,
        inspectors: team.map(memberView),
        partners: row.partners.map((partner, index) => ({
          organisationName: partner.organisationName,
          inspectors: (partnerTeams[index]!.get(entry.enterprise) ?? []).map(memberView),
        })),
        replacements: replacements.map(({ recused, replacement, reason, recordedAt }) => ({
          recused,
          replacement,
          // issue 11 item 11: the public sees the reason's code, the declared text stays internal
          reason: view.publicView ? exclusionReasonCode(reason) : reason,
          recordedAt,
        })),
        inspectionId: withResults ? (inspection?.id ?? null) : null,
        inspectionStatus: inspection ? inspectionStatusOf(inspection.stage) : null,
        resultSummary: withResults ? (inspection?.resultSummary ?? null) : null,
      };
    }),
    selectedTotal: matching.length,
    disclosed: view.disclosed,
  };
};

// Item 8: the record. Staff of the territory read it once drawn; the public once it is disclosed (issue 12
// item 9: the inspections done or the window closed), and checks it against the resultHash published at the
// session (drawn or cancelled after the draw: both stay public).
export const getRecord = async (ctx: AppContext, actor: Actor | null, id: string) => {
  const row = actor ? await loadDraw(ctx.db, actor, id, 'read') : await publicDraw(ctx.db, id);
  const record = recordOf(row);
  if (!record) throw problem('DRAW_NOT_DRAWN', { detail: '只公布了名单哈希' });
  if (!actor) {
    const { disclosed, windowClosesOn } = await disclosureOf(ctx, row);
    if (!disclosed) throw problem('DRAW_RECORD_NOT_YET', { until: windowClosesOn });
  }
  return {
    ...record,
    ...(row.result?.resultHash ? { resultHash: row.result.resultHash } : {}),
    partners: row.partners
      .filter((p) => p.record)
      .map((p) => ({ organisationName: p.organisationName, record: p.record! })),
    replacements: row.replacements.map(({ enterprise, recused, replacement, reason, recordedAt }) => ({
      enterprise,
      recused,
      replacement,
      reason: exclusionReasonCode(reason),
      recordedAt,
    })),
  };
};
