import type { PerformDrawInput } from './draw-record.ts';

// A small draw for tests and the worked example in docs/draw-algorithm.md: two strata of made-up
// enterprise codes, eight officers, one conflict of interest.
export const exampleDrawInput = (): PerformDrawInput => ({
  strata: [
    { key: '440703-危化', codes: ['E01', 'E02', 'E03', 'E04', 'E05', 'E06'], k: 2 },
    { key: '440703-工贸', codes: ['E07', 'E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'], k: 3 },
  ],
  inspectors: ['A001', 'A002', 'A003', 'A004', 'A005', 'A006', 'A007', 'A008'],
  exclusions: [{ enterprise: 'E03', inspector: 'A002', reason: '回避：亲属在该企业任职' }],
  teamSize: 2,
  maxAssignmentsPerInspector: 2,
  inspectionDate: '2025-06-16',
  publicEntropy: '3-1-4-1-5-9',
  witnesses: ['张三', '李四'],
});
