import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, uploadFile } from '../../../api/client';
import type { BodyOf, ResponseOf } from '../../../api/types';

// measure 21: drone patrols, their findings, and the territory's one map (issue 16 items 6–7).

export type Mission = ResponseOf<'/api/v1/drone-missions', 'get'>['items'][number];
export type MissionDetail = ResponseOf<'/api/v1/drone-missions/{id}', 'get'>;
export type Finding = MissionDetail['findings'][number];
export type MissionPlan = BodyOf<'/api/v1/drone-missions', 'post'>;
export type TerritoryMap = ResponseOf<'/api/v1/monitoring/map', 'get'>;

const key = ['drone-missions'] as const;
const mapKey = ['monitoring-map'] as const;

export const useMissions = () =>
  useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/drone-missions')) });

export const useMission = (id: string) =>
  useQuery({
    queryKey: [...key, id],
    queryFn: () => unwrap(api.GET('/api/v1/drone-missions/{id}', { params: { path: { id } } })),
  });

export const usePilots = () =>
  useQuery({
    queryKey: [...key, 'pilots'],
    queryFn: () => unwrap(api.GET('/api/v1/drone-missions/pilots')),
  });

export const useTerritoryMap = () =>
  useQuery({ queryKey: mapKey, queryFn: () => unwrap(api.GET('/api/v1/monitoring/map')) });

export const useIncidentDroneFindings = (incidentId: string) =>
  useQuery({
    queryKey: ['monitoring-incidents', 'drone-findings', incidentId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/incidents/{id}/drone-findings', { params: { path: { id: incidentId } } }),
      ),
  });

export const usePlanMission = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MissionPlan) => unwrap(api.POST('/api/v1/drone-missions', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: mapKey }),
      ]),
  });
};

export type FindingUpload = {
  kind: 'work_at_height' | 'unapproved_construction' | 'other';
  enterpriseId: string;
  latitude: number;
  longitude: number;
  takenAt: string;
  note: string;
  file: File;
};

// The finding's id is chosen here, once per upload attempt the pilot starts, so a retried request stores it once.
export const useReportFinding = (missionId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ upload, id }: { upload: FindingUpload; id: string }) => {
      const form = new FormData();
      form.append('id', id);
      form.append('kind', upload.kind);
      form.append('enterpriseId', upload.enterpriseId);
      form.append('latitude', String(upload.latitude));
      form.append('longitude', String(upload.longitude));
      form.append('takenAt', upload.takenAt);
      form.append('note', upload.note);
      form.append('file', upload.file);
      return uploadFile<{ id: string; replayed: boolean }>(
        `/api/v1/drone-missions/${missionId}/findings`,
        form,
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: mapKey }),
        queryClient.invalidateQueries({ queryKey: ['monitoring-incidents'] }),
      ]),
  });
};

export const useCompleteMission = (missionId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/drone-missions/{id}/completion', { params: { path: { id: missionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};
