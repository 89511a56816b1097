import type { Translate } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';

// The catalogue is served as stored (catalog/grading.json, catalog/key-industry-criteria.json): read
// it generically, so a new section or field shows up without a change here.

export type Entry = Record<string, unknown> & { code: string };
export type Section = { path: string; parent?: string; entries: Entry[] };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isEntry = (value: unknown): value is Entry => isRecord(value) && typeof value.code === 'string';
export const isEntryList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.some(isEntry);

// The fields every entry has, shown in their own columns.
export const OWN_COLUMNS = new Set(['code', 'name', 'source', 'effective', 'verified', 'note']);

export const collectSections = (value: unknown, path: string[], sections: Section[]): void => {
  if (isEntryList(value)) {
    const entries = value.filter(isEntry);
    sections.push({ path: path.join('.'), entries });
    for (const entry of entries) {
      for (const [key, nested] of Object.entries(entry)) {
        if (isEntryList(nested)) {
          sections.push({
            path: [...path, key].join('.'),
            parent: typeof entry.name === 'string' ? entry.name : entry.code,
            entries: nested.filter(isEntry),
          });
        }
      }
    }
    return;
  }
  if (isEntry(value)) {
    sections.push({ path: path.join('.'), entries: [value] });
    return;
  }
  if (isRecord(value)) {
    for (const [key, nested] of Object.entries(value)) collectSections(nested, [...path, key], sections);
  }
};

export const SECTION_TITLES: Record<string, MessageKey> = {
  'grading.accidentLevels': 'catalog.section.accidentLevels',
  'grading.enforcementClasses': 'catalog.section.enforcementClasses',
  'grading.enforcementClasses.criteria': 'catalog.section.classCriteria',
  'grading.riskGrades': 'catalog.section.riskGrades',
  'grading.scoring.industryBase': 'catalog.section.industryBase',
  'grading.scoring.accidents': 'catalog.section.accidents',
  'grading.scoring.penalties': 'catalog.section.penalties',
  'grading.scoring.violations': 'catalog.section.violations',
  'grading.scoring.overdueMajorHiddenDangers': 'catalog.section.overdueMajorHiddenDangers',
  'grading.scoring.jointCreditPunishment': 'catalog.section.jointCreditPunishment',
  'grading.scoring.hazardousProcesses': 'catalog.section.hazardousProcesses',
  'grading.scoring.majorHazardSources': 'catalog.section.majorHazardSources',
  'grading.scoring.keyIndustryFactors': 'catalog.section.keyIndustryFactors',
  'grading.scoring.safetyCreditGrades': 'catalog.section.safetyCreditGrades',
  'grading.scoring.standardisation': 'catalog.section.standardisation',
  'grading.scoring.monitoringLeads': 'catalog.section.monitoringLeads',
  'grading.seasonFactors': 'catalog.section.seasonFactors',
  'grading.enforcementLevels': 'catalog.section.enforcementLevels',
  'grading.inspectionAllowance.minimum': 'catalog.section.allowanceMinimum',
  'grading.inspectionAllowance.caps': 'catalog.section.allowanceCaps',
  'keyIndustryCriteria.entries': 'catalog.section.keyIndustryCriteria',
};

export const FIELD_LABELS: Record<string, MessageKey> = {
  points: 'catalog.field.points',
  minScore: 'catalog.field.minScore',
  withinMonths: 'catalog.field.withinMonths',
  pointsPerDeath: 'catalog.field.pointsPerDeath',
  pointsEach: 'catalog.field.pointsEach',
  maxPoints: 'catalog.field.maxPoints',
  levels: 'catalog.field.levels',
  level: 'catalog.field.level',
  grade: 'catalog.field.grade',
  count: 'catalog.field.count',
  perYears: 'catalog.field.perYears',
  perYear: 'catalog.field.perYear',
  class: 'catalog.field.class',
  forClass: 'catalog.field.class',
  standardisation: 'catalog.field.standardisation',
  criterion: 'catalog.field.criterion',
  match: 'catalog.field.match',
  rule: 'catalog.field.rule',
  periods: 'catalog.field.periods',
};

export const sectionTitle = (section: Section, t: Translate): string => {
  const key = SECTION_TITLES[section.path];
  const title = key ? t(key) : section.path;
  return section.parent ? `${title}（${section.parent}）` : title;
};

export const formatValue = (value: unknown, t: Translate): string => {
  if (value === null || value === undefined) return t('catalog.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.map((item) => formatValue(item, t)).join('、');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, nested]) => `${key}=${formatValue(nested, t)}`)
      .join('，');
  }
  return String(value);
};
