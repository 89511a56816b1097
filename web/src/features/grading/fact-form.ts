// A fact's kinds and the one form every kind shares: what it starts with, and what it sends.
import type { Dayjs } from 'dayjs';
import type { Fact, FactInput, FactKind } from '../../api/types';
import { toIsoDate, todayPickerValue } from '../../app/format';
import type { Translate } from '../../app/i18n/i18n-context';

type DataOf<K extends FactKind> = Extract<FactInput, { kind: K }>['data'];
export type AccidentLevel = DataOf<'accident'>['level'];
export type StandardisationGrade = DataOf<'standardisation'>['grade'];
export type HazardSourceLevel = NonNullable<DataOf<'special_processes'>['majorHazardSourceLevel']>;

export const FACT_KINDS: FactKind[] = [
  'accident',
  'standardisation',
  'penalty',
  'violation',
  'safety_credit_grade',
  'overdue_major_hidden_danger',
  'joint_credit_punishment',
  'special_processes',
  'designated_new_sector',
];
const KNOWN_KINDS = new Set<string>(FACT_KINDS);
export const isFactKind = (kind: string): kind is FactKind => KNOWN_KINDS.has(kind);

// The facts list answers `{ kind: string, data: object }`; the server validated each record against
// its kind's schema (the POST body's union) when it was recorded, so a known kind has that shape.
export const asFactInput = (fact: Pick<Fact, 'kind' | 'data'>): FactInput | null =>
  isFactKind(fact.kind) ? ({ kind: fact.kind, data: fact.data } as FactInput) : null;

export const factKindLabel = (kind: string, t: Translate): string =>
  isFactKind(kind)
    ? t(`factKind.${kind}`)
    : kind === 'monitoring_lead'
      ? t('factKind.monitoring_lead')
      : kind === 'internal_reporting_mechanism'
        ? t('factKind.internal_reporting_mechanism')
        : kind;

export const ACCIDENT_LEVELS: AccidentLevel[] = ['general', 'major', 'serious', 'especially_serious'];
export const STANDARDISATION_GRADES: StandardisationGrade[] = [1, 2, 3];
export const HAZARD_SOURCE_LEVELS: HazardSourceLevel[] = [1, 2, 3, 4];

// One form for every kind; only the fields of the chosen kind are shown and sent.
export type FactForm = {
  date?: Dayjs;
  level?: AccidentLevel;
  deaths?: number;
  sanction?: string;
  grade?: StandardisationGrade;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs;
  creditGrade?: string;
  since?: Dayjs;
  until?: Dayjs | null;
  hazardousProcesses?: number;
  hazardSourceLevel?: HazardSourceLevel | 0;
  designated?: boolean;
};

const day = (value: Dayjs | null | undefined): string => (value ? toIsoDate(value) : '');
const optionalDay = (value: Dayjs | null | undefined): string | null => (value ? toIsoDate(value) : null);

export const toInput = (kind: FactKind, form: FactForm): FactInput => {
  switch (kind) {
    case 'accident':
      return {
        kind,
        data: { date: day(form.date), level: form.level ?? 'general', deaths: form.deaths ?? 0 },
      };
    case 'penalty':
    case 'violation':
      return { kind, data: { date: day(form.date), kind: (form.sanction ?? '').trim() } };
    case 'standardisation':
      return {
        kind,
        data: {
          grade: form.grade ?? 3,
          validUntil: day(form.validUntil),
          ...(form.validFrom ? { validFrom: toIsoDate(form.validFrom) } : {}),
        },
      };
    case 'safety_credit_grade':
      return { kind, data: { grade: (form.creditGrade ?? '').trim(), since: day(form.since) } };
    case 'overdue_major_hidden_danger':
      return { kind, data: { overdueSince: day(form.since), rectifiedOn: optionalDay(form.until) } };
    case 'joint_credit_punishment':
      return { kind, data: { from: day(form.since), to: optionalDay(form.until) } };
    case 'special_processes':
      return {
        kind,
        data: {
          hazardousProcesses: form.hazardousProcesses ?? 0,
          majorHazardSourceLevel: form.hazardSourceLevel || null,
        },
      };
    case 'designated_new_sector':
      return { kind, data: { designated: form.designated ?? false } };
  }
};

// The server names fields by the data's keys; the form names some differently.
export const FORM_FIELD: Record<string, keyof FactForm> = {
  date: 'date',
  level: 'level',
  deaths: 'deaths',
  kind: 'sanction',
  grade: 'grade',
  validFrom: 'validFrom',
  validUntil: 'validUntil',
  since: 'since',
  overdueSince: 'since',
  from: 'since',
  rectifiedOn: 'until',
  to: 'until',
  hazardousProcesses: 'hazardousProcesses',
  majorHazardSourceLevel: 'hazardSourceLevel',
  designated: 'designated',
};

// What a new fact's form starts with, by kind.
export const initialValues = (kind: FactKind): FactForm => {
  switch (kind) {
    case 'accident':
      return { date: todayPickerValue(), deaths: 0 };
    case 'special_processes':
      return { hazardousProcesses: 0, hazardSourceLevel: 0 };
    case 'designated_new_sector':
      return { designated: true };
    case 'standardisation':
      return {};
    default:
      return { date: todayPickerValue(), since: todayPickerValue() };
  }
};
