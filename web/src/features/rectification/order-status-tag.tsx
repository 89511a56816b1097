import { Tag } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import type { RectificationStatus } from './hooks';

// "Rectified" (proof reviewed and passed) and "closed without rectification" are never shown alike: the one is a
// green tag with a check, the other a grey tag struck through.
const COLOURS: Record<RectificationStatus, string> = {
  issued: 'gold',
  proof_submitted: 'blue',
  rectified: 'green',
  failed: 'orange',
  escalated: 'red',
  closed_without_rectification: 'default',
};

export const OrderStatusTag = ({ status, overdue }: { status: RectificationStatus; overdue?: boolean }) => {
  const t = useT();
  return (
    <>
      <Tag
        color={COLOURS[status]}
        data-testid={`order-status-${status}`}
        style={
          status === 'closed_without_rectification'
            ? { textDecoration: 'line-through', color: '#8c8c8c' }
            : undefined
        }
      >
        {status === 'rectified' ? '✓ ' : ''}
        {t(`rect.status.${status}`)}
      </Tag>
      {overdue && <Tag color="red">{t('rect.overdue')}</Tag>}
    </>
  );
};
