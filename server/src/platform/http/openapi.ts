import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemTypeBase } from '../problems/problem.ts';
import { docxContentType, xlsxContentType } from './downloads.ts';

// Issue 14 item 5: the OpenAPI description as an integrator's tools read it (Redocly, openapi-typescript).
// Routes declare what only they know (anonymous access, a multipart form's fields); the rest is shaped here
// once for every operation: the session scheme, problem+json errors, operation ids, response descriptions and
// the content types of downloads.

// A route anyone may call, or one that answers more to a logged-in user: `schema: { security: anonymous }`.
export const anonymous: FastifySchema['security'] = [];
export const sessionOptional: FastifySchema['security'] = [{}, { session: [] }];

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- a module augmentation merges only an interface
  interface FastifyContextConfig {
    // the text fields of a multipart/form-data upload (the one file is the `file` part)
    multipartFields?: z.ZodObject;
  }
}

// Given to @fastify/swagger up front: the routes' own `security` is resolved against it.
export const apiSecurity = (sessionCookie: string) => ({
  components: {
    securitySchemes: {
      session: {
        type: 'apiKey' as const,
        in: 'cookie',
        name: sessionCookie,
        description: '登录（POST /api/v1/auth/login）后服务器设置的会话 Cookie',
      },
    },
  },
  security: [{ session: [] }],
});

type Json = Record<string, unknown>;
type Operation = Json & {
  summary?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, Json>;
};

// Per route: the zod schemas to JSON Schema, and a multipart form's fields into its request body.
export const describeRoute = (input: Parameters<typeof jsonSchemaTransform>[0]) => {
  const described = jsonSchemaTransform(input);
  const fields = (input.route as RouteOptions).config?.multipartFields;
  if (!fields) return described;
  const form = z.toJSONSchema(fields, { io: 'input', target: 'openapi-3.0' }) as Json & {
    properties?: Json;
    required?: string[];
  };
  const body = {
    type: 'object',
    properties: { ...form.properties, file: { type: 'string', format: 'binary', description: '上传的文件' } },
    required: [...(form.required ?? []), 'file'],
  };
  return { ...described, schema: { ...described.schema, consumes: ['multipart/form-data'], body } };
};

const ZProblemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri-reference', example: `${problemTypeBase}not_found` },
    title: { type: 'string', description: '给用户看的说明' },
    status: { type: 'integer' },
    code: { type: 'string', description: '稳定的错误代码', example: 'NOT_FOUND' },
    detail: { type: 'string' },
    measure: { type: 'integer', description: '依据的措施条目' },
    basis: { type: 'string', description: '法律依据' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          path: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
          row: { type: 'integer' },
          column: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
    requestId: { type: 'string', description: '与响应头 x-request-id 相同' },
  },
};

const errorResponses: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: '请求有误：参数、请求体格式或取值不合要求' },
  '401': { name: 'Unauthenticated', description: '未登录或登录已失效' },
  '403': { name: 'Forbidden', description: '无权对该记录执行此操作（角色或属地）' },
  '404': { name: 'NotFound', description: '记录不存在或不在可见范围内' },
  '409': { name: 'Conflict', description: '与记录的当前状态冲突（如已审批、已抽取、重复提交）' },
  '413': { name: 'PayloadTooLarge', description: '请求体或上传的文件过大' },
  '415': { name: 'UnsupportedMediaType', description: '请求体的类型不受支持' },
  '422': { name: 'RuleRefused', description: '依规则拒绝：说明依据的措施与法律条文' },
  '423': { name: 'Locked', description: '账号已锁定' },
  '429': { name: 'TooManyRequests', description: '尝试次数过多，请稍后再试' },
};

const binary = { type: 'string', format: 'binary' };
const downloadTypes: [RegExp, string[]][] = [
  [/\.docx$/, [docxContentType]],
  [/\.xlsx$/, [xlsxContentType]],
  [/\.zip$/, ['application/zip']],
  [/\/files\/\{fileId\}$/, ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']],
];

// Server-Sent Events (issue 16 item 4): frames of `id:`, `event:` and `data:` (JSON) lines, the route's summary
// names the events
const eventStreams = [/\/incident-events$/];
const eventStream = {
  type: 'string',
  description:
    'text/event-stream：每条事件含 id（递增编号，重连时以 Last-Event-ID 续传）、event 与 data（JSON）',
};

const successWords: Record<string, string> = {
  '200': '成功',
  '201': '已创建',
  '202': '已受理，后台运行',
  '204': '已完成，无响应体',
};

// getInspectionsByIdOnsitePlanSubmit: the method and the path's words, a path parameter as By<Name>.
const operationIdOf = (method: string, path: string): string => {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((word) => {
      const param = /^\{(\w+)\}$/.exec(word);
      const name = param ? `by-${param[1]}` : word;
      return name.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
    });
  return method + words.join('');
};

// zod's nullable union of literals comes out as { nullable, anyOf: [{ type, enum: [one] }, …] } without a
// type, which OpenAPI 3.0 does not allow; the same as one enum of that type
const fixNullable = (node: unknown): void => {
  if (Array.isArray(node)) return node.forEach(fixNullable);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json & { anyOf?: { type?: string; enum?: unknown[] }[] };
  const members = schema.anyOf;
  if (schema.nullable === true && schema.type === undefined && Array.isArray(members)) {
    const types = new Set(members.map((member) => member.type));
    const type = [...types][0];
    if (
      types.size === 1 &&
      type &&
      members.every((m) => Object.keys(m).length === 2 && m.enum?.length === 1)
    ) {
      delete schema.anyOf;
      schema.type = type;
      schema.enum = [...members.map((m) => m.enum![0]), null];
    } else if (types.size === 1 && type) schema.type = type;
  }
  Object.values(schema).forEach(fixNullable);
};

const errorsOf = (method: string, path: string, operation: Operation): string[] => {
  const secured =
    operation.security === undefined || operation.security.every((s) => Object.keys(s).length > 0);
  const writes = method !== 'get';
  const body = operation.requestBody?.content ?? {};
  const codes = ['400'];
  if (secured) codes.push('401', '403');
  if (path.includes('{')) codes.push('404');
  if (writes && !path.startsWith('/api/v1/auth/')) codes.push('409', '422');
  if (Object.keys(body).length > 0) codes.push('413', '415');
  if (path === '/api/v1/auth/login') codes.push('401', '423', '429');
  // the public report desk limits submissions and failed follow-ups per address
  if (writes && path.startsWith('/api/v1/public/reports')) codes.push('429');
  return [...new Set(codes)].sort();
};

export const describeApi = (document: { openapiObject: unknown } | { swaggerObject: unknown }) => {
  if (!('openapiObject' in document)) return document.swaggerObject as Json;
  const spec = structuredClone(document.openapiObject) as Json & {
    components?: Json & { schemas?: Json; responses?: Json; securitySchemes?: Json };
    paths: Record<string, Record<string, Operation>>;
  };
  fixNullable(spec.paths);
  spec.components = {
    ...spec.components,
    schemas: { ...spec.components?.schemas, Problem: ZProblemSchema },
    responses: Object.fromEntries(
      Object.values(errorResponses).map(({ name, description }) => [
        name,
        {
          description,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
    ),
  };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operation.operationId ??= operationIdOf(method, path);
      const responses = (operation.responses ??= {});
      const what = operation.summary?.split(/[（(；]/)[0]?.trim() ?? '';
      for (const [status, response] of Object.entries(responses)) {
        if (response.description === 'Default Response' || !response.description) {
          response.description = what ? `${successWords[status] ?? '完成'}：${what}` : successWords[status];
        }
      }
      const download = downloadTypes.find(([pattern]) => pattern.test(path));
      if (download && method === 'get') {
        responses['200'] = {
          description: responses['200']?.description ?? successWords['200'],
          content: Object.fromEntries(download[1].map((type) => [type, { schema: binary }])),
        };
      }
      if (method === 'get' && eventStreams.some((pattern) => pattern.test(path))) {
        responses['200'] = {
          description: responses['200']?.description ?? successWords['200'],
          content: { 'text/event-stream': { schema: eventStream } },
        };
      }
      for (const status of errorsOf(method, path, operation)) {
        const name = errorResponses[status]!.name;
        used.add(name);
        responses[status] ??= { $ref: `#/components/responses/${name}` };
      }
    }
  }
  const allResponses = spec.components.responses as Json;
  for (const name of Object.keys(allResponses)) if (!used.has(name)) delete allResponses[name];
  return spec as Json;
};
