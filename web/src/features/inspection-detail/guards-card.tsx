import { Card, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import { chineseNumeral } from './measure-label';
import type { OnsiteCheck } from './types';

// Issue 5 item 2: every guard before a visit, evaluated now; the first failing one is what the server refuses with.
export const GuardsCard = ({ checks }: { checks: OnsiteCheck[] }) => {
  const t = useT();
  const failing = checks.filter((check) => !check.ok).length;
  return (
    <Card
      title={t('onsite.guards.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="onsite-guards"
      extra={
        failing === 0 ? (
          <Tag color="success">{t('onsite.guards.allOk')}</Tag>
        ) : (
          <Tag color="error">{t('onsite.guards.failing', { count: failing })}</Tag>
        )
      }
    >
      <List
        size="small"
        dataSource={checks}
        renderItem={(check) => (
          <List.Item data-testid="onsite-guard" data-ok={String(check.ok)} data-measure={check.measure}>
            <Flex gap={8} align="flex-start" style={{ width: '100%' }}>
              {check.ok ? (
                <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} aria-label="✓" />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f', marginTop: 4 }} aria-label="✗" />
              )}
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>{check.name}</Typography.Text>
                <div>
                  <Typography.Text type={check.ok ? 'secondary' : 'danger'} style={{ fontSize: 13 }}>
                    {check.message}
                  </Typography.Text>
                </div>
              </div>
              <Tooltip title={check.basis}>
                <Tag style={{ cursor: 'help', marginInlineEnd: 0 }}>
                  {t('onsite.measure', { n: chineseNumeral(check.measure) })}
                </Tag>
              </Tooltip>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};
