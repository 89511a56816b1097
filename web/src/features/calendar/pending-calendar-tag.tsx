import { Tag, Tooltip } from 'antd';
import { useT } from '../../app/i18n/i18n-context';

// issue 11 item 12: a deadline counted into a year whose holidays are not yet published (weekends only).
export const PendingCalendarTag = ({ years }: { years: readonly number[] | undefined }) => {
  const t = useT();
  if (!years || years.length === 0) return null;
  return (
    <Tooltip title={t('calendar.pendingDeadlineHint', { years: years.join('、') })}>
      <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="deadline-pending">
        {t('calendar.pendingDeadline')}
      </Tag>
    </Tooltip>
  );
};
