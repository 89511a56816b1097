import { useState } from 'react';
import { Alert, Button, Checkbox, Divider, Drawer, Input, Radio, Space, Switch, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { PhotoInput, type PickedFile } from './evidence';
import { newId } from './record-view';
import type { FormItem, GeoPoint, QueuedEntry, QueuedFinding, QueuedMeasure } from './types';

// Issue 5 items 6 and 7: a finding written on the spot. The item's basis and the catalogue's 整改指引 are on
// screen so the officer reads them to the enterprise head (measure 13); a fix made at once is recorded with
// its proof; a major hidden danger offers the 安全生产法 第六十五条 measures.

export type FindingDraft = {
  entry: QueuedEntry;
  finding: QueuedFinding;
  measures: QueuedMeasure[];
  files: PickedFile[];
};

type Props = {
  item: FormItem | null;
  location: GeoPoint | null;
  onClose: () => void;
  onSave: (draft: FindingDraft) => Promise<void>;
};

export const GuidanceBlock = ({ item }: { item: FormItem }) => {
  const t = useT();
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 6 }}>
        {item.text}
      </Typography.Paragraph>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 13, marginBottom: 8 }}
        data-testid="finding-basis"
      >
        {t('record.basis')}：{item.citation}
        {!item.verified && (
          <Tag color="warning" style={{ marginLeft: 6 }}>
            {t('record.unverified')}
          </Tag>
        )}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon={false}
        data-testid="finding-how-to-fix"
        title={t('record.howToFix')}
        description={item.howToFix}
      />
    </>
  );
};

type MeasureKind = 'evacuation' | 'suspension' | 'stop_use';
type FoundBy = 'inspection' | 'enterprise_self_check' | 'expert_guidance';
const FOUND_BY: FoundBy[] = ['inspection', 'enterprise_self_check', 'expert_guidance'];

export const FindingSheet = ({ item, location, onClose, onSave }: Props) => {
  const t = useT();
  const [description, setDescription] = useState('');
  const [major, setMajor] = useState(item?.majorHiddenDanger ?? false);
  const [photos, setPhotos] = useState<PickedFile[]>([]);
  const [bodyCamera, setBodyCamera] = useState('');
  const [fixed, setFixed] = useState(false);
  const [proofs, setProofs] = useState<PickedFile[]>([]);
  const [fixNote, setFixNote] = useState('');
  const [measures, setMeasures] = useState<MeasureKind[]>([]);
  const [foundBy, setFoundBy] = useState<FoundBy>('inspection');
  const [measureNote, setMeasureNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);

  if (!item) return null;
  const problems = [
    ...(description.trim() === '' ? [t('record.finding.needDescription')] : []),
    ...(fixed && (proofs.length === 0 || fixNote.trim() === '') ? [t('record.finding.needProof')] : []),
    ...(major && measures.length > 0 && measureNote.trim() === ''
      ? [t('record.finding.needMeasureNote')]
      : []),
  ];

  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setSaving(true);
    const now = new Date().toISOString();
    const id = newId();
    const finding: QueuedFinding = {
      id,
      itemCode: item.code,
      description: description.trim(),
      majorHiddenDanger: major,
      photoIds: photos.map((photo) => photo.id),
      bodyCameraRefs: bodyCamera
        .split(/[\n，,；;]+/)
        .map((ref) => ref.trim())
        .filter(Boolean),
      location,
      recordedAt: now,
      ...(major && foundBy !== 'inspection' ? { foundBy } : {}),
      ...(fixed ? { fixedOnSpot: { proofIds: proofs.map((proof) => proof.id), note: fixNote.trim() } } : {}),
    };
    try {
      await onSave({
        entry: { id: newId(), itemCode: item.code, outcome: 'finding', recordedAt: now, location },
        finding,
        measures: major
          ? measures.map((kind) => ({ findingId: id, kind, note: measureNote.trim(), decidedAt: now }))
          : [],
        files: [...photos, ...proofs],
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      placement="bottom"
      size="92%"
      data-testid="finding-sheet"
      title={t('record.finding.title')}
      onClose={onClose}
      styles={{ body: { paddingTop: 12 } }}
      footer={
        <Button
          type="primary"
          block
          size="large"
          loading={saving}
          onClick={() => void save()}
          data-testid="finding-save"
        >
          {t('record.finding.save')}
        </Button>
      }
    >
      <GuidanceBlock item={item} />
      <Divider style={{ margin: '14px 0' }} />
      <Space direction="vertical" size={14} style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('record.finding.description')}</Typography.Text>
          <Input.TextArea
            data-testid="finding-description"
            rows={3}
            maxLength={4000}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            placeholder={t('record.finding.descriptionHint')}
          />
        </div>
        <Space>
          <Switch data-testid="finding-major" checked={major} onChange={setMajor} />
          <Typography.Text strong type={major ? 'danger' : undefined}>
            {t('record.finding.major')}
          </Typography.Text>
        </Space>
        <div>
          <Typography.Text strong>{t('record.finding.photos')}</Typography.Text>
          <PhotoInput
            kind="photo"
            files={photos}
            onChange={setPhotos}
            location={location}
            testId="finding-photos"
            label={t('record.photo.take')}
          />
        </div>
        <div>
          <Typography.Text strong>{t('record.finding.bodyCamera')}</Typography.Text>
          <Input
            data-testid="finding-body-camera"
            value={bodyCamera}
            onChange={(event) => setBodyCamera(event.target.value)}
            placeholder={t('record.finding.bodyCameraHint')}
          />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="finding-location">
          {location
            ? t('record.location.at', {
                latitude: location.latitude.toFixed(5),
                longitude: location.longitude.toFixed(5),
              })
            : t('record.location.none')}
        </Typography.Text>
        {major && (
          <div
            style={{ border: '1px solid #ffccc7', background: '#fff2f0', borderRadius: 8, padding: 12 }}
            data-testid="finding-measures"
          >
            <Typography.Text strong>{t('record.foundBy.title')}</Typography.Text>
            <Radio.Group
              data-testid="finding-found-by"
              value={foundBy}
              onChange={(event) => setFoundBy(event.target.value as FoundBy)}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '4px 0 12px' }}
            >
              {FOUND_BY.map((value) => (
                <Radio key={value} value={value} data-testid={`found-by-${value}`}>
                  {t(`record.foundBy.${value}`)}
                </Radio>
              ))}
            </Radio.Group>
            <Typography.Text strong>{t('record.measures.title')}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
              {t('record.measures.basis')}
            </Typography.Paragraph>
            <Checkbox.Group
              value={measures}
              onChange={(values) => setMeasures(values as MeasureKind[])}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            >
              <Checkbox value="evacuation" data-testid="measure-evacuation">
                {t('record.measures.evacuation')}
              </Checkbox>
              <Checkbox value="suspension" data-testid="measure-suspension">
                {t('record.measures.suspension')}
              </Checkbox>
              <Checkbox value="stop_use" data-testid="measure-stop_use">
                {t('record.measures.stop_use')}
              </Checkbox>
            </Checkbox.Group>
            {measures.length > 0 && (
              <Input.TextArea
                data-testid="measure-note"
                rows={2}
                style={{ marginTop: 8 }}
                value={measureNote}
                onChange={(event) => setMeasureNote(event.target.value)}
                placeholder={t('record.measures.noteHint')}
              />
            )}
          </div>
        )}
        <div style={{ border: '1px solid #d9f7be', background: '#f6ffed', borderRadius: 8, padding: 12 }}>
          <Space>
            <Switch data-testid="finding-fixed" checked={fixed} onChange={setFixed} />
            <Typography.Text strong>{t('record.fix.title')}</Typography.Text>
          </Space>
          {fixed && (
            <Space direction="vertical" size={8} style={{ width: '100%', marginTop: 10 }}>
              <PhotoInput
                kind="proof"
                files={proofs}
                onChange={setProofs}
                location={location}
                testId="finding-proofs"
                label={t('record.fix.proof')}
              />
              <Input.TextArea
                data-testid="finding-fix-note"
                rows={2}
                value={fixNote}
                onChange={(event) => setFixNote(event.target.value)}
                placeholder={t('record.fix.noteHint')}
              />
            </Space>
          )}
        </div>
        {tried && problems.length > 0 && (
          <Alert type="error" data-testid="finding-problems" title={problems.join('；')} />
        )}
      </Space>
    </Drawer>
  );
};
