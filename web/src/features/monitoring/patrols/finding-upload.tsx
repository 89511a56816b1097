import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorTitle } from '../../../app/components/error-alert';
import { serverNow } from '../../../app/server-clock';
import { useT } from '../../../app/i18n/i18n-context';
import { useReportFinding, useTerritoryMap, type MissionDetail } from './hooks';

type Point = { lat: number; lng: number };
export const useDraftPoint = () => useState<Point | null>(null);

const KINDS = ['work_at_height', 'unapproved_construction', 'other'] as const;
type Values = { kind: (typeof KINDS)[number]; enterpriseId: string; takenAt: Dayjs; note: string };

// great-circle distance in km, to list the enterprises nearest the finding first
const distanceKm = (a: Point, b: Point): number => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

// measure 21: the pilot's upload: the photo, where (a click on the map, or typed) and when it was taken, what it
// shows, and the enterprise concerned (nearest first). Each finding becomes a lead for the territory's officers.
export const FindingUploadCard = ({
  mission,
  point,
  onPoint,
}: {
  mission: MissionDetail;
  point: Point | null;
  onPoint: (point: Point | null) => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [attemptId, setAttemptId] = useState(() => crypto.randomUUID());
  const report = useReportFinding(mission.id);
  const map = useTerritoryMap();
  const options = useMemo(() => {
    const placed = map.data?.enterprises ?? [];
    const sorted = point
      ? [...placed].sort(
          (a, b) =>
            distanceKm(point, { lat: a.latitude, lng: a.longitude }) -
            distanceKm(point, { lat: b.latitude, lng: b.longitude }),
        )
      : placed;
    return sorted.map((enterprise) => ({
      value: enterprise.id,
      label: point
        ? `${enterprise.name}（${distanceKm(point, { lat: enterprise.latitude, lng: enterprise.longitude }).toFixed(1)} km）`
        : enterprise.name,
    }));
  }, [map.data, point]);

  const submit = async (values: Values) => {
    if (!point) return void message.error(t('drone.report.needPlace'));
    if (!file) return void message.error(t('drone.report.needPhoto'));
    try {
      await report.mutateAsync({
        id: attemptId,
        upload: {
          kind: values.kind,
          enterpriseId: values.enterpriseId,
          latitude: point.lat,
          longitude: point.lng,
          takenAt: values.takenAt.format(),
          note: values.note,
          file,
        },
      });
      message.success(t('drone.report.done'));
      form.resetFields(['note', 'enterpriseId']);
      setFile(null);
      onPoint(null);
      setAttemptId(crypto.randomUUID());
    } catch (failure) {
      message.error(errorTitle(failure, t));
    }
  };

  return (
    <Card title={t('drone.report.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'work_at_height', takenAt: dayjs(serverNow()) }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('drone.report.place')} required>
          <Space.Compact style={{ width: '100%' }}>
            <InputNumber
              aria-label={t('drone.report.latitude')}
              data-testid="finding-latitude"
              placeholder={t('drone.report.latitude')}
              style={{ width: '50%' }}
              min={-90}
              max={90}
              step={0.0001}
              value={point?.lat ?? null}
              onChange={(lat) => onPoint(lat === null ? null : { lat, lng: point?.lng ?? 0 })}
            />
            <InputNumber
              aria-label={t('drone.report.longitude')}
              data-testid="finding-longitude"
              placeholder={t('drone.report.longitude')}
              style={{ width: '50%' }}
              min={-180}
              max={180}
              step={0.0001}
              value={point?.lng ?? null}
              onChange={(lng) => onPoint(lng === null ? null : { lat: point?.lat ?? 0, lng })}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item name="kind" label={t('drone.field.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="finding-kind"
            options={KINDS.map((kind) => ({ value: kind, label: t(`drone.kind.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="enterpriseId"
          label={t('drone.field.enterprise')}
          rules={[{ required: true, message: t('drone.report.needEnterprise') }]}
        >
          <Select
            data-testid="finding-enterprise"
            showSearch
            optionFilterProp="label"
            options={options}
            loading={map.isLoading}
          />
        </Form.Item>
        <Form.Item name="takenAt" label={t('drone.report.takenAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('drone.field.note')}
          rules={[{ required: true, min: 2, message: t('drone.report.needNote') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="finding-note" />
        </Form.Item>
        <Form.Item label={t('drone.field.photo')} required>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/heic"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: attemptId, name: file.name, status: 'done' }] : []}
          >
            <Button data-testid="finding-photo-button">{t('drone.report.choosePhoto')}</Button>
          </Upload>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={report.isPending}
          block
          data-testid="finding-submit"
        >
          {t('drone.report.submit')}
        </Button>
      </Form>
    </Card>
  );
};
