import type { WorkdayCategory } from './planning-catalog.ts';
import { formulaTerm } from './planning-catalog.ts';
import type { FormulaTermCode, PlanningCatalog, PlanningCatalogEntry } from './planning-catalog.ts';
import type { FormulaLine, FormulaTerm, PlanFormula } from './annual-plan-types.ts';

// The national method's arithmetic as data (measure 1; 安监总政法〔2017〕150号 as local plans apply it,
// FACTS.md §1): every number labelled in Chinese and sourced, so the UI shows "248 × 40 = 9,920" and a
// reviewer sees which terms are still 待核实.

export type FormulaNumbers = {
  statutoryWorkdays: number;
  certifiedOfficers: number;
  otherEnforcement: { category: WorkdayCategory; workdays: number }[];
  nonEnforcement: { category: WorkdayCategory; workdays: number }[];
  keyInspections: number;
  workdaysPerKeyInspection: PlanningCatalogEntry & { workdays: number };
  keyInspectionsSource: { source: string; verified: boolean };
  generalPlanned: number;
  workdaysPerGeneralInspection: PlanningCatalogEntry & { workdays: number };
  generalPlannedSource: { source: string; verified: boolean };
  keyInspectionWorkdays: number;
  generalInspectionWorkdays: number;
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

const fromEntry = (entry: PlanningCatalogEntry, label: string, value: number): FormulaTerm => ({
  code: entry.code,
  label,
  value,
  source: entry.source,
  verified: entry.verified,
});

const line = (
  result: FormulaTerm,
  first: FormulaTerm,
  ...rest: [FormulaLine['rest'][number]['operator'], FormulaTerm][]
): FormulaLine => ({ result, first, rest: rest.map(([operator, term]) => ({ operator, term })) });

const sumLine = (
  result: FormulaTerm,
  parts: { category: WorkdayCategory; workdays: number }[],
): FormulaLine => {
  const [head, ...tail] = parts.map(({ category, workdays }) => fromEntry(category, category.name, workdays));
  const zero: FormulaTerm = { ...result, label: '（未填）', value: 0 };
  return line(result, head ?? zero, ...tail.map((term): ['+', FormulaTerm] => ['+', term]));
};

const formatNumber = (value: number): string =>
  (value < 0 ? '−' : '') + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const lineText = ({ result, first, rest }: FormulaLine): string =>
  `${result.label} ${formatNumber(result.value)} = ${first.label} ${formatNumber(first.value)}` +
  rest.map(({ operator, term }) => ` ${operator} ${term.label} ${formatNumber(term.value)}`).join('');

// The value a line's right-hand side computes; a test checks it equals the line's result.
export const evaluateFormulaLine = ({ first, rest }: FormulaLine): number =>
  rest.reduce((value, { operator, term }) => {
    if (operator === '×') return value * term.value;
    return operator === '+' ? value + term.value : value - term.value;
  }, first.value);

export const buildFormula = (catalog: PlanningCatalog, numbers: FormulaNumbers): PlanFormula => {
  const term = (code: FormulaTermCode, value: number): FormulaTerm => {
    const entry = formulaTerm(catalog, code);
    return fromEntry(entry, entry.name ?? code, value);
  };
  const statutory = term('statutory_workdays', numbers.statutoryWorkdays);
  const officers = term('certified_officers', numbers.certifiedOfficers);
  const total = term('total_workdays', statutory.value * officers.value);
  const other = term('other_enforcement_workdays', sum(numbers.otherEnforcement.map((row) => row.workdays)));
  const non = term('non_enforcement_workdays', sum(numbers.nonEnforcement.map((row) => row.workdays)));
  const inspection = term('inspection_workdays', total.value - other.value - non.value);
  const key = term('key_inspection_workdays', numbers.keyInspectionWorkdays);
  const general = term('general_inspection_workdays', numbers.generalInspectionWorkdays);

  const perKey = numbers.workdaysPerKeyInspection;
  const perGeneral = numbers.workdaysPerGeneralInspection;
  const keyCount: FormulaTerm = {
    code: 'key_inspections',
    label: '重点企业检查户次',
    value: numbers.keyInspections,
    ...numbers.keyInspectionsSource,
  };
  const generalCount: FormulaTerm = {
    code: 'general_planned',
    label: '一般企业抽查户数',
    value: numbers.generalPlanned,
    ...numbers.generalPlannedSource,
  };
  const keyNeeded: FormulaTerm = {
    ...key,
    code: 'key_workdays_needed',
    label: '重点检查所需工作日',
    value: keyCount.value * perKey.workdays,
  };
  const generalNeeded: FormulaTerm = {
    ...general,
    code: 'general_workdays_needed',
    label: '一般检查所需工作日',
    value: generalCount.value * perGeneral.workdays,
  };
  const balanceEntry = formulaTerm(catalog, 'workday_balance');
  const balanceValue = inspection.value - keyNeeded.value - generalNeeded.value;
  const [reserveLabel = '机动工作日', shortLabel = '工作日缺口'] = (balanceEntry.name ?? '').split('/');
  const balance = fromEntry(balanceEntry, balanceValue >= 0 ? reserveLabel : shortLabel, balanceValue);

  const lines: FormulaLine[] = [
    line(total, statutory, ['×', officers]),
    sumLine(other, numbers.otherEnforcement),
    sumLine(non, numbers.nonEnforcement),
    line(inspection, total, ['−', other], ['−', non]),
    line(keyNeeded, keyCount, ['×', fromEntry(perKey, '每户次重点检查工作日', perKey.workdays)]),
    line(generalNeeded, generalCount, [
      '×',
      fromEntry(perGeneral, '每户次一般检查工作日', perGeneral.workdays),
    ]),
    line(inspection, key, ['+', general]),
    line(balance, inspection, ['−', keyNeeded], ['−', generalNeeded]),
  ];
  return { lines, text: lines.map(lineText) };
};
