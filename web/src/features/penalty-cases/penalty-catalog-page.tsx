import { Card, Space, Table, Tag, Typography } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { plainSource, usePenaltyCatalog, type PenaltyCatalog } from './hooks';
import { ViolationTiersPanel } from './tier-editor';

type ViolationRow = PenaltyCatalog['violations'][number];

// issue 15: the legal reviewer's view of the violations, their fines and sources, the discretion tiers and the
// no-penalty lists, each entry not yet verified marked 待法制审核. A violation's row opens its tiers and their history.
export const PenaltyCatalogPage = () => {
  const t = useT();
  const { data, error, isFetching } = usePenaltyCatalog();
  const unverifiedTag = (verified: boolean) =>
    verified ? (
      <Tag color="green">{t('case.catalog.verified')}</Tag>
    ) : (
      <Tag color="orange">{t('case.unverified')}</Tag>
    );
  return (
    <>
      <PageHeader title={t('case.catalog.title')} subtitle={t('case.catalog.subtitle')} />
      {error ? <ErrorAlert error={error} /> : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('case.catalog.schemes')}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            loading={isFetching}
            dataSource={data?.schemes ?? []}
            columns={[
              { title: t('case.catalog.scheme'), dataIndex: 'name' },
              {
                title: t('case.catalog.bands'),
                key: 'bands',
                render: (_: unknown, row) =>
                  row.bands
                    .map(
                      (band) =>
                        `${t(`case.tier.${band.tier as 'lighter' | 'ordinary' | 'heavier'}`)} ${band.fromPercent}%–${band.toPercent}%`,
                    )
                    .join('；'),
              },
              {
                title: t('case.catalog.source'),
                dataIndex: 'source',
                render: (source: string) => plainSource(source),
              },
              { title: '', dataIndex: 'verified', render: unverifiedTag },
            ]}
          />
        </Card>
        <Card title={t('case.catalog.noPenalty')}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={data?.noPenaltyGrounds ?? []}
            columns={[
              { title: t('case.catalog.ground'), dataIndex: 'name' },
              {
                title: t('case.catalog.kind'),
                dataIndex: 'kind',
                render: (kind: string) =>
                  kind === 'must' ? t('case.proposal.mustNot') : t('case.proposal.mayNot'),
              },
              { title: t('case.catalog.source'), dataIndex: 'source' },
              { title: '', dataIndex: 'verified', render: unverifiedTag },
            ]}
          />
          {(data?.noPenaltyLists ?? []).map((list) => (
            <div key={list.code} style={{ marginTop: 16 }}>
              <Typography.Title level={5}>
                {list.name}（{list.document}） {unverifiedTag(list.verified)}
              </Typography.Title>
              <Table
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={list.items}
                columns={[
                  {
                    title: t('case.catalog.item'),
                    dataIndex: 'name',
                    render: (name: string) => name.replace(/^待法制审核：/, ''),
                  },
                  {
                    title: '',
                    key: 'state',
                    render: (_: unknown, item) =>
                      item.placeholder ? (
                        <Tag color="orange">{t('case.catalog.missingItem')}</Tag>
                      ) : (
                        unverifiedTag(item.verified)
                      ),
                  },
                ]}
              />
            </div>
          ))}
        </Card>
        <Card title={`${t('case.catalog.violations')}（${data?.violations.length ?? 0}）`}>
          <Table<ViolationRow>
            rowKey="code"
            size="small"
            data-testid="catalog-violations"
            dataSource={data?.violations ?? []}
            pagination={{ pageSize: 20 }}
            // issue 15 item 2: each violation's tiers, their marks and history; the city's reviewer edits them
            expandable={{
              expandedRowRender: (row) => <ViolationTiersPanel code={row.code} />,
              expandRowByClick: false,
            }}
            columns={[
              {
                title: t('case.catalog.provision'),
                key: 'provision',
                width: 220,
                render: (_: unknown, row) => `${row.law}${row.provision}`,
              },
              { title: t('case.violation'), dataIndex: 'violation' },
              {
                title: t('case.catalog.fines'),
                key: 'fines',
                render: (_: unknown, row) => (
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {row.penalties.map((penalty, index) => (
                      <li key={index}>
                        {penalty.stage}·{penalty.party}：
                        {[...penalty.fines.map((fine) => fine.text), ...penalty.sanctions].join('，')}
                      </li>
                    ))}
                  </ul>
                ),
              },
              { title: '', dataIndex: 'verified', width: 90, render: unverifiedTag },
            ]}
          />
        </Card>
      </Space>
    </>
  );
};
