import { useCallback } from 'react';
import { useInspectionMatters } from '../reference/hooks';

// Matter codes as the catalogue names them (a code not in the catalogue shows as it is).
export const useMatterNames = () => {
  const matters = useInspectionMatters();
  return useCallback(
    (codes: readonly string[]): string[] =>
      codes.map((code) => matters.data?.find((matter) => matter.code === code)?.name ?? code),
    [matters.data],
  );
};
