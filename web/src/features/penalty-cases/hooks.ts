import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, unwrap } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

// issue 15: penalty cases and the catalogue their proposals rest on.

export type PenaltyCaseSummary = ResponseOf<'/api/v1/penalty-cases', 'get'>['items'][number];
export type PenaltyCase = ResponseOf<'/api/v1/penalty-cases/{id}', 'get'>;
export type PenaltyCaseQuery = QueryOf<'/api/v1/penalty-cases', 'get'>;
export type PenaltyCatalog = ResponseOf<'/api/v1/penalty-catalog', 'get'>;
export type CaseFactsBody = BodyOf<'/api/v1/penalty-cases/{id}/facts', 'put'>;
export type CaseActionBody = BodyOf<'/api/v1/penalty-cases/{id}/actions', 'post'>;
export type EvidenceBody = BodyOf<'/api/v1/penalty-cases/{id}/evidence', 'post'>;
export type ObservationBody = BodyOf<'/api/v1/penalty-cases/{id}/observation', 'post'>;
export type OpenCaseBody = BodyOf<'/api/v1/penalty-cases', 'post'>;
export type SeizureBody = BodyOf<'/api/v1/penalty-cases/{id}/seizures', 'post'>;
export type SeizureDecisionBody = BodyOf<'/api/v1/penalty-cases/{id}/seizures/{seizureId}/decision', 'post'>;
export type SeizureExtensionBody = BodyOf<
  '/api/v1/penalty-cases/{id}/seizures/{seizureId}/extension',
  'post'
>;
export type TestingPeriodBody = BodyOf<
  '/api/v1/penalty-cases/{id}/seizures/{seizureId}/testing-periods',
  'post'
>;
export type SeizureReleaseBody = BodyOf<'/api/v1/penalty-cases/{id}/seizures/{seizureId}/release', 'post'>;

const key = ['penalty-cases'] as const;

export const usePenaltyCases = (query: PenaltyCaseQuery) =>
  useQuery({
    queryKey: [...key, query],
    queryFn: () => unwrap(api.GET('/api/v1/penalty-cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const usePenaltyCase = (id: string) =>
  useQuery({
    queryKey: [...key, id],
    queryFn: () => unwrap(api.GET('/api/v1/penalty-cases/{id}', { params: { path: { id } } })),
  });

export const usePenaltyCatalog = () =>
  useQuery({
    queryKey: ['penalty-catalog'],
    queryFn: () => unwrap(api.GET('/api/v1/penalty-catalog')),
    staleTime: Infinity,
  });

const useCaseMutation = <T>(run: (id: string, body: T) => Promise<PenaltyCase>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: T }) => run(id, body),
    onSuccess: (data) => {
      queryClient.setQueryData([...key, data.id], data);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
};

export const useRecordFacts = () =>
  useCaseMutation((id, body: CaseFactsBody) =>
    unwrap(api.PUT('/api/v1/penalty-cases/{id}/facts', { params: { path: { id } }, body })),
  );
export const useRecordEvidence = () =>
  useCaseMutation((id, body: EvidenceBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/evidence', { params: { path: { id } }, body })),
  );
export const useDraftProposal = () =>
  useCaseMutation((id, _body: null) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/proposal', { params: { path: { id } } })),
  );
export const useCaseAction = () =>
  useCaseMutation((id, body: CaseActionBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/actions', { params: { path: { id } }, body })),
  );

export const useRecordObservation = () =>
  useCaseMutation((id, body: ObservationBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/observation', { params: { path: { id } }, body })),
  );

// issue 15 item 7 (measure 16): 查封、扣押
export const useProposeSeizure = () =>
  useCaseMutation((id, body: SeizureBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/seizures', { params: { path: { id } }, body })),
  );
type OnSeizure<T> = { seizureId: string; body: T };
export const useDecideSeizure = () =>
  useCaseMutation((id, { seizureId, body }: OnSeizure<SeizureDecisionBody>) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/seizures/{seizureId}/decision', {
        params: { path: { id, seizureId } },
        body,
      }),
    ),
  );
export const useRequestExtension = () =>
  useCaseMutation((id, { seizureId, body }: OnSeizure<SeizureExtensionBody>) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/seizures/{seizureId}/extension', {
        params: { path: { id, seizureId } },
        body,
      }),
    ),
  );
export const useDecideExtension = () =>
  useCaseMutation((id, { seizureId, body }: OnSeizure<SeizureDecisionBody>) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/seizures/{seizureId}/extension/decision', {
        params: { path: { id, seizureId } },
        body,
      }),
    ),
  );
export const useRecordTestingPeriod = () =>
  useCaseMutation((id, { seizureId, body }: OnSeizure<TestingPeriodBody>) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/seizures/{seizureId}/testing-periods', {
        params: { path: { id, seizureId } },
        body,
      }),
    ),
  );

export const useReleaseSeizure = () =>
  useCaseMutation((id, { seizureId, body }: OnSeizure<SeizureReleaseBody>) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/seizures/{seizureId}/release', {
        params: { path: { id, seizureId } },
        body,
      }),
    ),
  );

export const useOpenCase = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseBody) => unwrap(api.POST('/api/v1/penalty-cases', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['case-referrals'] });
    },
  });
};

export const yuan = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `${(fen / 100).toLocaleString('zh-CN')} 元`;

// Sources marked for the legal reviewer read "待法制审核 (placeholder): …"; officers see the Chinese words only.
export const plainSource = (text: string): string => text.replace(/\s*\(placeholder\)/g, '');

// issue 15 item 11: the case's numbered documents
export type CaseDocuments = ResponseOf<'/api/v1/penalty-cases/{id}/documents', 'get'>;
export type CaseDocument = CaseDocuments['items'][number];
export type CaseDocumentOption = CaseDocuments['available'][number];
export type CaseDocumentBody = BodyOf<'/api/v1/penalty-cases/{id}/documents', 'post'>;

export const useCaseDocuments = (id: string, status: string) =>
  useQuery({
    // a step of the case opens new documents: the status is part of what the list depends on
    queryKey: [...key, id, 'documents', status],
    queryFn: () => unwrap(api.GET('/api/v1/penalty-cases/{id}/documents', { params: { path: { id } } })),
  });

export const useIssueCaseDocument = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CaseDocumentBody }) =>
      unwrap(api.POST('/api/v1/penalty-cases/{id}/documents', { params: { path: { id } }, body })),
    onSuccess: (_data, { id }) => queryClient.invalidateQueries({ queryKey: [...key, id, 'documents'] }),
  });
};

export const downloadCaseDocument = (document: CaseDocument) =>
  downloadFile(`/api/v1/case-documents/${document.id}.docx`, {}, `${document.number} ${document.title}.docx`);

// 安全生产法 第七十条: stopping power or explosives supply
export type SupplySuspensionBody = BodyOf<'/api/v1/penalty-cases/{id}/supply-suspensions', 'post'>;
type OnSuspension<T> = { suspensionId: string; body: T };
export const useProposeSupplySuspension = () =>
  useCaseMutation((id, body: SupplySuspensionBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/supply-suspensions', { params: { path: { id } }, body })),
  );
export const useDecideSupplySuspension = () =>
  useCaseMutation(
    (
      id,
      {
        suspensionId,
        body,
      }: OnSuspension<
        BodyOf<'/api/v1/penalty-cases/{id}/supply-suspensions/{suspensionId}/decision', 'post'>
      >,
    ) =>
      unwrap(
        api.POST('/api/v1/penalty-cases/{id}/supply-suspensions/{suspensionId}/decision', {
          params: { path: { id, suspensionId } },
          body,
        }),
      ),
  );
export const useLiftSupplySuspension = () =>
  useCaseMutation(
    (
      id,
      {
        suspensionId,
        body,
      }: OnSuspension<BodyOf<'/api/v1/penalty-cases/{id}/supply-suspensions/{suspensionId}/lift', 'post'>>,
    ) =>
      unwrap(
        api.POST('/api/v1/penalty-cases/{id}/supply-suspensions/{suspensionId}/lift', {
          params: { path: { id, suspensionId } },
          body,
        }),
      ),
  );

// 履行 (issue 15 item 3 after service): payments, 暂缓/分期, 催告 and the court application
export type FinePaymentBody = BodyOf<'/api/v1/penalty-cases/{id}/fine-payments', 'post'>;
export type FineArrangementBody = BodyOf<'/api/v1/penalty-cases/{id}/fine-arrangements', 'post'>;
export type FineReminderBody = BodyOf<'/api/v1/penalty-cases/{id}/fine-reminder', 'post'>;
export type CourtApplicationBody = BodyOf<'/api/v1/penalty-cases/{id}/court-enforcement', 'post'>;
export const useRecordFinePayment = () =>
  useCaseMutation((id, body: FinePaymentBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/fine-payments', { params: { path: { id } }, body })),
  );
export const useApplyForFineArrangement = () =>
  useCaseMutation((id, body: FineArrangementBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/fine-arrangements', { params: { path: { id } }, body })),
  );
export const useDecideFineArrangement = () =>
  useCaseMutation(
    (
      id,
      {
        arrangementId,
        body,
      }: {
        arrangementId: string;
        body: BodyOf<'/api/v1/penalty-cases/{id}/fine-arrangements/{arrangementId}/decision', 'post'>;
      },
    ) =>
      unwrap(
        api.POST('/api/v1/penalty-cases/{id}/fine-arrangements/{arrangementId}/decision', {
          params: { path: { id, arrangementId } },
          body,
        }),
      ),
  );
export const useRecordFineReminder = () =>
  useCaseMutation((id, body: FineReminderBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/fine-reminder', { params: { path: { id } }, body })),
  );
export const useRecordCourtApplication = () =>
  useCaseMutation((id, body: CourtApplicationBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/court-enforcement', { params: { path: { id } }, body })),
  );

// issue 15 item 2: a violation's discretion tiers with their history; the city's legal reviewer edits them
export type ViolationTiers = ResponseOf<'/api/v1/penalty-catalog/violations/{code}/tiers', 'get'>;
export type TierEditBody = BodyOf<'/api/v1/penalty-catalog/violations/{code}/tier-edits', 'post'>;

export const useViolationTiers = (code: string) =>
  useQuery({
    queryKey: ['penalty-catalog', 'tiers', code],
    queryFn: () =>
      unwrap(api.GET('/api/v1/penalty-catalog/violations/{code}/tiers', { params: { path: { code } } })),
  });

export const useEditTiers = (code: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TierEditBody) =>
      unwrap(
        api.POST('/api/v1/penalty-catalog/violations/{code}/tier-edits', {
          params: { path: { code } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['penalty-catalog', 'tiers', code] }),
  });
};

// measure 15: 安全生产法 第一百一十二条 (按日连续处罚) and 第一百一十三条 (提请关闭)
export type CorrectionRefusalBody = BodyOf<'/api/v1/penalty-cases/{id}/correction-refusal', 'post'>;
export type ClosureProposalBody = BodyOf<'/api/v1/penalty-cases/{id}/closure-proposal', 'post'>;
export const useRecordCorrectionRefusal = () =>
  useCaseMutation((id, body: CorrectionRefusalBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/correction-refusal', { params: { path: { id } }, body })),
  );
export const useOpenFollowUpCase = () =>
  useCaseMutation((id, _body: null) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/follow-up-case', { params: { path: { id } } })),
  );
export const useRecordClosureProposal = () =>
  useCaseMutation((id, body: ClosureProposalBody) =>
    unwrap(api.POST('/api/v1/penalty-cases/{id}/closure-proposal', { params: { path: { id } }, body })),
  );

// 第一百一十三条第一款第（二）至（四）项: the head records a proposal on the facts the item names
export type ClosureOnFactsBody = BodyOf<'/api/v1/penalty-cases/{id}/closure-proposals-on-facts', 'post'>;
export const useRecordClosureOnFacts = () =>
  useCaseMutation((id, body: ClosureOnFactsBody) =>
    unwrap(
      api.POST('/api/v1/penalty-cases/{id}/closure-proposals-on-facts', { params: { path: { id } }, body }),
    ),
  );

// the bureau's closure proposals (安全生产法 第一百一十三条第一款)
export type ClosureListItem = ResponseOf<'/api/v1/penalty-closure-proposals', 'get'>['items'][number];
export const useClosureProposals = (query: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: [...key, 'closure-proposals', query],
    queryFn: () => unwrap(api.GET('/api/v1/penalty-closure-proposals', { params: { query } })),
    placeholderData: keepPreviousData,
  });
