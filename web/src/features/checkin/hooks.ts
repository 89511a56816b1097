import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';
import { verifyCheckInCode } from './verify-code';

export type PublicCheckIn = ResponseOf<'/api/v1/public/checkin/{token}', 'get'>;
export type PublicCheckInInspection = NonNullable<PublicCheckIn['inspection']>;
export type ArriveBody = NonNullable<BodyOf<'/api/v1/public/checkin/{token}/arrive', 'post'>>;
export type RatingBody = BodyOf<'/api/v1/public/checkin/{token}/rating', 'post'>;
export type RatingStatistics = ResponseOf<'/api/v1/ratings/statistics', 'get'>;

const publicKey = (token: string) => ['public', 'checkin', token] as const;

// The browser's own verdict: no server judgement, and it works offline with the kept keys.
export const useCodeVerdict = (token: string) =>
  useQuery({
    queryKey: ['checkin', 'verdict', token],
    queryFn: () => verifyCheckInCode(token),
    enabled: token !== '',
    staleTime: Infinity,
    retry: false,
    networkMode: 'always',
  });

// Anyone with the code, no session: offline this fails fast and the page shows the signed payload instead.
export const usePublicCheckIn = (token: string) =>
  useQuery({
    queryKey: publicKey(token),
    queryFn: () => unwrap(api.GET('/api/v1/public/checkin/{token}', { params: { path: { token } } })),
    enabled: token !== '',
    retry: false,
    networkMode: 'always',
  });

export const useArrive = (token: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArriveBody) =>
      unwrap(api.POST('/api/v1/public/checkin/{token}/arrive', { params: { path: { token } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicKey(token) }),
  });
};

export const useRate = (token: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingBody) =>
      unwrap(api.POST('/api/v1/public/checkin/{token}/rating', { params: { path: { token } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publicKey(token) }),
  });
};

export const useRatingStatistics = () =>
  useQuery({
    queryKey: ['ratings', 'statistics'],
    queryFn: () => unwrap(api.GET('/api/v1/ratings/statistics')),
  });

// Where the phone is, when the enterprise allows it; arrival is recorded without a place otherwise.
export const currentLocation = (): Promise<ArriveBody['location']> =>
  new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve(null);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracy: Math.min(position.coords.accuracy, 100_000),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  });
