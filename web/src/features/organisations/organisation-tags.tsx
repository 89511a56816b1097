import { Badge, Tag } from 'antd';
import type { Organisation, OrganisationKind } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

export const ORGANISATION_KINDS: OrganisationKind[] = [
  'bureau',
  'internal_unit',
  'entrusted',
  'department',
  'coordination_body',
  'intermediary',
];

export const DEPARTMENT_TYPES = [
  'public_security',
  'housing',
  'transport',
  'market_regulation',
  'meteorology',
  'fire_rescue',
] as const;

const KIND_COLORS: Record<OrganisationKind, string> = {
  bureau: 'blue',
  internal_unit: 'default',
  entrusted: 'cyan',
  department: 'purple',
  coordination_body: 'default',
  intermediary: 'default',
};

export const KindTag = ({ organisation }: { organisation: Pick<Organisation, 'kind' | 'kindName'> }) => {
  const t = useT();
  return (
    <Tag color={KIND_COLORS[organisation.kind]}>
      {organisation.kindName || t(`orgKind.${organisation.kind}`)}
    </Tag>
  );
};

export const StandingTag = ({ hasLegalStanding }: { hasLegalStanding: boolean }) => {
  const t = useT();
  return hasLegalStanding ? (
    <Tag color="green">{t('organisation.hasStanding')}</Tag>
  ) : (
    <Tag>{t('organisation.noStanding')}</Tag>
  );
};

export const ActiveBadge = ({ active }: { active: boolean }) => {
  const t = useT();
  return (
    <Badge
      status={active ? 'success' : 'default'}
      text={active ? t('common.active') : t('common.inactive')}
    />
  );
};
