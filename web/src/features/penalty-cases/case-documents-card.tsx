import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { can } from '../../app/auth/access';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import {
  downloadCaseDocument,
  useCaseDocuments,
  useIssueCaseDocument,
  type CaseDocument,
  type CaseDocumentBody,
  type CaseDocumentOption,
  type PenaltyCase,
} from './hooks';

type Statement = NonNullable<CaseDocumentBody['statement']>;

// Issue 15 item 11: the case's numbered documents, and the ones its steps so far allow. An officer issues one
// (a document that exists once is given back, not numbered again); everyone who reads the case downloads them.
export const CaseDocumentsCard = ({ detail }: { detail: PenaltyCase }) => {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const officer = can(user, 'penalty_case:update');
  const { data, error, isLoading } = useCaseDocuments(detail.id, detail.status);
  const issue = useIssueCaseDocument();
  const [statementFor, setStatementFor] = useState<CaseDocumentOption | null>(null);
  const run = async (option: CaseDocumentOption, statement?: Statement) => {
    try {
      const { document } = await issue.mutateAsync({
        id: detail.id,
        body: {
          type: option.type,
          ...(option.subjectId ? { subjectId: option.subjectId } : {}),
          ...(statement ? { statement } : {}),
        },
      });
      message.success(t('case.doc.issued', { number: document.number }));
      return true;
    } catch (e) {
      message.error(errorTitle(e, t));
      return false;
    }
  };
  const download = (doc: CaseDocument) => () =>
    void downloadCaseDocument(doc).catch((e: unknown) => message.error(errorTitle(e, t)));
  const open = (data?.available ?? []).filter((option) => option.repeatable || !option.issuedId);
  return (
    <Card title={t('case.doc.title')} data-testid="case-documents">
      {error ? <ErrorAlert error={error} /> : null}
      <Table<CaseDocument>
        rowKey="id"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('doc.empty') }}
        columns={[
          { title: t('doc.type'), dataIndex: 'title' },
          {
            title: t('doc.number'),
            dataIndex: 'number',
            render: (number: string) => <span data-testid="case-document-number">{number}</span>,
          },
          {
            title: t('doc.issuedAt'),
            dataIndex: 'issuedAt',
            responsive: ['md'],
            render: (value: string) => formatDateTime(value),
          },
          { title: t('doc.issuedBy'), dataIndex: 'issuedByName', responsive: ['md'] },
          {
            title: '',
            key: 'download',
            render: (_: unknown, doc) => (
              <Button
                size="small"
                data-testid="case-document-download"
                icon={<DownloadOutlined />}
                onClick={download(doc)}
              >
                {t('doc.download')}
              </Button>
            ),
          },
        ]}
      />
      {officer && open.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('case.doc.available')}</Typography.Text>
          <Space wrap style={{ marginTop: 8, display: 'flex' }}>
            {open.map((option) => (
              <Button
                key={`${option.type}:${option.subjectId ?? ''}`}
                icon={<FileAddOutlined />}
                loading={issue.isPending}
                data-testid={`case-document-issue-${option.type}`}
                onClick={() =>
                  option.type === 'defence_record' ? setStatementFor(option) : void run(option)
                }
              >
                {option.typeName}
                {option.subjectLabel ? `（${option.subjectLabel}）` : ''}
              </Button>
            ))}
          </Space>
        </div>
      ) : null}
      {can(user, 'penalty_case:approve') && data && !data.numberCodesVerified ? (
        <Typography.Paragraph type="warning" style={{ marginTop: 12, fontSize: 13 }}>
          {t('case.doc.codesUnverified')}
        </Typography.Paragraph>
      ) : null}
      <StatementModal
        option={statementFor}
        onClose={() => setStatementFor(null)}
        onSubmit={async (statement) => {
          if (statementFor && (await run(statementFor, statement))) setStatementFor(null);
        }}
      />
    </Card>
  );
};

// 陈述申辩笔录: who stated, what they said, and the bureau's answer to it (行政处罚法 第四十五条: 复核)
const StatementModal = ({
  option,
  onClose,
  onSubmit,
}: {
  option: CaseDocumentOption | null;
  onClose: () => void;
  onSubmit: (statement: Statement) => Promise<void>;
}) => {
  const t = useT();
  const [form] = Form.useForm<Statement>();
  return (
    <Modal
      open={option !== null}
      title={t('case.doc.statementTitle')}
      okText={t('case.doc.issue')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then(onSubmit)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="case-statement-form">
        <Form.Item
          name="statedBy"
          label={t('case.doc.statedBy')}
          rules={[{ required: true, whitespace: true, message: t('case.doc.statedByRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('case.doc.statementText')}
          rules={[{ required: true, whitespace: true, message: t('case.doc.statementRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="reply"
          label={t('case.doc.reply')}
          extra={t('case.doc.replyHelp')}
          rules={[{ required: true, whitespace: true, message: t('case.doc.replyRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
