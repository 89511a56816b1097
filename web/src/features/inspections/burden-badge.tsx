import { Tag, Tooltip } from 'antd';
import type { BurdenLevel } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const COLORS: Record<BurdenLevel, string> = {
  none: 'default',
  normal: 'default',
  yellow: 'gold',
  red: 'red',
};

// The level the server gives a count (domain burdenLevel): yellow at the second, red from the third.
export const burdenLevelOf = (count: number): BurdenLevel =>
  count <= 0 ? 'none' : count === 1 ? 'normal' : count === 2 ? 'yellow' : 'red';

type BurdenBadgeProps = {
  count: number;
  level: BurdenLevel;
  // the enterprise's annual allowance from its grade, when the caller has it
  cap?: number | null;
  capVerified?: boolean;
  testId?: string;
};

// Issue 6 item 10: the enterprise's Nth inspection this year, all departments and modes together; the second
// shows yellow, the third and later red, wherever an inspection appears. The tooltip gives the cap (measure 24),
// marked 待法制审核 while the catalogue's figure is unverified.
export const BurdenBadge = ({
  count,
  level,
  cap,
  capVerified = true,
  testId = 'burden-badge',
}: BurdenBadgeProps) => {
  const t = useT();
  const capLine =
    cap === undefined
      ? t('burden.tip.noCap')
      : cap === null
        ? t('burden.tip.capNone')
        : `${t('burden.tip.cap', { cap })}${capVerified ? '' : t('burden.tip.unverified')}`;
  return (
    <Tooltip
      title={
        <>
          <div>{t('burden.tip.count', { count })}</div>
          <div>{capLine}</div>
          <div>{t('burden.tip.levels')}</div>
        </>
      }
    >
      <Tag
        data-testid={testId}
        data-level={level}
        data-count={count}
        color={COLORS[level]}
        style={{ marginInlineEnd: 0 }}
      >
        {count === 0 ? t('burden.badge.none') : t('burden.badge', { count })}
      </Tag>
    </Tooltip>
  );
};
