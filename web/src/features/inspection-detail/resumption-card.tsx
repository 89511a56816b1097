import { useState } from 'react';
import { App, Button, Card, Input, List, Modal, Tag, Typography, type ButtonProps } from 'antd';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';
import { useRecordForm, useResume } from './hooks';
import type { RecordFinding } from './types';

// 安全生产法 第六十五条第一款第（三）项: "重大事故隐患排除后，经审查同意，方可恢复生产经营和使用". The emergency measures
// still in force, each finding with a button for the unit head or bureau head who records the review (the server
// refuses while the danger is not yet eliminated, and says why).
export const ResumptionCard = ({
  inspectionId,
  mayApprove,
}: {
  inspectionId: string;
  mayApprove: boolean;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const form = useRecordForm(inspectionId, true);
  const resume = useResume(inspectionId);
  const [reviewing, setReviewing] = useState<RecordFinding | null>(null);
  const [note, setNote] = useState('');
  const findings = (form.data?.findings ?? []).filter((finding) => finding.emergencyMeasures.length > 0);
  if (findings.length === 0) return null;
  const inForce = (finding: RecordFinding) => finding.emergencyMeasures.filter((m) => !m.resumption);
  return (
    <Card title={t('resumption.title')} style={{ marginBottom: 16 }} data-testid="resumption-card">
      <Typography.Paragraph type="secondary">{t('resumption.note')}</Typography.Paragraph>
      <List
        dataSource={findings}
        renderItem={(finding) => {
          const open = inForce(finding);
          const resumed = finding.emergencyMeasures.find((m) => m.resumption)?.resumption;
          return (
            <List.Item
              data-testid="resumption-finding"
              data-state={open.length > 0 ? 'in_force' : 'resumed'}
              actions={
                open.length > 0 && mayApprove
                  ? [
                      <Button
                        key="resume"
                        size="small"
                        data-testid="resumption-open"
                        onClick={() => {
                          resume.reset();
                          setNote('');
                          setReviewing(finding);
                        }}
                      >
                        {t('resumption.action')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={finding.description}
                description={
                  <>
                    {finding.emergencyMeasures.map((measure) => (
                      <Tag key={measure.kind} color={measure.resumption ? 'default' : 'red'}>
                        {t(`record.measures.${measure.kind}` as MessageKey)}
                        {measure.decisionNumber ? ` ${measure.decisionNumber}` : ''}
                      </Tag>
                    ))}
                    {open.length === 0 && resumed && (
                      <Typography.Text type="secondary">
                        {t('resumption.done', {
                          name: resumed.approvedByName,
                          at: formatDateTime(resumed.approvedAt),
                          note: resumed.note,
                        })}
                      </Typography.Text>
                    )}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      <Modal
        open={reviewing !== null}
        title={t('resumption.action')}
        okText={t('resumption.confirm')}
        okButtonProps={{ 'data-testid': 'resumption-confirm', disabled: note.trim() === '' } as ButtonProps}
        confirmLoading={resume.isPending}
        onCancel={() => setReviewing(null)}
        onOk={() =>
          reviewing &&
          void resume
            .mutateAsync({ findingId: reviewing.id, note })
            .then(() => {
              setReviewing(null);
              void message.success(t('resumption.recorded'));
            })
            .catch(() => undefined)
        }
      >
        <Typography.Paragraph>{reviewing?.description}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={t('resumption.placeholder')}
          data-testid="resumption-note"
        />
        <ErrorAlert error={resume.error} style={{ marginTop: 12 }} testId="resumption-error" />
      </Modal>
    </Card>
  );
};
