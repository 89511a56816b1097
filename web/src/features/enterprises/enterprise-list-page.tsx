import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { Enterprise, EnterpriseQuery } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { sortOrderFor, sortParam, useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { EnterpriseFilters } from './enterprise-filters';
import { EnterpriseFormDrawer } from './enterprise-form-drawer';
import { exportEnterprises, useEnterprises } from './hooks';
import { KeyTag } from './key-tag';

const isKeyParam = (value: string | undefined): EnterpriseQuery['isKey'] =>
  value === 'true' || value === 'false' ? value : undefined;

export const EnterpriseListPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writer = can(user, 'enterprise:create');
  const { page, pageSize, sort, get, update } = useListParams();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters = {
    q: get('q'),
    territory: get('territory'),
    industry: get('industry'),
    isKey: isKeyParam(get('isKey')),
    sort,
  };
  const filtered = Boolean(filters.q || filters.territory || filters.industry || filters.isKey);
  const enterprises = useEnterprises({ ...filters, page, pageSize });
  const data = enterprises.data;

  const runExport = async () => {
    setExporting(true);
    try {
      await exportEnterprises(filters);
    } catch (error) {
      void message.error(errorTitle(error, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('field.name'),
      sorter: true,
      sortOrder: sortOrderFor(sort, 'name'),
      render: (_, enterprise) => (
        <>
          <Link to={`/enterprises/${enterprise.id}`} onClick={(event) => event.stopPropagation()}>
            {enterprise.name}
          </Link>{' '}
          <KeyTag enterprise={enterprise} />
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {enterprise.address}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'creditCode',
      title: t('field.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'territory',
      title: t('field.territory'),
      dataIndex: 'territoryName',
      width: 110,
      sorter: true,
      sortOrder: sortOrderFor(sort, 'territory'),
    },
    { key: 'industry', title: t('field.industry'), dataIndex: 'industryName' },
    {
      key: 'scale',
      title: t('field.scale'),
      dataIndex: 'scale',
      width: 90,
      render: (scale: Enterprise['scale']) => t(`scale.${scale}`),
    },
    {
      key: 'workforce',
      title: t('field.workforce'),
      dataIndex: 'workforce',
      align: 'right',
      width: 110,
      sorter: true,
      sortOrder: sortOrderFor(sort, 'workforce'),
    },
    {
      key: 'updatedAt',
      title: t('field.updatedAt'),
      dataIndex: 'updatedAt',
      width: 180,
      sorter: true,
      sortOrder: sortOrderFor(sort, 'updatedAt'),
      render: (at: string) => formatDateTime(at),
    },
  ];

  const totalLabel = (total: number) =>
    data?.totalIsLowerBound ? t('common.totalAtLeast', { total }) : t('common.total', { total });

  return (
    <>
      <PageHeader
        title={t('nav.enterprises')}
        subtitle={t('enterprise.listSubtitle')}
        extra={
          <>
            <Button
              data-testid="enterprise-export"
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={runExport}
            >
              {t('enterprise.export')}
            </Button>
            {writer && (
              <Button
                data-testid="enterprise-import"
                icon={<UploadOutlined />}
                onClick={() => navigate('/enterprises/import')}
              >
                {t('enterprise.import')}
              </Button>
            )}
            {writer && (
              <Button
                data-testid="enterprise-create"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
              >
                {t('enterprise.create')}
              </Button>
            )}
          </>
        }
      />
      <EnterpriseFilters />
      {enterprises.isError && <ErrorAlert error={enterprises.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Enterprise>
          data-testid="enterprise-table"
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={enterprises.isFetching}
          onRow={(enterprise) =>
            ({
              'data-testid': 'enterprise-row',
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/enterprises/${enterprise.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          onChange={(pagination, _filters, sorter) =>
            update({
              page: pagination.current ?? 1,
              pageSize: pagination.pageSize ?? pageSize,
              sort: sortParam(sorter),
            })
          }
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100, 200],
            showTotal: totalLabel,
          }}
          locale={{
            emptyText: (
              <Empty
                data-testid="enterprise-empty"
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t('enterprise.emptyFiltered') : t('enterprise.empty')}
              />
            ),
          }}
          scroll={{ x: 960 }}
        />
      </Card>
      {writer && (
        <EnterpriseFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(enterprise) => {
            setCreating(false);
            navigate(`/enterprises/${enterprise.id}`);
          }}
        />
      )}
    </>
  );
};
