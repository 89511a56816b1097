import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { Organisation } from '../../api/types';
import { can } from '../../app/auth/access';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { AuditTrail } from '../audit/audit-trail';
import { useCurrentUser } from '../auth/hooks';
import { useInspectionMatters } from '../reference/hooks';
import { useOrganisation, useOrganisationOptions } from './hooks';
import { OrganisationFormDrawer } from './organisation-form-drawer';
import { ActiveBadge, KindTag, StandingTag } from './organisation-tags';
import { SubjectCheckCard } from './subject-check-card';

const OrganisationLink = ({ id }: { id: string | null | undefined }) => {
  const { items } = useOrganisationOptions();
  if (!id) return <>—</>;
  const name = items.find((item) => item.id === id)?.name ?? id;
  return <Link to={`/organisations/${id}`}>{name}</Link>;
};

const Entrustment = ({ organisation }: { organisation: Organisation }) => {
  const t = useT();
  const matters = useInspectionMatters();
  const entrustment = organisation.entrustment;
  if (!entrustment) return null;
  const nameOf = (code: string) => matters.data?.find((matter) => matter.code === code)?.name ?? code;
  return (
    <Card title={t('organisation.entrustment')}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'by',
            label: t('field.entrustingOrganisation'),
            children: <OrganisationLink id={entrustment.entrustingOrganisationId} />,
          },
          {
            key: 'validity',
            label: t('field.entrustmentValidity'),
            children: `${formatDate(entrustment.validFrom)} ~ ${formatDate(entrustment.validTo)}`,
          },
          {
            key: 'scope',
            label: t('field.entrustmentScope'),
            span: 2,
            children: (
              <Space wrap>
                {entrustment.scope.map((code) => (
                  <Tag key={code}>{nameOf(code)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
};

export const OrganisationDetailPage = () => {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const organisation = useOrganisation(id);
  return (
    <DetailPage
      query={organisation}
      notFound={{
        title: t('organisation.notFound'),
        backTo: '/organisations',
        backLabel: t('nav.organisations'),
      }}
    >
      {(record) => <OrganisationDetail record={record} />}
    </DetailPage>
  );
};

const OrganisationDetail = ({ record }: { record: Organisation }) => {
  const t = useT();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const writer = can(user, 'organisation:update');

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="organisation-name">{record.name}</span>
            <KindTag organisation={record} />
          </Space>
        }
        crumbs={[{ title: t('nav.organisations'), to: '/organisations' }, { title: record.name }]}
        extra={
          writer && (
            <Button
              data-testid="organisation-edit"
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card title={t('organisation.basicInfo')}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'kind', label: t('field.kind'), children: record.kindName },
              { key: 'territory', label: t('field.territory'), children: record.territoryName },
              {
                key: 'parent',
                label: t('field.parent'),
                children: <OrganisationLink id={record.parentId} />,
              },
              {
                key: 'standing',
                label: t('field.legalStanding'),
                children: <StandingTag hasLegalStanding={record.hasLegalStanding} />,
              },
              { key: 'active', label: t('field.status'), children: <ActiveBadge active={record.active} /> },
              ...(record.departmentTypeName
                ? [
                    {
                      key: 'departmentType',
                      label: t('field.departmentType'),
                      children: record.departmentTypeName,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Text type="secondary">
            {t(`organisation.standingByKind.${record.kind}`)}
          </Typography.Text>
        </Card>
        <Entrustment organisation={record} />
        <SubjectCheckCard organisationId={record.id} />
        {can(user, 'audit:read') && (
          <Card title={t('audit.history')}>
            <AuditTrail entityType="organisation" entityId={record.id} />
          </Card>
        )}
      </Flex>
      {writer && (
        <OrganisationFormDrawer
          open={editing}
          organisation={record}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
};
