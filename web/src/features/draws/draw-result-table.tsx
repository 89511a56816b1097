import type { HTMLAttributes } from 'react';
import {
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { DrawDetail, DrawMember, DrawResultRow } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import { InspectionStatusTag } from './draw-tags';

type Replacement = DrawResultRow['replacements'][number];

const Member = ({
  member,
  replaced,
  onRecuse,
}: {
  member: DrawMember;
  replaced?: Replacement;
  onRecuse?: () => void;
}) => {
  const t = useT();
  return (
    <Flex gap={6} align="center" wrap data-testid="draw-member" data-certificate={member.certificate}>
      <span>{member.name ?? '—'}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, monospace' }}>
        {member.certificate}
      </Typography.Text>
      {replaced && (
        <Tooltip title={t('draw.replacement.tip', { reason: replaced.reason })}>
          <Tag color="orange" data-testid="draw-replacement" style={{ marginInlineEnd: 0 }}>
            {t('draw.replacement.tag', { recused: replaced.recused })}
          </Tag>
        </Tooltip>
      )}
      {onRecuse && (
        <Button
          size="small"
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={onRecuse}
          data-testid="draw-recuse"
        >
          {t('draw.recusal.action')}
        </Button>
      )}
    </Flex>
  );
};

type DrawResultTableProps = {
  draw: DrawDetail;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSearch: (q: string) => void;
  // staff who may record a recusal get an action beside each officer of the bureau's team
  onRecuse?: (row: DrawResultRow, member: DrawMember) => void;
  testId?: string;
};

// The result (items 5–7): each drawn enterprise in selection order, its officers with their certificate
// numbers, the partner departments' teams, a replacement beside the officer it replaced, and the inspection.
export const DrawResultTable = ({
  draw,
  page,
  pageSize,
  loading,
  onPage,
  onSearch,
  onRecuse,
  testId = 'draw-result',
}: DrawResultTableProps) => {
  const t = useT();
  const offset = (page - 1) * pageSize;
  const columns: TableColumnsType<DrawResultRow> = [
    { key: 'index', title: t('public.index'), width: 64, render: (_, _row, index) => offset + index + 1 },
    { key: 'stratum', title: t('draw.stratum.key'), dataIndex: 'stratum', width: 130 },
    {
      key: 'enterprise',
      title: t('draw.result.enterprise'),
      width: 260,
      render: (_, row) => (
        <>
          <div>{row.enterpriseName ?? '—'}</div>
          <Typography.Text code style={{ fontSize: 12 }} data-testid="draw-result-code">
            {row.creditCode}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'inspectors',
      title: t('draw.result.inspectors'),
      width: 300,
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.inspectors.map((member) => (
            <Member
              key={member.certificate}
              member={member}
              replaced={row.replacements.find((entry) => entry.replacement === member.certificate)}
              onRecuse={onRecuse && draw.status === 'drawn' ? () => onRecuse(row, member) : undefined}
            />
          ))}
        </Flex>
      ),
    },
    ...(draw.partners.length
      ? [
          {
            key: 'partners',
            title: t('draw.result.partners'),
            width: 300,
            render: (_: unknown, row: DrawResultRow) => (
              <Flex vertical gap={6}>
                {row.partners.map((partner) => (
                  <div key={partner.organisationName} data-testid="draw-partner-team">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {partner.organisationName}
                    </Typography.Text>
                    {partner.inspectors.map((member) => (
                      <Member key={member.certificate} member={member} />
                    ))}
                  </div>
                ))}
              </Flex>
            ),
          },
        ]
      : []),
    {
      key: 'inspection',
      title: t('draw.result.inspection'),
      width: 120,
      render: (_, row) => <InspectionStatusTag status={row.inspectionStatus} />,
    },
  ];
  return (
    <Card
      title={t('draw.result.title', { count: draw.selectedTotal })}
      styles={{ body: { padding: 0 } }}
      style={{ marginBottom: 16 }}
      extra={
        draw.seed ? (
          <Input.Search
            allowClear
            data-testid={`${testId}-search`}
            placeholder={t('draw.result.searchPlaceholder')}
            onSearch={(value) => onSearch(value.trim())}
            style={{ width: 260 }}
          />
        ) : undefined
      }
    >
      <Table<DrawResultRow>
        data-testid={testId}
        rowKey="creditCode"
        columns={columns}
        dataSource={draw.selected}
        loading={loading}
        pagination={{
          current: page,
          pageSize,
          total: draw.selectedTotal,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: onPage,
        }}
        onRow={(row) =>
          ({ 'data-testid': 'draw-result-row', 'data-code': row.creditCode }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={draw.seed ? t('draw.result.noMatch') : t('draw.result.notDrawn')}
            />
          ),
        }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
};
