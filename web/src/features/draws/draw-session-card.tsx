import { App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { DrawDetail } from '../../api/types';
import { ErrorAlert } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import {
  WITNESS_ROLES,
  WITNESS_ROLE_CODES,
  publishedWitness,
  type WitnessRole,
} from '@inspecta/domain/sampling';
import { usePerformDraw } from './hooks';

// Each witness with a role: officials are published by role and name, others by role only (issue 11 item 11).
type SessionForm = { publicEntropy: string; witnesses: { name: string; role: WitnessRole }[] };
const roleOptions = WITNESS_ROLE_CODES.map((code) => ({ value: code, label: WITNESS_ROLES[code].name }));

// The draw session (measure 5, items 4–7): the public entropy is entered in front of two or more witnesses and
// the selection is computed once. There is no second session: the server refuses a redraw.
export const DrawSessionCard = ({ draw }: { draw: DrawDetail }) => {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<SessionForm>();
  const perform = usePerformDraw(draw.id);

  const confirm = (values: SessionForm) => {
    const body = {
      publicEntropy: values.publicEntropy.trim(),
      witnesses: values.witnesses.map(({ name, role }) => ({ name: name.trim(), role })),
    };
    modal.confirm({
      title: t('draw.session.confirmTitle'),
      width: 560,
      content: (
        <div data-testid="draw-perform-modal">
          <Typography.Paragraph strong type="danger">
            {t('draw.session.onceOnly')}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('draw.field.publicEntropy')}>
              <Typography.Text code>{body.publicEntropy}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('draw.field.witnesses')}>
              {body.witnesses
                .map((witness) => `${WITNESS_ROLES[witness.role].name} ${witness.name}`)
                .join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('draw.session.witnessesPublished')}>
              <span data-testid="draw-witnesses-published">
                {body.witnesses.map(publishedWitness).join('、')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('draw.field.pools')}>
              {t('draw.poolCounts', {
                enterprises: draw.enterpriseCount,
                sample: draw.sampleSize,
                inspectors: draw.inspectorCount,
              })}
            </Descriptions.Item>
          </Descriptions>
        </div>
      ),
      okText: t('draw.session.confirmOk'),
      okButtonProps: { 'data-testid': 'draw-perform-confirm', danger: true } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        perform.mutateAsync(body).then(
          () => void message.success(t('draw.session.done')),
          () => undefined,
        ),
    });
  };

  return (
    <Card
      title={
        <span>
          <ThunderboltOutlined /> {t('draw.session.title')}
        </span>
      }
      data-testid="draw-session"
      style={{ marginBottom: 16, borderColor: '#91caff' }}
    >
      <Typography.Paragraph type="secondary">{t('draw.session.intro')}</Typography.Paragraph>
      {perform.isError && (
        <ErrorAlert error={perform.error} style={{ marginBottom: 16 }} testId="draw-perform-error" />
      )}
      <Form<SessionForm>
        form={form}
        layout="vertical"
        onFinish={confirm}
        initialValues={{
          witnesses: [
            { name: '', role: 'supervision' },
            { name: '', role: 'social_supervisor' },
          ],
        }}
      >
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="publicEntropy"
              label={t('draw.field.publicEntropy')}
              extra={t('draw.session.entropyHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { min: 4, message: t('draw.session.entropyTooShort') },
                { max: 200 },
              ]}
            >
              <Input
                data-testid="draw-entropy"
                size="large"
                placeholder={t('draw.session.entropyPlaceholder')}
                style={{ fontFamily: 'ui-monospace, monospace' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.List
              name="witnesses"
              rules={[
                {
                  validator: async (_, witnesses: { name?: string }[] | undefined) => {
                    const filled = (witnesses ?? []).map((w) => (w?.name ?? '').trim()).filter(Boolean);
                    if (filled.length < 2) throw new Error(t('draw.session.witnessesTooFew'));
                    if (new Set(filled).size !== filled.length)
                      throw new Error(t('draw.session.witnessesDistinct'));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <Form.Item label={t('draw.field.witnesses')} extra={t('draw.session.witnessesHint')} required>
                  {fields.map((field, index) => (
                    <Row key={field.key} gutter={8} wrap={false} style={{ marginBottom: 8 }}>
                      <Col flex="none">
                        <Form.Item name={[field.name, 'role']} noStyle>
                          <Select
                            options={roleOptions}
                            style={{ width: 170 }}
                            data-testid={`draw-witness-role-${index}`}
                            aria-label={t('draw.session.witnessRole')}
                          />
                        </Form.Item>
                      </Col>
                      <Col flex="auto">
                        <Form.Item
                          name={[field.name, 'name']}
                          noStyle
                          rules={[
                            { required: true, whitespace: true, message: t('validation.required') },
                            { min: 2, message: t('draw.session.witnessTooShort') },
                            { max: 60 },
                          ]}
                        >
                          <Input
                            data-testid={`draw-witness-${index}`}
                            placeholder={t('draw.session.witnessPlaceholder', { n: index + 1 })}
                          />
                        </Form.Item>
                      </Col>
                      <Col flex="none">
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          aria-label={t('draw.session.removeWitness')}
                          disabled={fields.length <= 2}
                          onClick={() => remove(field.name)}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', role: 'witness' })}
                    disabled={fields.length >= 10}
                    data-testid="draw-witness-add"
                  >
                    {t('draw.session.addWitness')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              )}
            </Form.List>
          </Col>
        </Row>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<ThunderboltOutlined />}
          loading={perform.isPending}
          data-testid="draw-perform"
        >
          {t('draw.session.submit')}
        </Button>
      </Form>
    </Card>
  );
};
