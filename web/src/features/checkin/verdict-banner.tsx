import { Flex, Tag, Typography } from 'antd';
import { CloseCircleFilled, QuestionCircleFilled, SafetyCertificateFilled } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import type { CodeVerdict } from './verify-code';

const STYLES = {
  valid: { background: '#f6ffed', border: '#52c41a', color: '#389e0d', Icon: SafetyCertificateFilled },
  forged: { background: '#fff1f0', border: '#ff4d4f', color: '#cf1322', Icon: CloseCircleFilled },
  unverifiable: { background: '#fffbe6', border: '#faad14', color: '#d48806', Icon: QuestionCircleFilled },
} as const;

type VerdictBannerProps = { verdict: CodeVerdict | undefined; checking: boolean; offline: boolean };

// The big answer first: 真实有效 in green or 伪造/被改动 in red, decided by this browser from the signature.
export const VerdictBanner = ({ verdict, checking, offline }: VerdictBannerProps) => {
  const t = useT();
  if (checking || !verdict) {
    return (
      <div
        style={{ padding: 20, textAlign: 'center', borderRadius: 12, background: '#fafafa' }}
        data-testid="checkin-verdict"
        data-verdict="checking"
      >
        <Typography.Text type="secondary">{t('checkin.verdict.checking')}</Typography.Text>
      </div>
    );
  }
  const style = STYLES[verdict.status];
  const detail =
    verdict.status === 'valid'
      ? t('checkin.verdict.validDetail', { bureau: verdict.payload.b })
      : verdict.status === 'forged'
        ? t(`checkin.verdict.forged.${verdict.reason}`)
        : t(`checkin.verdict.unverifiable.${verdict.reason}`);
  return (
    <div
      data-testid="checkin-verdict"
      data-verdict={verdict.status}
      style={{
        padding: '20px 16px',
        borderRadius: 12,
        background: style.background,
        border: `2px solid ${style.border}`,
        textAlign: 'center',
      }}
    >
      <Flex vertical align="center" gap={6}>
        <style.Icon style={{ fontSize: 48, color: style.color }} />
        <Typography.Title
          level={2}
          style={{ margin: 0, color: style.color }}
          data-testid="checkin-verdict-title"
        >
          {t(`checkin.verdict.${verdict.status}`)}
        </Typography.Title>
        <Typography.Text style={{ color: style.color }}>{detail}</Typography.Text>
        <Flex gap={6} wrap justify="center">
          <Tag color="default">{t('checkin.verdict.inBrowser')}</Tag>
          {offline && (
            <Tag color="orange" data-testid="checkin-offline">
              {t('checkin.offline')}
            </Tag>
          )}
        </Flex>
      </Flex>
    </div>
  );
};
