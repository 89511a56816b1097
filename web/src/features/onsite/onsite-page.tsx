import { PageTitle } from '../../app/components/page-title';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Typography } from 'antd';
import { Navigate, useLocation, useParams } from 'react-router-dom';
import { can } from '../../app/auth/access';
import { ErrorAlert } from '../../app/components/error-alert';
import { FullPageSpin } from '../../app/components/page-loading';
import { useT } from '../../app/i18n/i18n-context';
import { ForbiddenPage } from '../../app/pages/not-found-page';
import { AcknowledgementCard } from './acknowledgement-card';
import { useBlobUrls, useLastLocation, type PickedFile } from './evidence';
import { FindingSheet, type FindingDraft } from './finding-sheet';
import { FixSheet } from './fix-sheet';
import { useOnsiteUser, useRecordForm, useSyncLoop } from './hooks';
import { ItemCard } from './item-card';
import { enqueue } from './offline-queue';
import { keepAppOffline } from './offline-shell';
import { OnsiteHeader } from './onsite-header';
import { newId, recordView, type FindingView } from './record-view';
import type { FormItem, Outcome, RecordForm } from './types';

// Issue 5 item 6: the on-site record on the officer's phone (390×844 first). Every tap goes into the
// phone's queue first and reaches the server when it can; the page opens and works without network.

const OnsiteRecord = ({
  inspectionId,
  form,
  offline,
}: {
  inspectionId: string;
  form: RecordForm;
  offline: boolean;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const sync = useSyncLoop(inspectionId);
  const location = useLastLocation();
  const [findingFor, setFindingFor] = useState<FormItem | null>(null);
  const [fixing, setFixing] = useState<FindingView | null>(null);
  const sections = useMemo(() => recordView(form, sync.pending), [form, sync.pending]);
  const queued = useBlobUrls(sync.pending.files);
  const recording = form.inspection.recording;
  const answered = sections.some((section) => section.items.some((item) => item.answer !== null));

  const answer = async (item: FormItem, outcome: Outcome) => {
    if (outcome === 'finding') return setFindingFor(item);
    await enqueue(inspectionId, {
      entries: [
        { id: newId(), itemCode: item.code, outcome, recordedAt: new Date().toISOString(), location },
      ],
    });
  };
  const saveFinding = async (draft: FindingDraft) => {
    await enqueue(inspectionId, {
      files: draft.files,
      entries: [draft.entry],
      findings: [draft.finding],
      measures: draft.measures,
    });
    setFindingFor(null);
    void message.success(t('record.finding.saved'));
  };
  const saveFix = async (finding: FindingDraft['finding'], files: PickedFile[]) => {
    await enqueue(inspectionId, { files, findings: [finding] });
    setFixing(null);
  };

  const refusedFiles = sync.pending.files.filter((file) => file.refusal);
  return (
    <div
      style={{ maxWidth: 560, margin: '0 auto', minHeight: '100vh', background: '#f5f6f8' }}
      data-testid="onsite-page"
    >
      <PageTitle name={t('page.onsite')} />
      <OnsiteHeader inspection={form.inspection} sync={sync} offline={offline} onSync={sync.syncNow} />
      <div style={{ padding: 12 }}>
        {!recording && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('record.notRecording', { stage: form.inspection.stageName })}
          />
        )}
        {sync.refused && (
          <ErrorAlert error={sync.refused} testId="sync-refused" style={{ marginBottom: 12 }} />
        )}
        {refusedFiles.map((file) => (
          <Alert
            key={file.id}
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="file-refused"
            title={`${file.name}：${file.refusal}`}
          />
        ))}
        {sections.map((section) => (
          <section key={section.code} data-testid="onsite-section">
            <Typography.Title level={5} style={{ margin: '8px 2px 8px' }}>
              {section.name}
            </Typography.Title>
            {section.items.map((view) => (
              <ItemCard
                key={view.item.code}
                inspectionId={inspectionId}
                view={view}
                recording={recording}
                queued={queued}
                onAnswer={(outcome) => void answer(view.item, outcome)}
                onFix={setFixing}
              />
            ))}
          </section>
        ))}
        <AcknowledgementCard
          inspectionId={inspectionId}
          recorded={form.inspection.acknowledgement}
          pending={sync.pending.acknowledgement}
          queued={queued}
          enabled={recording && answered}
          onSave={(body, files) => enqueue(inspectionId, { files, acknowledgement: body })}
        />
      </div>
      {findingFor && (
        <FindingSheet
          key={findingFor.code}
          item={findingFor}
          location={location}
          onClose={() => setFindingFor(null)}
          onSave={saveFinding}
        />
      )}
      {fixing && (
        <FixSheet
          key={fixing.id}
          finding={fixing}
          location={location}
          onClose={() => setFixing(null)}
          onSave={saveFix}
        />
      )}
    </div>
  );
};

export const OnsitePage = () => {
  const { id = '' } = useParams();
  const routerLocation = useLocation();
  const user = useOnsiteUser();
  const record = useRecordForm(id);
  useEffect(() => keepAppOffline(), []);

  if (user.isPending) return <FullPageSpin />;
  if (user.isError) return <ErrorAlert error={user.error} style={{ margin: 16 }} />;
  if (!user.data)
    return <Navigate to={`/login?from=${encodeURIComponent(routerLocation.pathname)}`} replace />;
  if (!can(user.data, 'inspection:update')) return <ForbiddenPage />;
  if (record.isPending) return <FullPageSpin />;
  if (record.isError) return <ErrorAlert error={record.error} style={{ margin: 16 }} />;
  return <OnsiteRecord inspectionId={id} form={record.data.form} offline={record.data.offline} />;
};
