import type { FormInstance } from 'antd';
import { isApiError } from '../api/problem';

type FieldPath = (string | number)[];

// The server prefixes a validation path with where it found it (`['body', 'creditCode']`).
const bodyPath = (path: FieldPath | undefined): FieldPath =>
  path?.[0] === 'body' ? path.slice(1) : (path ?? []);

// Puts each `errors[].path` message from a 400 on its form field. Returns true when every
// message found a field, so the caller only needs a general alert for the rest. `fieldFor`
// maps a nested path (`entrustment.validTo`) to the form field that shows it.
export const applyServerFieldErrors = <T>(
  form: FormInstance<T>,
  error: unknown,
  fields: readonly string[],
  fieldFor: (path: FieldPath) => string | undefined = (path) =>
    typeof path[0] === 'string' ? path[0] : undefined,
): boolean => {
  if (!isApiError(error) || !error.problem.errors?.length) return false;
  const byField = new Map<string, string[]>();
  let unplaced = 0;
  for (const fieldError of error.problem.errors) {
    const field = fieldFor(bodyPath(fieldError.path));
    if (field !== undefined && fields.includes(field)) {
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
