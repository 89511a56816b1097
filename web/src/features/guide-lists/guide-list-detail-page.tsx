import { useMemo, useState, type HTMLAttributes } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  CheckOutlined,
  DownloadOutlined,
  PlusOutlined,
  ReloadOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { GuideList, GuideListDiff, GuideListEntry } from '../../api/types';
import { can } from '../../app/auth/permissions';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { ClassTag, LevelTag } from '../grading/grade-tags';
import { AddEntryModal, RemoveEntryModal } from './entry-modals';
import { GUIDE_LIST_STATUSES, GuideListStatusTag } from './guide-list-status';
import {
  exportGuideList,
  useApproveGuideList,
  useGuideList,
  usePublishGuideList,
  useRegenerateGuideList,
} from './hooks';

const matches = (entry: GuideListEntry, q: string): boolean =>
  q === '' ||
  entry.name.includes(q) ||
  entry.creditCode.toUpperCase().includes(q.toUpperCase()) ||
  entry.territoryName.includes(q);

const DiffList = ({
  items,
  color,
  testId,
}: {
  items: GuideListDiff['added'];
  color: string;
  testId: string;
}) => {
  const t = useT();
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('guideList.diffNone')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid={testId} style={{ maxHeight: 240, overflow: 'auto' }}>
      {items.map((item) => (
        <Space key={item.creditCode} size={6} wrap>
          <Tag color={color} style={{ marginInlineEnd: 0 }}>
            {item.territoryName}
          </Tag>
          <Typography.Text>{item.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.creditCode}
          </Typography.Text>
        </Space>
      ))}
    </Flex>
  );
};

// What changed since last year's published list: who joined, who left.
const DiffCard = ({ diff }: { diff: GuideListDiff }) => {
  const t = useT();
  return (
    <Card data-testid="guide-list-diff" title={t('guideList.diffTitle', { year: diff.previousYear })}>
      {diff.previousListId === null ? (
        <Typography.Text type="secondary" data-testid="guide-list-diff-none">
          {t('guideList.diffNoPrevious', { year: diff.previousYear })}
        </Typography.Text>
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('guideList.diffAdded', { count: diff.added.length })}
            </Typography.Title>
            <DiffList items={diff.added} color="green" testId="guide-list-diff-added" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('guideList.diffRemoved', { count: diff.removed.length })}
            </Typography.Title>
            <DiffList items={diff.removed} color="red" testId="guide-list-diff-removed" />
          </Col>
        </Row>
      )}
      {diff.previousListId && (
        <div style={{ marginTop: 12 }}>
          <Link to={`/guide-lists/${diff.previousListId}`}>
            {t('guideList.openPrevious', { year: diff.previousYear })}
          </Link>
        </div>
      )}
    </Card>
  );
};

const ApproveModal = ({ list, open, onClose }: { list: GuideList; open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const approve = useApproveGuideList(list.id);
  return (
    <Modal
      title={t('guideList.approveTitle', { year: list.year })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('guideList.approve')}
      okButtonProps={{ 'data-testid': 'guide-list-approve-confirm' }}
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('guideList.approveText', { count: list.entries.filter((entry) => !entry.removed).length })}
      </Typography.Paragraph>
      {approve.isError && <ErrorAlert error={approve.error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment }) =>
          approve.mutate((comment ?? '').trim(), {
            onSuccess: () => {
              void message.success(t('guideList.approved'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="comment" label={t('guideList.approveComment')} rules={[{ max: 500 }]}>
          <Input.TextArea data-testid="guide-list-approve-comment" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

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
  const editor = draft && can(user.role, 'guideLists.edit');
  const approver = draft && can(user.role, 'guideLists.approve');
  const publisher = list.status === 'approved' && can(user.role, 'guideLists.publish');
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

  const columns: TableColumnsType<GuideListEntry> = [
    {
      key: 'name',
      title: t('field.name'),
      width: 300,
      render: (_, entry) => (
        <>
          <Link to={`/enterprises/${entry.enterpriseId}`}>
            <Typography.Text
              delete={entry.removed}
              type={entry.removed ? 'secondary' : undefined}
              style={{ color: 'inherit' }}
            >
              {entry.name}
            </Typography.Text>
          </Link>
          {entry.removed && (
            <div>
              <Tag color="default" data-testid="guide-entry-removed">
                {t('guideList.removedTag')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('guideList.removedReason', { reason: entry.reason ?? '—' })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'creditCode',
      title: t('field.creditCode'),
      width: 190,
      render: (_, entry) => (
        <Typography.Text code delete={entry.removed}>
          {entry.creditCode}
        </Typography.Text>
      ),
    },
    { key: 'territory', title: t('field.territory'), dataIndex: 'territoryName', width: 100 },
    {
      key: 'class',
      title: t('grading.field.class'),
      width: 80,
      render: (_, entry) => <ClassTag value={entry.class} />,
    },
    {
      key: 'level',
      title: t('grading.field.enforcementLevel'),
      width: 110,
      render: (_, entry) => <LevelTag value={entry.enforcementLevel} />,
    },
    {
      key: 'origin',
      title: t('guideList.origin'),
      render: (_, entry) =>
        entry.origin === 'manual' ? (
          <>
            <Tag color="purple" data-testid="guide-entry-manual">
              {t('guideList.origin.manual')}
            </Tag>
            {!entry.removed && entry.reason && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.reason}
              </Typography.Text>
            )}
          </>
        ) : (
          <Space size={[0, 4]} wrap>
            {entry.ruleReasons.map((reason) => (
              <Tag key={reason} color="red" style={{ whiteSpace: 'normal' }}>
                {reason}
              </Tag>
            ))}
          </Space>
        ),
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, entry: GuideListEntry) =>
              !entry.removed && (
                <Button
                  data-testid="entry-remove"
                  type="link"
                  size="small"
                  danger
                  onClick={() => setRemoving(entry)}
                >
                  {t('guideList.remove')}
                </Button>
              ),
          },
        ]
      : []),
  ];

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
