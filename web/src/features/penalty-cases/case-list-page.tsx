import { Alert, Button, Card, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { usePenaltyCases, type PenaltyCaseSummary } from './hooks';

// issue 15: the territory's penalty cases, newest first.
export const PenaltyCaseListPage = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  // from the workbench: open observation periods whose follow-up visit is due (measure 14)
  const observationDueBy = params.get('observationDueBy') ?? undefined;
  // from the workbench: 查封、扣押 in force ending by this day or past it (measure 16)
  const seizureDueBy = params.get('seizureDueBy') ?? undefined;
  const filters = {
    ...(observationDueBy ? { observationDueBy } : {}),
    ...(seizureDueBy ? { seizureDueBy } : {}),
  };
  const { data, error, isFetching } = usePenaltyCases({ page, pageSize, ...filters });
  return (
    <>
      <PageHeader title={t('case.list.title')} subtitle={t('case.list.subtitle')} />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        {observationDueBy ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="case-observation-filter"
            title={t('case.list.observationFilter', { date: observationDueBy })}
            action={
              <Button size="small" onClick={() => setParams({})}>
                {t('case.list.showAll')}
              </Button>
            }
          />
        ) : null}
        {seizureDueBy ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="case-seizure-filter"
            title={t('case.list.seizureFilter', { date: seizureDueBy })}
            action={
              <Button size="small" onClick={() => setParams({})}>
                {t('case.list.showAll')}
              </Button>
            }
          />
        ) : null}
        <Table<PenaltyCaseSummary>
          rowKey="id"
          data-testid="case-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) =>
              setParams({
                page: String(p),
                pageSize: String(s),
                ...filters,
              }),
          }}
          columns={[
            {
              title: t('case.reference'),
              dataIndex: 'reference',
              render: (reference: string, row) => <Link to={`/penalty-cases/${row.id}`}>{reference}</Link>,
            },
            { title: t('case.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('case.summary'), dataIndex: 'summary' },
            { title: t('case.source'), dataIndex: 'sourceName' },
            {
              title: t('case.status'),
              dataIndex: 'statusName',
              render: (name: string) => <Tag color="blue">{name}</Tag>,
            },
            {
              title: t('case.openedOn'),
              dataIndex: 'openedOn',
              render: (value: string) => formatDate(value),
            },
            {
              title: t('case.observationFollowUpOn'),
              dataIndex: 'observationFollowUpOn',
              render: (value: string | null) => (value ? formatDate(value) : '—'),
            },
          ]}
        />
      </Card>
    </>
  );
};
