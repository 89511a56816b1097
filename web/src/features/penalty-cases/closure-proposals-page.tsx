import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { can, ENTERPRISE_REGISTRY } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useClosureProposals, type ClosureListItem } from './hooks';

// 安全生产法 第一百一十三条第一款 for the bureau: the enterprises of its territory whose decided penalties met item
// (一), and the proposals its head recorded under items (二) to (四), each with the item in the law's words, what it
// rests on, its cases and whether the proposal went to the local government.
export const ClosureProposalsPage = () => {
  const t = useT();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const { data, error, isFetching } = useClosureProposals({ page, pageSize });
  const registry = can(user, ENTERPRISE_REGISTRY);
  return (
    <>
      <PageHeader title={t('closure.list.title')} subtitle={t('closure.list.subtitle')} />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<ClosureListItem>
          rowKey={(row) => `${row.case.id}:${row.item}`}
          data-testid="closure-table"
          loading={isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('closure.list.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => setParams({ page: String(p), pageSize: String(s) }),
          }}
          columns={[
            {
              title: t('closure.list.enterprise'),
              dataIndex: 'enterpriseName',
              width: 200,
              render: (name: string, row) =>
                registry && row.enterpriseId ? (
                  <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>
                ) : (
                  name
                ),
            },
            {
              title: t('closure.list.item'),
              dataIndex: 'provision',
              width: 300,
              render: (provision: string, row) => (
                <Space direction="vertical" size={2}>
                  <Typography.Text strong>{provision}</Typography.Text>
                  <Typography.Text type="secondary">{`“${row.text}”`}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('closure.list.basis'),
              key: 'basis',
              render: (_: unknown, row) =>
                row.window ? (
                  <Space direction="vertical" size={2}>
                    <span>
                      {t('closure.list.window', {
                        words: row.window.words,
                        from: formatDate(row.window.from),
                        to: formatDate(row.window.to),
                      })}
                    </span>
                    <span>
                      {row.cases.map((item, index) => (
                        <span key={item.id}>
                          {index > 0 ? '、' : ''}
                          <Link to={`/penalty-cases/${item.id}`}>{item.reference}</Link>
                        </span>
                      ))}
                    </span>
                  </Space>
                ) : (
                  (row.summary ?? '—')
                ),
            },
            {
              title: t('closure.list.case'),
              key: 'case',
              render: (_: unknown, row) => (
                <Link
                  to={`/penalty-cases/${row.case.id}`}
                  data-testid="closure-case-link"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {`${t('case.title')} ${row.case.reference}`}
                </Link>
              ),
            },
            {
              title: t('closure.list.sentOn'),
              dataIndex: 'sentOn',
              render: (sentOn: string | null) =>
                sentOn ? (
                  <Tag color="red">{t('closure.list.sent', { on: formatDate(sentOn) })}</Tag>
                ) : (
                  <Tag color="orange">{t('closure.list.notSent')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
};
