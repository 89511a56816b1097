import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { Problem, type ProblemBody } from './problem.ts';

const send = (reply: FastifyReply, body: ProblemBody) =>
  reply.status(body.status).type('application/problem+json').send(body);

const make = (status: number, code: string, title: string, extra: Partial<ProblemBody> = {}): ProblemBody =>
  new Problem(status, code, title, extra).body;

// Fastify's own client-error codes, each with a message a user can act on.
const fastifyCodes: Record<string, { status: number; code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', title: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', title: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', title: '请求体过大' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', title: '上传的文件过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', title: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_CONTENT_LENGTH',
    title: '内容长度不正确',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'NOT_MULTIPART',
    title: '请以 multipart/form-data 上传文件',
  },
  FST_FILES_LIMIT: { status: 413, code: 'TOO_MANY_FILES', title: '一次只能上传一个文件' },
  FST_PARTS_LIMIT: { status: 413, code: 'TOO_MANY_PARTS', title: '上传的表单字段过多' },
};

export const installErrorHandling = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return send(reply, error.body);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [
          ...(error.validationContext ? [error.validationContext] : []),
          ...issue.instancePath.split('/').filter(Boolean),
        ],
        message: issue.message ?? '格式不正确',
      }));
      const detail = errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('；');
      return send(reply, make(400, 'VALIDATION_FAILED', '提交的内容不符合要求', { detail, errors }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, make(500, 'INTERNAL_ERROR', '服务器内部错误'));
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, make(known.status, known.code, known.title, { detail: error.message }));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, make(status, 'BAD_REQUEST', '请求无法处理', { detail: error.message }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, make(500, 'INTERNAL_ERROR', '服务器内部错误，请稍后重试'));
  });
};

export const apiNotFound = (reply: FastifyReply) => send(reply, make(404, 'ROUTE_NOT_FOUND', '接口不存在'));
