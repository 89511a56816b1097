import { Card, Descriptions, Tag } from 'antd';
import { formatDate, formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { MatterList, OfficerList } from './checkin-sections';
import { keptMatters, type CheckInPayload } from './verify-code';

// What the signed code itself says: shown when the server cannot be reached (离线核验), and by the portal.
export const PayloadView = ({ payload, label }: { payload: CheckInPayload; label: string }) => {
  const t = useT();
  const matters = keptMatters();
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        data-testid="checkin-payload"
        title={<Tag color="orange">{label}</Tag>}
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('checkin.enterprise')}>{payload.n}</Descriptions.Item>
          <Descriptions.Item label={t('checkin.creditCode')}>{payload.c}</Descriptions.Item>
          <Descriptions.Item label={t('checkin.bureau')}>{payload.b}</Descriptions.Item>
          <Descriptions.Item label={t('checkin.scheduledAt')}>
            {formatDateTime(payload.t).slice(0, 16)}
          </Descriptions.Item>
          <Descriptions.Item label={t('checkin.validThrough')}>{formatDate(payload.x)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <OfficerList
        officers={payload.o.map(([certificate, name, organisationName]) => ({
          certificate,
          name,
          organisationName: organisationName ?? payload.b,
          validToday: null,
        }))}
      />
      <MatterList
        matters={payload.m.map((code) => ({
          code,
          name: matters[code]?.name ?? code,
          basis: matters[code]?.basis,
        }))}
      />
    </>
  );
};
