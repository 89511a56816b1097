import { useMemo, useState, type HTMLAttributes } from 'react';
import { Card, Empty, Input, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PublicGuideList, PublicGuideListEntry, PublicGuideListSummary } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { ClassTag, LevelTag } from '../grading/grade-tags';
import { usePublicGuideList, usePublicGuideLists } from './hooks';

type NumberedEntry = PublicGuideListEntry & { number: number };

// 公示: the published key-enterprise guide lists, one per year, readable by anyone.
export const PublicGuideListIndexPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const lists = usePublicGuideLists();

  const columns: TableColumnsType<PublicGuideListSummary> = [
    {
      key: 'year',
      title: t('guideList.year'),
      render: (_, list) => (
        <Link to={`/public/guide-lists/${list.year}`} onClick={(event) => event.stopPropagation()}>
          {t('public.listTitle', { year: list.year, territory: list.territoryName })}
        </Link>
      ),
    },
    {
      key: 'publishedAt',
      title: t('public.publishedAt'),
      width: 200,
      render: (_, list) => formatDateTime(list.publishedAt),
    },
    {
      key: 'entryCount',
      title: t('guideList.entryCount'),
      dataIndex: 'entryCount',
      align: 'right',
      width: 120,
    },
  ];

  return (
    <>
      <PageHeader title={t('public.guideListsTitle')} subtitle={t('public.guideListsSubtitle')} />
      {lists.isError && <ErrorAlert error={lists.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<PublicGuideListSummary>
          data-testid="public-guide-list-index"
          rowKey="year"
          columns={columns}
          dataSource={lists.data ?? []}
          loading={lists.isPending}
          pagination={false}
          onRow={(list) =>
            ({
              'data-testid': 'public-guide-year',
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/public/guide-lists/${list.year}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('public.noLists')} />,
          }}
        />
      </Card>
    </>
  );
};

export const PublicGuideListPage = () => {
  const t = useT();
  const { year: yearParam = '' } = useParams<{ year: string }>();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : Number.NaN;
  const list = usePublicGuideList(year);
  return (
    <DetailPage
      query={list}
      missing={!Number.isInteger(year)}
      notFound={{
        title: t('public.notPublished', { year: yearParam }),
        subtitle: null,
        backTo: '/public/guide-lists',
        backLabel: t('public.backToLists'),
        testId: 'public-guide-list-missing',
      }}
    >
      {(published) => <PublicGuideListView list={published} />}
    </DetailPage>
  );
};

const PublicGuideListView = ({ list }: { list: PublicGuideList }) => {
  const t = useT();
  const [q, setQ] = useState('');

  // numbered in published order, so a search keeps each enterprise's number
  const entries = useMemo(() => {
    const needle = q.trim().toUpperCase();
    const all = list.entries.map((entry, index) => ({ ...entry, number: index + 1 }));
    return needle === ''
      ? all
      : all.filter(
          (entry) => entry.name.includes(q.trim()) || entry.creditCode.toUpperCase().includes(needle),
        );
  }, [list, q]);

  const columns: TableColumnsType<NumberedEntry> = [
    { key: 'number', title: t('public.index'), dataIndex: 'number', width: 70 },
    { key: 'name', title: t('field.name'), dataIndex: 'name' },
    {
      key: 'creditCode',
      title: t('field.creditCode'),
      width: 200,
      render: (_, entry) => <Typography.Text code>{entry.creditCode}</Typography.Text>,
    },
    { key: 'territoryName', title: t('public.county'), dataIndex: 'territoryName', width: 120 },
    {
      key: 'class',
      title: t('grading.field.class'),
      width: 90,
      render: (_, entry) => <ClassTag value={entry.class} />,
    },
    {
      key: 'level',
      title: t('grading.field.enforcementLevel'),
      width: 120,
      render: (_, entry) => <LevelTag value={entry.enforcementLevel} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <span data-testid="public-guide-list-title">
            {t('public.listTitle', { year: list.year, territory: list.territoryName })}
          </span>
        }
        subtitle={t('public.listSubtitle', {
          at: formatDateTime(list.publishedAt),
          count: list.entries.length,
        })}
        crumbs={[
          { title: t('public.guideListsTitle'), to: '/public/guide-lists' },
          { title: String(list.year) },
        ]}
        extra={
          <Input.Search
            data-testid="public-guide-search"
            allowClear
            placeholder={t('public.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
            onSearch={setQ}
            style={{ width: 300 }}
          />
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<NumberedEntry>
          data-testid="public-guide-list"
          rowKey="creditCode"
          columns={columns}
          dataSource={entries}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
          }}
          onRow={() => ({ 'data-testid': 'public-guide-row' }) as HTMLAttributes<HTMLElement>}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('public.noEntries')} />,
          }}
          scroll={{ x: 760 }}
        />
      </Card>
    </>
  );
};
