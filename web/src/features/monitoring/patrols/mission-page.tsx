import { useCallback, useEffect, useRef } from 'react';
import { Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import L from 'leaflet';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../app/components/error-alert';
import { PageHeader } from '../../../app/components/page-header';
import { useT } from '../../../app/i18n/i18n-context';
import { drawFindings, drawMissions } from '../map/territory-map-page';
import { TerritoryCanvas } from '../map/territory-canvas';
import { useMission } from './hooks';
import { FindingTable } from './finding-table';
import { FindingUploadCard, useDraftPoint } from './finding-upload';
import { CompleteMissionButton } from './complete-mission-button';

// measure 21: one patrol: its area, route and window on the map, what its pilot found (each a lead of the
// territory's monitoring), and, for the pilot, the form to upload a finding.
export const MissionPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const { data, error } = useMission(id);
  const [point, setPoint] = useDraftPoint();
  const layers = useRef<{ mission: L.LayerGroup; draft: L.LayerGroup; map: L.Map } | null>(null);

  const onReady = useCallback((map: L.Map) => {
    layers.current = { mission: L.layerGroup().addTo(map), draft: L.layerGroup().addTo(map), map };
    return () => {
      layers.current = null;
    };
  }, []);

  useEffect(() => {
    const current = layers.current;
    if (!current || !data) return;
    current.mission.clearLayers();
    drawMissions(current.mission, [{ ...data, findingCount: data.findings.length }]);
    drawFindings(current.mission, data.findings, t('monitoringMap.openLead'));
    const ring = data.area.coordinates[0]!.map((position) => L.latLng(position[1]!, position[0]!));
    current.map.fitBounds(L.latLngBounds(ring), { padding: [60, 60], maxZoom: 14 });
  }, [data, t]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    current.draft.clearLayers();
    if (point)
      L.circleMarker(L.latLng(point.lat, point.lng), { radius: 7, color: '#722ed1', dashArray: '3 3' }).addTo(
        current.draft,
      );
  }, [point]);

  return (
    <>
      <PageHeader
        title={data?.title ?? t('drone.list.title')}
        subtitle={t('drone.mission.subtitle')}
        crumbs={[{ title: t('drone.list.title'), to: '/monitoring/patrols' }, { title: data?.title ?? '' }]}
        extra={data?.mayReport ? <CompleteMissionButton missionId={id} /> : null}
      />
      {error ? <ErrorAlert error={error} /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card>
              <TerritoryCanvas
                territory={data.territory}
                onReady={onReady}
                onClick={data.mayReport ? setPoint : undefined}
                height={480}
                testId="mission-map"
              />
              {data.mayReport ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('drone.report.mapHint')}
                </Typography.Paragraph>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Card>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('drone.field.areaKind')}>{data.areaKindName}</Descriptions.Item>
                  <Descriptions.Item label={t('drone.field.schedule')}>
                    {`${data.schedule.date} ${data.schedule.startTime}–${data.schedule.endTime}`}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('drone.field.pilot')}>{data.pilotName}</Descriptions.Item>
                  <Descriptions.Item label={t('drone.field.plannedBy')}>
                    {data.plannedByName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('drone.field.state')}>
                    <span data-testid="mission-state">{data.stateName}</span>
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              {data.mayReport ? <FindingUploadCard mission={data} point={point} onPoint={setPoint} /> : null}
            </Space>
          </Col>
          <Col span={24}>
            <Card title={t('drone.findings')}>
              <FindingTable findings={data.findings} />
            </Card>
          </Col>
        </Row>
      ) : null}
    </>
  );
};
