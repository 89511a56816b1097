import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import type { Enterprise } from '../../api/types';
import { can, ENTERPRISE_REGISTRY } from '../../app/auth/access';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { AuditTrail } from '../audit/audit-trail';
import { useCurrentUser } from '../auth/hooks';
import { VerifyCodeCard } from '../checkin/verify-code-card';
import { InspectionNoticesCard } from '../checkin/inspection-notices-card';
import { VisitsToRateCard } from '../checkin/visits-to-rate-card';
import { FactsCard } from '../grading/facts-card';
import { GradeCard } from '../grading/grade-card';
import { GradeHistoryCard } from '../grading/grade-history-card';
import { EnterpriseBurdenCard } from '../inspections';
import { InternalReportingCard } from '../reports/internal-reporting-card';
import { EnterpriseFormDrawer } from './enterprise-form-drawer';
import { useEnterprise } from './hooks';
import { KeyTag } from './key-tag';

const KeyReasons = ({ enterprise }: { enterprise: Enterprise }) => {
  const t = useT();
  if (!enterprise.isKey) {
    return <Typography.Text type="secondary">{t('enterprise.notKey')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={8} data-testid="key-reasons">
      <Typography.Text>{t('enterprise.keyExplanation')}</Typography.Text>
      <Space wrap>
        {enterprise.keyReasons.map((reason) => (
          <Tag key={reason.code} color="red">
            {reason.name}
          </Tag>
        ))}
      </Space>
    </Flex>
  );
};

const yesNo = (value: boolean, t: ReturnType<typeof useT>) =>
  value ? <Tag color="orange">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>;

type EnterpriseDetailProps = { id: string; own?: boolean };

// One enterprise's record; also the enterprise user's "我的企业" page.
export const EnterpriseDetail = ({ id, own = false }: EnterpriseDetailProps) => {
  const t = useT();
  const enterprise = useEnterprise(id);
  return (
    <DetailPage
      query={enterprise}
      notFound={{ title: t('enterprise.notFound'), backTo: own ? '/' : '/enterprises' }}
    >
      {(record) => <EnterpriseRecord record={record} own={own} />}
    </DetailPage>
  );
};

const EnterpriseRecord = ({ record, own }: { record: Enterprise; own: boolean }) => {
  const t = useT();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const writer = !own && can(user, 'enterprise:update');
  // the enterprise sees its own grade and the facts behind it (every decision can be explained)
  const showGrade = own || can(user, ENTERPRISE_REGISTRY);
  // issue 6 item 10: this year's inspections against the allowance, for the bureau and the enterprise itself
  const showBurden = own || can(user, 'inspection:read');

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="enterprise-name">{record.name}</span>
            <KeyTag enterprise={record} />
          </Space>
        }
        subtitle={t('enterprise.updatedAt', { at: formatDateTime(record.updatedAt) })}
        crumbs={
          own ? undefined : [{ title: t('nav.enterprises'), to: '/enterprises' }, { title: record.name }]
        }
        extra={
          writer && (
            <Button
              data-testid="enterprise-edit"
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
        <Card title={t('enterprise.basicInfo')}>
          <Descriptions
            data-testid="enterprise-descriptions"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              {
                key: 'creditCode',
                label: t('field.creditCode'),
                children: <Typography.Text copyable>{record.creditCode}</Typography.Text>,
              },
              { key: 'territory', label: t('field.territory'), children: record.territoryName },
              { key: 'industry', label: t('field.industry'), children: record.industryName },
              { key: 'scale', label: t('field.scale'), children: t(`scale.${record.scale}`) },
              { key: 'workforce', label: t('field.workforce'), children: record.workforce },
              { key: 'dustWorkers', label: t('field.dustWorkers'), children: record.dustWorkers },
              {
                key: 'usesLiquidAmmonia',
                label: t('field.usesLiquidAmmonia'),
                children: yesNo(record.usesLiquidAmmonia, t),
              },
              {
                key: 'hasDeepWellCasting',
                label: t('field.hasDeepWellCasting'),
                children: yesNo(record.hasDeepWellCasting, t),
              },
              {
                key: 'legalRepresentative',
                label: t('field.legalRepresentative'),
                children: record.legalRepresentative || '—',
              },
              { key: 'contactPhone', label: t('field.contactPhone'), children: record.contactPhone || '—' },
              {
                key: 'location',
                label: t('field.location'),
                children:
                  record.latitude === null || record.longitude === null
                    ? '—'
                    : `${record.latitude.toFixed(5)}, ${record.longitude.toFixed(5)}`,
              },
              { key: 'address', label: t('field.address'), children: record.address, span: 2 },
            ]}
          />
        </Card>
        {showBurden && <EnterpriseBurdenCard enterpriseId={record.id} own={own} />}
        {showGrade ? (
          <>
            <GradeCard enterpriseId={record.id} ungraded={<KeyReasons enterprise={record} />} />
            <FactsCard enterpriseId={record.id} writer={!own && can(user, 'enterprise:update')} />
            <GradeHistoryCard enterpriseId={record.id} />
          </>
        ) : (
          <Card title={t('enterprise.classification')}>
            <KeyReasons enterprise={record} />
          </Card>
        )}
        {!own && can(user, 'internal_reporting:read') && <InternalReportingCard enterpriseId={record.id} />}
        {can(user, 'audit:read') && (
          <Card title={t('audit.history')}>
            <AuditTrail entityType="enterprise" entityId={record.id} />
          </Card>
        )}
      </Flex>
      {writer && (
        <EnterpriseFormDrawer
          open={editing}
          enterprise={record}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </>
  );
};

export const EnterpriseDetailPage = () => {
  const { id } = useParams<{ id: string }>();
  return <EnterpriseDetail key={id} id={id ?? ''} />;
};

export const MyEnterprisePage = () => {
  const t = useT();
  const user = useCurrentUser();
  if (!user.enterpriseId) {
    return (
      <Card>
        <Empty data-testid="my-enterprise-missing" description={t('enterprise.noLinkedEnterprise')} />
      </Card>
    );
  }
  return (
    <>
      <EnterpriseDetail id={user.enterpriseId} own />
      <div style={{ marginTop: 16 }}>
        <VisitsToRateCard />
      </div>
      {/* 亮码入企: the enterprise checks the officers' code here, and keeps the keys for use offline */}
      <div style={{ marginTop: 16 }}>
        <InspectionNoticesCard />
      </div>
      <div style={{ marginTop: 16 }}>
        <VerifyCodeCard />
      </div>
    </>
  );
};
