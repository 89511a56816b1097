import type { FormInstance } from 'antd';
import { isApiError } from '../api/problem';

// Puts each `errors[].path` message from a 400 on its form field. Returns true when every
// message found a field, so the caller only needs a general alert for the rest.
export const applyServerFieldErrors = <T>(form: FormInstance<T>, error: unknown, fields: readonly string[]): boolean => {
  if (!isApiError(error) || !error.problem.errors?.length) return false;
  const byField = new Map<string, string[]>();
  let unplaced = 0;
  for (const fieldError of error.problem.errors) {
    const field = fieldError.path?.[0];
    if (typeof field === 'string' && fields.includes(field)) {
      byField.set(field, [...(byField.get(field) ?? []), fieldError.message]);
    } else {
      unplaced += 1;
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
  return unplaced === 0;
};

// The fields of `next` that differ from `previous`: a PATCH sends only what changed.
export const changedFields = <T extends object>(previous: T, next: T): Partial<T> => {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(previous[key] ?? null)) patch[key] = next[key];
  }
  return patch;
};
