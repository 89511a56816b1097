import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import {
  useDecideListing,
  useRecommendListing,
  useRemoveListing,
  type ListingDecisionBody,
  type ListingRecommendationBody,
  type ListingRemovalBody,
} from '../credit/hooks';
import type { PenaltyCase } from './hooks';

type Listing = NonNullable<PenaltyCase['seriousDishonestyListing']>;

// 令第11号 (measure 22): once a decision matches a listing case, the officer recommends listing or not with the
// judgement 第三条 asks for ("性质恶劣、情节严重"); a head who did not recommend it decides; a listing is removed with
// a reason. The period is the catalogue's, marked for the legal reviewer while unverified.
export const ListingCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const listing = detail.seriousDishonestyListing;
  const decided = detail.decision !== null;
  if (!detail.seriousDishonesty || (!listing && !decided)) return null;
  const officer = can(user, 'penalty_case:update');
  return (
    <Card
      title={t('case.listing.title')}
      data-testid="case-listing"
      extra={listing ? <Tag data-testid="case-listing-status">{listing.statusName}</Tag> : null}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {detail.seriousDishonesty.criterion}
        <br />
        {detail.seriousDishonesty.scope}
      </Typography.Paragraph>
      {listing ? <ListingView detail={detail} listing={listing} /> : null}
      {!listing && officer ? <Recommend detail={detail} /> : null}
    </Card>
  );
};

const ListingView = ({ detail, listing }: { detail: PenaltyCase; listing: Listing }) => {
  const t = useT();
  const user = useCurrentUser();
  const head = can(user, 'penalty_decision:approve');
  const reviewer = can(user, 'penalty_case:approve');
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'recommendation',
            label: t('case.listing.recommendation'),
            children: `${listing.recommendationName}：${listing.reason}（${listing.recommendedByName}）`,
          },
          ...(listing.decidedByName
            ? [
                {
                  key: 'decision',
                  label: t('case.listing.decision'),
                  children: [listing.statusName, listing.decisionNote, listing.decidedByName]
                    .filter(Boolean)
                    .join('；'),
                },
              ]
            : []),
          ...(listing.listedOn && listing.endsOn
            ? [
                {
                  key: 'period',
                  label: t('case.listing.period'),
                  children: (
                    <span data-testid="case-listing-period">
                      {t('case.listing.periodText', {
                        from: listing.listedOn,
                        to: listing.endsOn,
                        early: listing.earlyRemovalFrom ?? '',
                      })}
                    </span>
                  ),
                },
              ]
            : []),
          ...(listing.removedOn
            ? [
                {
                  key: 'removal',
                  label: t('case.listing.removal'),
                  children: `${listing.removedOn} ${listing.removalReason ?? ''}（${listing.removedByName ?? ''}）`,
                },
              ]
            : []),
        ]}
      />
      {reviewer && !listing.periodVerified ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('case.listing.unverified')}
          description={listing.periodSource}
        />
      ) : null}
      {listing.status === 'recommended' && head ? <Decide detail={detail} listing={listing} /> : null}
      {listing.status === 'listed' && head ? <Remove detail={detail} /> : null}
    </>
  );
};

const Recommend = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const { message } = App.useApp();
  const recommend = useRecommendListing();
  const [form] = Form.useForm<ListingRecommendationBody>();
  const submit = async () => {
    const body = await form.validateFields();
    try {
      await recommend.mutateAsync({ id: detail.id, body });
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ recommendation: 'list' }}>
      <Form.Item name="recommendation" label={t('case.listing.recommendation')}>
        <Radio.Group
          options={[
            { value: 'list', label: t('case.listing.recommend.list') },
            { value: 'not_list', label: t('case.listing.recommend.not_list') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('case.listing.reason')}
        rules={[{ required: true, whitespace: true, min: 4, message: t('case.listing.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="case-listing-reason" />
      </Form.Item>
      <Button
        type="primary"
        onClick={submit}
        loading={recommend.isPending}
        data-testid="case-listing-recommend"
      >
        {t('case.listing.submit')}
      </Button>
    </Form>
  );
};

const Decide = ({ detail, listing }: { detail: PenaltyCase; listing: Listing }) => {
  const t = useT();
  const { message } = App.useApp();
  const decide = useDecideListing();
  const [form] = Form.useForm<ListingDecisionBody>();
  const submit = async () => {
    const body = await form.validateFields();
    try {
      await decide.mutateAsync({ id: detail.id, body: { list: body.list, note: body.note ?? '' } });
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720, marginTop: 12 }}
      initialValues={{ list: listing.recommendation === 'list' }}
    >
      <Form.Item name="list" label={t('case.listing.decision')}>
        <Radio.Group
          options={[
            { value: true, label: t('case.listing.decide.list') },
            { value: false, label: t('case.listing.decide.not_list') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('case.listing.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-listing-note" />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={decide.isPending} data-testid="case-listing-decide">
        {t('case.listing.decideSubmit')}
      </Button>
    </Form>
  );
};

const Remove = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const { message } = App.useApp();
  const remove = useRemoveListing();
  const [form] = Form.useForm<ListingRemovalBody>();
  const submit = async () => {
    const body = await form.validateFields();
    try {
      await remove.mutateAsync({ id: detail.id, body });
      form.resetFields();
    } catch (error) {
      message.error(errorTitle(error, t));
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720, marginTop: 12 }}>
      <Form.Item
        name="reason"
        label={t('case.listing.removalReason')}
        rules={[
          { required: true, whitespace: true, min: 4, message: t('case.listing.removalReasonRequired') },
        ]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-listing-removal-reason" />
      </Form.Item>
      <Space>
        <Button danger onClick={submit} loading={remove.isPending} data-testid="case-listing-remove">
          {t('case.listing.remove')}
        </Button>
      </Space>
    </Form>
  );
};
