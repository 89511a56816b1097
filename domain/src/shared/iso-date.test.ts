import { describe, expect, it } from 'vitest';
import { isWithinDateRange, ZIsoDateSchema } from './iso-date.ts';

describe('calendar dates', () => {
  it('accepts a real calendar date and refuses an impossible one', () => {
    expect(ZIsoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(ZIsoDateSchema.safeParse('2025-02-30').success).toBe(false);
    expect(ZIsoDateSchema.safeParse('2025/02/20').success).toBe(false);
  });

  it('counts both the first and the last day of a validity period', () => {
    expect(isWithinDateRange('2025-01-01', '2025-01-01', '2025-12-31')).toBe(true);
    expect(isWithinDateRange('2025-12-31', '2025-01-01', '2025-12-31')).toBe(true);
    expect(isWithinDateRange('2024-12-31', '2025-01-01', '2025-12-31')).toBe(false);
    expect(isWithinDateRange('2026-01-01', '2025-01-01', '2025-12-31')).toBe(false);
  });
});
