import { Tag, Tooltip } from 'antd';
import type { EnforcementClass, EnforcementLevel, RiskGrade } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

// The four risk colours as the bureaus print them (红橙黄蓝), for tags and charts alike.
export const RISK_COLORS: Record<RiskGrade, { background: string; text: string }> = {
  red: { background: '#d9363e', text: '#fff' },
  orange: { background: '#f5841f', text: '#fff' },
  yellow: { background: '#fadb14', text: '#4d3d00' },
  blue: { background: '#1d6fe0', text: '#fff' },
};

export const RISK_GRADES: RiskGrade[] = ['red', 'orange', 'yellow', 'blue'];
export const ENFORCEMENT_CLASSES: EnforcementClass[] = ['key', 'general'];
export const ENFORCEMENT_LEVELS: EnforcementLevel[] = ['city_organised', 'county'];

// The grade history and overview answer these codes as plain strings: narrow them before use.
export const isRiskGrade = (value: string): value is RiskGrade => (RISK_GRADES as string[]).includes(value);
export const isEnforcementClass = (value: string): value is EnforcementClass =>
  (ENFORCEMENT_CLASSES as string[]).includes(value);
export const isEnforcementLevel = (value: string): value is EnforcementLevel =>
  (ENFORCEMENT_LEVELS as string[]).includes(value);

type TagProps = { testId?: string };

export const RiskGradeTag = ({ grade, testId }: TagProps & { grade: RiskGrade }) => {
  const t = useT();
  const { background, text } = RISK_COLORS[grade];
  return (
    <Tag
      data-testid={testId}
      data-grade={grade}
      variant="solid"
      color={background}
      style={{ color: text, borderColor: background, fontWeight: 600 }}
    >
      {t(`grading.risk.${grade}`)}
    </Tag>
  );
};

export const ClassTag = ({ value, testId }: TagProps & { value: EnforcementClass }) => {
  const t = useT();
  return (
    <Tag data-testid={testId} data-class={value} color={value === 'key' ? 'red' : 'default'}>
      {t(`grading.class.${value}`)}
    </Tag>
  );
};

export const LevelTag = ({ value, testId }: TagProps & { value: EnforcementLevel }) => {
  const t = useT();
  return (
    <Tag data-testid={testId} data-level={value} color={value === 'city_organised' ? 'geekblue' : 'cyan'}>
      {t(`grading.level.${value}`)}
    </Tag>
  );
};

// A number or rule from the catalogue whose legal basis the legal reviewers have not yet confirmed.
export const UnverifiedTag = ({ verified }: { verified: boolean }) => {
  const t = useT();
  if (verified) return null;
  return (
    <Tooltip title={t('grading.unverifiedHint')}>
      <Tag data-testid="unverified" color="orange" style={{ marginInlineEnd: 0 }}>
        {t('grading.unverified')}
      </Tag>
    </Tooltip>
  );
};
