import type { Refusal } from '@inspecta/domain';
import { problems, type ProblemCode } from './registry.ts';

export type ProblemFieldError = {
  path?: (string | number)[];
  row?: number;
  column?: string;
  message: string;
};

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  measure?: number;
  basis?: string;
  errors?: ProblemFieldError[];
  // the request's id, also sent as the x-request-id header: what a user quotes to support
  requestId?: string;
};

// issue 14 item 5: a problem's type is a URI under the app's own API path, not a made-up domain
export const problemTypeBase = '/api/v1/problems/';

// Thrown by services and routes; the error handler turns it into application/problem+json.
export class Problem extends Error {
  readonly body: ProblemBody;
  constructor(status: number, code: string, title: string, extra: Partial<ProblemBody> = {}) {
    super(title);
    this.body = {
      type: `${problemTypeBase}${code.toLowerCase()}`,
      title,
      status,
      code,
      ...extra,
    };
  }
}

export type ProblemExtra = Omit<Partial<ProblemBody>, 'type' | 'title' | 'status' | 'code'>;

type TitleParams<C extends ProblemCode> = (typeof problems)[C]['title'] extends (params: infer P) => string
  ? P
  : never;

// A code whose title is a template takes its parameters first: problem('DRAW_EMPTY_STRATUM', { stratum }).
export type ProblemArgs<C extends ProblemCode> = [TitleParams<C>] extends [never]
  ? [extra?: ProblemExtra]
  : [params: TitleParams<C>, extra?: ProblemExtra];

// The one way to make a problem with a registered code (platform/problems/registry.ts).
export const problem = <C extends ProblemCode>(code: C, ...args: ProblemArgs<C>): Problem => {
  const entry = problems[code] as { status: number; title: string | ((params: unknown) => string) };
  if (typeof entry.title === 'string')
    return new Problem(entry.status, code, entry.title, args[0] as ProblemExtra);
  return new Problem(entry.status, code, entry.title(args[0]), args[1]);
};

export const notFound = (what = '记录'): Problem => problem('NOT_FOUND', { what });

export const forbidden = (): Problem => problem('FORBIDDEN');

export const unauthorised = (): Problem => problem('UNAUTHENTICATED');

// A rule refusal from the domain: 422 with the measure and the legal basis.
export const refused = (refusal: Refusal): Problem =>
  new Problem(422, refusal.code, refusal.message, { measure: refusal.measure, basis: refusal.basis });
