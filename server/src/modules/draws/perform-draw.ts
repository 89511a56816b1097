import {
  WITNESS_ROLES,
  drawResultHash,
  performDraw,
  publishedExclusions,
  publishedWitness,
  sortByCodePoint,
  type DrawRecord,
  type Witness,
} from '@inspecta/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/http/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { problem, refused } from '../../platform/problems/problem.ts';
import { appendAuditEvent } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/client.ts';
import { officersByCertificate } from '../officers/index.ts';
import type { ZPerformDrawSchema } from './model.ts';
import { nodeSha256 } from './hasher.ts';
import { drawStrata } from './pools.ts';
import type { DrawPartner } from './schema.ts';
import { member } from './draw-view.ts';
import { loadDraw } from './load-draw.ts';
import { updateDraw, type DrawRow } from './repository.ts';
import { insertPlannedInspections } from './inspection.repository.ts';

// Items 4–7: the session. The record is computed once; a refusal (too few officers) leaves the draw frozen and
// nothing published. The selected enterprises become planned double-random inspections in the same transaction.
export const performDrawSession = async (
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ZPerformDrawSchema>,
) => {
  return ctx.db.transaction(async (tx) => {
    const row = await loadDraw(tx, actor, id, 'create', true);
    if (row.status !== 'frozen')
      throw problem(row.status === 'drawn' ? 'DRAW_ALREADY_DRAWN' : 'DRAW_ALREADY_CANCELLED');
    // pools frozen as text (StoredStratum) passed every check of their codes then; their hash, recomputed,
    // must still equal the published one (performDraw refuses otherwise)
    const checkedWhenFrozen = row.pools.strata.every((stratum) => 'lines' in stratum);
    // issue 11 item 11: the record names a witness by role unless the witness acts in office
    const witnessDetails: Witness[] = body.witnesses.map((witness) =>
      typeof witness === 'string' ? { name: witness, role: 'witness' } : witness,
    );
    const witnesses = witnessDetails.map(publishedWitness);
    const drawn = performDraw(
      {
        strata: drawStrata(row.pools.strata),
        inspectors: row.pools.inspectors,
        exclusions: row.pools.exclusions,
        teamSize: row.pools.teamSize,
        maxAssignmentsPerInspector: row.pools.maxAssignmentsPerInspector,
        inspectionDate: row.inspectionDate,
        publicEntropy: body.publicEntropy,
        witnesses,
        publishedPoolHash: row.poolHash,
        publishedInspectorPoolHash: row.inspectorPoolHash,
      },
      { poolsCheckedWhenFrozen: checkedWhenFrozen, createHasher: nodeSha256 },
    );
    if (!drawn.ok) throw refused(drawn);
    const { record } = drawn;
    // measure 6: each partner department's teams, by the same algorithm, from its own frozen roster
    const selectedCodes = sortByCodePoint(record.selected.map((entry) => entry.enterprise));
    const partners: DrawPartner[] = [];
    for (const partner of row.partners) {
      const joint = performDraw({
        strata: [{ key: 'joint', codes: selectedCodes, k: selectedCodes.length }],
        inspectors: partner.inspectors,
        exclusions: [],
        teamSize: 2,
        maxAssignmentsPerInspector: Math.max(1, selectedCodes.length),
        inspectionDate: row.inspectionDate,
        publicEntropy: body.publicEntropy,
        witnesses,
        publishedInspectorPoolHash: partner.inspectorPoolHash,
      });
      if (!joint.ok) throw refused(joint);
      partners.push({ ...partner, record: joint.record });
    }
    const now = ctx.clock.now();
    // issue 12 item 9: the hash of the full record as it will be published, committed now
    const resultHash = drawResultHash({
      ...record,
      exclusions: publishedExclusions(record.exclusions),
      partners: partners.map((partner) => ({
        organisationName: partner.organisationName,
        record: partner.record!,
      })),
    });
    const result = {
      publicEntropy: record.publicEntropy,
      witnesses: record.witnesses,
      seed: record.seed,
      selected: record.selected,
      resultHash,
      witnessDetails,
    };
    await updateDraw(tx, row.id, {
      status: 'drawn',
      result,
      partners,
      drawnAt: now,
      drawnByName: actor.displayName,
    });
    await createInspections(tx, actor, row, record, partners, now);
    await appendAuditEvent(tx, {
      actor,
      action: 'draw.performed',
      entityType: 'draw',
      entityId: row.id,
      territory: row.territory,
      payload: {
        publicEntropy: record.publicEntropy,
        // internal: who witnessed, by name and role
        witnesses: witnessDetails.map((witness) => `${WITNESS_ROLES[witness.role].name} ${witness.name}`),
        seed: record.seed,
        selected: record.selected.length,
        resultHash,
      },
      at: now,
    });
    // what was just written, not the row read again (its pools hold a million codes)
    return {
      ...row,
      status: 'drawn',
      result,
      partners,
      drawnAt: now,
      drawnByName: actor.displayName,
    } satisfies DrawRow;
  });
};

// One planned inspection per selected enterprise, with its teams (insertPlannedInspections writes them in
// a few statements, however many there are).
const createInspections = async (
  tx: Tx,
  actor: Actor,
  row: DrawRow,
  record: DrawRecord,
  partners: DrawPartner[],
  now: Date,
) => {
  const partnerTeams = partners.map(
    (partner) => new Map(partner.record!.selected.map((entry) => [entry.enterprise, entry.inspectors])),
  );
  const names = await officersByCertificate(tx, [
    ...record.selected.flatMap((entry) => entry.inspectors),
    ...partners.flatMap((p) => p.inspectors),
  ]);
  const rows = record.selected.map((entry) => ({
    code: entry.enterprise,
    team: entry.inspectors.map((certificate) => member(names, certificate)),
    partners: partners.map((partner, index) => ({
      organisationId: partner.organisationId,
      organisationName: partner.organisationName,
      departmentType: partner.departmentType,
      team: (partnerTeams[index]!.get(entry.enterprise) ?? []).map((certificate) =>
        member(names, certificate),
      ),
    })),
  }));
  await insertPlannedInspections(tx, row, rows, { now, byName: actor.displayName });
};
