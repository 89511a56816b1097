import { useEffect, useState } from 'react';
import { Button, Card, Input, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { prepareOfflineVerification } from './offline';
import { PayloadView } from './payload-view';
import { VerdictBanner } from './verdict-banner';
import {
  cachedKeysAt,
  refreshMatterNames,
  refreshSigningKeys,
  tokenFrom,
  verifyCheckInCode,
  type CodeVerdict,
} from './verify-code';

// The enterprise portal's 核验检查码: paste the code or its link (from the phone's camera app) and this browser
// checks the bureau's signature; opening the portal keeps the keys and the code page for use without network.
export const VerifyCodeCard = () => {
  const t = useT();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<CodeVerdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [keysAt, setKeysAt] = useState<string | null>(() => cachedKeysAt());

  useEffect(() => {
    void refreshSigningKeys().then(() => setKeysAt(cachedKeysAt()));
    void refreshMatterNames();
    void prepareOfflineVerification();
  }, []);

  const verify = async () => {
    setChecking(true);
    setVerdict(await verifyCheckInCode(tokenFrom(text)));
    setKeysAt(cachedKeysAt());
    setChecking(false);
  };

  const token = tokenFrom(text);
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('checkin.portal.title')}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="verify-code-card"
    >
      <Typography.Paragraph type="secondary">{t('checkin.portal.intro')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setVerdict(null);
        }}
        placeholder={t('checkin.portal.placeholder')}
        data-testid="verify-code-input"
        style={{ marginBottom: 12 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={!text.trim()}
          loading={checking}
          onClick={() => void verify()}
          data-testid="verify-code-submit"
        >
          {t('checkin.portal.verify')}
        </Button>
        {verdict?.status === 'valid' && (
          <Button href={`/public/checkin/${encodeURIComponent(token)}`} data-testid="verify-code-open">
            {t('checkin.portal.open')}
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="verify-code-keys">
          {keysAt ? t('checkin.portal.keysAt', { at: formatDateTime(keysAt) }) : t('checkin.portal.noKeys')}
        </Typography.Text>
      </Space>
      {verdict && (
        <>
          <VerdictBanner verdict={verdict} checking={false} offline={!navigator.onLine} />
          {verdict.status === 'valid' && (
            <div style={{ marginTop: 12 }}>
              <PayloadView payload={verdict.payload} label={t('checkin.portal.payload')} />
            </div>
          )}
        </>
      )}
    </Card>
  );
};
