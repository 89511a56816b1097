// Wall-clock readings from the monotonic high-resolution clock, and order statistics over them.

export type Clock = bigint;

export const startClock = (): Clock => process.hrtime.bigint();

export const elapsedMilliseconds = (start: Clock): number => Number(process.hrtime.bigint() - start) / 1e6;

export const elapsedSeconds = (start: Clock): number => elapsedMilliseconds(start) / 1000;

// The q-quantile with linear interpolation between the closest ranks (R-7, what spreadsheets use).
export const quantile = (samples: readonly number[], q: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
};

export type Summary = { median: number; p95: number };

export const summarise = (samples: readonly number[]): Summary => ({
  median: quantile(samples, 0.5),
  p95: quantile(samples, 0.95),
});
