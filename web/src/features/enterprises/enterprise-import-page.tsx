import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Result, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { isApiError, type ProblemFieldError } from '../../api/problem';
import { ErrorAlert, errorTitle } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { downloadImportTemplate, useImportEnterprises } from './hooks';

// the server's upload limit
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const RowErrors = ({ errors }: { errors: ProblemFieldError[] }) => {
  const t = useT();
  return (
    <Table<ProblemFieldError & { key: number }>
      data-testid="import-errors"
      size="small"
      rowKey="key"
      dataSource={errors.map((error, key) => ({ ...error, key }))}
      pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          key: 'row',
          title: t('import.row'),
          dataIndex: 'row',
          width: 90,
          render: (row?: number) => row ?? '—',
        },
        {
          key: 'column',
          title: t('import.column'),
          dataIndex: 'column',
          width: 180,
          render: (column?: string) => column ?? '—',
        },
        { key: 'message', title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
};

export const EnterpriseImportPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const importing = useImportEnterprises();
  const [fileName, setFileName] = useState<string>();

  const upload = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      void message.error(t('import.onlyXlsx'));
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      void message.error(t('import.tooLarge'));
      return;
    }
    setFileName(file.name);
    importing.mutate(file);
  };

  const template = async () => {
    try {
      await downloadImportTemplate();
    } catch (error) {
      void message.error(errorTitle(error, t));
    }
  };

  const error = importing.error;
  const rowErrors =
    isApiError(error) && error.code === 'IMPORT_INVALID_ROWS' ? (error.problem.errors ?? []) : null;

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        crumbs={[{ title: t('nav.enterprises'), to: '/enterprises' }, { title: t('import.title') }]}
        extra={
          <Button data-testid="import-template" icon={<DownloadOutlined />} onClick={template}>
            {t('import.template')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Upload.Dragger
            data-testid="import-upload"
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={importing.isPending}
            beforeUpload={(file) => {
              upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {importing.isPending ? t('import.uploading', { file: fileName ?? '' }) : t('import.drop')}
            </p>
            <p className="ant-upload-hint">{t('import.hint')}</p>
          </Upload.Dragger>
        </Card>
        {importing.isSuccess && (
          <Card>
            <Result
              data-testid="import-success"
              status="success"
              title={t('import.done', { file: fileName ?? '' })}
              subTitle={t('import.counts', {
                created: importing.data.created,
                updated: importing.data.updated,
                unchanged: importing.data.unchanged,
              })}
              extra={
                <Button type="primary" onClick={() => navigate('/enterprises')}>
                  {t('import.backToList')}
                </Button>
              }
            />
          </Card>
        )}
        {rowErrors && (
          <Card title={t('import.rowErrorsTitle', { count: rowErrors.length })}>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={error && isApiError(error) ? error.problem.title : ''}
              description={
                <Typography.Text>{t('import.nothingSaved', { file: fileName ?? '' })}</Typography.Text>
              }
            />
            <RowErrors errors={rowErrors} />
          </Card>
        )}
        {error && !rowErrors && <ErrorAlert error={error} testId="import-error" />}
      </Flex>
    </>
  );
};
