import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Empty, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { GuideListSummary } from '../../api/types';
import { can, isCityLevel } from '../../app/auth/access';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime, todayInZone } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { GuideListStatusTag } from './guide-list-status';
import { useGenerateGuideList, useGuideLists } from './hooks';

const currentYear = (): number => Number(todayInZone().slice(0, 4));

// 重点企业指导名单 (measure 4): one list a year, generated from the grades, reviewed, approved, published.
export const GuideListListPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const lists = useGuideLists();
  const generate = useGenerateGuideList();
  const [year, setYear] = useState<number | null>(currentYear());
  const generator = can(user, 'guide_list:create') && isCityLevel(user.territory);

  const runGenerate = () => {
    if (!year) return;
    generate.mutate(year, {
      onSuccess: (list) => {
        void message.success(t('guideList.generated', { year: list.year, count: list.entryCount }));
        navigate(`/guide-lists/${list.id}`);
      },
      onError: (error) => void message.error(errorTitle(error, t)),
    });
  };

  const columns: TableColumnsType<GuideListSummary> = [
    {
      key: 'year',
      title: t('guideList.year'),
      width: 200,
      render: (_, list) => (
        <Link to={`/guide-lists/${list.id}`} onClick={(event) => event.stopPropagation()}>
          {t('guideList.titleFor', { year: list.year })}
        </Link>
      ),
    },
    { key: 'territory', title: t('field.territory'), width: 140, dataIndex: 'territoryName' },
    {
      key: 'status',
      title: t('field.status'),
      width: 100,
      render: (_, list) => <GuideListStatusTag status={list.status} />,
    },
    {
      key: 'entryCount',
      title: t('guideList.entryCount'),
      dataIndex: 'entryCount',
      align: 'right',
      width: 110,
    },
    {
      key: 'generatedAt',
      title: t('guideList.generatedAt'),
      width: 180,
      render: (_, list) => formatDateTime(list.generatedAt),
    },
    {
      key: 'approved',
      title: t('guideList.approvedAt'),
      width: 220,
      render: (_, list) =>
        list.approvedAt ? (
          <>
            <div>{list.approvedByName ?? '—'}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(list.approvedAt)}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'publishedAt',
      title: t('guideList.publishedAt'),
      width: 180,
      render: (_, list) => formatDateTime(list.publishedAt),
    },
    { key: 'catalogVersion', title: t('guideList.catalogVersion'), dataIndex: 'catalogVersion', width: 110 },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.guideLists')}
        subtitle={t('guideList.listSubtitle')}
        extra={
          <>
            <Button
              icon={<GlobalOutlined />}
              onClick={() => navigate('/public/guide-lists')}
              data-testid="guide-list-public-link"
            >
              {t('guideList.publicPage')}
            </Button>
            {generator && (
              <Space.Compact>
                <InputNumber<number>
                  data-testid="guide-list-year"
                  min={2000}
                  max={2100}
                  precision={0}
                  value={year}
                  onChange={setYear}
                  suffix={t('guideList.yearSuffix')}
                  style={{ width: 120 }}
                />
                <Button
                  data-testid="guide-list-generate"
                  type="primary"
                  icon={<PlusOutlined />}
                  loading={generate.isPending}
                  disabled={!year}
                  onClick={runGenerate}
                >
                  {t('guideList.generate')}
                </Button>
              </Space.Compact>
            )}
          </>
        }
      />
      {lists.isError && <ErrorAlert error={lists.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<GuideListSummary>
          data-testid="guide-list-table"
          rowKey="id"
          columns={columns}
          dataSource={lists.data ?? []}
          loading={lists.isFetching}
          pagination={false}
          onRow={(list) =>
            ({
              'data-testid': 'guide-list-row',
              'data-status': list.status,
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/guide-lists/${list.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={generator ? t('guideList.emptyGenerator') : t('guideList.empty')}
              />
            ),
          }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
};
