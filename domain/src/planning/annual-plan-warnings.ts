import type { KeyInspectionEntry, PlanShortfall, PlanWarning } from './annual-plan-types.ts';
import { workdaysPerInspection } from './planning-catalog.ts';
import type { PlanningCatalog } from './planning-catalog.ts';

// What the annual plan tells its reader it could not do, instead of quietly doing less (measures 1, 5).

const warning = (
  code: PlanWarning['code'],
  measure: number,
  message: string,
  enterpriseIds: string[] = [],
  catalogCodes: string[] = [],
): PlanWarning => ({ code, measure, message, enterpriseIds, catalogCodes });

// Key enterprises are funded first (measure 5 names them first); what is left funds general ones. Nothing
// is dropped: the plan keeps every enterprise and says how many the workdays do not reach.
export const shortfallOf = (
  available: number,
  keyEntries: readonly KeyInspectionEntry[],
  generalPlanned: number,
  perGeneral: number,
): PlanShortfall | null => {
  const keyNeeded = keyEntries.reduce((total, entry) => total + entry.workdays, 0);
  const needed = keyNeeded + generalPlanned * perGeneral;
  if (needed <= available) return null;
  let left = available;
  let keyFunded = 0;
  for (const entry of keyEntries) {
    if (entry.workdays > left) break;
    left -= entry.workdays;
    keyFunded += 1;
  }
  const generalFunded = keyFunded === keyEntries.length ? Math.floor(left / perGeneral) : 0;
  return {
    workdays: needed - available,
    keyEnterprises: keyEntries.length - keyFunded,
    generalEnterprises: Math.max(0, generalPlanned - generalFunded),
  };
};

export const planWarnings = (options: {
  catalog: PlanningCatalog;
  officers: number;
  inspectionWorkdays: number;
  workdaysNeeded: number;
  shortfall: PlanShortfall | null;
  keyOverCap: string[];
  generalCapZero: string[];
  defaultSchedule: boolean;
}): PlanWarning[] => {
  const { catalog, shortfall, keyOverCap, generalCapZero } = options;
  const warnings: PlanWarning[] = [];
  if (options.officers === 0)
    warnings.push(warning('NO_CERTIFIED_OFFICERS', 10, '名单中没有可独立执法的持证人员，可用检查工作日为 0'));
  if (shortfall !== null)
    warnings.push(
      warning(
        'WORKDAYS_SHORTFALL',
        5,
        `监督检查工作日 ${options.inspectionWorkdays} 日，不足以完成最低检查要求 ${options.workdaysNeeded} 日：` +
          `缺 ${shortfall.workdays} 个工作日，${shortfall.keyEnterprises} 家重点企业、` +
          `${shortfall.generalEnterprises} 家一般企业无工作日保障。` +
          '计划仍列出全部企业，请增加执法力量、调减其他工作日或报请调整',
      ),
    );
  if (keyOverCap.length > 0)
    warnings.push(
      warning(
        'KEY_MINIMUM_EXCEEDS_CAP',
        5,
        `${keyOverCap.length} 家重点企业的最低检查次数超过其年度检查上限，按上限计划；请核对分级目录`,
        keyOverCap,
      ),
    );
  if (generalCapZero.length > 0)
    warnings.push(
      warning(
        'GENERAL_CAP_ZERO',
        5,
        `${generalCapZero.length} 家一般企业的年度检查上限为 0，未列入抽查名录，可能无法满足“每三年至少检查一次”`,
        generalCapZero,
      ),
    );
  const unverified = [
    ...catalog.formula,
    ...catalog.otherEnforcementCategories,
    ...catalog.nonEnforcementCategories,
    workdaysPerInspection(catalog, 'key'),
    workdaysPerInspection(catalog, 'general'),
    catalog.doubleRandom,
    catalog.rotation,
    ...(options.defaultSchedule ? [catalog.schedule] : []),
  ].filter((entry) => !entry.verified);
  if (unverified.length > 0)
    warnings.push(
      warning(
        'UNVERIFIED_CATALOG_VALUES',
        1,
        `本计划使用了 ${unverified.length} 项待法制审核（待核实）的目录值`,
        [],
        unverified.map((entry) => entry.code),
      ),
    );
  return warnings;
};
