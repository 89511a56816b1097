import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { Organisation, OrganisationKind } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { TerritorySelect } from '../reference/selects';
import { useOrganisations } from './hooks';
import { OrganisationFormDrawer } from './organisation-form-drawer';
import { ActiveBadge, KindTag, ORGANISATION_KINDS, StandingTag } from './organisation-tags';
import { FilterBar } from '../../app/components/list-filters';

const kindParam = (value: string | undefined): OrganisationKind | undefined =>
  ORGANISATION_KINDS.find((kind) => kind === value);

export const OrganisationListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writer = can(user, 'organisation:create');
  const { get, update, reset, hasFilters } = useListParams();
  const [creating, setCreating] = useState(false);
  const organisations = useOrganisations({ kind: kindParam(get('kind')), territory: get('territory') });

  const columns: TableColumnsType<Organisation> = [
    {
      key: 'name',
      title: t('field.organisationName'),
      render: (_, organisation) => (
        <Link to={`/organisations/${organisation.id}`} onClick={(event) => event.stopPropagation()}>
          {organisation.name}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('field.kind'),
      width: 150,
      render: (_, organisation) => <KindTag organisation={organisation} />,
    },
    { key: 'territory', title: t('field.territory'), dataIndex: 'territoryName', width: 120 },
    {
      key: 'standing',
      title: t('field.legalStanding'),
      width: 170,
      render: (_, organisation) => <StandingTag hasLegalStanding={organisation.hasLegalStanding} />,
    },
    {
      key: 'entrustment',
      title: t('field.entrustmentValidity'),
      width: 220,
      render: (_, organisation) =>
        organisation.entrustment ? (
          `${formatDate(organisation.entrustment.validFrom)} ~ ${formatDate(organisation.entrustment.validTo)}`
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'active',
      title: t('field.status'),
      width: 100,
      render: (_, organisation) => <ActiveBadge active={organisation.active} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.organisations')}
        subtitle={t('organisation.listSubtitle')}
        extra={
          writer && (
            <Button
              data-testid="organisation-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('organisation.create')}
            </Button>
          )
        }
      />
      <FilterBar onReset={hasFilters ? reset : undefined}>
        <Select<string>
          data-testid="organisation-filter-kind"
          allowClear
          placeholder={t('field.kind')}
          value={get('kind')}
          onChange={(kind) => update({ kind })}
          style={{ width: 180 }}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))}
        />
        <TerritorySelect
          data-testid="organisation-filter-territory"
          allowClear
          placeholder={t('field.territory')}
          value={get('territory')}
          onChange={(territory) => update({ territory })}
          style={{ width: 160 }}
        />
      </FilterBar>
      {organisations.isError && <ErrorAlert error={organisations.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Organisation>
          data-testid="organisation-table"
          rowKey="id"
          columns={columns}
          dataSource={organisations.data?.items ?? []}
          loading={organisations.isFetching}
          onRow={(organisation) =>
            ({
              'data-testid': 'organisation-row',
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/organisations/${organisation.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            defaultPageSize: 20,
            hideOnSinglePage: true,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organisation.empty')} />,
          }}
          scroll={{ x: 900 }}
        />
      </Card>
      {writer && (
        <OrganisationFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(organisation) => {
            setCreating(false);
            navigate(`/organisations/${organisation.id}`);
          }}
        />
      )}
    </>
  );
};
