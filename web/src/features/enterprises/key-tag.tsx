import { Tag, Tooltip } from 'antd';
import type { Enterprise } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

// The red 重点 flag, with the reasons (measure 4 industries) on hover.
export const KeyTag = ({ enterprise }: { enterprise: Pick<Enterprise, 'isKey' | 'keyReasons'> }) => {
  const t = useT();
  if (!enterprise.isKey) return null;
  const reasons = enterprise.keyReasons.map((reason) => reason.name).join('；');
  return (
    <Tooltip title={reasons || undefined}>
      <Tag color="red" data-testid="key-tag">
        {t('enterprise.key')}
      </Tag>
    </Tooltip>
  );
};
