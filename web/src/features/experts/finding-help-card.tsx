import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  List,
  Modal,
  Select,
  Space,
  Tag,
  type ButtonProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useRecordFindings } from '../rectification/hooks';
import { useDispatchCandidates, useDispatchOnFinding, useInspectionDispatches } from './hooks';

type Finding = { id: string; description: string; majorHiddenDanger: boolean };

// measure 23 on the inspection's page: each finding with the experts dispatched on it, and for a unit head or a
// bureau head the dialog that dispatches one (the enterprise and the finding filled in, every expert listed with
// the reason the rule would refuse him).
export const FindingHelpCard = ({ inspectionId }: { inspectionId: string }) => {
  const t = useT();
  const user = useCurrentUser();
  const mayRead = can(user, 'expert_dispatch:read');
  const mayDispatch = can(user, 'expert_dispatch:create');
  const record = useRecordFindings(inspectionId);
  const dispatches = useInspectionDispatches(inspectionId, mayRead);
  const [helping, setHelping] = useState<Finding | null>(null);
  const findings = record.data?.findings ?? [];
  if (!mayRead || findings.length === 0) return null;
  return (
    <Card title={t('experts.findings.title')} data-testid="finding-help-card" style={{ marginBottom: 16 }}>
      {dispatches.error ? <ErrorAlert error={dispatches.error} /> : null}
      <List
        dataSource={findings}
        renderItem={(finding) => {
          const own = (dispatches.data?.items ?? []).filter((d) => d.findingId === finding.id);
          return (
            <List.Item
              data-testid={`finding-help-${finding.id}`}
              actions={
                mayDispatch
                  ? [
                      <Button
                        key="dispatch"
                        size="small"
                        data-testid={`dispatch-on-finding-${finding.id}`}
                        onClick={() => setHelping(finding)}
                      >
                        {t('experts.findings.dispatch')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{finding.description}</span>
                    {finding.majorHiddenDanger ? <Tag color="red">{t('experts.findings.major')}</Tag> : null}
                  </Space>
                }
                description={
                  own.length ? (
                    <Space direction="vertical" size={0}>
                      {own.map((d) => (
                        <Link key={d.id} to={`/expert-dispatches/${d.id}`} data-testid="finding-dispatch">
                          {t('experts.findings.dispatched', {
                            expert: d.expertName ?? '',
                            state: d.stateName,
                          })}
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    t('experts.findings.none')
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      {helping ? <FindingDispatchModal finding={helping} onClose={() => setHelping(null)} /> : null}
    </Card>
  );
};

const FindingDispatchModal = ({ finding, onClose }: { finding: Finding; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const candidates = useDispatchCandidates(finding.id);
  const mutation = useDispatchOnFinding();
  const [form] = Form.useForm<{ expertId: string; plannedOn?: Dayjs }>();
  const refused = (candidates.data?.items ?? []).filter((item) => !item.eligible);
  return (
    <Modal
      open
      title={t('experts.dispatch.title', { name: candidates.data?.enterpriseName ?? '' })}
      onCancel={onClose}
      okText={t('experts.dispatch.action')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'confirm-finding-dispatch' } as ButtonProps}
      onOk={() =>
        form.validateFields().then((values) =>
          mutation.mutate(
            {
              findingId: finding.id,
              expertId: values.expertId,
              ...(values.plannedOn ? { plannedOn: values.plannedOn.format('YYYY-MM-DD') } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('experts.dispatch.done'));
                onClose();
              },
            },
          ),
        )
      }
    >
      {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
      {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
      <p data-testid="finding-dispatch-finding">
        {t('experts.field.finding')}：{finding.description}
      </p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="expertId"
          label={t('experts.field.expert')}
          rules={[{ required: true, message: t('experts.dispatch.pick') }]}
        >
          <Select
            data-testid="finding-dispatch-expert"
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            options={(candidates.data?.items ?? []).map((item) => ({
              value: item.id,
              disabled: !item.eligible,
              label: `${item.name}（${item.fields.join('、')}）${item.eligible ? '' : `：${item.refusal ?? ''}`}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('experts.field.plannedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {refused.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="finding-dispatch-refusals"
          title={t('experts.findings.refusals')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refused.map((item) => (
                <li key={item.id}>
                  {item.name}：{item.refusal}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Modal>
  );
};
