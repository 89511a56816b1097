import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import {
  AuditOutlined,
  CheckCircleOutlined,
  DownloadOutlined,
  FileAddOutlined,
  GlobalOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import type { DrawDetail } from '../../api/types';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { DetailPage } from '../../app/components/detail-page';
import { PageHeader } from '../../app/components/page-header';
import { formatDateTime } from '../../app/format';
import { useT } from '../../app/i18n/i18n-context';
import { useCurrentUser } from '../auth/hooks';
import { usePlansFromDraw } from '../inspection-detail/hooks';
import {
  CancellationDecisionModal,
  CancellationRequestModal,
  RecusalModal,
  type RecusalTarget,
} from './draw-action-modals';
import { CancellationAlert } from './draw-overview';
import { DrawRecord, useDrawResultQuery } from './draw-record';
import { DrawSessionCard } from './draw-session-card';
import { recordUrl, useDraw, usePublishDrawResults } from './hooks';

// One draw for staff: what was published, the session while frozen, the result with recusals, cancellation.
export const DrawDetailPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const resultQuery = useDrawResultQuery();
  const draw = useDraw(id, resultQuery.params);
  return (
    <DetailPage query={draw}>
      {(data) => <DrawDetailView data={data} fetching={draw.isFetching} resultQuery={resultQuery} />}
    </DetailPage>
  );
};

type DrawDetailViewProps = {
  data: DrawDetail;
  fetching: boolean;
  resultQuery: ReturnType<typeof useDrawResultQuery>;
};

const DrawDetailView = ({ data, fetching, resultQuery }: DrawDetailViewProps) => {
  const t = useT();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const user = useCurrentUser();
  const { id } = data;
  const publish = usePublishDrawResults(id);
  const plansFromDraw = usePlansFromDraw(id);
  const [recusal, setRecusal] = useState<RecusalTarget | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const drawn = data.seed !== null;
  const pending = data.cancellation?.status === 'requested';

  const publishResults = () =>
    modal.confirm({
      title: t('draw.results.publishTitle'),
      content: t('draw.results.publishHint'),
      okText: t('draw.results.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync(undefined).then(
          () => void message.success(t('draw.results.published')),
          (error: unknown) => {
            modal.error({ title: t('draw.results.publishFailed'), content: <ErrorAlert error={error} /> });
          },
        ),
    });

  // measure 11: a draft on-site plan for every planned inspection of the draw, in one click
  const draftPlans = () =>
    modal.confirm({
      title: t('draw.onsitePlansTitle'),
      content: t('draw.onsitePlansHint'),
      okText: t('draw.onsitePlans'),
      cancelText: t('common.cancel'),
      onOk: () =>
        plansFromDraw.mutateAsync().then(
          (result) => void message.success(t('draw.onsitePlansDone', { count: result.drafted })),
          (error: unknown) => {
            modal.error({ title: t('draw.onsitePlansFailed'), content: <ErrorAlert error={error} /> });
          },
        ),
    });

  return (
    <>
      <PageHeader
        title={<span data-testid="draw-title">{data.title}</span>}
        subtitle={t('draw.detailSubtitle', {
          organisation: data.organisationName,
          at: formatDateTime(data.frozenAt),
        })}
        crumbs={[{ title: t('nav.draws'), to: '/draws' }, { title: data.title }]}
        extra={
          <>
            {drawn && (
              <Button
                icon={<DownloadOutlined />}
                href={recordUrl(id)}
                download={`draw-${id}.json`}
                data-testid="draw-record-download"
              >
                {t('draw.downloadRecord')}
              </Button>
            )}
            <Button
              icon={<GlobalOutlined />}
              onClick={() => navigate(`/public/draws/${id}`)}
              data-testid="draw-public-page"
            >
              {t('draw.publicPageOne')}
            </Button>
            {can(user, 'onsite_plan:create') && data.status === 'drawn' && (
              <Button
                icon={<FileAddOutlined />}
                onClick={draftPlans}
                loading={plansFromDraw.isPending}
                data-testid="draw-onsite-plans"
              >
                {t('draw.onsitePlans')}
              </Button>
            )}
            {can(user, 'draw:publish') && data.status === 'drawn' && !data.resultsPublishedAt && (
              <Button
                icon={<SendOutlined />}
                onClick={publishResults}
                loading={publish.isPending}
                data-testid="draw-results-publish"
              >
                {t('draw.results.publish')}
              </Button>
            )}
            {can(user, 'draw:update') && data.status !== 'cancelled' && !pending && (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setRequesting(true)}
                data-testid="draw-cancellation-request"
              >
                {t('draw.cancellation.request')}
              </Button>
            )}
            {can(user, 'draw:approve') && pending && (
              <Button
                type="primary"
                icon={<AuditOutlined />}
                onClick={() => setDeciding(true)}
                data-testid="draw-cancellation-decide"
              >
                {t('draw.cancellation.decide')}
              </Button>
            )}
          </>
        }
      />
      <CancellationAlert draw={data} />
      {data.resultsPublishedAt && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          style={{ marginBottom: 16 }}
          title={t('draw.results.publishedAt', { at: formatDateTime(data.resultsPublishedAt) })}
        />
      )}
      {data.status === 'frozen' &&
        (can(user, 'draw:create') ? (
          <DrawSessionCard draw={data} />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('draw.session.waiting')}
            data-testid="draw-waiting"
          />
        ))}
      <DrawRecord
        draw={data}
        loading={fetching}
        resultQuery={resultQuery}
        onRecuse={can(user, 'draw:update') ? (row, member) => setRecusal({ row, member }) : undefined}
      />
      <RecusalModal draw={data} target={recusal} onClose={() => setRecusal(null)} />
      <CancellationRequestModal draw={data} open={requesting} onClose={() => setRequesting(false)} />
      <CancellationDecisionModal draw={data} open={deciding} onClose={() => setDeciding(false)} />
    </>
  );
};
