import type { HTMLAttributes } from 'react';
import { Table, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, shortHash } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useTerritories } from '../reference/hooks';

const DETAIL_PATHS: Record<string, string> = {
  enterprise: '/enterprises',
  organisation: '/organisations',
  officer: '/officers',
  inspection: '/inspections',
  annual_plan: '/plans/annual',
  guide_list: '/guide-lists',
  draw: '/draws',
};

// The entity types with a name in the dictionary; others show as recorded.
const NAMED_ENTITY_TYPES = [
  'enterprise',
  'organisation',
  'officer',
  'certificate',
  'user',
  'inspection',
  'annual_plan',
  'monthly_plan',
  'monthly_plan_reminder',
  'guide_list',
  'draw',
  'regrade_run',
  'merge_decision',
  'rating',
  'system',
] as const;
const isNamedEntityType = (type: string): type is (typeof NAMED_ENTITY_TYPES)[number] =>
  (NAMED_ENTITY_TYPES as readonly string[]).includes(type);

const EventDetail = ({ event }: { event: AuditEvent }) => {
  const t = useT();
  return (
    <div data-testid="audit-event-detail" style={{ fontSize: 12 }}>
      <Typography.Text type="secondary">{t('audit.payload')}</Typography.Text>
      <pre style={{ margin: '4px 0 8px', maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(event.payload, null, 2)}
      </pre>
      <div>
        <Typography.Text type="secondary">{t('audit.prevHash')}：</Typography.Text>
        <Typography.Text code>{event.prevHash ?? t('audit.pending')}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">{t('audit.hash')}：</Typography.Text>
        <Typography.Text code>{event.hash ?? t('audit.pending')}</Typography.Text>
      </div>
    </div>
  );
};

type AuditTableProps = {
  events: AuditEvent[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  onPageChange?: (page: number, pageSize: number) => void;
  compact?: boolean;
};

export const AuditTable = ({
  events,
  loading,
  pagination,
  onPageChange,
  compact = false,
}: AuditTableProps) => {
  const t = useT();
  const territories = useTerritories();
  const territoryName = (code: string) =>
    territories.data?.find((territory) => territory.code === code)?.name ?? code;
  const columns: TableColumnsType<AuditEvent> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (name: string | null) => name ?? t('audit.system'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      // the Chinese label from the server's registry; the stored name beneath, as the filter takes it
      render: (_: unknown, event: AuditEvent) => (
        <Tooltip title={event.action}>
          <Tag data-testid="audit-action" data-action={event.actionName}>
            {event.actionLabel}
          </Tag>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {event.actionName}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: 'entityType',
            title: t('audit.entityType'),
            dataIndex: 'entityType',
            width: 120,
            render: (type: string) => (isNamedEntityType(type) ? t(`entityType.${type}`) : type),
          },
          {
            key: 'entityId',
            title: t('audit.entity'),
            render: (_: unknown, event: AuditEvent) => {
              const base = DETAIL_PATHS[event.entityType];
              // by name where the server could resolve one, else the id as recorded
              const label = event.entityName ? (
                <span data-testid="audit-entity-name">{event.entityName}</span>
              ) : (
                <Typography.Text code>{event.entityId.slice(0, 8)}</Typography.Text>
              );
              return (
                <Tooltip title={event.entityId}>
                  {base ? <Link to={`${base}/${event.entityId}`}>{label}</Link> : label}
                </Tooltip>
              );
            },
          },
          {
            key: 'territory',
            title: t('field.territory'),
            dataIndex: 'territory',
            width: 90,
            render: (code: string) => territoryName(code),
          },
        ]),
    {
      key: 'hash',
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 130,
      render: (hash: string) => (
        <Tooltip title={hash}>
          <Typography.Text code>{shortHash(hash)}</Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<AuditEvent>
      data-testid="audit-table"
      size={compact ? 'small' : 'middle'}
      rowKey="id"
      columns={columns}
      dataSource={events}
      loading={loading}
      expandable={{ expandedRowRender: (event) => <EventDetail event={event} /> }}
      onRow={() => ({ 'data-testid': 'audit-row' }) as HTMLAttributes<HTMLElement>}
      pagination={pagination}
      onChange={(next) => onPageChange?.(next.current ?? 1, next.pageSize ?? 20)}
      scroll={{ x: compact ? undefined : 960 }}
    />
  );
};
