import { App, Button, Card, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../app/components/error-alert';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { errorTitle } from '../../app/components/error-alert';
import {
  downloadAllDocuments,
  downloadDocument,
  useInspectionDocuments,
  type InspectionDocument,
} from './hooks';

// Issue 5 item 8: the inspection's numbered documents, each a docx on A4, or all of them at once.
export const DocumentsPanel = ({ inspectionId }: { inspectionId: string }) => {
  const t = useT();
  const { message } = App.useApp();
  const { data, error, isLoading } = useInspectionDocuments(inspectionId);
  const download = (run: () => Promise<void>) => () =>
    void run().catch((e: unknown) => message.error(errorTitle(e, t)));
  return (
    <Card
      title={t('doc.title')}
      data-testid="documents-panel"
      extra={
        data && data.items.length > 0 ? (
          <Button icon={<DownloadOutlined />} onClick={download(() => downloadAllDocuments(inspectionId))}>
            {t('doc.downloadAll')}
          </Button>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Table<InspectionDocument>
        rowKey="id"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('doc.empty') }}
        columns={[
          { title: t('doc.type'), dataIndex: 'typeName' },
          {
            title: t('doc.number'),
            dataIndex: 'number',
            render: (number: string) => <span data-testid="document-number">{number}</span>,
          },
          {
            title: t('doc.issuedAt'),
            dataIndex: 'issuedAt',
            // a phone keeps what names and fetches a document; the date and issuer are in the document itself
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
                data-testid="document-download"
                icon={<DownloadOutlined />}
                onClick={download(() => downloadDocument(doc))}
              >
                {t('doc.download')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
};
