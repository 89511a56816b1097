// The form's fields for the chosen kind of fact.
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { FactKind, GradingCatalog } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { useGradingCatalog } from './hooks';
import {
  ACCIDENT_LEVELS,
  HAZARD_SOURCE_LEVELS,
  STANDARDISATION_GRADES,
  type AccidentLevel,
  type HazardSourceLevel,
  type StandardisationGrade,
} from './fact-form';

type CatalogEntry = { code: string; name: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// The 安全诚信等级 codes the catalogue scores (catalog/grading.json scoring.safetyCreditGrades).
const creditGrades = (catalog: GradingCatalog | undefined): CatalogEntry[] => {
  const grading = catalog?.grading;
  const scoring = isRecord(grading) ? grading.scoring : undefined;
  const grades = isRecord(scoring) ? scoring.safetyCreditGrades : undefined;
  return Array.isArray(grades)
    ? grades.filter(
        (entry): entry is CatalogEntry =>
          isRecord(entry) && typeof entry.code === 'string' && typeof entry.name === 'string',
      )
    : [];
};

export const FactFields = ({ kind }: { kind: FactKind }) => {
  const t = useT();
  const catalog = useGradingCatalog(kind === 'safety_credit_grade');
  const required = { required: true, message: t('validation.required') };
  const fullWidth = { width: '100%' };

  switch (kind) {
    case 'accident':
      return (
        <>
          <Form.Item name="date" label={t('fact.field.accidentDate')} rules={[required]}>
            <DatePicker data-testid="accident-date" style={fullWidth} />
          </Form.Item>
          <Form.Item name="level" label={t('fact.field.accidentLevel')} rules={[required]}>
            <Select<AccidentLevel>
              data-testid="accident-level"
              options={ACCIDENT_LEVELS.map((level) => ({ value: level, label: t(`accidentLevel.${level}`) }))}
            />
          </Form.Item>
          <Form.Item name="deaths" label={t('fact.field.deaths')} rules={[required]}>
            <InputNumber data-testid="accident-deaths" min={0} precision={0} style={fullWidth} />
          </Form.Item>
        </>
      );
    case 'penalty':
    case 'violation':
      return (
        <>
          <Form.Item
            name="date"
            label={t(kind === 'penalty' ? 'fact.field.penaltyDate' : 'fact.field.violationDate')}
            rules={[required]}
          >
            <DatePicker data-testid="sanction-date" style={fullWidth} />
          </Form.Item>
          <Form.Item
            name="sanction"
            label={t(kind === 'penalty' ? 'fact.field.penaltyKind' : 'fact.field.violationKind')}
            rules={[required, { whitespace: true, message: t('validation.required') }, { max: 200 }]}
          >
            <Input
              data-testid="sanction-kind"
              placeholder={t(
                kind === 'penalty' ? 'fact.placeholder.penaltyKind' : 'fact.placeholder.violationKind',
              )}
            />
          </Form.Item>
        </>
      );
    case 'standardisation':
      return (
        <>
          <Form.Item name="grade" label={t('fact.field.standardisationGrade')} rules={[required]}>
            <Select<StandardisationGrade>
              data-testid="standardisation-grade"
              options={STANDARDISATION_GRADES.map((grade) => ({
                value: grade,
                label: t(`standardisationGrade.${grade}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="validFrom" label={t('fact.field.validFrom')}>
            <DatePicker data-testid="standardisation-valid-from" style={fullWidth} />
          </Form.Item>
          <Form.Item name="validUntil" label={t('fact.field.validUntil')} rules={[required]}>
            <DatePicker data-testid="standardisation-valid-until" style={fullWidth} />
          </Form.Item>
        </>
      );
    case 'safety_credit_grade': {
      const grades = creditGrades(catalog.data);
      return (
        <>
          <Form.Item name="creditGrade" label={t('fact.field.creditGrade')} rules={[required]}>
            {grades.length > 0 ? (
              <Select<string>
                data-testid="credit-grade"
                options={grades.map((grade) => ({ value: grade.code, label: grade.name }))}
              />
            ) : (
              <Input data-testid="credit-grade" />
            )}
          </Form.Item>
          <Form.Item name="since" label={t('fact.field.creditSince')} rules={[required]}>
            <DatePicker data-testid="credit-since" style={fullWidth} />
          </Form.Item>
        </>
      );
    }
    case 'overdue_major_hidden_danger':
      return (
        <>
          <Form.Item name="since" label={t('fact.field.overdueSince')} rules={[required]}>
            <DatePicker data-testid="overdue-since" style={fullWidth} />
          </Form.Item>
          <Form.Item name="until" label={t('fact.field.rectifiedOn')} extra={t('fact.hint.rectifiedOn')}>
            <DatePicker data-testid="overdue-rectified-on" style={fullWidth} />
          </Form.Item>
        </>
      );
    case 'joint_credit_punishment':
      return (
        <>
          <Form.Item name="since" label={t('fact.field.punishmentFrom')} rules={[required]}>
            <DatePicker data-testid="punishment-from" style={fullWidth} />
          </Form.Item>
          <Form.Item name="until" label={t('fact.field.punishmentTo')} extra={t('fact.hint.punishmentTo')}>
            <DatePicker data-testid="punishment-to" style={fullWidth} />
          </Form.Item>
        </>
      );
    case 'special_processes':
      return (
        <>
          <Form.Item name="hazardousProcesses" label={t('fact.field.hazardousProcesses')} rules={[required]}>
            <InputNumber data-testid="hazardous-processes" min={0} precision={0} style={fullWidth} />
          </Form.Item>
          <Form.Item
            name="hazardSourceLevel"
            label={t('fact.field.majorHazardSourceLevel')}
            rules={[required]}
          >
            <Select<HazardSourceLevel | 0>
              data-testid="hazard-source-level"
              options={[
                { value: 0, label: t('fact.noHazardSource') },
                ...HAZARD_SOURCE_LEVELS.map((level) => ({
                  value: level,
                  label: t(`hazardSourceLevel.${level}`),
                })),
              ]}
            />
          </Form.Item>
        </>
      );
    case 'designated_new_sector':
      return (
        <Form.Item name="designated" label={t('fact.field.designated')} valuePropName="checked">
          <Switch data-testid="designated-new-sector" />
        </Form.Item>
      );
  }
};
