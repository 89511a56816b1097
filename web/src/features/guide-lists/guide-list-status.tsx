import { Tag } from 'antd';
import type { GuideListStatus } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const STATUS_COLORS: Record<GuideListStatus, string> = {
  draft: 'gold',
  approved: 'blue',
  published: 'green',
};

export const GUIDE_LIST_STATUSES: GuideListStatus[] = ['draft', 'approved', 'published'];

export const GuideListStatusTag = ({ status }: { status: GuideListStatus }) => {
  const t = useT();
  return (
    <Tag data-testid="guide-list-status" data-status={status} color={STATUS_COLORS[status]}>
      {t(`guideList.status.${status}`)}
    </Tag>
  );
};
