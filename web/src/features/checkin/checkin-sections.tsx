import { useState } from 'react';
import { Alert, Avatar, Button, Card, Flex, Form, Input, List, Rate, Result, Tag, Typography } from 'antd';
import { EnvironmentOutlined, LockOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { RefusalAlert } from '../inspection-detail/refusal-alert';
import { currentLocation, useArrive, useRate } from './hooks';

export type OfficerLine = {
  name: string;
  certificate: string;
  validToday: boolean | null;
  issuingAuthority?: string | null;
  // measure 6: the department the officer comes from; partner: a partner department of a joint inspection
  organisationName?: string | null;
  partner?: boolean;
};

// No photos are stored yet: the avatar shows the name's last two characters, as Chinese staff cards often do.
const initials = (name: string): string => (name.length > 2 ? name.slice(-2) : name);

export const OfficerList = ({ officers }: { officers: OfficerLine[] }) => {
  const t = useT();
  return (
    <Card size="small" title={t('checkin.officers')} style={{ marginBottom: 12 }}>
      <List
        dataSource={officers}
        renderItem={(officer) => (
          <List.Item
            data-testid="checkin-officer"
            data-certificate={officer.certificate}
            data-partner={officer.partner ? 'true' : 'false'}
          >
            <Flex gap={12} align="center" style={{ width: '100%' }}>
              <Avatar size={48} style={{ background: '#0b2d5b', flex: 'none' }}>
                {initials(officer.name)}
              </Avatar>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {officer.name}
                </Typography.Text>
                {officer.partner && (
                  <Tag color="purple" style={{ marginInlineStart: 8 }} data-testid="checkin-officer-partner">
                    {t('checkin.partner')}
                  </Tag>
                )}
                {officer.organisationName && (
                  <div data-testid="checkin-officer-department">
                    <Typography.Text style={{ fontSize: 13 }}>
                      {t('checkin.department', { name: officer.organisationName })}
                    </Typography.Text>
                  </div>
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('onsite.certificateNo', { number: officer.certificate })}
                  </Typography.Text>
                </div>
                {officer.issuingAuthority && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('checkin.issuedBy', { authority: officer.issuingAuthority })}
                  </Typography.Text>
                )}
              </div>
              {officer.validToday === true && <Tag color="success">{t('checkin.certificateValid')}</Tag>}
              {officer.validToday === false && <Tag color="error">{t('checkin.certificateInvalid')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};

export const MatterList = ({ matters }: { matters: { code: string; name: string; basis?: string }[] }) => {
  const t = useT();
  return (
    <Card size="small" title={t('checkin.matters')} style={{ marginBottom: 12 }}>
      <List
        dataSource={matters}
        renderItem={(matter) => (
          <List.Item data-testid="checkin-matter">
            <div>
              <Typography.Text strong>{matter.name}</Typography.Text>
              {matter.basis && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('checkin.basis', { basis: matter.basis })}
                  </Typography.Text>
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
};

// Arrival is the enterprise's deliberate act with the officers at the door, not a side effect of opening the
// link: a code forwarded or opened early must not record a visit. The guards run again on the server; a failing
// one is shown as 本次检查不符合规定 with its measure, and the enterprise may refuse the inspection. Only the
// inspected enterprise's own account registers it: anyone else holding the code (the officers too) is asked
// to let the enterprise log in.
export const ArrivalCard = ({
  token,
  checkedInAt,
  ownEnterprise,
}: {
  token: string;
  checkedInAt: string | null;
  ownEnterprise: boolean;
}) => {
  const t = useT();
  const arrive = useArrive(token);
  const [locating, setLocating] = useState(false);
  if (checkedInAt) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('checkin.arrived', { at: formatDateTime(checkedInAt) })}
        data-testid="checkin-arrived"
      />
    );
  }
  if (!ownEnterprise) {
    return (
      <Card size="small" style={{ marginBottom: 12 }} data-testid="checkin-login-needed">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('checkin.loginNeeded')}
        </Typography.Paragraph>
        <Button
          type="primary"
          size="large"
          block
          href={`/login?from=${encodeURIComponent(`/public/checkin/${token}`)}`}
          data-testid="checkin-login"
        >
          {t('checkin.login')}
        </Button>
      </Card>
    );
  }
  const register = async () => {
    setLocating(true);
    const location = await currentLocation();
    setLocating(false);
    arrive.mutate({ location });
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="checkin-arrival">
      {arrive.error && (
        <RefusalAlert
          error={arrive.error}
          title={t('checkin.refused')}
          testId="checkin-refused"
          style={{ marginBottom: 12 }}
        />
      )}
      {arrive.error !== null && (
        <Typography.Paragraph type="secondary">{t('checkin.mayRefuse')}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('checkin.arriveHint')}
      </Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        block
        icon={<EnvironmentOutlined />}
        loading={locating || arrive.isPending}
        onClick={() => void register()}
        data-testid="checkin-arrive"
      >
        {t('checkin.arrive')}
      </Button>
    </Card>
  );
};

// After the visit (documents issued): one anonymous rating by the enterprise's own account; the officers and their unit see only statistics.
export const RatingCard = ({ token, rated }: { token: string; rated: boolean }) => {
  const t = useT();
  const rate = useRate(token);
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  if (rated || rate.isSuccess) {
    return (
      <Result
        status="success"
        title={t('checkin.rating.thanks')}
        data-testid="checkin-rated"
        style={{ padding: 16 }}
      />
    );
  }
  return (
    <Card
      size="small"
      title={t('checkin.rating.title')}
      style={{ marginBottom: 12 }}
      data-testid="checkin-rating"
    >
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        title={t('checkin.rating.anonymous')}
        style={{ marginBottom: 12 }}
      />
      {rate.error && (
        <RefusalAlert error={rate.error} style={{ marginBottom: 12 }} testId="checkin-rating-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ score, comment }) =>
          rate.mutate({ score, ...(comment?.trim() ? { comment: comment.trim() } : {}) })
        }
      >
        <Form.Item
          name="score"
          label={t('checkin.rating.score')}
          rules={[{ required: true, message: t('checkin.rating.scoreRequired') }]}
        >
          <Rate style={{ fontSize: 32 }} data-testid="checkin-rating-score" />
        </Form.Item>
        <Form.Item name="comment" label={t('checkin.rating.comment')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="checkin-rating-comment" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={rate.isPending}
          data-testid="checkin-rating-submit"
        >
          {t('checkin.rating.submit')}
        </Button>
      </Form>
    </Card>
  );
};
