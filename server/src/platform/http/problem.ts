import type { Refusal } from '@inspecta/domain';

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
};

// Thrown by services and routes; the error handler turns it into application/problem+json.
export class Problem extends Error {
  readonly body: ProblemBody;
  constructor(status: number, code: string, title: string, extra: Partial<ProblemBody> = {}) {
    super(title);
    this.body = {
      type: `https://inspecta.example/problems/${code.toLowerCase()}`,
      title,
      status,
      code,
      ...extra,
    };
  }
}

export const notFound = (what = '记录'): Problem =>
  new Problem(404, 'NOT_FOUND', `未找到该${what}，或您无权查看`);

export const forbidden = (): Problem => new Problem(403, 'FORBIDDEN', '您的角色无权执行此操作');

export const unauthorised = (): Problem => new Problem(401, 'UNAUTHENTICATED', '请先登录');

// A rule refusal from the domain: 422 with the measure and the legal basis.
export const refused = (refusal: Refusal): Problem =>
  new Problem(422, refusal.code, refusal.message, { measure: refusal.measure, basis: refusal.basis });
