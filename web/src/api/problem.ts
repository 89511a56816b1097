// RFC 9457 problem details as the server sends them, and the error the hooks throw.

export type ProblemFieldError = {
  path?: (string | number)[];
  row?: number;
  column?: string;
  message: string;
};

export type Problem = {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  measure?: string | number;
  basis?: string;
  errors?: ProblemFieldError[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// Turns whatever came back (problem+json, plain text, nothing) into a Problem.
export const toProblem = (body: unknown, status: number): Problem => {
  if (isRecord(body) && typeof body.title === 'string') {
    return { ...(body as Problem), status: typeof body.status === 'number' ? body.status : status };
  }
  if (isRecord(body) && typeof body.message === 'string') {
    return { title: body.message, status };
  }
  if (typeof body === 'string' && body.trim() !== '') {
    return { title: body.slice(0, 200), status };
  }
  return { title: '', status };
};

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// A detail page shows "not found" for an unknown id and for a malformed one alike.
export const isMissingRecord = (error: unknown): boolean =>
  isApiError(error) && (error.status === 404 || error.status === 400);
