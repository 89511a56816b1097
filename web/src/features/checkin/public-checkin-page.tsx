import { PageTitle } from '../../app/components/page-title';
import { useEffect, type ReactNode } from 'react';
import { Alert, Card, Descriptions, Flex, Layout, Tag, Typography } from 'antd';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/problem';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { ArrivalCard, MatterList, OfficerList, RatingCard } from './checkin-sections';
import { PayloadView } from './payload-view';
import { usePublicCheckIn, useCodeVerdict, type PublicCheckInInspection } from './hooks';
import { prepareOfflineVerification } from './offline';
import { VerdictBanner } from './verdict-banner';
import { refreshMatterNames } from './verify-code';

// Phone-first: one column at 390 px, large type, no side menu.
const PhoneLayout = ({ children }: { children: ReactNode }) => {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }} data-testid="checkin-layout">
      <Layout.Header style={{ background: '#0b2d5b', padding: '0 16px', height: 56, lineHeight: '56px' }}>
        <Flex align="center" gap={8} style={{ height: '100%' }}>
          <SafetyCertificateFilled style={{ fontSize: 22, color: '#fff' }} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('checkin.header')}
          </Typography.Text>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 560, margin: '0 auto' }}>{children}</div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, padding: 16 }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
};

const ServerView = ({ token, inspection }: { token: string; inspection: PublicCheckInInspection }) => {
  const t = useT();
  return (
    <>
      {inspection.cancelled && (
        <Alert type="error" showIcon title={t('checkin.cancelled')} style={{ marginBottom: 12 }} />
      )}
      {/* after the visit the code no longer admits anyone, but still opens the rating: no warning then */}
      {inspection.expired && !inspection.ratable && !inspection.rated && (
        <Alert
          type="warning"
          showIcon
          title={t('checkin.expired', { date: formatDate(inspection.expiresOn) })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }} data-testid="checkin-inspection">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('checkin.enterprise')}>{inspection.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('checkin.bureau')}>
            <span data-testid="checkin-bureau">{inspection.bureau}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('checkin.scheduledAt')}>
            {formatDateTime(inspection.scheduledAt).slice(0, 16)}
          </Descriptions.Item>
          <Descriptions.Item label={t('checkin.site')}>{inspection.site ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('checkin.notice')}>
            {inspection.unannounced ? (
              <span data-testid="checkin-unannounced">
                <Tag color="orange">{t('onsite.plan.unannouncedTag')}</Tag>
              </span>
            ) : (
              <span data-testid="checkin-notice">{t('checkin.noticeSent')}</span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('checkin.stage')}>{inspection.stageName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <OfficerList officers={inspection.officers} />
      <MatterList matters={inspection.matters} />
      {!inspection.cancelled && (
        <ArrivalCard
          token={token}
          checkedInAt={inspection.checkedInAt}
          ownEnterprise={inspection.ownEnterprise}
        />
      )}
      {inspection.checkedInAt && inspection.ownEnterprise && inspection.ratable && (
        <RatingCard token={token} rated={inspection.rated} />
      )}
    </>
  );
};

// 亮码入企: the enterprise scans the officers' code, without an account.
export const PublicCheckInPage = () => {
  const t = useT();
  const { token = '' } = useParams<{ token: string }>();
  const verdict = useCodeVerdict(token);
  const server = usePublicCheckIn(token);
  const unreachable = server.isError && !isApiError(server.error);
  const offline = unreachable || (typeof navigator !== 'undefined' && !navigator.onLine);

  useEffect(() => {
    void refreshMatterNames();
    void prepareOfflineVerification();
  }, []);

  const payload = verdict.data?.payload ?? null;
  const inspection = server.data?.inspection ?? null;
  const showServer = verdict.data?.status === 'valid' && server.data?.valid && inspection;

  return (
    <PhoneLayout>
      <PageTitle name={t('page.checkin')} />
      <VerdictBanner verdict={verdict.data} checking={verdict.isPending} offline={offline} />
      <div style={{ height: 12 }} />
      {server.data && !server.data.valid && server.data.reason && (
        <Alert
          type="error"
          showIcon
          title={t('checkin.serverSays', { reason: server.data.reason })}
          style={{ marginBottom: 12 }}
          data-testid="checkin-server-reason"
        />
      )}
      {verdict.data?.status === 'forged' && payload && (
        <Alert
          type="error"
          showIcon
          title={t('checkin.forgedClaims', { enterprise: payload.n, bureau: payload.b })}
          style={{ marginBottom: 12 }}
        />
      )}
      {showServer && <ServerView token={token} inspection={inspection} />}
      {!showServer && offline && verdict.data?.status === 'valid' && payload && (
        <PayloadView payload={payload} label={t('checkin.offline')} />
      )}
    </PhoneLayout>
  );
};
