import { isWithinTerritory } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertMayUse, can, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { appendAuditEvents, type AuditEventInput } from '../../platform/audit/service.ts';
import { enterpriseView, type KeyStatusesOfNew, type RegradeEnterprises } from './service.ts';
import { findEnterprisesByCreditCodes, insertEnterprises, updateEnterpriseRow } from './repository.ts';
import { importGate, readImportFile } from './import-file.ts';
import type { ImportRowError } from './xlsx.ts';

export type ImportResult = { created: number; updated: number; unchanged: number };

// What the import needs of the grading (measure 3, 4): the key status of the new rows, and the regrade.
export type ImportGrading = { regradeEnterprises: RegradeEnterprises; keyStatusesOfNew: KeyStatusesOfNew };

// Rows per statement. Each chunk's rows, audit events and statuses are garbage once written; 250 keeps that
// garbage in the young generation (1,000 let it reach the old one: 272 MB RSS growth against 231 MB for the
// 20,000-row import, at the same speed, `npm run bench:import`).
const chunkSize = 250;

const editable = [
  'name',
  'address',
  'territory',
  'industry',
  'scale',
  'workforce',
  'dustWorkers',
  'usesLiquidAmmonia',
  'hasDeepWellCasting',
  'legalRepresentative',
  'contactPhone',
] as const;

// All or nothing: every row is checked first; one bad row and nothing is written. A credit code that
// is already registered updates that enterprise instead of adding a second one. The workbook is read in a
// worker (import-file.ts) while this import holds one of the few import slots; the rows are written in
// batches (a few statements per thousand rows), each enterprise audited and graded as a single one is.
export const importEnterprises = async (
  ctx: AppContext,
  actor: Actor,
  file: Buffer,
  grading: ImportGrading,
): Promise<ImportResult> => {
  assertMayUse(actor, 'enterprise', 'create');
  assertMayUse(actor, 'enterprise', 'update');
  const release = await importGate.enter();
  try {
    return await importRows(ctx, actor, file, grading);
  } finally {
    release();
  }
};

const importRows = async (
  ctx: AppContext,
  actor: Actor,
  file: Buffer,
  { regradeEnterprises, keyStatusesOfNew }: ImportGrading,
): Promise<ImportResult> => {
  const { rows, errors } = await readImportFile(file);
  const invalid = (list: ImportRowError[]) =>
    problem('IMPORT_INVALID_ROWS', { count: list.length }, { errors: list.sort((a, b) => a.row - b.row) });
  for (const { row, value } of rows) {
    if (!isWithinTerritory(actor.territory, value.territory)) {
      errors.push({ row, column: '属地', message: '不在您的辖区内，无权导入' });
    }
  }
  return ctx.db.transaction(async (tx) => {
    const existing = new Map(
      (
        await findEnterprisesByCreditCodes(
          tx,
          rows.map((r) => r.value.creditCode),
        )
      ).map((e) => [e.creditCode, e]),
    );
    for (const { row, value } of rows) {
      const current = existing.get(value.creditCode);
      if (current && !can(actor, 'enterprise', 'update', current)) {
        errors.push({ row, column: '统一社会信用代码', message: '该企业已登记在其他辖区，无权修改' });
      }
    }
    if (errors.length > 0) throw invalid(errors);

    const now = ctx.clock.now();
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    // a chunk at a time: its rows, their audit events, their grades; memory stays bounded by the chunk and the
    // event loop is free between the chunks' statements
    const fresh = rows.filter(({ value }) => !existing.has(value.creditCode)).map(({ value }) => value);
    for (let i = 0; i < fresh.length; i += chunkSize) {
      const chunk = fresh.slice(i, i + chunkSize);
      const statuses = keyStatusesOfNew(chunk, now);
      const created = await insertEnterprises(
        tx,
        chunk.map((value, at) => ({ ...value, ...statuses[at] })),
      );
      await appendAuditEvents(
        tx,
        created.map((row): AuditEventInput<'enterprise.imported'> => ({
          actor,
          action: 'enterprise.imported',
          entityType: 'enterprise',
          entityId: row.id,
          territory: row.territory,
          payload: { mode: 'create', after: enterpriseView(row) },
          at: now,
        })),
      );
      await regradeEnterprises(tx, ctx, {
        enterpriseIds: created.map((row) => row.id),
        trigger: 'registry',
        actor,
      });
      result.created += created.length;
    }
    let events: AuditEventInput<'enterprise.imported'>[] = [];
    let regrade: string[] = [];
    const flush = async () => {
      await appendAuditEvents(tx, events);
      await regradeEnterprises(tx, ctx, { enterpriseIds: regrade, trigger: 'registry', actor });
      events = [];
      regrade = [];
    };
    for (const { value } of rows) {
      const current = existing.get(value.creditCode);
      if (!current) continue;
      const changed = editable.filter((field) => current[field] !== value[field]);
      if (changed.length === 0) {
        result.unchanged += 1;
        continue;
      }
      const { creditCode: _code, ...fields } = value;
      const updated = await updateEnterpriseRow(tx, current.id, { ...fields, updatedAt: now });
      events.push({
        actor,
        action: 'enterprise.imported',
        entityType: 'enterprise',
        entityId: updated.id,
        territory: updated.territory,
        payload: {
          mode: 'update',
          changed: Object.fromEntries(
            changed.map((field) => [field, { from: current[field], to: value[field] }]),
          ),
        },
        at: now,
      });
      regrade.push(updated.id);
      result.updated += 1;
      if (events.length >= chunkSize) await flush();
    }
    await flush();
    return result;
  });
};
