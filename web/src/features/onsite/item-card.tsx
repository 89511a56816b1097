import { Button, Card, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloudUploadOutlined, ExclamationOutlined, MinusOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { Thumbs } from './evidence';
import type { FindingView, ItemView } from './record-view';
import type { Outcome } from './types';

// One checklist item with three big buttons, thumb-sized for a phone held in one hand.

const OUTCOMES: { outcome: Outcome; label: MessageKey; icon: React.ReactNode; color: string }[] = [
  { outcome: 'conforming', label: 'record.outcome.conforming', icon: <CheckOutlined />, color: '#389e0d' },
  { outcome: 'finding', label: 'record.outcome.finding', icon: <ExclamationOutlined />, color: '#cf1322' },
  {
    outcome: 'not_applicable',
    label: 'record.outcome.notApplicable',
    icon: <MinusOutlined />,
    color: '#595959',
  },
];

export const Unsynced = () => {
  const t = useT();
  return (
    <Tag icon={<CloudUploadOutlined />} color="orange" data-testid="unsynced" style={{ marginInlineEnd: 0 }}>
      {t('record.unsynced')}
    </Tag>
  );
};

type FindingRowProps = {
  inspectionId: string;
  finding: FindingView;
  queued: Map<string, string>;
  recording: boolean;
  onFix: (finding: FindingView) => void;
};

const FindingRow = ({ inspectionId, finding, queued, recording, onFix }: FindingRowProps) => {
  const t = useT();
  const fixed = finding.status === 'fixed_on_spot';
  return (
    <div
      data-testid="finding"
      data-status={finding.status}
      style={{ borderTop: '1px dashed #f0f0f0', paddingTop: 8, marginTop: 8 }}
    >
      <Space wrap size={4} style={{ marginBottom: 4 }}>
        {finding.majorHiddenDanger && <Tag color="red">{t('record.finding.major')}</Tag>}
        <Tag color={fixed ? 'green' : 'gold'}>
          {fixed ? t('record.finding.fixed') : t('record.finding.open')}
        </Tag>
        {finding.measures.map((measure) => (
          <Tag key={measure.kind} color="volcano">
            {t(measure.kind === 'evacuation' ? 'record.measures.evacuation' : 'record.measures.suspension')}
          </Tag>
        ))}
        {finding.unsynced && <Unsynced />}
      </Space>
      <Typography.Paragraph style={{ marginBottom: 6 }}>{finding.description}</Typography.Paragraph>
      <Thumbs
        inspectionId={inspectionId}
        ids={[...finding.photoIds, ...finding.fixProofIds]}
        queued={queued}
      />
      {!fixed && recording && (
        <div style={{ marginTop: 8 }}>
          <Button onClick={() => onFix(finding)} data-testid="finding-fix">
            {t('record.fix.title')}
          </Button>
        </div>
      )}
    </div>
  );
};

type Props = {
  inspectionId: string;
  view: ItemView;
  recording: boolean;
  queued: Map<string, string>;
  onAnswer: (outcome: Outcome) => void;
  onFix: (finding: FindingView) => void;
};

export const ItemCard = ({ inspectionId, view, recording, queued, onAnswer, onFix }: Props) => {
  const t = useT();
  const { item, answer } = view;
  return (
    <Card
      size="small"
      data-testid="onsite-item"
      data-code={item.code}
      data-outcome={answer?.outcome ?? ''}
      style={{ marginBottom: 10 }}
      styles={{ body: { padding: 12 } }}
    >
      <Typography.Paragraph style={{ marginBottom: 8, fontSize: 15 }}>
        {item.majorHiddenDanger && (
          <Tag color="red" style={{ marginInlineEnd: 6 }}>
            {t('record.item.majorCandidate')}
          </Tag>
        )}
        {item.text}
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
        {OUTCOMES.map(({ outcome, label, icon, color }) => {
          const chosen = answer?.outcome === outcome;
          return (
            <Button
              key={outcome}
              data-testid={`outcome-${outcome}`}
              aria-pressed={chosen}
              disabled={!recording}
              icon={icon}
              onClick={() => onAnswer(outcome)}
              style={{
                height: 48,
                fontSize: 15,
                padding: 0,
                ...(chosen ? { background: color, borderColor: color, color: '#fff' } : {}),
              }}
            >
              {t(label)}
            </Button>
          );
        })}
      </div>
      {answer?.unsynced && (
        <div style={{ marginTop: 6 }}>
          <Unsynced />
        </div>
      )}
      {view.findings.map((finding) => (
        <FindingRow
          key={finding.id}
          inspectionId={inspectionId}
          finding={finding}
          queued={queued}
          recording={recording}
          onFix={onFix}
        />
      ))}
    </Card>
  );
};
