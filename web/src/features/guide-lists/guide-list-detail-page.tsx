import { useMemo, useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Input, Popconfirm, Space, Steps, Table } from 'antd';
import {
  CheckOutlined,
  DownloadOutlined,
  PlusOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import type { GuideList, GuideListEntry } from '../../api/types';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { AddEntryModal, RemoveEntryModal } from './entry-modals';
import { useEntryColumns } from './guide-list-entry-columns';
import { ApproveModal } from './approve-guide-list-modal';
import { DiffCard } from './guide-list-diff-card';
import { GUIDE_LIST_STATUSES, GuideListStatusTag } from './guide-list-status';
import { exportGuideList, useGuideList, usePublishGuideList, useRegenerateGuideList } from './hooks';

const matches = (entry: GuideListEntry, q: string): boolean =>
  q === '' ||
  entry.name.includes(q) ||
  entry.creditCode.toUpperCase().includes(q.toUpperCase()) ||
  entry.territoryName.includes(q);

const GuideListDetail = ({ list }: { list: GuideList }) => {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const regenerate = useRegenerateGuideList(list.id);
  const publish = usePublishGuideList(list.id);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState(false);
  const [removing, setRemoving] = useState<GuideListEntry | null>(null);
  const [exporting, setExporting] = useState(false);

  const draft = list.status === 'draft';
  const editor = draft && can(user, 'guide_list:update');
  const approver = draft && can(user, 'guide_list:approve');
  const publisher = list.status === 'approved' && can(user, 'guide_list:publish');
  const active = useMemo(() => list.entries.filter((entry) => !entry.removed), [list.entries]);
  const shown = useMemo(() => list.entries.filter((entry) => matches(entry, q.trim())), [list.entries, q]);
  const listed = useMemo(() => new Set(active.map((entry) => entry.enterpriseId)), [active]);
  const territoryName = list.territoryName;

  const runExport = async () => {
    setExporting(true);
    try {
      await exportGuideList(list.id, list.year);
    } catch (error) {
      void message.error(errorTitle(error, t));
    } finally {
      setExporting(false);
    }
  };

  const columns = useEntryColumns(editor, setRemoving);

  const current = GUIDE_LIST_STATUSES.indexOf(list.status);

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="guide-list-title">{t('guideList.titleFor', { year: list.year })}</span>
            <GuideListStatusTag status={list.status} />
          </Space>
        }
        subtitle={t('guideList.detailSubtitle', { territory: territoryName, version: list.catalogVersion })}
        crumbs={[{ title: t('nav.guideLists'), to: '/guide-lists' }, { title: String(list.year) }]}
        extra={
          <>
            <Button
              data-testid="guide-list-export"
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={runExport}
            >
              {t('guideList.export')}
            </Button>
            {editor && (
              <Popconfirm
                title={t('guideList.regenerateTitle')}
                description={t('guideList.regenerateText')}
                onConfirm={() =>
                  regenerate.mutateAsync().then(
                    () => void message.success(t('guideList.regenerated')),
                    (error: unknown) => void message.error(errorTitle(error, t)),
                  )
                }
              >
                <Button
                  data-testid="guide-list-regenerate"
                  icon={<ReloadOutlined />}
                  loading={regenerate.isPending}
                >
                  {t('guideList.regenerate')}
                </Button>
              </Popconfirm>
            )}
            {approver && (
              <Button
                data-testid="guide-list-approve"
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setApproving(true)}
              >
                {t('guideList.approve')}
              </Button>
            )}
            {publisher && (
              <Popconfirm
                title={t('guideList.publishTitle')}
                description={t('guideList.publishText')}
                okButtonProps={{ 'data-testid': 'guide-list-publish-confirm' }}
                onConfirm={() =>
                  publish.mutateAsync().then(
                    () => void message.success(t('guideList.published')),
                    (error: unknown) => void message.error(errorTitle(error, t)),
                  )
                }
              >
                <Button
                  data-testid="guide-list-publish"
                  type="primary"
                  icon={<SendOutlined />}
                  loading={publish.isPending}
                >
                  {t('guideList.publish')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Steps
            data-testid="guide-list-steps"
            current={current}
            status={list.status === 'published' ? 'finish' : 'process'}
            items={[
              { title: t('guideList.step.draft'), content: formatDateTime(list.generatedAt) },
              {
                title: t('guideList.step.approved'),
                content: list.approvedAt
                  ? `${list.approvedByName ?? ''} ${formatDateTime(list.approvedAt)}`
                  : t('guideList.step.pending'),
              },
              {
                title: t('guideList.step.published'),
                content: list.publishedAt ? formatDateTime(list.publishedAt) : t('guideList.step.pending'),
              },
            ]}
          />
          <Descriptions
            style={{ marginTop: 24 }}
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              { key: 'territory', label: t('field.territory'), children: territoryName },
              {
                key: 'count',
                label: t('guideList.entryCount'),
                children: <span data-testid="guide-list-count">{active.length}</span>,
              },
              {
                key: 'removed',
                label: t('guideList.removedCount'),
                children: list.entries.length - active.length,
              },
              { key: 'catalogVersion', label: t('guideList.catalogVersion'), children: list.catalogVersion },
              { key: 'generatedBy', label: t('guideList.generatedBy'), children: list.generatedByName },
              ...(list.approvalComment
                ? [
                    {
                      key: 'comment',
                      label: t('guideList.approvalComment'),
                      children: list.approvalComment,
                      span: 'filled' as const,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <DiffCard diff={list.diff} />
        <Card
          title={t('guideList.entries')}
          extra={
            <Space wrap>
              <Input.Search
                data-testid="guide-entry-search"
                allowClear
                placeholder={t('guideList.searchPlaceholder')}
                onSearch={(value) => setQ(value)}
                onChange={(event) => setQ(event.target.value)}
                style={{ width: 280 }}
              />
              {editor && (
                <Button data-testid="guide-entry-add" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('guideList.addEntry')}
                </Button>
              )}
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Table<GuideListEntry>
            data-testid="guide-entry-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            pagination={{
              defaultPageSize: 50,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('common.total', { total }),
            }}
            onRow={(entry) =>
              ({
                'data-testid': 'guide-entry-row',
                'data-removed': String(entry.removed),
                'data-origin': entry.origin,
                style: entry.removed ? { background: 'rgba(0, 0, 0, 0.02)' } : undefined,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('guideList.noEntries')} />
              ),
            }}
            scroll={{ x: 1200 }}
          />
        </Card>
      </Flex>
      {editor && (
        <>
          <AddEntryModal listId={list.id} open={adding} excluded={listed} onClose={() => setAdding(false)} />
          <RemoveEntryModal listId={list.id} entry={removing} onClose={() => setRemoving(null)} />
        </>
      )}
      {approver && <ApproveModal list={list} open={approving} onClose={() => setApproving(false)} />}
    </>
  );
};

export const GuideListDetailPage = () => {
  const t = useT();
  const { id = '' } = useParams<{ id: string }>();
  const list = useGuideList(id);
  return (
    <DetailPage query={list} notFound={{ title: t('guideList.notFound'), backTo: '/guide-lists' }}>
      {(record) => <GuideListDetail list={record} />}
    </DetailPage>
  );
};
