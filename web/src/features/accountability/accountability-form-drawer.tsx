import { useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { toIsoDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useOfficers } from '../officers/hooks';
import { useInspections } from '../inspections/hooks';
import { usePenaltyCases } from '../penalty-cases/hooks';
import { useAccountabilityCatalog, useDraftAccountability, type AccountabilityInput } from './hooks';

type Values = {
  kind: AccountabilityInput['kind'];
  facts: string;
  origin: AccountabilityInput['origin'];
  originReference?: string;
  inspectionId?: string;
  penaltyCaseId?: string;
  persons: { officerId: string; sanction: string; note?: string }[];
  correctionKind?: NonNullable<AccountabilityInput['correction']>['kind'];
  correctionDetail?: string;
  correctionDeadline?: Dayjs;
  referredOn?: Dayjs;
  referralNote?: string;
};

// The complaint about enforcement a record is opened from (追责 on the complaints page): what it names prefills the
// draft, and the record keeps the link (measure 29 feeding measure 30).
export type ComplaintOrigin = {
  id: string;
  summary: string;
  channelReference: string | null;
  officerId: string | null;
  inspection: { id: string; enterpriseName: string; plannedOn: string } | null;
  penaltyCaseId: string | null;
};

// measure 30: the drafter writes the wrongful act, the people responsible and their sanctions, the correction
// and the referral; a bureau head other than him approves it on the record's page.
export const AccountabilityFormDrawer = ({
  open,
  onClose,
  complaint,
}: {
  open: boolean;
  onClose: () => void;
  complaint?: ComplaintOrigin;
}) => {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const catalog = useAccountabilityCatalog();
  const officers = useOfficers({ page: 1, pageSize: 200, onRoster: 'true' });
  const cases = usePenaltyCases({ page: 1, pageSize: 200 });
  const [inspectionQuery, setInspectionQuery] = useState('');
  const inspections = useInspections({
    page: 1,
    pageSize: 20,
    ...(inspectionQuery ? { q: inspectionQuery } : {}),
  });
  const inspectionOptions = [
    ...(complaint?.inspection && !inspectionQuery ? [complaint.inspection] : []),
    ...(inspections.data?.items ?? []).filter((item) => item.id !== complaint?.inspection?.id),
  ].map((item) => ({ value: item.id, label: `${item.enterpriseName}（${item.plannedOn}）` }));
  const draft = useDraftAccountability();
  const correctionKind = Form.useWatch('correctionKind', form);

  const submit = (values: Values) => {
    const body: AccountabilityInput = {
      kind: values.kind,
      facts: values.facts.trim(),
      origin: values.origin,
      originReference: values.originReference?.trim() ?? '',
      inspectionId: values.inspectionId ?? null,
      penaltyCaseId: values.penaltyCaseId ?? null,
      complaintId: complaint?.id ?? null,
      persons: values.persons.map((person) => ({
        officerId: person.officerId,
        sanction: person.sanction,
        note: person.note?.trim() ?? '',
      })),
      correction: values.correctionKind
        ? {
            kind: values.correctionKind,
            detail: values.correctionDetail?.trim() ?? '',
            deadline: values.correctionDeadline ? toIsoDate(values.correctionDeadline) : null,
          }
        : null,
      referral: values.referredOn
        ? { referredOn: toIsoDate(values.referredOn), note: values.referralNote?.trim() ?? '' }
        : null,
    };
    draft.mutate(body, {
      onSuccess: (record) => {
        form.resetFields();
        onClose();
        navigate(`/accountability/${record.id}`);
      },
    });
  };
  const required = [{ required: true, message: t('validation.required') }];
  const needsDeadline = catalog.data?.corrections.find(
    (entry) => entry.code === correctionKind,
  )?.needsDeadline;

  return (
    <Drawer
      title={t('accountability.new')}
      open={open}
      onClose={onClose}
      size="large"
      extra={
        <Button
          type="primary"
          data-testid="accountability-save"
          loading={draft.isPending}
          onClick={() => form.submit()}
        >
          {t('accountability.saveDraft')}
        </Button>
      }
    >
      {draft.isError && <ErrorAlert error={draft.error} style={{ marginBottom: 16 }} />}
      {complaint && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="accountability-from-complaint"
          title={t('accountability.fromComplaint', { summary: complaint.summary })}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          complaint
            ? {
                origin: 'complaint',
                originReference: complaint.channelReference ?? '',
                persons: [complaint.officerId ? { officerId: complaint.officerId } : {}],
                ...(complaint.inspection ? { inspectionId: complaint.inspection.id } : {}),
                ...(complaint.penaltyCaseId ? { penaltyCaseId: complaint.penaltyCaseId } : {}),
              }
            : { origin: 'complaint', persons: [{}] }
        }
      >
        <Form.Item name="kind" label={t('accountability.kind')} rules={required}>
          <Select
            data-testid="accountability-kind"
            options={catalog.data?.kinds.map((entry) => ({ value: entry.code, label: entry.description }))}
          />
        </Form.Item>
        <Form.Item name="facts" label={t('accountability.facts')} rules={[...required, { max: 4000 }]}>
          <Input.TextArea data-testid="accountability-facts" rows={3} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="origin" label={t('accountability.origin')} rules={required} style={{ width: 160 }}>
            <Select
              options={catalog.data?.origins.map((entry) => ({ value: entry.code, label: entry.name }))}
            />
          </Form.Item>
          <Form.Item name="originReference" label={t('accountability.originReference')} style={{ flex: 1 }}>
            <Input maxLength={200} placeholder={t('accountability.originReferenceHint')} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="inspectionId" label={t('accountability.inspection')}>
          <Select
            allowClear
            showSearch
            filterOption={false}
            onSearch={setInspectionQuery}
            placeholder={t('accountability.inspectionSearch')}
            loading={inspections.isFetching}
            data-testid="accountability-inspection"
            options={inspectionOptions}
          />
        </Form.Item>
        <Form.Item name="penaltyCaseId" label={t('accountability.penaltyCase')}>
          <Select
            allowClear
            data-testid="accountability-case"
            showSearch
            optionFilterProp="label"
            options={cases.data?.items.map((item) => ({
              value: item.id,
              label: `${item.reference} ${item.enterpriseName}`,
            }))}
          />
        </Form.Item>
        <Form.List name="persons">
          {(fields, { add, remove }) => (
            <Form.Item label={t('accountability.persons')} required>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'officerId']} rules={required} style={{ width: 160 }}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('accountability.officer')}
                      options={officers.data?.items.map((officer) => ({
                        value: officer.id,
                        label: officer.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'sanction']} rules={required} style={{ width: 260 }}>
                    <Select
                      placeholder={t('accountability.sanction')}
                      options={catalog.data?.sanctions.map((entry) => ({
                        value: entry.code,
                        label: entry.verified
                          ? entry.name
                          : `${entry.name}（${t('accountability.unverified')}）`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']}>
                    <Input maxLength={500} placeholder={t('accountability.sanctionNote')} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('accountability.removePerson')}
                    />
                  )}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('accountability.addPerson')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="correctionKind" label={t('accountability.correction')}>
          <Select
            allowClear
            data-testid="accountability-correction"
            options={catalog.data?.corrections.map((entry) => ({ value: entry.code, label: entry.name }))}
          />
        </Form.Item>
        {correctionKind && (
          <>
            {catalog.data?.corrections.find((entry) => entry.code === correctionKind)
              ?.withdrawsPublication && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('accountability.withdrawHint')}
              />
            )}
            <Form.Item
              name="correctionDetail"
              label={t('accountability.correctionDetail')}
              rules={[{ max: 1000 }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item
              name="correctionDeadline"
              label={t('accountability.deadline')}
              rules={needsDeadline ? required : []}
            >
              <DatePicker />
            </Form.Item>
          </>
        )}
        <Space.Compact block>
          <Form.Item name="referredOn" label={t('accountability.referredOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="referralNote" label={t('accountability.referralNote')} style={{ flex: 1 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Drawer>
  );
};
