// What verifyDraw answers: 一致, or each field whose recorded value differs from the recomputed one.
export type DrawValue = string | number | null;

export type DrawDifference = {
  // a path into the record, e.g. `selected[3].inspectors[1]`
  field: string;
  expected: DrawValue;
  actual: DrawValue;
  message: string;
};

export type DrawVerification = { consistent: true } | { consistent: false; differences: DrawDifference[] };

export const difference = (
  field: string,
  expected: DrawValue,
  actual: DrawValue,
  message: string,
): DrawDifference => ({
  field,
  expected,
  actual,
  message,
});
