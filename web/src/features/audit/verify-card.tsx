import { Alert, Button, Card, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useVerifyAudit } from './hooks';

// Recomputes the hash chain on the server and says plainly whether it is intact.
export const VerifyCard = () => {
  const t = useT();
  const verify = useVerifyAudit();
  const result = verify.data;

  return (
    <Card
      title={t('audit.verifyTitle')}
      extra={
        <Button
          data-testid="audit-verify"
          type="primary"
          icon={<SafetyOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {!result && !verify.isError && (
        <Typography.Text type="secondary">{t('audit.verifyExplanation')}</Typography.Text>
      )}
      {verify.isError && <ErrorAlert error={verify.error} testId="audit-verify-result" />}
      {result?.intact === true && (
        <Alert
          data-testid="audit-verify-result"
          data-intact="true"
          type="success"
          showIcon
          title={t('audit.intact')}
          description={
            result.unchained > 0
              ? `${t('audit.intactDetail', { count: result.count })} ${t('audit.unchainedDetail', { count: result.unchained })}`
              : t('audit.intactDetail', { count: result.count })
          }
        />
      )}
      {result?.intact === false && result.firstBroken && (
        <Alert
          data-testid="audit-verify-result"
          data-intact="false"
          type="error"
          showIcon
          title={t('audit.broken', {
            chain: result.firstBroken.chain,
            chainSeq: result.firstBroken.chainSeq,
          })}
          description={
            <>
              <div>{t('audit.brokenReason', { reason: result.firstBroken.reason })}</div>
              <div>{t('audit.brokenEvent', { id: result.firstBroken.id ?? '—', count: result.count })}</div>
            </>
          }
        />
      )}
    </Card>
  );
};
