import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Problem } from '../../api/problem';
import { useT } from '../../app/i18n/i18n-context';
import { chineseNumber } from './inspection-tags';

type OverCapAlertProps = { problem: Problem; warning?: boolean; onAddTrigger?: () => void };

// measure 5: an inspection beyond a verified annual cap is refused unless it follows up a targeted trigger;
// beyond a cap still unverified it is only a warning asking for a written reason (issue 11 item 4). Either
// names the measure and its basis, and offers to record the trigger.
export const OverCapAlert = ({ problem, warning = false, onAddTrigger }: OverCapAlertProps) => {
  const t = useT();
  const measure =
    typeof problem.measure === 'number' ? chineseNumber(problem.measure) : (problem.measure ?? '五');
  return (
    <Alert
      type={warning ? 'warning' : 'error'}
      showIcon
      data-testid={warning ? 'over-cap-warning' : 'over-cap-refusal'}
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>
            {t(warning ? 'inspection.overCap.warningTitle' : 'inspection.overCap.title')}
          </Typography.Text>
          <Tag color="red" data-testid="over-cap-measure">
            {t('inspection.overCap.measure', { measure })}
          </Tag>
        </Flex>
      }
      description={
        <Flex vertical gap={6}>
          <Typography.Text data-testid="over-cap-message">{problem.title}</Typography.Text>
          {problem.basis && (
            <Typography.Paragraph
              type="secondary"
              data-testid="over-cap-basis"
              style={{ fontSize: 12, marginBottom: 0 }}
              ellipsis={{
                rows: 3,
                expandable: 'collapsible',
                symbol: (expanded) => (expanded ? t('inspection.collapse') : t('inspection.expand')),
              }}
            >
              {t('error.basis', { basis: problem.basis })}
            </Typography.Paragraph>
          )}
          {onAddTrigger && (
            <div>
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={onAddTrigger}
                data-testid="over-cap-add-trigger"
              >
                {t('inspection.overCap.addTrigger')}
              </Button>
            </div>
          )}
        </Flex>
      }
    />
  );
};
