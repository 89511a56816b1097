import { useState, type HTMLAttributes } from 'react';
import { Button, Card, Empty, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { Officer, OfficerQuery } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { useListParams } from '../../app/list-params';
import { useCurrentUser } from '../auth/hooks';
import { useOrganisationOptions } from '../organisations/hooks';
import { TerritorySelect } from '../reference/selects';
import { useOfficers } from './hooks';
import { LockedAccountsCard } from './locked-accounts-card';
import { OfficerFormDrawer } from './officer-form-drawer';
import { CertificateStatusTag, MayInspectTag, QualificationTags, RosterTag } from './officer-tags';
import { SearchInput } from '../../app/components/search-input';
import { FilterBar } from '../../app/components/list-filters';

const rosterParam = (value: string | undefined): OfficerQuery['onRoster'] =>
  value === 'true' || value === 'false' ? value : undefined;

export const OfficerListPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const writer = can(user, 'officer:create');
  const mayUnlock = can(user, 'user:update');
  const organisations = useOrganisationOptions();
  const { page, pageSize, get, update, reset, hasFilters } = useListParams();
  const [creating, setCreating] = useState(false);
  const officers = useOfficers({
    q: get('q'),
    organisationId: get('organisationId'),
    territory: get('territory'),
    onRoster: rosterParam(get('onRoster')),
    page,
    pageSize,
  });

  const columns: TableColumnsType<Officer> = [
    {
      key: 'name',
      title: t('field.officerName'),
      render: (_, officer) => (
        <Link to={`/officers/${officer.id}`} onClick={(event) => event.stopPropagation()}>
          {officer.name}
        </Link>
      ),
    },
    { key: 'organisation', title: t('field.organisation'), dataIndex: 'organisationName' },
    { key: 'territory', title: t('field.territory'), dataIndex: 'territoryName', width: 110 },
    { key: 'position', title: t('field.position'), dataIndex: 'position', width: 120 },
    {
      key: 'qualifications',
      title: t('field.qualifications'),
      render: (_, officer) => <QualificationTags qualifications={officer.qualifications} />,
    },
    {
      key: 'certificate',
      title: t('field.certificate'),
      render: (_, officer) => {
        const certificate =
          officer.certificates.find((item) => item.statusToday === 'valid') ?? officer.certificates[0];
        if (!certificate)
          return <Typography.Text type="secondary">{t('officer.noCertificate')}</Typography.Text>;
        return (
          <Flex gap={4} align="center" wrap>
            <Typography.Text code>{certificate.number}</Typography.Text>
            <CertificateStatusTag status={certificate.statusToday} />
          </Flex>
        );
      },
    },
    {
      key: 'roster',
      title: t('field.roster'),
      width: 150,
      render: (_, officer) => <RosterTag officer={officer} />,
    },
    {
      key: 'mayInspect',
      title: t('field.mayInspectToday'),
      width: 130,
      render: (_, officer) => <MayInspectTag officer={officer} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.officers')}
        subtitle={t('officer.listSubtitle')}
        extra={
          writer && (
            <Button
              data-testid="officer-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('officer.create')}
            </Button>
          )
        }
      />
      {mayUnlock && <LockedAccountsCard />}
      <FilterBar onReset={hasFilters ? reset : undefined}>
        <SearchInput
          testId="officer-search"
          placeholder={t('officer.searchPlaceholder')}
          value={get('q')}
          onSearch={(q) => update({ q })}
          style={{ width: 260 }}
        />
        <Select<string>
          data-testid="officer-filter-organisation"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('field.organisation')}
          loading={organisations.loading}
          value={get('organisationId')}
          onChange={(organisationId) => update({ organisationId })}
          options={organisations.items.map((item) => ({ value: item.id, label: item.name }))}
          style={{ width: 240 }}
        />
        <TerritorySelect
          allowClear
          placeholder={t('field.territory')}
          value={get('territory')}
          onChange={(territory) => update({ territory })}
          style={{ width: 160 }}
        />
        <Select<string>
          data-testid="officer-filter-roster"
          allowClear
          placeholder={t('field.roster')}
          value={get('onRoster')}
          onChange={(onRoster) => update({ onRoster })}
          options={[
            { value: 'true', label: t('officer.onRoster') },
            { value: 'false', label: t('officer.removed') },
          ]}
          style={{ width: 140 }}
        />
      </FilterBar>
      {officers.isError && <ErrorAlert error={officers.error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Officer>
          data-testid="officer-table"
          rowKey="id"
          columns={columns}
          dataSource={officers.data?.items ?? []}
          loading={officers.isFetching}
          onRow={(officer) =>
            ({
              'data-testid': 'officer-row',
              style: { cursor: 'pointer' },
              onClick: () => navigate(`/officers/${officer.id}`),
            }) as HTMLAttributes<HTMLElement>
          }
          onChange={(pagination) =>
            update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? pageSize })
          }
          pagination={{
            current: page,
            pageSize,
            total: officers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('officer.empty')} />,
          }}
          scroll={{ x: 1100 }}
        />
      </Card>
      {writer && (
        <OfficerFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(officer) => {
            setCreating(false);
            navigate(`/officers/${officer.id}`);
          }}
        />
      )}
    </>
  );
};
