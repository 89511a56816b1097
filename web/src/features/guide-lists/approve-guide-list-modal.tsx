import { App, Form, Input, Modal, Typography } from 'antd';
import type { GuideList } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useApproveGuideList } from './hooks';

export const ApproveModal = ({
  list,
  open,
  onClose,
}: {
  list: GuideList;
  open: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const approve = useApproveGuideList(list.id);
  return (
    <Modal
      title={t('guideList.approveTitle', { year: list.year })}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('guideList.approve')}
      okButtonProps={{ 'data-testid': 'guide-list-approve-confirm' }}
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('guideList.approveText', { count: list.entries.filter((entry) => !entry.removed).length })}
      </Typography.Paragraph>
      {approve.isError && <ErrorAlert error={approve.error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ comment }) =>
          approve.mutate((comment ?? '').trim(), {
            onSuccess: () => {
              void message.success(t('guideList.approved'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="comment" label={t('guideList.approveComment')} rules={[{ max: 500 }]}>
          <Input.TextArea data-testid="guide-list-approve-comment" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
