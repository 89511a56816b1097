import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorTitle } from '../../app/components/error-alert';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import {
  useIncident,
  useIncidentStep,
  useOpenInspection,
  type IncidentDetail,
  type IncidentStep,
} from './hooks';
import { LEVEL_COLORS } from './incident-list-page';
import { IncidentDroneFindings } from './patrols/incident-drone-findings';

type Step = IncidentStep['step'];

// minutes as 时/分 ("1小时05分", "12分钟")
export const formatMinutes = (minutes: number | null | undefined, t: Translate): string => {
  if (minutes === null || minutes === undefined) return '—';
  const rounded = Math.round(minutes);
  if (rounded < 60) return t('monitoring.minutes', { n: rounded });
  return t('monitoring.hoursMinutes', {
    h: Math.floor(rounded / 60),
    m: String(rounded % 60).padStart(2, '0'),
  });
};

// One lead: its series of alarms as received, the enterprise's answer, and the steps open to the officer.
export const IncidentDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const { data, error } = useIncident(id);
  const stepMutation = useIncidentStep();
  const inspectionMutation = useOpenInspection();
  const [note, setNote] = useState('');
  const openInspection = async () => {
    try {
      await inspectionMutation.mutateAsync({ id: id!, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      message.success(t('monitoring.inspectionOpened'));
    } catch (failure) {
      message.error(errorTitle(failure, t));
    }
  };
  const take = async (step: Step) => {
    try {
      await stepMutation.mutateAsync({
        id: id!,
        body: { step, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setNote('');
      message.success(t('monitoring.stepDone'));
    } catch (failure) {
      message.error(errorTitle(failure, t));
    }
  };
  const steps: Record<IncidentDetail['state'], Step[]> = {
    open: ['acknowledge'],
    acknowledged: ['ask_enterprise', 'close_no_violation', 'dismiss'],
    awaiting_enterprise: ['dismiss'],
  } as Record<IncidentDetail['state'], Step[]>;
  const available = data ? (steps[data.state] ?? []) : [];
  // measure 5: open, taken up or waiting for the enterprise, a lead may become a targeted inspection
  const mayOpenInspection =
    data !== undefined && ['open', 'acknowledged', 'awaiting_enterprise'].includes(data.state);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={data?.enterpriseName ?? t('monitoring.page.title')}
    >
      {error ? <ErrorAlert error={error} /> : null}
      {data ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('monitoring.source')}>{data.sourceName}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.point')}>
              {data.pointName}（{data.kindName}）
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.level')}>
              <Tag color={LEVEL_COLORS[data.level]}>{data.levelName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.state')}>
              <span data-testid="incident-drawer-state">{data.stateName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.openedAt')}>
              {formatDateTime(data.openedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.dueBy')}>{formatDateTime(data.dueBy)}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.toAcknowledge')}>
              <span data-testid="incident-to-acknowledge">{formatMinutes(data.toAcknowledgeMinutes, t)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.toClose')}>
              <span data-testid="incident-to-close">{formatMinutes(data.toCloseMinutes, t)}</span>
            </Descriptions.Item>
            {data.escalationSteps > 0 ? (
              <Descriptions.Item label={t('monitoring.escalation')} span={2}>
                <Tag color="red">{t('monitoring.escalatedTo', { name: data.handlingTerritoryName })}</Tag>
                {formatDateTime(data.escalatedAt)}
              </Descriptions.Item>
            ) : null}
            {data.inspectionId ? (
              <Descriptions.Item label={t('monitoring.inspection')} span={2}>
                <Link to={`/inspections/${data.inspectionId}`} data-testid="incident-inspection-link">
                  {t('monitoring.inspectionLink')}
                </Link>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('monitoring.summary')} span={2}>
              {data.summary}
            </Descriptions.Item>
            {data.question ? (
              <Descriptions.Item label={t('monitoring.question')} span={2}>
                {data.question}
              </Descriptions.Item>
            ) : null}
            {data.question ? (
              <Descriptions.Item label={t('monitoring.answer')} span={2}>
                <span data-testid="incident-answer">{data.answer ?? t('monitoring.noAnswerYet')}</span>
              </Descriptions.Item>
            ) : null}
            {data.closingNote ? (
              <Descriptions.Item label={t('monitoring.closingNote')} span={2}>
                {data.closingNote}（{data.closedByName}，{formatDateTime(data.closedAt)}）
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {data.kind === 'drone' ? <IncidentDroneFindings incidentId={data.id} /> : null}
          <Typography.Title level={5}>{t('monitoring.series')}</Typography.Title>
          <Table
            size="small"
            rowKey={(row) => `${row.at}-${row.status}-${row.value ?? ''}`}
            pagination={false}
            dataSource={data.series}
            columns={[
              {
                title: t('monitoring.at'),
                dataIndex: 'at',
                render: (value: string) => formatDateTime(value),
              },
              {
                title: t('monitoring.reading'),
                key: 'reading',
                render: (_: unknown, row) =>
                  row.status === 'clear'
                    ? t('monitoring.cleared')
                    : `${row.value ?? '—'}${data.unit ?? ''}${row.threshold === null ? '' : ` / ${row.threshold}${data.unit ?? ''}`}`,
              },
              {
                title: t('monitoring.content'),
                dataIndex: 'content',
                render: (value: string | null) => value ?? '',
              },
            ]}
          />
          {available.length > 0 || mayOpenInspection ? (
            <>
              {available.some((step) => step !== 'acknowledge') || mayOpenInspection ? (
                <Input.TextArea
                  aria-label={t('monitoring.note')}
                  data-testid="incident-note"
                  rows={3}
                  maxLength={1000}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  placeholder={t('monitoring.notePlaceholder')}
                />
              ) : null}
              <Space wrap>
                {available.map((step) => (
                  <Button
                    key={step}
                    type={step === 'acknowledge' || step === 'close_no_violation' ? 'primary' : 'default'}
                    loading={stepMutation.isPending}
                    data-testid={`incident-step-${step}`}
                    onClick={() => void take(step)}
                  >
                    {t(`monitoring.step.${step}`)}
                  </Button>
                ))}
                {mayOpenInspection ? (
                  <Button
                    danger
                    loading={inspectionMutation.isPending}
                    data-testid="incident-open-inspection"
                    onClick={() => void openInspection()}
                  >
                    {t('monitoring.step.open_inspection')}
                  </Button>
                ) : null}
              </Space>
            </>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
};
