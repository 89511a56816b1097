import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

const key = ['holiday-tables'] as const;

export const useHolidayTables = () =>
  useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/calendar/holiday-tables')) });

export type HolidayTableEntry = {
  year: number;
  notice: string;
  holidays: string[];
  makeUpWorkdays: string[];
};

export const useEnterHolidayTable = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: HolidayTableEntry) =>
      unwrap(api.PUT('/api/v1/calendar/holiday-tables/{year}', { params: { path: { year } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
};
