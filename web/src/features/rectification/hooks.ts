import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, unwrap, uploadFile } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

// measure 13 and issue 5 item 8: rectification orders, their review, and the numbered documents of an inspection.

export type RectificationOrder = ResponseOf<'/api/v1/rectification-orders/{id}', 'get'>;
export type RectificationStatus = RectificationOrder['status'];
export type OrderListQuery = QueryOf<'/api/v1/rectification-orders', 'get'>;
export type IssueOrderBody = BodyOf<'/api/v1/inspections/{id}/rectification-orders', 'post'>;
export type ReviewBody = BodyOf<'/api/v1/rectification-orders/{id}/review', 'post'>;
export type InspectionDocument = ResponseOf<'/api/v1/inspections/{id}/documents', 'get'>['items'][number];

const ordersKey = ['rectification-orders'] as const;
const documentsKey = ['inspection-documents'] as const;

export const useOrders = (query: OrderListQuery) =>
  useQuery({
    queryKey: [...ordersKey, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/rectification-orders', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const useInspectionOrders = (inspectionId: string) =>
  useQuery({
    queryKey: [...ordersKey, 'inspection', inspectionId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/inspections/{id}/rectification-orders', { params: { path: { id: inspectionId } } }),
      ),
  });

export const useEnterpriseOrders = () =>
  useQuery({
    queryKey: [...ordersKey, 'enterprise'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprise/rectification-orders')),
  });

export const useRecordFindings = (inspectionId: string) =>
  useQuery({
    queryKey: ['inspection-form', inspectionId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/inspections/{id}/form', { params: { path: { id: inspectionId } } })),
  });

export const useInspectionDocuments = (inspectionId: string) =>
  useQuery({
    queryKey: [...documentsKey, inspectionId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/inspections/{id}/documents', { params: { path: { id: inspectionId } } })),
  });

const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ordersKey }),
      queryClient.invalidateQueries({ queryKey: documentsKey }),
      queryClient.invalidateQueries({ queryKey: ['inspection-form'] }),
      // issue 13 item 6: an order or a conclusion moves the stage, the steps and the timeline
      queryClient.invalidateQueries({ queryKey: ['inspections', 'one'] }),
      queryClient.invalidateQueries({ queryKey: ['workbench'] }),
    ]);
};

export const useIssueOrder = (inspectionId: string) => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: IssueOrderBody) =>
      unwrap(
        api.POST('/api/v1/inspections/{id}/rectification-orders', {
          params: { path: { id: inspectionId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
};

export const useReviewOrder = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) =>
      unwrap(api.POST('/api/v1/rectification-orders/{id}/review', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
};

export const useCloseWithout = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/rectification-orders/{id}/close-without-rectification', {
          params: { path: { id } },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });
};

// One file a call, under an id made once per chosen file, so a retry after a lost answer is not stored twice.
export const useSubmitProof = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      orderId,
      fileId,
      note,
      file,
    }: {
      orderId: string;
      fileId: string;
      note: string;
      file: File;
    }) => {
      const form = new FormData();
      form.append('id', fileId);
      form.append('note', note);
      form.append('file', file);
      return uploadFile<RectificationOrder>(`/api/v1/rectification-orders/${orderId}/proofs`, form);
    },
    onSuccess: invalidate,
  });
};

export const downloadDocument = (document: InspectionDocument) =>
  downloadFile(`/api/v1/documents/${document.id}.docx`, {}, `${document.number} ${document.typeName}.docx`);

export const downloadAllDocuments = (inspectionId: string) =>
  downloadFile(`/api/v1/inspections/${inspectionId}/documents.zip`, {}, '检查文书.zip');

export const proofFileUrl = (orderId: string, fileId: string) =>
  `/api/v1/rectification-orders/${orderId}/files/${fileId}`;
