import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space } from 'antd';
import { EditOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { Officer } from '../../api/types';
import { can } from '../../app/auth/access';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { OfficerAccountabilityCard } from '../accountability/officer-accountability-card';
import { AuditTrail } from '../audit/audit-trail';
import { useCurrentUser } from '../auth/hooks';
import { CertificateTable } from './certificate-table';
import { EligibilityCard } from './eligibility-card';
import { useOfficer } from './hooks';
import { OfficerFormDrawer } from './officer-form-drawer';
import { MayInspectTag, QualificationTags, RosterTag } from './officer-tags';
import { RemovalModal } from './removal-modal';

export const OfficerDetailPage = () => {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const officer = useOfficer(id);
  return (
    <DetailPage
      query={officer}
      notFound={{ title: t('officer.notFound'), backTo: '/officers', backLabel: t('nav.officers') }}
    >
      {(record) => <OfficerDetail record={record} />}
    </DetailPage>
  );
};

const OfficerDetail = ({ record }: { record: Officer }) => {
  const t = useT();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const writer = can(user, 'officer:update');

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="officer-name">{record.name}</span>
            <RosterTag officer={record} />
            <MayInspectTag officer={record} />
          </Space>
        }
        crumbs={[{ title: t('nav.officers'), to: '/officers' }, { title: record.name }]}
        extra={
          writer && (
            <>
              <Button data-testid="officer-edit" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              {record.onRoster && (
                <Button
                  data-testid="officer-remove"
                  danger
                  icon={<UserDeleteOutlined />}
                  onClick={() => setRemoving(true)}
                >
                  {t('officer.remove')}
                </Button>
              )}
            </>
          )
        }
      />
      <Flex vertical gap={16}>
        {!record.onRoster && (
          <Alert
            data-testid="officer-removed"
            type="warning"
            showIcon
            title={t('officer.removedBanner', { date: formatDate(record.removedOn) })}
            description={record.removalReason ?? undefined}
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('officer.basicInfo')} style={{ height: '100%' }}>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'organisation',
                    label: t('field.organisation'),
                    children: (
                      <Link to={`/organisations/${record.organisationId}`}>{record.organisationName}</Link>
                    ),
                  },
                  { key: 'territory', label: t('field.territory'), children: record.territoryName },
                  { key: 'position', label: t('field.position'), children: record.position || '—' },
                  { key: 'roster', label: t('field.roster'), children: <RosterTag officer={record} /> },
                  {
                    key: 'qualifications',
                    label: t('field.qualifications'),
                    span: 2,
                    children: <QualificationTags qualifications={record.qualifications} />,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <EligibilityCard officer={record} />
          </Col>
        </Row>
        <Card title={t('officer.certificates')}>
          <CertificateTable officerId={record.id} certificates={record.certificates} editable={writer} />
        </Card>
        {can(user, 'accountability_record:read') && <OfficerAccountabilityCard officerId={record.id} />}
        {can(user, 'audit:read') && (
          <Card title={t('audit.history')}>
            <AuditTrail entityType="officer" entityId={record.id} />
          </Card>
        )}
      </Flex>
      {writer && (
        <>
          <OfficerFormDrawer
            open={editing}
            officer={record}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <RemovalModal officer={record} open={removing} onClose={() => setRemoving(false)} />
        </>
      )}
    </>
  );
};
