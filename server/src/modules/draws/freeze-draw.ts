import {
  inspectionMatterByCode,
  inspectionMatterCatalog,
  inspectorPoolHash,
  poolHash,
} from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertJoinable, assertMayUse, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { findOrganisationById } from '../organisations/index.ts';
import type { TFreezeDraw } from './model.ts';
import { nodeSha256 } from './hasher.ts';
import {
  frozenExclusions,
  frozenStrata,
  rosterOfOrganisation,
  rosterOfTerritory,
  rosterOn,
} from './pools.ts';
import type { DrawPartner } from './schema.ts';
import { findBureauOfTerritory, findLiveDrawOfBatch, insertDraw, type DrawRow } from './repository.ts';

const bureauOf = async (tx: Tx, territory: string) => {
  const bureau = await findBureauOfTerritory(tx, territory);
  if (!bureau) throw problem('DRAW_NO_BUREAU', { measure: 9 });
  return bureau;
};

const partnersOf = async (tx: Tx, actor: Actor, ids: string[], date: string): Promise<DrawPartner[]> => {
  const result: DrawPartner[] = [];
  for (const id of ids) {
    // issue 12 item 2: another district's department is out of reach, as its id would be in the path
    const organisation = assertJoinable(
      actor,
      'organisation',
      await findOrganisationById(tx, id),
      '联合检查部门',
    );
    if (!organisation || organisation.kind !== 'department') {
      throw problem('DRAW_PARTNER_NOT_DEPARTMENT', { measure: 6 });
    }
    const roster = await rosterOn(tx, rosterOfOrganisation(id), date);
    if (roster.length < 2) {
      throw problem('DRAW_PARTNER_ROSTER_TOO_SMALL', { organisation: organisation.name }, { measure: 12 });
    }
    const inspectors = roster.map((member) => member.certificate);
    result.push({
      organisationId: id,
      organisationName: organisation.name,
      departmentType: organisation.departmentType,
      inspectors,
      inspectorPoolHash: inspectorPoolHash(inspectors, nodeSha256),
      record: null,
    });
  }
  return result;
};

// Items 1–3: freeze the pools and publish their hashes. Nothing random happens here.
export const freezeDraw = async (ctx: AppContext, actor: Actor, body: TFreezeDraw) => {
  assertMayUse(actor, 'draw', 'create');
  const unknown = body.matters.filter((code) => !inspectionMatterByCode(inspectionMatterCatalog, code));
  if (unknown.length) throw problem('UNKNOWN_MATTER', { matters: unknown }, { measure: 4 });
  const year = Number(body.inspectionDate.slice(0, 4));
  const month = Number(body.inspectionDate.slice(5, 7));
  return ctx.db.transaction(async (tx) => {
    if (body.source.kind === 'annual_plan_batch') {
      const existing = await findLiveDrawOfBatch(tx, body.source);
      if (existing) throw problem('DRAW_BATCH_ALREADY_DRAWN');
    }
    const { strata, stored, atCap, inPool } = await frozenStrata(tx, actor, body, year);
    const roster = await rosterOn(tx, rosterOfTerritory(actor), body.inspectionDate);
    const inspectors = roster.map((member) => member.certificate);
    if (inspectors.length < body.teamSize) {
      throw problem(
        'DRAW_NOT_ENOUGH_INSPECTORS',
        { available: inspectors.length, teamSize: body.teamSize },
        { measure: 12 },
      );
    }
    const sampleSize = strata.reduce((total, stratum) => total + stratum.k, 0);
    // default: the fewest assignments per officer that can staff every team, plus one for recusals
    const maxAssignmentsPerInspector =
      body.maxAssignmentsPerInspector ?? Math.ceil((sampleSize * body.teamSize) / inspectors.length) + 1;
    const exclusions = await frozenExclusions(tx, actor, strata, roster, inPool);
    const partners = await partnersOf(tx, actor, body.partners, body.inspectionDate);
    const bureau = await bureauOf(tx, actor.territory);
    const now = ctx.clock.now();
    // the codes stored as one text per stratum (StoredStratum), the record served as before
    const pools = {
      strata: stored,
      atCap,
      inspectors,
      exclusions,
      teamSize: body.teamSize,
      maxAssignmentsPerInspector,
    };
    // every column but the pools comes back: they are what was just written (a million codes, not read again)
    const inserted = await insertDraw(tx, {
      territory: actor.territory,
      organisationId: bureau.id,
      organisationName: bureau.name,
      title: body.title,
      year,
      month,
      source:
        body.source.kind === 'criteria'
          ? { kind: 'criteria', strata: body.source.strata.map(({ key, criteria }) => ({ key, criteria })) }
          : body.source,
      matters: body.matters,
      status: 'frozen',
      pools,
      poolHash: poolHash(strata, nodeSha256),
      inspectorPoolHash: inspectorPoolHash(inspectors, nodeSha256),
      enterpriseCount: strata.reduce((total, stratum) => total + stratum.codes.length, 0),
      sampleSize,
      inspectorCount: inspectors.length,
      inspectionDate: body.inspectionDate,
      frozenAt: now,
      frozenByName: actor.displayName,
      partners,
      createdAt: now,
    });
    const row: DrawRow = { ...inserted, pools };
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.pool.frozen',
      entityType: 'draw',
      entityId: row.id,
      territory: actor.territory,
      payload: {
        title: body.title,
        poolHash: row.poolHash,
        inspectorPoolHash: row.inspectorPoolHash,
        enterprises: row.enterpriseCount,
        sampleSize,
        inspectors: inspectors.length,
        atCap: atCap.length,
      },
      at: now,
    });
    return row;
  });
};
