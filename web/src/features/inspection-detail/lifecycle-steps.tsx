import { Alert, Card, Steps } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import type { MessageKey } from '../../app/i18n/zh';

// The main path from plan to close (domain lifecycle.ts); side stages are shown beside it.
const MAIN_PATH = [
  'planned',
  'plan_drafted',
  'plan_submitted',
  'plan_approved',
  'notified',
  'checked_in',
  'findings_recorded',
  'concluded',
  'closed',
] as const;
type MainStage = (typeof MAIN_PATH)[number];

const SIDE_STAGES: Record<string, { at: number; status: 'process' | 'finish' | 'error' }> = {
  remote_check: { at: 0, status: 'process' },
  closed_without_visit: { at: 0, status: 'finish' },
  cancelled: { at: 0, status: 'error' },
  merged: { at: 0, status: 'error' },
  // the result recorded without the on-site steps (another department's visit, a draw's result)
  completed: { at: MAIN_PATH.length - 1, status: 'finish' },
};

type LifecycleStepsProps = { stage: string; stageName: string; rejected: boolean };

export const LifecycleSteps = ({ stage, stageName, rejected }: LifecycleStepsProps) => {
  const t = useT();
  const index = (MAIN_PATH as readonly string[]).indexOf(stage);
  const side = SIDE_STAGES[stage];
  // issue 13 item 6: the stage reached is the step highlighted (after submission 方案待审批, not 方案已批准)
  const current = index >= 0 ? index : (side?.at ?? 0);
  const status = side?.status ?? (stage === 'closed' ? 'finish' : rejected ? 'error' : 'process');
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="onsite-steps" data-stage={stage}>
      {side && (
        <Alert
          type={side.status === 'error' ? 'warning' : 'info'}
          showIcon
          title={stageName}
          style={{ marginBottom: 12 }}
        />
      )}
      <Steps
        size="small"
        current={current}
        status={status}
        responsive
        items={MAIN_PATH.map((step: MainStage, position) => ({
          title: t(`onsite.stage.${step}` as MessageKey),
          content:
            position === current && rejected && stage === 'plan_drafted'
              ? t('onsite.stage.rejected')
              : undefined,
        }))}
      />
    </Card>
  );
};
