import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/problem';
import { useT } from '../../app/i18n/i18n-context';
import { useClose, useConclude } from './hooks';

// The last two steps of the lifecycle (measure 13): documents issued, then closed once every order is settled.
export const ConclusionCard = ({
  inspectionId,
  stage,
  mayAct,
}: {
  inspectionId: string;
  stage: string;
  mayAct: boolean;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const conclude = useConclude(inspectionId);
  const close = useClose(inspectionId);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['inspection-documents'] }),
      queryClient.invalidateQueries({ queryKey: ['rectification-orders'] }),
    ]);
  const failed = conclude.error ?? close.error;
  const error = isApiError(failed) ? failed.problem : null;
  if (!['findings_recorded', 'concluded', 'closed'].includes(stage)) return null;
  return (
    <Card title={t('conclusion.title')} style={{ marginBottom: 16 }} data-testid="conclusion-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(
            `conclusion.hint.${stage === 'findings_recorded' ? 'conclude' : stage === 'concluded' ? 'close' : 'closed'}`,
          )}
        </Typography.Text>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error.title}
            description={
              error.measure
                ? `${t('conclusion.measure', { measure: error.measure })} ${error.basis ?? ''}`
                : error.detail
            }
          />
        )}
        {mayAct && stage === 'findings_recorded' && (
          <Button
            type="primary"
            loading={conclude.isPending}
            data-testid="conclude-button"
            onClick={() =>
              conclude.mutate(undefined, {
                onSuccess: () => {
                  void refresh();
                  void message.success(t('conclusion.concluded'));
                },
              })
            }
          >
            {t('conclusion.conclude')}
          </Button>
        )}
        {mayAct && stage === 'concluded' && (
          <Button
            type="primary"
            loading={close.isPending}
            data-testid="close-button"
            onClick={() =>
              close.mutate(undefined, {
                onSuccess: () => {
                  void refresh();
                  void message.success(t('conclusion.closed'));
                },
              })
            }
          >
            {t('conclusion.close')}
          </Button>
        )}
      </Space>
    </Card>
  );
};
