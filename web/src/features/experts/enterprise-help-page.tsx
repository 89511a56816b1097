import { App, Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../app/components/error-alert';
import { PageHeader } from '../../app/components/page-header';
import { useT } from '../../app/i18n/i18n-context';
import { ExpertDispatchTable } from './dispatch-list-page';
import { useDispatches, useRequestHelp } from './hooks';

// measure 23: the enterprise asks for an expert's help from its portal, and rates each visit.
export const EnterpriseHelpPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const { data, error, isFetching } = useDispatches();
  const request = useRequestHelp();
  const [text, setText] = useState('');
  return (
    <>
      <PageHeader title={t('experts.help.title')} subtitle={t('experts.help.subtitle')} />
      <Flex vertical gap={16}>
        <Card size="small" title={t('experts.help.ask')}>
          {request.error ? <ErrorAlert error={request.error} /> : null}
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={3}
              maxLength={1000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('experts.help.placeholder')}
              data-testid="help-request"
            />
            <Button
              type="primary"
              disabled={text.trim() === ''}
              loading={request.isPending}
              data-testid="submit-help-request"
              onClick={() =>
                request.mutate(
                  { request: text },
                  {
                    onSuccess: () => {
                      setText('');
                      void message.success(t('experts.help.sent'));
                    },
                  },
                )
              }
              style={{ alignSelf: 'flex-start' }}
            >
              {t('experts.help.submit')}
            </Button>
          </Flex>
        </Card>
        <Card>
          {error ? <ErrorAlert error={error} /> : null}
          <ExpertDispatchTable items={data?.items ?? []} loading={isFetching && !data} />
        </Card>
      </Flex>
    </>
  );
};
