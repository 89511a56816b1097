import { Tag, Tooltip } from 'antd';
import type { InspectionKind, InspectionStatus } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';

export const INSPECTION_KINDS: InspectionKind[] = ['key', 'double_random', 'targeted', 'other'];
export const INSPECTION_STATUSES: InspectionStatus[] = ['planned', 'merged', 'completed', 'cancelled'];
// measure 5: the five named channels whose follow-up is not limited by the frequency cap, then the others its
// "等渠道" admits ("other" is described and approved by the department head)
export const TARGETED_TRIGGERS = [
  'special_campaign',
  'emergency',
  'complaint_or_report',
  'referral',
  'platform_monitoring',
  'drone_patrol',
  'accident_investigation',
  'supervision_order',
  'hotline_12345',
  'other',
] as const;

const KIND_COLORS: Record<InspectionKind, string> = {
  key: 'volcano',
  double_random: 'blue',
  targeted: 'magenta',
  other: 'default',
};
const STATUS_COLORS: Record<InspectionStatus, string> = {
  planned: 'processing',
  merged: 'purple',
  completed: 'green',
  cancelled: 'default',
};

// The server sends a kind as a plain string in some summaries (byKind): unknown ones show as they are.
export const kindLabel = (kind: string, t: (key: MessageKey) => string): string =>
  (INSPECTION_KINDS as string[]).includes(kind) ? t(`inspection.kind.${kind as InspectionKind}`) : kind;

export const triggerLabel = (trigger: string, t: (key: MessageKey) => string): string =>
  (TARGETED_TRIGGERS as readonly string[]).includes(trigger)
    ? t(`inspection.trigger.${trigger as (typeof TARGETED_TRIGGERS)[number]}`)
    : trigger;

export const InspectionKindTag = ({ kind }: { kind: InspectionKind }) => {
  const t = useT();
  return (
    <Tag data-testid="inspection-kind" data-kind={kind} color={KIND_COLORS[kind]}>
      {t(`inspection.kind.${kind}`)}
    </Tag>
  );
};

// The coarse status is read from the stage (the one lifecycle column); the stage's name shows on hover.
export const InspectionStatusTag = ({
  status,
  stageName,
}: {
  status: InspectionStatus;
  stageName?: string;
}) => {
  const t = useT();
  return (
    <Tag data-testid="inspection-status" data-status={status} color={STATUS_COLORS[status]} title={stageName}>
      {t(`inspection.status.${status}`)}
    </Tag>
  );
};

// measure 5: the recorded channel of a targeted inspection, with its reference on hover.
export const TriggerTag = ({
  trigger,
  reference,
  description,
  pending,
}: {
  trigger: string | null;
  reference: string | null;
  description?: string | null;
  // an "other" channel not yet approved by the department head
  pending?: boolean;
}) => {
  const t = useT();
  if (!trigger) return null;
  const tag = (
    <Tag data-testid="inspection-trigger" data-trigger={trigger} color={pending ? 'orange' : 'cyan'}>
      {trigger === 'other' && description
        ? `${t('inspection.trigger.other').replace(/（.*）$/, '')}：${description}`
        : triggerLabel(trigger, t)}
      {pending ? `（${t('inspection.triggerPending')}）` : ''}
    </Tag>
  );
  return reference ? (
    <Tooltip title={t('inspection.triggerReferenceLine', { reference })}>{tag}</Tooltip>
  ) : (
    tag
  );
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

// 5 → 五, 24 → 二十四: the measures are cited by their Chinese ordinal (措施第五项).
export const chineseNumber = (value: number): string => {
  if (!Number.isInteger(value) || value < 0 || value >= 100) return String(value);
  if (value < 10) return DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
};
