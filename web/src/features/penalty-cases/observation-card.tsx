import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Tag } from 'antd';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useRecordObservation, type ObservationBody, type PenaltyCase } from './hooks';

// Measure 14 (观察期): after a decision without penalty, the day an officer goes back to the enterprise, and
// what he found, recorded once. "守法" only once the period has run; a re-offence whenever it is found.
export const ObservationCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const record = useRecordObservation();
  const [form] = Form.useForm<ObservationBody>();
  const observation = detail.observation;
  if (!observation) return null;
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await record.mutateAsync({ id: detail.id, body: values });
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  const open = !observation.outcome;
  return (
    <Card title={t('case.observation.title')} data-testid="case-observation">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('case.observation.followUpOn')}>
          <span data-testid="case-observation-follow-up">{observation.followUpOn}</span>
          {observation.due ? (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('case.observation.due')}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.observation.basis')}>
          {t('case.observation.basisText', { days: observation.days, basis: observation.basis })}
        </Descriptions.Item>
        {observation.outcome ? (
          <>
            <Descriptions.Item label={t('case.observation.outcome')}>
              <span data-testid="case-observation-outcome">{observation.outcomeName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('case.observation.note')}>{observation.note}</Descriptions.Item>
            <Descriptions.Item label={t('case.observation.recorded')}>
              {`${observation.recordedByName ?? ''} ${observation.recordedOn ?? ''}`}
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      {open && can(user, 'penalty_case:update') ? (
        <Form form={form} layout="vertical" style={{ marginTop: 12, maxWidth: 640 }}>
          {!observation.due ? (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('case.observation.notOver')} />
          ) : null}
          <Form.Item
            name="outcome"
            label={t('case.observation.outcome')}
            rules={[{ required: true, message: t('case.observation.outcomeRequired') }]}
          >
            <Radio.Group
              data-testid="case-observation-choice"
              options={[
                { value: 'kept', label: t('case.observation.kept'), disabled: !observation.due },
                { value: 'reoffended', label: t('case.observation.reoffended') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('case.observation.note')}
            rules={[{ required: true, whitespace: true, message: t('case.observation.noteRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} data-testid="case-observation-note" />
          </Form.Item>
          <Button
            type="primary"
            onClick={submit}
            loading={record.isPending}
            data-testid="case-observation-record"
          >
            {t('case.observation.record')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
};
