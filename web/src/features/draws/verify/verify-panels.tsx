import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Spin, Typography, Upload } from 'antd';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/i18n-context';
import { recordUrl } from '../hooks';
import { verifyInBackground } from './verify-in-background';
import type { VerifyReply, VerifyRequest } from './verify-worker';
import { VerifyResultView } from './verify-result-view';

const LARGE_RECORD = 200_000;

const useVerification = () => {
  const [running, setRunning] = useState(false);
  const [reply, setReply] = useState<VerifyReply | null>(null);
  const run = (request: VerifyRequest) => {
    setRunning(true);
    setReply(null);
    verifyInBackground(request)
      .then(setReply, (error: unknown) =>
        setReply({
          ok: false,
          reason: 'fetch',
          detail: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => setRunning(false));
  };
  return { running, reply, run };
};

const Running = ({ text }: { text: string }) => (
  <Flex align="center" gap={12} data-testid="verify-running" style={{ padding: '12px 0' }}>
    <Spin />
    <Typography.Text type="secondary">{text}</Typography.Text>
  </Flex>
);

// 验证: the published record fetched and recomputed in this browser, independently of the server's own check.
// Before the record is disclosed (issue 12 item 9) the panel shows the result hash to note; afterwards the
// record fetched must carry that same hash.
export const VerifyDrawPanel = ({
  drawId,
  resultHash = null,
  disclosed = true,
  windowClosesOn = null,
}: {
  drawId: string;
  resultHash?: string | null;
  disclosed?: boolean;
  windowClosesOn?: string | null;
}) => {
  const t = useT();
  const { running, reply, run } = useVerification();
  return (
    <Card data-testid="verify-panel" style={{ marginBottom: 16, borderColor: '#b7eb8f' }}>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <div style={{ flex: '1 1 420px' }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {disclosed ? t('verify.intro') : t('verify.notYet', { date: windowClosesOn ?? '' })}
          </Typography.Paragraph>
          {resultHash && (
            <Typography.Paragraph style={{ marginBottom: 0, marginTop: 8 }}>
              {t('verify.resultHash')}
              <Typography.Text code copyable data-testid="draw-result-hash">
                {resultHash}
              </Typography.Text>
            </Typography.Paragraph>
          )}
        </div>
        {disclosed && (
          <Space>
            <Button href={recordUrl(drawId)} download={`draw-${drawId}.json`} data-testid="verify-download">
              {t('draw.downloadRecord')}
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<SafetyCertificateOutlined />}
              loading={running}
              onClick={() => run({ url: recordUrl(drawId), committed: resultHash })}
              data-testid="draw-verify"
              style={{ minWidth: 140, height: 48, fontSize: 18 }}
            >
              {t('verify.button')}
            </Button>
          </Space>
        )}
      </Flex>
      {(running || reply) && (
        <div style={{ marginTop: 16 }}>
          {running ? <Running text={t('verify.running')} /> : reply && <VerifyResultView reply={reply} />}
        </div>
      )}
    </Card>
  );
};

// 验证其他记录: any inspecta-draw-v1 record, pasted or read from a file, checked the same way.
export const VerifyOtherRecordCard = () => {
  const t = useT();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const { running, reply, run } = useVerification();
  return (
    <Card title={t('verify.otherTitle')} data-testid="verify-other" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('verify.otherIntro')}</Typography.Paragraph>
      <Input.TextArea
        data-testid="verify-other-text"
        rows={6}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setFileName(null);
        }}
        placeholder={t('verify.otherPlaceholder')}
        style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          disabled={text.trim() === ''}
          loading={running}
          onClick={() => run({ text })}
          data-testid="verify-other-submit"
        >
          {t('verify.otherSubmit')}
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void file.text().then((content) => {
              // a record of a million codes is verified, not shown: the text box would take seconds to draw it
              setText(content.length > LARGE_RECORD ? '' : content);
              setFileName(file.name);
              run({ text: content });
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="verify-other-upload">
            {t('verify.otherUpload')}
          </Button>
        </Upload>
        {fileName && (
          <Typography.Text type="secondary">{t('verify.otherFile', { name: fileName })}</Typography.Text>
        )}
      </Flex>
      {(running || reply) && (
        <div style={{ marginTop: 16 }}>
          {running ? (
            <Running text={t('verify.running')} />
          ) : (
            reply && <VerifyResultView reply={reply} testId="verify-other-result" />
          )}
        </div>
      )}
    </Card>
  );
};
