import { useState } from 'react';
import { Alert, Button, Drawer, Input, Space, Typography } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { PhotoInput, type PickedFile } from './evidence';
import type { FindingView } from './record-view';
import type { GeoPoint, QueuedFinding } from './types';

// measure 13: a finding the enterprise fixes before the officers leave is recorded as fixed, with proof.

type Props = {
  finding: FindingView | null;
  location: GeoPoint | null;
  onClose: () => void;
  onSave: (finding: QueuedFinding, files: PickedFile[]) => Promise<void>;
};

export const FixSheet = ({ finding, location, onClose, onSave }: Props) => {
  const t = useT();
  const [proofs, setProofs] = useState<PickedFile[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  if (!finding) return null;
  const ready = proofs.length > 0 && note.trim() !== '';
  const save = async () => {
    setTried(true);
    if (!ready) return;
    await onSave(
      { ...finding.record, fixedOnSpot: { proofIds: proofs.map((proof) => proof.id), note: note.trim() } },
      proofs,
    );
  };
  return (
    <Drawer
      open
      placement="bottom"
      size="70%"
      data-testid="fix-sheet"
      title={t('record.fix.title')}
      onClose={onClose}
      footer={
        <Button type="primary" block size="large" onClick={() => void save()} data-testid="fix-save">
          {t('record.fix.save')}
        </Button>
      }
    >
      <Typography.Paragraph>{finding.description}</Typography.Paragraph>
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        <PhotoInput
          kind="proof"
          files={proofs}
          onChange={setProofs}
          location={location}
          testId="fix-proofs"
          label={t('record.fix.proof')}
        />
        <Input.TextArea
          data-testid="fix-note"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={t('record.fix.noteHint')}
        />
        {tried && !ready && <Alert type="error" title={t('record.finding.needProof')} />}
      </Space>
    </Drawer>
  );
};
