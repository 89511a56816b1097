import { useRef, useState } from 'react';
import { Alert, Button, Card, Image, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { fileUrl } from './evidence';
import { Unsynced } from './item-card';
import type { PendingAcknowledgement } from './offline-queue';
import { newId } from './record-view';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';
import type { Acknowledgement, RecordForm } from './types';
import type { PickedFile } from './evidence';

// 安全生产法 第六十八条: the enterprise head signs the record on the phone, or the refusal is written down
// with who witnessed it. A refusal does not stop the inspection.

type Props = {
  inspectionId: string;
  recorded: RecordForm['inspection']['acknowledgement'];
  pending: PendingAcknowledgement | null;
  queued: Map<string, string>;
  enabled: boolean;
  onSave: (body: Acknowledgement, files: PickedFile[]) => Promise<void>;
};

export const AcknowledgementCard = ({ inspectionId, recorded, pending, queued, enabled, onSave }: Props) => {
  const t = useT();
  const pad = useRef<SignaturePadHandle>(null);
  const [mode, setMode] = useState<'sign' | 'refuse'>('sign');
  const [signer, setSigner] = useState('');
  // FACTS-3 §5.2: the record names the site head's position
  const [position, setPosition] = useState('');
  const [note, setNote] = useState('');
  const [blank, setBlank] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const shown = pending?.body ?? recorded;
  const save = async () => {
    if (signer.trim() === '') return setProblem(t('record.ack.needSigner'));
    if (mode === 'refuse') {
      if (note.trim() === '') return setProblem(t('record.ack.needRefusalNote'));
      await onSave(
        {
          signed: false,
          signerName: signer.trim(),
          ...(position.trim() ? { signerPosition: position.trim() } : {}),
          refusalNote: note.trim(),
        },
        [],
      );
    } else {
      const png = blank ? null : await pad.current?.toPng();
      if (!png) return setProblem(t('record.ack.needSignature'));
      const id = newId();
      await onSave(
        {
          signed: true,
          signerName: signer.trim(),
          ...(position.trim() ? { signerPosition: position.trim() } : {}),
          signatureFileId: id,
        },
        [
          {
            id,
            kind: 'signature',
            blob: png,
            name: 'signature.png',
            takenAt: new Date().toISOString(),
            location: null,
          },
        ],
      );
    }
    setProblem(null);
    setEditing(false);
  };

  return (
    <Card
      size="small"
      title={t('record.ack.title')}
      data-testid="acknowledgement"
      style={{ marginBottom: 16 }}
    >
      {shown && !editing ? (
        <div data-testid="ack-recorded" data-signed={String(shown.signed)}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={shown.signed ? 'green' : 'orange'}>
              {shown.signed ? t('record.ack.signed') : t('record.ack.refused')}
            </Tag>
            <Typography.Text strong>{shown.signerName}</Typography.Text>
            {'signerPosition' in shown && shown.signerPosition ? (
              <Typography.Text type="secondary">{shown.signerPosition}</Typography.Text>
            ) : null}
            {pending && <Unsynced />}
          </Space>
          {shown.signed && 'signatureFileId' in shown && shown.signatureFileId && (
            <Image
              src={fileUrl(inspectionId, shown.signatureFileId, queued)}
              height={90}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}
            />
          )}
          {!shown.signed && 'refusalNote' in shown && (
            <Typography.Paragraph type="secondary">{shown.refusalNote}</Typography.Paragraph>
          )}
          {pending?.refusal && <Alert type="error" title={pending.refusal} style={{ marginTop: 8 }} />}
          {enabled && (
            <Button size="small" onClick={() => setEditing(true)} style={{ marginTop: 8 }}>
              {t('record.ack.again')}
            </Button>
          )}
        </div>
      ) : (
        <Space direction="vertical" size={10} style={{ width: '100%' }}>
          {!enabled && <Typography.Text type="secondary">{t('record.ack.notYet')}</Typography.Text>}
          <Segmented
            block
            value={mode}
            onChange={(value) => setMode(value as 'sign' | 'refuse')}
            options={[
              { value: 'sign', label: <span data-testid="ack-mode-sign">{t('record.ack.sign')}</span> },
              { value: 'refuse', label: <span data-testid="ack-mode-refuse">{t('record.ack.refuse')}</span> },
            ]}
          />
          <Input
            data-testid="ack-signer"
            value={signer}
            onChange={(event) => setSigner(event.target.value)}
            placeholder={t('record.ack.signerHint')}
          />
          <Input
            data-testid="ack-position"
            value={position}
            onChange={(event) => setPosition(event.target.value)}
            placeholder={t('record.ack.positionHint')}
          />
          {mode === 'sign' ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('record.ack.padHint')}
              </Typography.Text>
              <SignaturePad ref={pad} onChange={setBlank} />
              <Button
                type="link"
                size="small"
                onClick={() => pad.current?.clear()}
                style={{ paddingLeft: 0 }}
              >
                {t('record.ack.clear')}
              </Button>
            </div>
          ) : (
            <Input.TextArea
              data-testid="ack-refusal-note"
              rows={3}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('record.ack.refusalHint')}
            />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('record.ack.basis')}
          </Typography.Text>
          {problem && <Alert type="error" title={problem} />}
          <Button
            type="primary"
            block
            size="large"
            disabled={!enabled}
            onClick={() => void save()}
            data-testid="ack-save"
          >
            {mode === 'sign' ? t('record.ack.confirmSign') : t('record.ack.confirmRefuse')}
          </Button>
        </Space>
      )}
    </Card>
  );
};
