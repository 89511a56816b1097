import {
  App,
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Rate,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { formatDate } from '../../app/format';
import { serverNow } from '../../app/server-clock';
import { DispatchStateTag } from './dispatch-list-page';
import { useConfirmFixed, useDispatch, useRateVisit, useRecordVisit, type Dispatch } from './hooks';

// measure 23: one expert dispatch. The dispatched expert records the visit on a phone (one card per hidden danger,
// as the on-site record's findings); the enterprise rates it; measure 14's mark is shown with its basis.
export const DispatchPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const { data, error } = useDispatch(id);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Card loading />;
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader
        title={data.enterpriseName}
        subtitle={data.enterpriseAddress}
        crumbs={[
          { title: t('experts.dispatches.title'), to: '/expert-dispatches' },
          { title: data.enterpriseName },
        ]}
        extra={<DispatchStateTag dispatch={data} />}
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('experts.field.origin')}>{data.originName}</Descriptions.Item>
            {data.findingDescription && (
              <Descriptions.Item label={t('experts.field.finding')}>
                {data.findingDescription}
              </Descriptions.Item>
            )}
            {data.request && (
              <Descriptions.Item label={t('experts.field.request')}>{data.request}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('experts.field.expert')}>{data.expertName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('experts.field.plannedOn')}>
              {formatDate(data.plannedOn)}
            </Descriptions.Item>
            {data.dispatchedByName && (
              <Descriptions.Item label={t('experts.field.dispatchedBy')}>
                {data.dispatchedByName}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {data.mayRecordVisit ? (
          <VisitForm dispatch={data} />
        ) : data.visitedOn ? (
          <VisitRecord dispatch={data} />
        ) : null}
        {data.mayRate && <RatingForm dispatch={data} />}
        {data.rating !== null && (
          <Card size="small" title={t('experts.rating.title')} data-testid="rating-card">
            <Rate disabled value={data.rating} />
            {data.ratingComment && (
              <Typography.Paragraph style={{ marginTop: 8 }}>{data.ratingComment}</Typography.Paragraph>
            )}
          </Card>
        )}
      </Flex>
    </div>
  );
};

const VisitRecord = ({ dispatch }: { dispatch: Dispatch }) => {
  const t = useT();
  const { message } = App.useApp();
  const confirm = useConfirmFixed(dispatch.id);
  const [fixedOn, setFixedOn] = useState<Dayjs>(dayjs(serverNow()));
  return (
    <Card
      size="small"
      title={t('experts.visit.recordTitle', { date: formatDate(dispatch.visitedOn) })}
      data-testid="visit-record"
    >
      <Typography.Paragraph>{dispatch.visitNote}</Typography.Paragraph>
      <Typography.Text strong>{t('experts.field.advice')}</Typography.Text>
      <Typography.Paragraph>{dispatch.advice}</Typography.Paragraph>
      {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
      <List
        header={<Typography.Text strong>{t('experts.visit.hazards')}</Typography.Text>}
        dataSource={dispatch.hazards}
        locale={{ emptyText: t('experts.visit.noHazards') }}
        renderItem={(hazard) => (
          <List.Item data-testid="hazard">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} wrap>
                {hazard.major && <Tag color="red">{t('experts.visit.major')}</Tag>}
                <span>{hazard.description}</span>
              </Flex>
              <Typography.Text type="secondary">
                {t('experts.visit.due', { due: formatDate(hazard.dueOn), fixed: formatDate(hazard.fixedOn) })}
              </Typography.Text>
              {hazard.noPenaltyMark && (
                <Alert
                  type="success"
                  showIcon
                  data-testid="no-penalty-mark"
                  message={t('experts.mark.title')}
                  description={hazard.noPenaltyBasis}
                />
              )}
              {dispatch.mayConfirmFix && !hazard.fixedOn && (
                <Flex gap={8} wrap>
                  <DatePicker value={fixedOn} onChange={(d) => d && setFixedOn(d)} />
                  <Button
                    data-testid="confirm-fixed"
                    loading={confirm.isPending}
                    onClick={() =>
                      confirm.mutate(
                        { hazardId: hazard.id, fixedOn: fixedOn.format('YYYY-MM-DD') },
                        { onSuccess: () => void message.success(t('experts.visit.fixedDone')) },
                      )
                    }
                  >
                    {t('experts.visit.confirmFixed')}
                  </Button>
                </Flex>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};

type VisitValues = {
  visitedOn: Dayjs;
  visitNote: string;
  advice: string;
  hazards?: { description: string; major?: boolean; dueOn?: Dayjs }[];
};

const VisitForm = ({ dispatch }: { dispatch: Dispatch }) => {
  const t = useT();
  const { message } = App.useApp();
  const record = useRecordVisit(dispatch.id);
  const [form] = Form.useForm<VisitValues>();
  return (
    <Card size="small" title={t('experts.visit.title')} data-testid="visit-form">
      {record.error ? <ErrorAlert error={record.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: dayjs(serverNow()), hazards: [] }}
        onFinish={(values) =>
          record.mutate(
            {
              visitedOn: values.visitedOn.format('YYYY-MM-DD'),
              visitNote: values.visitNote,
              advice: values.advice,
              hazards: (values.hazards ?? []).map((h) => ({
                description: h.description,
                major: h.major ?? false,
                dueOn: h.dueOn ? h.dueOn.format('YYYY-MM-DD') : null,
              })),
            },
            { onSuccess: () => void message.success(t('experts.visit.saved')) },
          )
        }
      >
        <Form.Item name="visitedOn" label={t('experts.field.visitedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="visitNote"
          label={t('experts.field.visitNote')}
          rules={[{ required: true, message: t('experts.visit.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-note" />
        </Form.Item>
        <Form.Item
          name="advice"
          label={t('experts.field.advice')}
          rules={[{ required: true, message: t('experts.visit.adviceRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-advice" />
        </Form.Item>
        <Form.List name="hazards">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  data-testid="hazard-card"
                  extra={
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('experts.visit.removeHazard')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('experts.visit.hazardDescription')}
                    rules={[{ required: true, message: t('experts.visit.hazardRequired') }]}
                  >
                    <Input.TextArea rows={2} maxLength={1000} data-testid="hazard-description" />
                  </Form.Item>
                  <Flex gap={16} wrap align="center">
                    <Form.Item
                      name={[field.name, 'major']}
                      label={t('experts.visit.major')}
                      valuePropName="checked"
                      style={{ marginBottom: 0 }}
                    >
                      <Switch data-testid="hazard-major" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'dueOn']}
                      label={t('experts.visit.dueOn')}
                      style={{ marginBottom: 0 }}
                    >
                      <DatePicker data-testid="hazard-due" />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ major: false })}
                data-testid="add-hazard"
                block
              >
                {t('experts.visit.addHazard')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          style={{ marginTop: 16 }}
          loading={record.isPending}
          data-testid="save-visit"
        >
          {t('experts.visit.save')}
        </Button>
      </Form>
    </Card>
  );
};

const RatingForm = ({ dispatch }: { dispatch: Dispatch }) => {
  const t = useT();
  const { message } = App.useApp();
  const rate = useRateVisit();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <Card size="small" title={t('experts.rating.ask')} data-testid="rating-form">
      {rate.error ? <ErrorAlert error={rate.error} /> : null}
      <Flex vertical gap={8}>
        <Rate value={rating} onChange={setRating} data-testid="rating-stars" />
        <Input.TextArea
          rows={2}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('experts.rating.comment')}
          data-testid="rating-comment"
        />
        <Button
          type="primary"
          disabled={rating === 0}
          loading={rate.isPending}
          data-testid="submit-rating"
          onClick={() =>
            rate.mutate(
              { id: dispatch.id, rating, comment },
              { onSuccess: () => void message.success(t('experts.rating.done')) },
            )
          }
        >
          {t('experts.rating.submit')}
        </Button>
      </Flex>
    </Card>
  );
};
