import { useCallback, useEffect, useRef, useState } from 'react';
import { Card, Checkbox, Flex, Space, Tag, Typography } from 'antd';
import L from 'leaflet';
import { ErrorAlert } from '../../../app/components/error-alert';
import { PageHeader } from '../../../app/components/page-header';
import { formatDateTime } from '../../../app/format';
import { useT } from '../../../app/i18n/i18n-context';
import { useSession } from '../../auth/hooks';
import { IncidentDrawer } from '../incident-drawer';
import { useTerritoryMap, type TerritoryMap } from '../patrols/hooks';
import { escapeHtml, TerritoryCanvas } from './territory-canvas';

// Issue 16 item 7: one map of the territory: its enterprises where their coordinates are recorded, the leads
// waiting for handling, the drone patrols' areas and routes, and what the drones found, with the photo.

export const LEVEL_FILL: Record<string, string> = {
  red: '#f5222d',
  orange: '#fa8c16',
  yellow: '#fadb14',
  blue: '#1677ff',
};

type Layer = 'enterprises' | 'incidents' | 'patrols' | 'findings';

export const drawMissions = (group: L.LayerGroup, missions: TerritoryMap['missions']) => {
  for (const mission of missions) {
    const ring = mission.area.coordinates[0]!.map((position) => L.latLng(position[1]!, position[0]!));
    L.polygon(ring, { color: '#13a8a8', weight: 2, fillOpacity: 0.12 })
      .bindTooltip(`${escapeHtml(mission.title)}（${escapeHtml(mission.areaKindName)}）`)
      .addTo(group);
    L.polyline(
      mission.route.coordinates.map((position) => L.latLng(position[1]!, position[0]!)),
      { color: '#08979c', weight: 2, dashArray: '6 4' },
    ).addTo(group);
  }
};

export const findingPopup = (
  finding: TerritoryMap['findings'][number],
  at: string,
  leadLabel: string,
): string =>
  [
    '<div class="territory-popup" data-testid="map-finding-popup">',
    `<b>${escapeHtml(finding.kindName)}</b> · ${escapeHtml(finding.enterpriseName)}<br/>`,
    `${escapeHtml(at)}<br/>${escapeHtml(finding.note)}`,
    `<img src="${escapeHtml(finding.photoUrl)}" alt="${escapeHtml(finding.kindName)}"/>`,
    finding.incidentId
      ? `<a href="/monitoring?incident=${escapeHtml(finding.incidentId)}" data-testid="map-finding-lead">${escapeHtml(leadLabel)}</a>`
      : '',
    '</div>',
  ].join('');

export const drawFindings = (group: L.LayerGroup, findings: TerritoryMap['findings'], leadLabel: string) => {
  for (const finding of findings) {
    L.marker(L.latLng(finding.latitude, finding.longitude), {
      icon: L.divIcon({ className: 'drone-finding-icon', iconSize: [14, 14] }),
      title: finding.kindName,
    })
      .bindPopup(findingPopup(finding, formatDateTime(finding.takenAt), leadLabel), { minWidth: 220 })
      .addTo(group);
  }
};

export const TerritoryMapPage = () => {
  const t = useT();
  const { data: user } = useSession();
  const { data, error } = useTerritoryMap();
  const [openId, setOpenId] = useState<string | null>(null);
  const [shown, setShown] = useState<Layer[]>(['enterprises', 'incidents', 'patrols', 'findings']);
  const groups = useRef<Record<Layer, L.LayerGroup> | null>(null);
  const mapRef = useRef<L.Map | null>(null);

  const onReady = useCallback((map: L.Map) => {
    mapRef.current = map;
    groups.current = {
      enterprises: L.layerGroup().addTo(map),
      patrols: L.layerGroup().addTo(map),
      incidents: L.layerGroup().addTo(map),
      findings: L.layerGroup().addTo(map),
    };
    return () => {
      groups.current = null;
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const layers = groups.current;
    if (!layers || !data) return;
    for (const group of Object.values(layers)) group.clearLayers();
    for (const enterprise of data.enterprises)
      L.circleMarker(L.latLng(enterprise.latitude, enterprise.longitude), {
        radius: enterprise.isKey ? 4 : 3,
        color: enterprise.isKey ? '#1d39c4' : '#8c8c8c',
        weight: 1,
        fillOpacity: 0.7,
      })
        .bindTooltip(escapeHtml(enterprise.name))
        .addTo(layers.enterprises);
    drawMissions(layers.patrols, data.missions);
    for (const incident of data.incidents)
      L.circleMarker(L.latLng(incident.latitude, incident.longitude), {
        radius: 8,
        color: '#262626',
        weight: 1,
        fillColor: LEVEL_FILL[incident.level] ?? '#1677ff',
        fillOpacity: 0.9,
        className: 'map-incident',
      })
        .bindTooltip(
          `${escapeHtml(incident.enterpriseName)}：${escapeHtml(incident.kindName)}（${escapeHtml(incident.levelName)}，${escapeHtml(incident.stateName)}）`,
        )
        .on('click', () => setOpenId(incident.id))
        .addTo(layers.incidents);
    drawFindings(layers.findings, data.findings, t('monitoringMap.openLead'));
  }, [data, t]);

  useEffect(() => {
    const layers = groups.current;
    const map = mapRef.current;
    if (!layers || !map) return;
    for (const [name, group] of Object.entries(layers) as [Layer, L.LayerGroup][]) {
      if (shown.includes(name)) group.addTo(map);
      else group.remove();
    }
  }, [shown]);

  return (
    <>
      <PageHeader title={t('monitoringMap.title')} subtitle={t('monitoringMap.subtitle')} />
      <Card>
        {error ? <ErrorAlert error={error} /> : null}
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
          <Checkbox.Group<Layer>
            value={shown}
            onChange={setShown}
            options={[
              {
                value: 'incidents',
                label: t('monitoringMap.layer.incidents', { count: data?.incidents.length ?? 0 }),
              },
              {
                value: 'findings',
                label: t('monitoringMap.layer.findings', { count: data?.findings.length ?? 0 }),
              },
              {
                value: 'patrols',
                label: t('monitoringMap.layer.patrols', { count: data?.missions.length ?? 0 }),
              },
              {
                value: 'enterprises',
                label: t('monitoringMap.layer.enterprises', { count: data?.enterprises.length ?? 0 }),
              },
            ]}
          />
          <Space size={4} wrap>
            {Object.entries(LEVEL_FILL).map(([level, color]) => (
              <Tag key={level} color={color} style={{ color: level === 'yellow' ? '#614700' : undefined }}>
                {t(`monitoringMap.level.${level as 'red'}`)}
              </Tag>
            ))}
          </Space>
        </Flex>
        {user ? (
          <TerritoryCanvas
            territory={user.territory}
            onReady={onReady}
            height="calc(100vh - 300px)"
            testId="territory-map"
          />
        ) : null}
        {data && data.unplacedIncidents > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('monitoringMap.unplaced', { count: data.unplacedIncidents })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <IncidentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
};
