import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problems, type PlainProblemCode } from '../problems/registry.ts';
import { Problem, problem, type ProblemBody } from '../problems/problem.ts';

// Every problem body carries the request's id, the same as the x-request-id header (app.ts).
const send = (reply: FastifyReply, error: Problem) =>
  reply
    .status(error.body.status)
    .type('application/problem+json')
    .send({ ...error.body, requestId: reply.request.id } satisfies ProblemBody);

// Fastify's own client-error codes, each with a message a user can act on.
const fastifyCodes: Record<string, PlainProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'NOT_MULTIPART',
  FST_FILES_LIMIT: 'TOO_MANY_FILES',
  FST_PARTS_LIMIT: 'TOO_MANY_PARTS',
};

export const installErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return send(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [
          ...(error.validationContext ? [error.validationContext] : []),
          ...issue.instancePath.split('/').filter(Boolean),
        ],
        message: issue.message ?? '格式不正确',
      }));
      const detail = errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('；');
      return send(reply, problem('VALIDATION_FAILED', { detail, errors }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, problem('INTERNAL_ERROR'));
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, problem(known, { detail: error.message }));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // the registry's title, with the status Fastify chose
      return send(
        reply,
        new Problem(status, 'BAD_REQUEST', problems.BAD_REQUEST.title, { detail: error.message }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, problem('INTERNAL_ERROR'));
  });
};

export const apiNotFound = (reply: FastifyReply) => send(reply, problem('ROUTE_NOT_FOUND'));
