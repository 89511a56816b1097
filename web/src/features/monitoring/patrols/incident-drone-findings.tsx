import { Typography } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { useIncidentDroneFindings } from './hooks';
import { FindingTable } from './finding-table';

// measure 21: the drone findings a lead rests on, with their photos, in the lead's drawer.
export const IncidentDroneFindings = ({ incidentId }: { incidentId: string }) => {
  const t = useT();
  const { data } = useIncidentDroneFindings(incidentId);
  if (!data) return null;
  return (
    <div data-testid="incident-drone-findings">
      <Typography.Title level={5}>{t('drone.incidentFindings')}</Typography.Title>
      <FindingTable findings={data.items} compact />
    </div>
  );
};
