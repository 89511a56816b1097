import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { EnvironmentOutlined, PaperClipOutlined, UserOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { ErrorAlert } from '../../app/components/error-alert';
import { useTimeline } from './hooks';
import type { TimelineStep } from './types';

// by the action's current name (the server maps old events' names to it)
const colorOf = (action: string): string => {
  if (action.endsWith('.rejected') || action.endsWith('.escalated') || action.endsWith('.closed_unrectified'))
    return 'red';
  if (
    action.endsWith('.approved') ||
    action === 'inspection.arrival.registered' ||
    action === 'inspection.completed' ||
    action === 'inspection.closed'
  )
    return 'green';
  if (action.startsWith('draw.')) return 'gray';
  return 'blue';
};

const location = (step: TimelineStep): string | null =>
  step.location
    ? `${step.location.latitude.toFixed(5)}, ${step.location.longitude.toFixed(5)}${
        step.location.accuracy ? ` ±${Math.round(step.location.accuracy)}m` : ''
      }`
    : null;

// measure 12 (全过程留痕): each step from plan to close with who, when, where and what evidence, from the audit chain.
export const TimelineCard = ({ inspectionId }: { inspectionId: string }) => {
  const t = useT();
  const timeline = useTimeline(inspectionId);
  return (
    <Card
      title={t('onsite.timeline.title')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="onsite-timeline"
      loading={timeline.isPending}
    >
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {timeline.data?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {timeline.data && timeline.data.length > 0 && (
        <Timeline
          items={timeline.data.map((step) => {
            const where = location(step);
            const comment =
              typeof step.payload.comment === 'string'
                ? step.payload.comment
                : typeof step.payload.reason === 'string'
                  ? step.payload.reason
                  : null;
            return {
              key: step.seq,
              color: colorOf(step.action),
              content: (
                <div data-testid="onsite-timeline-step" data-action={step.action}>
                  <Typography.Text strong>{step.step}</Typography.Text>
                  <div>
                    <Space size={[12, 2]} wrap style={{ fontSize: 13 }}>
                      <Typography.Text type="secondary">{formatDateTime(step.at)}</Typography.Text>
                      <span>
                        <UserOutlined /> {step.actorName}
                      </span>
                      {where && (
                        <span data-testid="onsite-timeline-where">
                          <EnvironmentOutlined /> {where}
                        </span>
                      )}
                    </Space>
                  </div>
                  {comment && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('onsite.timeline.comment', { text: comment })}
                      </Typography.Text>
                    </div>
                  )}
                  {step.evidence.length > 0 && (
                    <div>
                      <PaperClipOutlined />{' '}
                      {step.evidence.map((item) => (
                        <Tag key={item} style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
                          {item.length > 24 ? `${item.slice(0, 8)}…` : item}
                        </Tag>
                      ))}
                    </div>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {step.hash
                        ? t('onsite.timeline.seq', { seq: step.seq, hash: step.hash.slice(0, 10) })
                        : t('onsite.timeline.seqPending', { seq: step.seq })}
                    </Typography.Text>
                  </div>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
};
