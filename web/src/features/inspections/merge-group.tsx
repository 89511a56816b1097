import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Flex,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CloseCircleOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { MergeProposal } from '../../api/types';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { DeclineMergeModal } from './decline-merge-modal';
import { useMergeInspections } from './hooks';
import { InspectionKindTag, InspectionStatusTag } from './inspection-tags';
import { useMatterNames } from './matter-names';

export type MergeInspection = MergeProposal['inspections'][number];
type Department = MergeProposal['departments'][number];

type MergeGroupProps = {
  enterpriseName: string;
  inspections: MergeInspection[];
  matters: string[];
  departments: Department[];
  suggestedIntoId: string;
  mayDecide: boolean;
  onDecided?: () => void;
};

// measure 8: the inspections of one enterprise in one period, the matters and departments of the single
// visit they would become, merged with one action or kept apart with a written reason.
export const MergeGroup = ({
  enterpriseName,
  inspections,
  matters,
  departments,
  suggestedIntoId,
  mayDecide,
  onDecided,
}: MergeGroupProps) => {
  const t = useT();
  const { message } = App.useApp();
  const matterNames = useMatterNames();
  const merge = useMergeInspections();
  const [intoId, setIntoId] = useState(suggestedIntoId);
  const [declining, setDeclining] = useState<string[] | null>(null);
  const ids = inspections.map((inspection) => inspection.id);

  const columns: TableColumnsType<MergeInspection> = [
    ...(mayDecide
      ? [
          {
            key: 'keep',
            title: t('merge.keep'),
            width: 70,
            render: (_: unknown, inspection: MergeInspection) => (
              <Radio
                checked={intoId === inspection.id}
                onChange={() => setIntoId(inspection.id)}
                data-testid="merge-keep"
                aria-label={t('merge.keep')}
              />
            ),
          },
        ]
      : []),
    {
      key: 'organisation',
      title: t('inspection.field.department'),
      render: (_, inspection) => (
        <>
          <Link to={`/inspections/${inspection.id}`} data-testid="merge-inspection-link">
            {inspection.organisationName}
          </Link>
          {inspection.partners.length > 0 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspection.withPartners', {
                  partners: inspection.partners.map((partner) => partner.organisationName).join('、'),
                })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: t('inspection.field.kind'),
      width: 110,
      render: (_, inspection) => <InspectionKindTag kind={inspection.kind} />,
    },
    {
      key: 'plannedOn',
      title: t('inspection.field.plannedOn'),
      width: 110,
      render: (_, inspection) => formatDate(inspection.plannedOn),
    },
    {
      key: 'matters',
      title: t('inspection.field.matters'),
      render: (_, inspection) => matterNames(inspection.matters).join('、'),
    },
    {
      key: 'status',
      title: t('field.status'),
      width: 90,
      render: (_, inspection) => <InspectionStatusTag status={inspection.status} />,
    },
  ];

  const doMerge = () =>
    merge.mutate(
      { inspectionIds: ids, intoId },
      {
        onSuccess: () => {
          void message.success(t('merge.done', { enterprise: enterpriseName }));
          onDecided?.();
        },
        onError: (error) => void message.error(error.message || t('merge.failed')),
      },
    );

  return (
    <Flex vertical gap={12} data-testid="merge-group">
      <Table<MergeInspection>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={inspections}
        pagination={false}
        onRow={(inspection) =>
          ({ 'data-testid': 'merge-inspection-row', 'data-id': inspection.id }) as object
        }
        scroll={{ x: 720 }}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'matters',
            label: t('merge.unionMatters'),
            children: (
              <Space size={[4, 4]} wrap data-testid="merge-union-matters">
                {matterNames(matters).map((name) => (
                  <Tag key={name}>{name}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'departments',
            label: t('merge.unionDepartments'),
            children: (
              <Space size={[4, 4]} wrap data-testid="merge-union-departments">
                {departments.map((department) => (
                  <Tag key={department.organisationId ?? department.organisationName} color="blue">
                    {department.organisationName}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {mayDecide && (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<MergeCellsOutlined />}
            loading={merge.isPending}
            onClick={doMerge}
            data-testid="merge-submit"
          >
            {t('merge.submit', { count: inspections.length })}
          </Button>
          <Button
            icon={<CloseCircleOutlined />}
            onClick={() => setDeclining(ids)}
            data-testid="merge-decline"
          >
            {t('merge.decline.button')}
          </Button>
        </Flex>
      )}
      <DeclineMergeModal
        inspectionIds={declining}
        enterpriseName={enterpriseName}
        onClose={() => setDeclining(null)}
        onDeclined={() => {
          void message.success(t('merge.decline.done'));
          onDecided?.();
        }}
      />
    </Flex>
  );
};
