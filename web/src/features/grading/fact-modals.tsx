import { useEffect } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Fact, FactInput, FactKind, GradingCatalog } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { applyServerFieldErrors } from '../../app/form-errors';
import { toIsoDate, todayPickerValue } from '../../app/format';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import { useGradingCatalog, useRecordFact, useRetractFact } from './hooks';

type DataOf<K extends FactKind> = Extract<FactInput, { kind: K }>['data'];
type AccidentLevel = DataOf<'accident'>['level'];
type StandardisationGrade = DataOf<'standardisation'>['grade'];
type HazardSourceLevel = NonNullable<DataOf<'special_processes'>['majorHazardSourceLevel']>;

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
  isFactKind(kind) ? t(`factKind.${kind}`) : kind;

export const ACCIDENT_LEVELS: AccidentLevel[] = ['general', 'major', 'serious', 'especially_serious'];
const STANDARDISATION_GRADES: StandardisationGrade[] = [1, 2, 3];
const HAZARD_SOURCE_LEVELS: HazardSourceLevel[] = [1, 2, 3, 4];

// One form for every kind; only the fields of the chosen kind are shown and sent.
type FactForm = {
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

const toInput = (kind: FactKind, form: FactForm): FactInput => {
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
const FORM_FIELD: Record<string, keyof FactForm> = {
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

const FactFields = ({ kind }: { kind: FactKind }) => {
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

const initialValues = (kind: FactKind): FactForm => {
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

type AddFactModalProps = { enterpriseId: string; kind: FactKind | null; onClose: () => void };

// 登记事实: records one dated fact; the server regrades at once and says what changed.
export const AddFactModal = ({ enterpriseId, kind, onClose }: AddFactModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactForm>();
  const record = useRecordFact(enterpriseId);

  useEffect(() => {
    if (kind) {
      form.resetFields();
      form.setFieldsValue(initialValues(kind));
      record.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [kind]);

  const submit = (values: FactForm) => {
    if (!kind) return;
    record.mutate(toInput(kind, values), {
      onSuccess: ({ change }) => {
        if (change)
          void message.info({ content: t('fact.recordedChanged', { summary: change.summary }), duration: 8 });
        else void message.success(t('fact.recordedUnchanged'));
        onClose();
      },
      onError: (error) => {
        applyServerFieldErrors(form, error, Object.values(FORM_FIELD), (path) => {
          const key = path.find((part) => typeof part === 'string' && part !== 'data');
          return typeof key === 'string' ? FORM_FIELD[key] : undefined;
        });
      },
    });
  };

  return (
    <Modal
      title={kind ? t('fact.addTitle', { kind: t(`factKind.${kind}`) }) : undefined}
      open={kind !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('fact.submit')}
      okButtonProps={{ 'data-testid': 'fact-submit' }}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('fact.regradeHint')} />
      {record.isError && <ErrorAlert error={record.error} style={{ marginBottom: 16 }} />}
      <Form<FactForm> form={form} layout="vertical" onFinish={submit} data-testid="fact-form">
        {kind && <FactFields kind={kind} />}
      </Form>
    </Modal>
  );
};

type RetractFactModalProps = { enterpriseId: string; fact: Fact | null; onClose: () => void };

// A mistaken fact is retracted with a reason, never deleted; the grade is recomputed without it.
export const RetractFactModal = ({ enterpriseId, fact, onClose }: RetractFactModalProps) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const retract = useRetractFact(enterpriseId);

  useEffect(() => {
    if (fact) {
      form.resetFields();
      retract.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [fact]);

  const submit = ({ reason }: { reason: string }) => {
    if (!fact) return;
    retract.mutate(
      { factId: fact.id, reason: reason.trim() },
      {
        onSuccess: ({ change }) => {
          if (change)
            void message.info({
              content: t('fact.retractedChanged', { summary: change.summary }),
              duration: 8,
            });
          else void message.success(t('fact.retracted'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={fact ? t('fact.retractTitle', { kind: factKindLabel(fact.kind, t) }) : undefined}
      open={fact !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('fact.retractConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'retraction-confirm' }}
      confirmLoading={retract.isPending}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('fact.retractWarning')} />
      {retract.isError && <ErrorAlert error={retract.error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('fact.retractionReason')}
          rules={[
            { required: true, whitespace: true, message: t('fact.retractionReasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea data-testid="retraction-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
