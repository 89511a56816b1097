import { isWithinTerritory } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { assertMayUse, can, type Actor } from '../../platform/policy/policy.ts';
import { problem } from '../../platform/problems/problem.ts';
import { audit, enterpriseView, type RegradeEnterprise } from './service.ts';
import { findEnterprisesByCreditCodes, insertEnterprise, updateEnterpriseRow } from './repository.ts';
import { parseImport, type ImportRowError } from './xlsx.ts';

export type ImportResult = { created: number; updated: number; unchanged: number };

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
// is already registered updates that enterprise instead of adding a second one.
export const importEnterprises = async (
  ctx: AppContext,
  actor: Actor,
  file: Buffer,
  regradeEnterprise: RegradeEnterprise,
): Promise<ImportResult> => {
  assertMayUse(actor, 'enterprise', 'create');
  assertMayUse(actor, 'enterprise', 'update');
  const { rows, errors } = await parseImport(file);
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

    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    for (const { value } of rows) {
      const current = existing.get(value.creditCode);
      if (!current) {
        const created = await insertEnterprise(tx, value);
        await audit(tx, ctx, actor, 'enterprise.imported', created, {
          mode: 'create',
          after: enterpriseView(created),
        });
        await regradeEnterprise(tx, ctx, { enterpriseId: created.id, trigger: 'registry', actor });
        result.created += 1;
        continue;
      }
      const changed = editable.filter((field) => current[field] !== value[field]);
      if (changed.length === 0) {
        result.unchanged += 1;
        continue;
      }
      const { creditCode: _code, ...fields } = value;
      const updated = await updateEnterpriseRow(tx, current.id, { ...fields, updatedAt: ctx.clock.now() });
      await audit(tx, ctx, actor, 'enterprise.imported', updated, {
        mode: 'update',
        changed: Object.fromEntries(
          changed.map((field) => [field, { from: current[field], to: value[field] }]),
        ),
      });
      await regradeEnterprise(tx, ctx, { enterpriseId: updated.id, trigger: 'registry', actor });
      result.updated += 1;
    }
    return result;
  });
};
