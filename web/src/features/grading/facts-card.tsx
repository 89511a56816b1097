import { useState, type HTMLAttributes } from 'react';
import {
  Button,
  Card,
  Dropdown,
  Empty,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import type { Fact, FactKind } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDate, formatDateTime } from '../../app/format';
import { useT, type Translate } from '../../app/i18n/i18n-context';
import { AddFactModal, RetractFactModal } from './fact-modals';
import { asFactInput, FACT_KINDS, factKindLabel } from './fact-form';
import { useEnterpriseFacts } from './hooks';

// One line that says what the fact records, in the words an officer would use.
export const describeFact = (record: Fact, t: Translate): string => {
  // issue 16: a monitoring lead the platform recorded itself
  if (record.kind === 'monitoring_lead') {
    const lead = record.data as { date: string; level: 'red' | 'orange' | 'yellow' | 'blue' };
    return t('fact.describe.monitoringLead', {
      date: formatDate(lead.date),
      level: t(`fact.leadLevel.${lead.level}`),
    });
  }
  // issue 17: an internal reporting-reward mechanism an officer registered on the enterprise's page
  if (record.kind === 'internal_reporting_mechanism') {
    const mechanism = record.data as { establishedOn: string };
    return t('fact.describe.internalReporting', { date: formatDate(mechanism.establishedOn) });
  }
  const fact = asFactInput(record);
  if (!fact) return JSON.stringify(record.data);
  switch (fact.kind) {
    case 'accident':
      return t('fact.describe.accident', {
        date: formatDate(fact.data.date),
        level: t(`accidentLevel.${fact.data.level}`),
        deaths: fact.data.deaths,
      });
    case 'penalty':
    case 'violation':
      return t('fact.describe.sanction', { date: formatDate(fact.data.date), kind: fact.data.kind });
    case 'standardisation':
      return t('fact.describe.standardisation', {
        grade: t(`standardisationGrade.${fact.data.grade}`),
        until: formatDate(fact.data.validUntil),
      });
    case 'safety_credit_grade':
      return t('fact.describe.creditGrade', { grade: fact.data.grade, since: formatDate(fact.data.since) });
    case 'overdue_major_hidden_danger':
      return fact.data.rectifiedOn
        ? t('fact.describe.overdueRectified', {
            since: formatDate(fact.data.overdueSince),
            until: formatDate(fact.data.rectifiedOn),
          })
        : t('fact.describe.overdueOpen', { since: formatDate(fact.data.overdueSince) });
    case 'joint_credit_punishment':
      return fact.data.to
        ? t('fact.describe.punishmentEnded', {
            from: formatDate(fact.data.from),
            to: formatDate(fact.data.to),
          })
        : t('fact.describe.punishmentOpen', { from: formatDate(fact.data.from) });
    case 'special_processes':
      return t('fact.describe.specialProcesses', {
        count: fact.data.hazardousProcesses,
        level:
          fact.data.majorHazardSourceLevel === null
            ? t('fact.noHazardSource')
            : t(`hazardSourceLevel.${fact.data.majorHazardSourceLevel}`),
      });
    case 'designated_new_sector':
      return fact.data.designated ? t('fact.describe.designated') : t('fact.describe.notDesignated');
  }
};

const PRIMARY_KINDS: FactKind[] = ['accident', 'standardisation'];

type FactsCardProps = { enterpriseId: string; writer: boolean };

// The dated facts behind the grade (measure 4: 事故和违法记录、安全诚信等级、标准化等级…).
export const FactsCard = ({ enterpriseId, writer }: FactsCardProps) => {
  const t = useT();
  const facts = useEnterpriseFacts(enterpriseId);
  const [tab, setTab] = useState<FactKind | 'all'>('all');
  const [adding, setAdding] = useState<FactKind | null>(null);
  const [retracting, setRetracting] = useState<Fact | null>(null);
  const items = facts.data ?? [];
  const shown = tab === 'all' ? items : items.filter((fact) => fact.kind === tab);
  const kindsPresent = FACT_KINDS.filter((kind) => items.some((fact) => fact.kind === kind));

  const columns: TableColumnsType<Fact> = [
    {
      key: 'kind',
      title: t('fact.column.kind'),
      width: 170,
      render: (_, fact) => (
        <Tag color={fact.retractedAt ? 'default' : 'blue'}>{factKindLabel(fact.kind, t)}</Tag>
      ),
    },
    {
      key: 'content',
      title: t('fact.column.content'),
      render: (_, fact) => (
        <Typography.Text delete={Boolean(fact.retractedAt)} type={fact.retractedAt ? 'secondary' : undefined}>
          {describeFact(fact, t)}
        </Typography.Text>
      ),
    },
    {
      key: 'recorded',
      title: t('fact.column.recorded'),
      width: 200,
      render: (_, fact) => (
        <>
          <div>{fact.recordedByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(fact.recordedAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'status',
      title: t('fact.column.status'),
      width: 220,
      render: (_, fact) =>
        fact.retractedAt ? (
          <>
            <Tooltip title={formatDateTime(fact.retractedAt)}>
              <Tag data-testid="fact-retracted">{t('fact.retractedTag')}</Tag>
            </Tooltip>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('fact.retractedReason', { reason: fact.retractionReason ?? '—' })}
              </Typography.Text>
            </div>
          </>
        ) : (
          <Tag color="green">{t('fact.inForce')}</Tag>
        ),
    },
    ...(writer
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, fact: Fact) =>
              !fact.retractedAt && (
                <Button
                  data-testid="fact-retract"
                  type="link"
                  size="small"
                  danger
                  onClick={() => setRetracting(fact)}
                >
                  {t('fact.retract')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const otherKinds = FACT_KINDS.filter((kind) => !PRIMARY_KINDS.includes(kind));

  return (
    <Card
      data-testid="facts-card"
      title={t('fact.cardTitle')}
      extra={
        writer && (
          <Space wrap>
            <Button
              data-testid="fact-add-accident"
              icon={<PlusOutlined />}
              onClick={() => setAdding('accident')}
            >
              {t('fact.addAccident')}
            </Button>
            <Button
              data-testid="fact-add-standardisation"
              icon={<PlusOutlined />}
              onClick={() => setAdding('standardisation')}
            >
              {t('fact.addStandardisation')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: otherKinds.map((kind) => ({
                  key: kind,
                  label: <span data-testid={`fact-add-${kind}`}>{t(`factKind.${kind}`)}</span>,
                })),
                onClick: ({ key }) => setAdding(key as FactKind),
              }}
            >
              <Button data-testid="fact-add-other">
                {t('fact.addOther')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        )
      }
    >
      {facts.isError && <ErrorAlert error={facts.error} style={{ marginBottom: 16 }} />}
      {kindsPresent.length > 1 && (
        <Tabs
          size="small"
          activeKey={tab}
          onChange={(key) => setTab(key as FactKind | 'all')}
          items={[
            { key: 'all', label: t('fact.tabAll', { count: items.length }) },
            ...kindsPresent.map((kind) => ({
              key: kind,
              label: `${t(`factKind.${kind}`)} (${items.filter((fact) => fact.kind === kind).length})`,
            })),
          ]}
        />
      )}
      <Table<Fact>
        data-testid="facts-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={facts.isPending}
        pagination={shown.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        onRow={(fact) =>
          ({
            'data-testid': 'fact-row',
            'data-kind': fact.kind,
            'data-retracted': String(Boolean(fact.retractedAt)),
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fact.empty')} />,
        }}
        scroll={{ x: 800 }}
      />
      {writer && (
        <>
          <AddFactModal enterpriseId={enterpriseId} kind={adding} onClose={() => setAdding(null)} />
          <RetractFactModal
            enterpriseId={enterpriseId}
            fact={retracting}
            onClose={() => setRetracting(null)}
          />
        </>
      )}
    </Card>
  );
};
