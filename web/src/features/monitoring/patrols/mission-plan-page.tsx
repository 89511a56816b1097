import { useCallback, useEffect, useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import L from 'leaflet';
import { useNavigate } from 'react-router-dom';
import { errorTitle } from '../../../app/components/error-alert';
import { PageHeader } from '../../../app/components/page-header';
import { useT } from '../../../app/i18n/i18n-context';
import { serverNow } from '../../../app/server-clock';
import { useSession } from '../../auth/hooks';
import { TerritoryCanvas } from '../map/territory-canvas';
import { usePilots, usePlanMission, type MissionPlan } from './hooks';

type Drawing = 'area' | 'route';
type Point = { lat: number; lng: number };
type Values = {
  title: string;
  areaKind: MissionPlan['areaKind'];
  date: Dayjs;
  window: [Dayjs, Dayjs];
  pilotId: string;
};

const AREA_KINDS: MissionPlan['areaKind'][] = [
  'non_coal_mine',
  'industrial_zone',
  'shared_factory_building',
  'key_enterprise',
];

// measure 21: an officer of the territory plans a patrol: the area and the route are drawn on the map by clicking
// their points; the date, the time window and the pilot complete the plan.
export const MissionPlanPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: user } = useSession();
  const pilots = usePilots();
  const planMutation = usePlanMission();
  const [form] = Form.useForm<Values>();
  const [drawing, setDrawing] = useState<Drawing>('area');
  const [area, setArea] = useState<Point[]>([]);
  const [route, setRoute] = useState<Point[]>([]);
  const layer = useRef<L.LayerGroup | null>(null);

  const onReady = useCallback((map: L.Map) => {
    layer.current = L.layerGroup().addTo(map);
    return () => {
      layer.current = null;
    };
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    const toLatLng = (point: Point) => L.latLng(point.lat, point.lng);
    if (area.length >= 3)
      L.polygon(area.map(toLatLng), { color: '#13a8a8', weight: 2, fillOpacity: 0.15 }).addTo(group);
    else if (area.length === 2) L.polyline(area.map(toLatLng), { color: '#13a8a8' }).addTo(group);
    for (const point of area) L.circleMarker(toLatLng(point), { radius: 4, color: '#13a8a8' }).addTo(group);
    if (route.length >= 2)
      L.polyline(route.map(toLatLng), { color: '#08979c', dashArray: '6 4' }).addTo(group);
    for (const point of route)
      L.circleMarker(toLatLng(point), { radius: 3, color: '#08979c', fillOpacity: 1 }).addTo(group);
  }, [area, route]);

  const onClick = (point: Point) =>
    drawing === 'area' ? setArea((points) => [...points, point]) : setRoute((points) => [...points, point]);

  const submit = async (values: Values) => {
    if (area.length < 3) return void message.error(t('drone.plan.needArea'));
    if (route.length < 2) return void message.error(t('drone.plan.needRoute'));
    const ring = [...area, area[0]!].map((point): [number, number] => [point.lng, point.lat]);
    try {
      const mission = await planMutation.mutateAsync({
        title: values.title,
        areaKind: values.areaKind,
        area: { type: 'Polygon', coordinates: [ring] },
        route: {
          type: 'LineString',
          coordinates: route.map((point): [number, number] => [point.lng, point.lat]),
        },
        schedule: {
          date: values.date.format('YYYY-MM-DD'),
          startTime: values.window[0].format('HH:mm'),
          endTime: values.window[1].format('HH:mm'),
        },
        pilotId: values.pilotId,
      });
      message.success(t('drone.plan.done'));
      navigate(`/monitoring/patrols/${mission.id}`);
    } catch (failure) {
      message.error(errorTitle(failure, t));
    }
  };

  return (
    <>
      <PageHeader
        title={t('drone.plan.title')}
        subtitle={t('drone.plan.subtitle')}
        crumbs={[
          { title: t('drone.list.title'), to: '/monitoring/patrols' },
          { title: t('drone.plan.title') },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(values) => void submit(values)}
              initialValues={{
                areaKind: 'industrial_zone',
                date: dayjs(serverNow()),
                window: [dayjs(serverNow()).hour(9).minute(0), dayjs(serverNow()).hour(12).minute(0)],
              }}
            >
              <Form.Item
                name="title"
                label={t('drone.field.title')}
                rules={[{ required: true, min: 2, message: t('drone.plan.titleRequired') }]}
              >
                <Input maxLength={100} data-testid="mission-title" />
              </Form.Item>
              <Form.Item name="areaKind" label={t('drone.field.areaKind')} rules={[{ required: true }]}>
                <Select
                  options={AREA_KINDS.map((kind) => ({ value: kind, label: t(`drone.areaKind.${kind}`) }))}
                />
              </Form.Item>
              <Form.Item name="date" label={t('drone.field.date')} rules={[{ required: true }]}>
                <DatePicker
                  style={{ width: '100%' }}
                  disabledDate={(day) => day.isBefore(dayjs(serverNow()), 'day')}
                />
              </Form.Item>
              <Form.Item name="window" label={t('drone.field.window')} rules={[{ required: true }]}>
                <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="pilotId"
                label={t('drone.field.pilot')}
                rules={[{ required: true, message: t('drone.plan.pilotRequired') }]}
              >
                <Select
                  data-testid="mission-pilot"
                  loading={pilots.isLoading}
                  showSearch
                  optionFilterProp="label"
                  options={(pilots.data?.items ?? []).map((pilot) => ({
                    value: pilot.id,
                    label: pilot.displayName,
                  }))}
                />
              </Form.Item>
              <Typography.Paragraph type="secondary">
                {t('drone.plan.drawn', { area: area.length, route: route.length })}
              </Typography.Paragraph>
              <Button
                type="primary"
                htmlType="submit"
                loading={planMutation.isPending}
                block
                data-testid="mission-submit"
              >
                {t('drone.plan.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Segmented<Drawing>
                value={drawing}
                onChange={setDrawing}
                options={[
                  { value: 'area', label: t('drone.plan.drawArea') },
                  { value: 'route', label: t('drone.plan.drawRoute') },
                ]}
              />
              <Button
                onClick={() =>
                  drawing === 'area' ? setArea((p) => p.slice(0, -1)) : setRoute((p) => p.slice(0, -1))
                }
              >
                {t('drone.plan.undo')}
              </Button>
              <Button onClick={() => (drawing === 'area' ? setArea([]) : setRoute([]))}>
                {t('drone.plan.clear')}
              </Button>
              <Typography.Text type="secondary">{t('drone.plan.hint')}</Typography.Text>
            </Space>
            {user ? (
              <TerritoryCanvas
                territory={user.territory}
                onReady={onReady}
                onClick={onClick}
                height={540}
                testId="plan-map"
              />
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
};
