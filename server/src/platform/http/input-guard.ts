import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { problem } from '../problems/problem.ts';

// Text no field may hold, refused at the edge for every route before its handler runs (issue 12 item 5):
// NUL, which PostgreSQL cannot store in text and which cuts a C string short, and a UTF-16 surrogate
// without its pair, which is no character at all (PostgreSQL refuses it, exports write garbage).
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// most text holds neither NUL nor any surrogate: one pass of a plain character class says so, and only text that
// holds one is looked at closely
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const suspect = /[\u0000\ud800-\udfff]/;
export const isCleanText = (text: string): boolean =>
  !suspect.test(text) || (!text.includes('\u0000') && !loneSurrogate.test(text));

// The first place in a parsed value (keys included) that holds unclean text, as a path, or null. The path is
// made only for what is found (a request of a thousand items walks without making one per field).
export const findUncleanText = (value: unknown, depth = 0): string[] | null => {
  if (typeof value === 'string') return isCleanText(value) ? null : [];
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUncleanText(value[i], depth + 1);
      if (found) return [String(i), ...found];
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!isCleanText(key)) return ['(字段名)'];
    const found = findUncleanText((value as Record<string, unknown>)[key], depth + 1);
    if (found) return [key, ...found];
  }
  return null;
};

const places = { params: '路径参数', query: '查询参数', body: '提交的内容' } as const;

const assertClean = (where: string, value: unknown): void => {
  const found = findUncleanText(value);
  if (found) {
    throw problem(
      'INVALID_CHARACTERS',
      { where },
      { errors: [{ path: found, message: '含有空字符或残缺的 Unicode 字符' }] },
    );
  }
};

// A multipart upload is read by its handler part by part; each part's field name, file name and value are
// checked as the handler reads it. A part's `fields` also holds the parts read before it (`request.file()`
// skips the fields before the file): those are checked with it.
type Part = { fieldname: string; type: 'file' | 'field'; filename?: string; value?: unknown };
const checkOnePart = (part: Part): void => {
  assertClean('上传的表单', { field: part.fieldname });
  if (part.type === 'file') assertClean('上传文件的文件名', { fileName: part.filename });
  else assertClean('上传的表单', { [part.fieldname]: part.value });
};

const checkPart = <T extends Multipart>(part: T): T => {
  checkOnePart(part as Part);
  for (const entry of Object.values(part.fields ?? {})) {
    for (const other of Array.isArray(entry) ? entry : [entry]) if (other) checkOnePart(other as Part);
  }
  return part;
};

async function* checkedParts(parts: AsyncIterableIterator<Multipart>): AsyncIterableIterator<Multipart> {
  for await (const part of parts) yield checkPart(part);
}

const guardMultipart = (request: FastifyRequest): void => {
  const parts = request.parts.bind(request);
  const file = request.file.bind(request);
  request.parts = (options) => checkedParts(parts(options));
  request.file = async (options) => {
    const found = await file(options);
    return found ? checkPart(found) : found;
  };
};

export const installInputGuard = (app: FastifyInstance): void => {
  // after the body is parsed, before the route's schema and handler: so a download is refused before it
  // sends its headers, and a write before it touches the database
  app.addHook('preValidation', async (request) => {
    assertClean(places.params, request.params);
    assertClean(places.query, request.query);
    assertClean(places.body, request.body);
    if (typeof request.isMultipart === 'function' && request.isMultipart()) guardMultipart(request);
  });
};
