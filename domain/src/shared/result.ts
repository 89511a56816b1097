// A rule's answer is data, never an exception: either ok (with whatever the rule found)
// or a refusal that names the seed's measure and the law behind it (DESIGN.md, Conventions).

export type Ok<TFields extends object = Record<never, never>> = { ok: true } & TFields;

export type Refusal<TCode extends string = string> = {
  ok: false;
  code: TCode;
  measure: number;
  basis: string;
  message: string;
};

export function ok(): Ok;
export function ok<TFields extends object>(fields: TFields): Ok<TFields>;
export function ok(fields: object = {}): Ok<object> {
  return { ...fields, ok: true };
}

export const refuse = <TCode extends string>(refusal: Omit<Refusal<TCode>, 'ok'>): Refusal<TCode> => ({
  ok: false,
  ...refusal,
});

export const isRefusal = <TCode extends string>(
  result: Ok<object> | Refusal<TCode>,
): result is Refusal<TCode> => !result.ok;
