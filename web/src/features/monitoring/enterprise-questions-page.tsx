import { useState } from 'react';
import { App, Button, Card, Empty, Input, Space, Typography } from 'antd';
import { errorTitle, ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useAnswerQuestion, useIncidentQuestions, type IncidentQuestion } from './hooks';

// The enterprise's side of a remote check: the officer's question about an alarm, answered online, so that a
// visit is not needed where the answer suffices (measure 7).
const QuestionCard = ({ question }: { question: IncidentQuestion }) => {
  const t = useT();
  const { message } = App.useApp();
  const [answer, setAnswer] = useState('');
  const answerMutation = useAnswerQuestion();
  const submit = async () => {
    try {
      await answerMutation.mutateAsync({ id: question.id, answer: answer.trim() });
      message.success(t('monitoring.answerSent'));
    } catch (failure) {
      message.error(errorTitle(failure, t));
    }
  };
  return (
    <Card title={`${question.pointName}（${question.kindName}）`} data-testid="question-card">
      <Typography.Paragraph>{question.summary}</Typography.Paragraph>
      <Typography.Paragraph strong>
        {t('monitoring.question')}：{question.question}
      </Typography.Paragraph>
      {question.waiting ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('monitoring.answer')}
            data-testid="question-answer"
            rows={4}
            maxLength={2000}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
          <Button
            type="primary"
            disabled={answer.trim().length < 2}
            loading={answerMutation.isPending}
            onClick={() => void submit()}
          >
            {t('monitoring.sendAnswer')}
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph>
          {t('monitoring.answer')}：{question.answer}（{formatDateTime(question.answeredAt)}）
        </Typography.Paragraph>
      )}
    </Card>
  );
};

export const EnterpriseQuestionsPage = () => {
  const t = useT();
  const { data, error } = useIncidentQuestions();
  return (
    <>
      <PageHeader title={t('monitoring.questions.title')} subtitle={t('monitoring.questions.subtitle')} />
      {error ? <ErrorAlert error={error} /> : null}
      {data && data.items.length === 0 ? <Empty description={t('monitoring.questions.none')} /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {(data?.items ?? []).map((question) => (
          <QuestionCard key={question.id} question={question} />
        ))}
      </Space>
    </>
  );
};
