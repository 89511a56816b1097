import { Tag, Typography } from 'antd';
import type { DrawCancellation, DrawStatus } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const STATUS_COLORS: Record<DrawStatus, string> = { frozen: 'processing', drawn: 'green', cancelled: 'red' };

// 名单已冻结 → 已抽取 | 已取消 (measure 5: frozen first, drawn once, never redrawn)
export const DrawStatusTag = ({
  status,
  testId = 'draw-status',
}: {
  status: DrawStatus;
  testId?: string;
}) => {
  const t = useT();
  return (
    <Tag data-testid={testId} data-status={status} color={STATUS_COLORS[status]}>
      {t(`draw.status.${status}`)}
    </Tag>
  );
};

const CANCELLATION_COLORS: Record<DrawCancellation['status'], string> = {
  requested: 'orange',
  approved: 'red',
  rejected: 'default',
};

export const CancellationTag = ({ cancellation }: { cancellation: DrawCancellation | null }) => {
  const t = useT();
  if (!cancellation) return null;
  return (
    <Tag
      data-testid="draw-cancellation-status"
      data-status={cancellation.status}
      color={CANCELLATION_COLORS[cancellation.status]}
    >
      {t(`draw.cancellation.${cancellation.status}`)}
    </Tag>
  );
};

const INSPECTION_COLORS: Record<string, string> = {
  planned: 'blue',
  merged: 'purple',
  completed: 'green',
  cancelled: 'default',
};
const INSPECTION_STATUSES = ['planned', 'merged', 'completed', 'cancelled'] as const;

export const InspectionStatusTag = ({ status }: { status: string | null }) => {
  const t = useT();
  if (!status) return <Typography.Text type="secondary">—</Typography.Text>;
  const known = (INSPECTION_STATUSES as readonly string[]).includes(status)
    ? t(`draw.inspection.${status as (typeof INSPECTION_STATUSES)[number]}`)
    : status;
  return (
    <Tag
      data-testid="draw-inspection-status"
      data-status={status}
      color={INSPECTION_COLORS[status] ?? 'default'}
    >
      {known}
    </Tag>
  );
};

// A published hash in full: monospace, wrapping anywhere, one click to copy.
export const HashText = ({ value, testId }: { value: string | null; testId?: string }) =>
  value ? (
    <Typography.Text
      code
      copyable={{ text: value }}
      data-testid={testId}
      data-value={value}
      style={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        wordBreak: 'break-all',
        fontSize: 12,
      }}
    >
      {value}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
