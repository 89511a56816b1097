import { type HTMLAttributes } from 'react';
import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { UnverifiedTag } from './grade-tags';
import {
  FIELD_LABELS,
  OWN_COLUMNS,
  formatValue,
  isRecord,
  type Entry,
  type Section,
} from './catalog-sections';

const EntryNumbers = ({ entry }: { entry: Entry }) => {
  const t = useT();
  // nested entry lists (a class's criteria) have their own section
  const fields = Object.entries(entry).filter(
    ([key, value]) => !OWN_COLUMNS.has(key) && !(Array.isArray(value) && value.every(isRecord)),
  );
  if (fields.length === 0) return <>—</>;
  return (
    <Flex vertical gap={2}>
      {fields.map(([key, value]) => (
        <span key={key}>
          <Typography.Text type="secondary">
            {FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : key}：
          </Typography.Text>
          <Typography.Text strong={typeof value === 'number'}>{formatValue(value, t)}</Typography.Text>
        </span>
      ))}
    </Flex>
  );
};

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
export const isVerified = (entry: Entry): boolean => entry.verified !== false;

export const SectionTable = ({ section, onlyUnverified }: { section: Section; onlyUnverified: boolean }) => {
  const t = useT();
  const entries = onlyUnverified ? section.entries.filter((entry) => !isVerified(entry)) : section.entries;
  const columns: TableColumnsType<Entry> = [
    {
      key: 'code',
      title: t('catalog.column.code'),
      width: 200,
      render: (_, entry) => (
        <>
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {entry.code}
          </Typography.Text>
          {text(entry.name) && <div>{text(entry.name)}</div>}
        </>
      ),
    },
    {
      key: 'numbers',
      title: t('catalog.column.numbers'),
      width: 240,
      render: (_, entry) => <EntryNumbers entry={entry} />,
    },
    {
      key: 'source',
      title: t('catalog.column.source'),
      render: (_, entry) => (
        <Flex vertical gap={4}>
          <Typography.Text style={{ fontSize: 13 }}>{text(entry.source) ?? '—'}</Typography.Text>
          {text(entry.note) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.note', { note: text(entry.note) ?? '' })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'effective',
      title: t('catalog.column.effective'),
      width: 110,
      render: (_, entry) => text(entry.effective) ?? '—',
    },
    {
      key: 'verified',
      title: t('catalog.column.verified'),
      width: 90,
      render: (_, entry) =>
        isVerified(entry) ? (
          <Tag color="green">{t('catalog.verified')}</Tag>
        ) : (
          <UnverifiedTag verified={false} />
        ),
    },
  ];
  return (
    <Table<Entry>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      onRow={(entry) =>
        ({
          'data-testid': 'catalog-entry',
          'data-code': entry.code,
          'data-verified': String(isVerified(entry)),
        }) as HTMLAttributes<HTMLElement>
      }
      scroll={{ x: 900 }}
    />
  );
};
