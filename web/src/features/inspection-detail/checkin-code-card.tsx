import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { LinkOutlined, PrinterOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { formatDate } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { ErrorAlert } from '../../app/components/error-alert';
import { useCheckInCode } from './hooks';
import type { OnsiteOverview } from './types';

// Stages in which the inspection carries its code (亮码入企): from the notice on.
export const CODE_STAGES = ['notified', 'checked_in', 'findings_recorded', 'concluded', 'closed'];

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

// A page of its own for the printer: the code, the enterprise and the officers, nothing of the app around it.
const printCode = (options: { svg: string; title: string; lines: string[] }) => {
  const win = window.open('', '_blank', 'width=600,height=800');
  if (!win) return;
  win.document.write(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>` +
      '<style>body{font-family:sans-serif;text-align:center;padding:24px}svg{width:320px;height:320px}p{margin:6px 0}</style>' +
      `</head><body><h2>${escapeHtml(options.title)}</h2>${options.svg}` +
      options.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
      '</body></html>',
  );
  win.document.close();
  win.focus();
  win.print();
};

export const CheckInCodeCard = ({ overview }: { overview: OnsiteOverview }) => {
  const t = useT();
  const code = useCheckInCode(overview.id, CODE_STAGES.includes(overview.stage));
  const [svg, setSvg] = useState('');
  const url = code.data ? `${window.location.origin}${code.data.path}` : '';

  useEffect(() => {
    if (!url) return;
    let live = true;
    // the token is long (signed payload): low error correction keeps the modules large enough to scan
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }).then((text) => {
      if (live) setSvg(text);
    });
    return () => {
      live = false;
    };
  }, [url]);

  if (!CODE_STAGES.includes(overview.stage)) return null;
  const officers = overview.plan?.content.officers ?? [];

  return (
    <Card
      title={t('onsite.code.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="onsite-code"
      extra={
        <Button
          icon={<PrinterOutlined />}
          disabled={!svg}
          data-testid="onsite-code-print"
          onClick={() =>
            printCode({
              svg,
              title: t('onsite.code.printTitle', { enterprise: overview.enterpriseName }),
              lines: [
                t('onsite.code.printScan'),
                ...officers.map((officer) =>
                  t('onsite.code.printOfficer', { name: officer.name, number: officer.certificate }),
                ),
                t('onsite.code.expires', { date: formatDate(code.data?.expiresOn) }),
              ],
            })
          }
        >
          {t('onsite.code.print')}
        </Button>
      }
    >
      {code.isError && <ErrorAlert error={code.error} />}
      {code.data && (
        <Flex gap={24} wrap align="center">
          <div
            data-testid="onsite-code-qr"
            style={{ width: 240, height: 240, flex: 'none' }}
            // the SVG is made here from our own URL by the qrcode library
            dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg width="240" height="240" ') }}
          />
          <Space orientation="vertical" style={{ flex: 1, minWidth: 240 }}>
            <Alert type="info" showIcon title={t('onsite.code.hint')} />
            <Typography.Text>
              {t('onsite.code.expires', { date: formatDate(code.data.expiresOn) })}
            </Typography.Text>
            <Typography.Link
              href={code.data.path}
              target="_blank"
              data-testid="onsite-code-link"
              data-path={code.data.path}
            >
              <LinkOutlined /> {t('onsite.code.open')}
            </Typography.Link>
            <Typography.Paragraph
              copyable={{ text: url }}
              type="secondary"
              style={{ fontSize: 12, wordBreak: 'break-all', marginBottom: 0 }}
              ellipsis={{ rows: 2 }}
            >
              {url}
            </Typography.Paragraph>
          </Space>
        </Flex>
      )}
    </Card>
  );
};
