import { Space, Tag, Tooltip } from 'antd';
import type { Certificate, Officer, Qualification } from '../../api/types';
import { useT } from '../../app/i18n/i18n-context';

const STATUS_COLORS: Record<Certificate['statusToday'], string> = {
  valid: 'green',
  expired: 'orange',
  not_yet_valid: 'blue',
  suspended: 'gold',
  revoked: 'red',
};

export const CertificateStatusTag = ({ status }: { status: Certificate['statusToday'] }) => {
  const t = useT();
  return (
    <Tag data-testid="certificate-status" data-status={status} color={STATUS_COLORS[status]}>
      {t(`certificateStatus.${status}`)}
    </Tag>
  );
};

export const QUALIFICATIONS: Qualification[] = [
  'registered_safety_engineer',
  'legal_adviser',
  'technical_inspector',
];

export const QualificationTags = ({ qualifications }: { qualifications: Qualification[] }) => {
  const t = useT();
  if (qualifications.length === 0) return <>—</>;
  return (
    <Space size={[0, 4]} wrap>
      {qualifications.map((qualification) => (
        <Tag key={qualification} color="geekblue">
          {t(`qualification.${qualification}`)}
        </Tag>
      ))}
    </Space>
  );
};

export const RosterTag = ({ officer }: { officer: Pick<Officer, 'onRoster' | 'removedOn'> }) => {
  const t = useT();
  return officer.onRoster ? (
    <Tag color="green">{t('officer.onRoster')}</Tag>
  ) : (
    <Tag>{t('officer.offRoster', { date: officer.removedOn ?? '—' })}</Tag>
  );
};

export const MayInspectTag = ({ officer }: { officer: Pick<Officer, 'mayInspectToday'> }) => {
  const t = useT();
  const { ok, message } = officer.mayInspectToday;
  return (
    <Tooltip title={ok ? undefined : message}>
      <Tag data-testid="may-inspect" data-ok={String(ok)} color={ok ? 'success' : 'error'}>
        {ok ? t('officer.mayInspect') : t('officer.mayNotInspect')}
      </Tag>
    </Tooltip>
  );
};
