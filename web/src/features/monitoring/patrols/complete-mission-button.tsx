import { App, Button, Popconfirm } from 'antd';
import { errorTitle } from '../../../app/components/error-alert';
import { useT } from '../../../app/i18n/i18n-context';
import { useCompleteMission } from './hooks';

export const CompleteMissionButton = ({ missionId }: { missionId: string }) => {
  const t = useT();
  const { message } = App.useApp();
  const complete = useCompleteMission(missionId);
  return (
    <Popconfirm
      title={t('drone.complete.confirm')}
      onConfirm={async () => {
        try {
          await complete.mutateAsync();
          message.success(t('drone.complete.done'));
        } catch (failure) {
          message.error(errorTitle(failure, t));
        }
      }}
    >
      <Button loading={complete.isPending}>{t('drone.complete.button')}</Button>
    </Popconfirm>
  );
};
