import { App, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../app/auth/access';
import { errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { useDecideRepair } from '../credit/hooks';
import type { PenaltyCase } from './hooks';

type Application = NonNullable<PenaltyCase['publication']>['applications'][number];

// Measure 22: the served decision as the public sees it, and the enterprise's applications for credit repair,
// decided by the legal reviewer of the bureau (谁认定、谁修复).
export const PublicationCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const publication = detail.publication;
  if (!publication) return null;
  return (
    <Card
      title={t('case.publication.title')}
      data-testid="case-publication"
      extra={<Tag data-testid="case-publication-state">{publication.stateName}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'number', label: t('case.publication.number'), children: publication.documentNumber },
          { key: 'publishedOn', label: t('credit.publishedOn'), children: publication.publishedOn },
          { key: 'class', label: t('credit.class'), children: publication.creditClassName },
          { key: 'max', label: t('credit.maxUntil'), children: publication.publicUntil },
          { key: 'facts', label: t('publicPenalty.facts'), children: publication.facts, span: 2 },
          { key: 'decision', label: t('publicPenalty.decision'), children: publication.decision, span: 2 },
        ]}
      />
      {publication.applications.map((application) => (
        <ApplicationItem key={application.id} application={application} />
      ))}
    </Card>
  );
};

const ApplicationItem = ({ application }: { application: Application }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const decide = useDecideRepair();
  const [note, setNote] = useState('');
  const run = async (approve: boolean) => {
    try {
      await decide.mutateAsync({ id: application.id, body: { approve, ...(note.trim() ? { note } : {}) } });
      message.success(approve ? t('case.publication.approved') : t('case.publication.rejected'));
    } catch (e) {
      message.error(errorTitle(e, t));
    }
  };
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="case-repair-application">
      <Typography.Paragraph>
        <Typography.Text strong>{t('case.publication.application')}</Typography.Text>（
        {application.appliedByName}，{formatDateTime(application.appliedAt)}）：
        <Tag style={{ marginInlineStart: 8 }}>{application.statusName}</Tag>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('credit.fulfilment')}：{application.fulfilment}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('credit.pledge')}：{application.pledge}
      </Typography.Paragraph>
      {application.status === 'pending' ? (
        can(user, 'penalty_case:approve') ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('credit.dueOn')}：{application.dueOn}
            </Typography.Text>
            <Input.TextArea
              rows={2}
              maxLength={2000}
              placeholder={t('case.publication.notePlaceholder')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="case-repair-note"
            />
            <Space>
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => void run(true)}
                data-testid="case-repair-approve"
              >
                {t('case.publication.approve')}
              </Button>
              <Button danger loading={decide.isPending} onClick={() => void run(false)}>
                {t('case.publication.reject')}
              </Button>
            </Space>
          </Space>
        ) : (
          <Typography.Text type="secondary">
            {t('credit.dueOn')}：{application.dueOn}
          </Typography.Text>
        )
      ) : (
        <Typography.Paragraph type="secondary">
          {application.decidedByName}，{application.decidedAt ? formatDateTime(application.decidedAt) : ''}
          {application.decisionNote ? `：${application.decisionNote}` : ''}
        </Typography.Paragraph>
      )}
    </Card>
  );
};
