import { Tag, Tooltip } from 'antd';
import type { MonthlyTimeliness, PlanStatus } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'gold',
  submitted: 'processing',
  approved: 'blue',
  filed: 'cyan',
  published: 'green',
  superseded: 'default',
};

// The annual workflow in order (草稿→已提交→已批准→已备案→已公布); a superseded version left it.
export const PLAN_STEPS: PlanStatus[] = ['draft', 'submitted', 'approved', 'filed', 'published'];
export const PLAN_STATUSES: PlanStatus[] = [...PLAN_STEPS, 'superseded'];

export const PlanStatusTag = ({
  status,
  testId = 'plan-status',
}: {
  status: PlanStatus;
  testId?: string;
}) => {
  const t = useT();
  return (
    <Tag data-testid={testId} data-status={status} color={STATUS_COLORS[status]}>
      {t(`plan.status.${status}`)}
    </Tag>
  );
};

const TIMELINESS_COLORS: Record<MonthlyTimeliness['status'], string> = {
  on_time: 'green',
  late: 'red',
  pending: 'blue',
  overdue: 'volcano',
};

// 按时 / 逾期 N 天 / 待报送 / 已逾期, with the deadline and the reminder date on hover.
export const TimelinessTag = ({ timeliness }: { timeliness: MonthlyTimeliness | null }) => {
  const t = useT();
  if (!timeliness)
    return (
      <Tag data-testid="monthly-timeliness" data-status="unknown">
        —
      </Tag>
    );
  const { status, daysLate, workdaysLate, deadline, reminderOn } = timeliness;
  const label =
    status === 'late'
      ? t('monthly.timeliness.lateDays', { days: daysLate })
      : status === 'overdue'
        ? t('monthly.timeliness.overdueDays', { days: daysLate })
        : t(`monthly.timeliness.${status}`);
  const tip = [
    t('monthly.deadlineOn', { date: deadline }),
    t('monthly.reminderOn', { date: reminderOn }),
    workdaysLate ? t('monthly.workdaysLate', { days: workdaysLate }) : undefined,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip title={tip}>
      <Tag
        data-testid="monthly-timeliness"
        data-status={status}
        data-days-late={daysLate}
        color={TIMELINESS_COLORS[status]}
      >
        {label}
      </Tag>
    </Tooltip>
  );
};

// A catalogue term the legal department has not yet confirmed against the national text.
export const UnverifiedTag = ({ source }: { source?: string }) => {
  const t = useT();
  const tag = (
    <Tag data-testid="plan-unverified" color="orange" style={{ marginInlineEnd: 0 }}>
      {t('plan.unverified')}
    </Tag>
  );
  return source ? <Tooltip title={source}>{tag}</Tooltip> : tag;
};

const TIERS = ['rotation_due', 'not_recently_inspected', 'open'] as const;

// A double-random stratum: the rotation tier its enterprises are in (粤应急规〔2021〕4号, once every three years).
export const tierLabel = (key: string, t: ReturnType<typeof useT>): string =>
  (TIERS as readonly string[]).includes(key) ? t(`plan.tier.${key as (typeof TIERS)[number]}`) : key;
