import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { jsonBodyLimit } from '../../app.ts';

type WriteRoute = { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string };
type Parameter = { name: string; in: string; schema?: { format?: string } };
type Operation = {
  parameters?: Parameter[];
  requestBody?: {
    content?: Record<string, { schema?: { properties?: Record<string, { format?: string }> } }>;
  };
};
type Spec = { paths: Record<string, Record<string, Operation>> };

const isProblem = (response: { statusCode: number; headers: Record<string, unknown> }) =>
  response.statusCode >= 400 &&
  response.statusCode < 500 &&
  String(response.headers['content-type']).includes('application/problem+json');

// Every write route the API documents, with its path parameters filled by real records, so a bad
// body reaches the validation of a route that would otherwise act.
// Each test walks every route of the API, which grows with every issue: on a loaded machine one walk has
// taken more than the default 30 s, so the walks get their own limit.
describe('bad input on every write route', { timeout: 180_000 }, () => {
  let t: TestContext;
  let cookie: string;
  let routes: WriteRoute[];
  let spec: Spec;
  let fillPath: (path: string) => string;
  beforeAll(async () => {
    t = await createTestContext();
    cookie = await t.login('admin');
    const ids = {
      enterprise: (
        (await t.app.inject({ url: '/api/v1/enterprises?pageSize=1', headers: { cookie } })).json() as {
          items: { id: string }[];
        }
      ).items[0]!.id,
      officer: (
        (await t.app.inject({ url: '/api/v1/officers?pageSize=1', headers: { cookie } })).json() as {
          items: { id: string; certificates: { id: string }[] }[];
        }
      ).items[0]!,
      organisation: (
        (await t.app.inject({ url: '/api/v1/organisations', headers: { cookie } })).json() as {
          items: { id: string }[];
        }
      ).items[0]!.id,
    };
    spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as Spec;
    fillPath = (path) =>
      path
        .replace('/enterprises/{id}', `/enterprises/${ids.enterprise}`)
        .replace('/officers/{id}', `/officers/${ids.officer.id}`)
        .replace('{certificateId}', ids.officer.certificates[0]!.id)
        .replace('/organisations/{id}', `/organisations/${ids.organisation}`)
        // ids that exist in no table: the body must still be refused before anything is looked up
        .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000000');
    routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method): method is WriteRoute['method'] =>
          ['POST', 'PATCH', 'PUT', 'DELETE'].includes(method),
        )
        .filter(() => path !== '/api/v1/auth/logout')
        .map((method) => ({ method, url: fillPath(path) })),
    );
  }, 300_000);
  afterAll(() => t.close());

  it('finds the write routes in the OpenAPI description', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('answers a 4xx problem to bodies that are not objects or carry unknown fields', async () => {
    // (a JSON null is how some clients send "no body" to an action that takes none; NaN and the
    // infinities are written as null too, so the filter looks at what goes on the wire)
    const notAnObject = fc
      .anything()
      .map((value) => JSON.stringify(value) as string | undefined)
      .filter((text): text is string => text !== undefined && text !== 'null' && !text.startsWith('{'));
    const unknownField = fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.string({ minLength: 1 }))
      .map(([body, key]) => ({ ...body, [`unknown_${key}`]: 1 }));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(notAnObject, unknownField), async (body) => {
          const response = await t.app.inject({
            ...route,
            headers: { cookie, 'content-type': 'application/json' },
            payload: typeof body === 'string' ? body : JSON.stringify(body),
          });
          return isProblem(response);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('never answers 5xx to wrongly typed values in known fields', async () => {
    const fields = [
      'name',
      'creditCode',
      'territory',
      'industry',
      'scale',
      'workforce',
      'dustWorkers',
      'kind',
      'entrustment',
      'status',
      'reason',
      'date',
      'number',
      'validFrom',
      'validTo',
      'organisationId',
      'qualifications',
      'username',
      'password',
    ];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...fields), fc.jsonValue(), { minKeys: 1 }),
          async (body) => {
            const response = await t.app.inject({ ...route, headers: { cookie }, payload: body });
            return response.statusCode < 500 && (response.statusCode < 400 || isProblem(response));
          },
        ),
        { numRuns: 25 },
      );
    }
  });

  it('answers 400 to malformed JSON on every write route', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.string().filter((text) => {
            try {
              JSON.parse(text);
              return false;
            } catch {
              return true;
            }
          }),
          async (text) => {
            const response = await t.app.inject({
              ...route,
              headers: { cookie, 'content-type': 'application/json' },
              payload: text,
            });
            return isProblem(response);
          },
        ),
        { numRuns: 10 },
      );
    }
  });

  it('refuses an oversized body with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(jsonBodyLimit + 10) }),
    });
    expectProblem(response, 413, 'BODY_TOO_LARGE');
  });

  it('answers a problem to an unknown route and an unsupported content type', async () => {
    expectProblem(
      await t.app.inject({ url: '/api/v1/no-such-thing', headers: { cookie } }),
      404,
      'ROUTE_NOT_FOUND',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: 'a,b',
      }),
      415,
    );
  });

  // Issue 12 item 5: text no field may hold (NUL, a UTF-16 surrogate without its pair), year 0000, and names
  // of JavaScript's object machinery, in every query parameter, body field, path and multipart part.
  const isCleanRefusal = (response: { statusCode: number; headers: Record<string, unknown> }) =>
    response.statusCode === 400 && isProblem(response);
  const codeOf = (response: { body: string }) => (JSON.parse(response.body) as { code?: string }).code;

  it('answers 400 to NUL, year 0000 and __proto__ in every query parameter of every route', async () => {
    const badValues = ['%00', 'a%00b', '0000-01-01', '__proto__', 'constructor', '-__proto__'];
    let cases = 0;
    const nulCodes = new Set<string | undefined>();
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const value of badValues) {
            const response = await t.app.inject({
              method: method.toUpperCase() as 'GET',
              url: `${fillPath(path)}?${parameter.name}=${value}`,
              headers: { cookie },
            });
            cases += 1;
            const refused = response.statusCode < 500 && (response.statusCode < 400 || isProblem(response));
            expect(refused, `${method} ${path}?${parameter.name}=${value}: ${response.body}`).toBe(true);
            if (value.includes('%00')) {
              expect(isCleanRefusal(response), `${path}?${parameter.name}=${value}`).toBe(true);
              nulCodes.add(codeOf(response));
            }
            if (parameter.schema?.format === 'date' && value === '0000-01-01') {
              expect(isCleanRefusal(response), `${path}?${parameter.name}=${value}`).toBe(true);
            }
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect([...nulCodes]).toEqual(['INVALID_CHARACTERS']);
    // a sort by a name of JavaScript's object machinery names no column
    for (const sort of ['__proto__', '-constructor', 'name,__proto__']) {
      expectProblem(
        await t.app.inject({ url: `/api/v1/enterprises?sort=${sort}`, headers: { cookie } }),
        400,
        'INVALID_SORT',
      );
    }
  }, 600_000);

  it('refuses a download cut off by NUL before it sends its headers', async () => {
    const response = await t.app.inject({
      url: '/api/v1/enterprises/export.xlsx?q=%00',
      headers: { cookie },
    });
    expectProblem(response, 400, 'INVALID_CHARACTERS');
    expect(response.headers['content-disposition']).toBeUndefined();
  }, 600_000);

  it('answers 400 to NUL and lone surrogates in every body field and in field names, and to year 0000 dates', async () => {
    const bad = ['\u0000', 'text\u0000', '\ud800', 'x\udfff', '\ud800\u0000'];
    let cases = 0;
    for (const route of routes) {
      const path = Object.keys(spec.paths).find((p) => fillPath(p) === route.url)!;
      const schema =
        spec.paths[path]![route.method.toLowerCase()]!.requestBody?.content?.['application/json']?.schema;
      const fields = Object.entries(schema?.properties ?? {});
      for (const [field, property] of [...fields, ['any', {}] as const]) {
        for (const value of bad) {
          const response = await t.app.inject({
            ...route,
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify({ [field]: value }),
          });
          cases += 1;
          expect(isCleanRefusal(response), `${route.method} ${route.url} ${field}: ${response.body}`).toBe(
            true,
          );
          expect(codeOf(response)).toBe('INVALID_CHARACTERS');
        }
        if (property.format === 'date') {
          const response = await t.app.inject({
            ...route,
            headers: { cookie },
            payload: { [field]: '0000-01-01' },
          });
          expect(isCleanRefusal(response), `${route.url} ${field}=0000-01-01: ${response.body}`).toBe(true);
        }
      }
      const key = await t.app.inject({
        ...route,
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ ['na\u0000me']: 'x' }),
      });
      expect(codeOf(key), route.url).toBe('INVALID_CHARACTERS');
    }
    expect(cases).toBeGreaterThan(200);
  }, 600_000);

  it('answers 400 to NUL in a path parameter', async () => {
    for (const url of ['/api/v1/enterprises/%00', '/api/v1/officers/a%00b', '/api/v1/inspections/%00']) {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(isCleanRefusal(response), `${url}: ${response.body}`).toBe(true);
    }
  }, 600_000);

  it('answers 400 to NUL and lone surrogates in multipart file names and fields, on every route that takes an upload', async () => {
    const boundary = 'inspecta-bad-input';
    type Part = { field: string; fileName?: string; fileNameStar?: string; value: string };
    const file: Part = { field: 'file', fileName: 'photo.jpg', value: 'jpeg' };
    const encode = (part: Part) => {
      const isFile = part.fileName !== undefined || part.fileNameStar !== undefined;
      const disposition = [
        `form-data; name="${part.field}"`,
        ...(part.fileName === undefined ? [] : [`filename="${part.fileName}"`]),
        ...(part.fileNameStar === undefined ? [] : [`filename*=UTF-8''${part.fileNameStar}`]),
      ].join('; ');
      return Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          (isFile ? 'Content-Type: image/jpeg\r\n' : '') +
          `\r\n${part.value}\r\n`,
        'utf8',
      );
    };
    const multipart = (...parts: Part[]) =>
      Buffer.concat([...parts.map(encode), Buffer.from(`--${boundary}--\r\n`)]);
    // (UTF-8 cannot carry a lone surrogate: a multipart body's bytes decode to U+FFFD instead)
    const bodies = [
      multipart({ ...file, fileName: 'photo\u0000.jpg' }),
      multipart({ ...file, fileName: undefined, fileNameStar: 'photo%00.jpg' }),
      multipart({ field: 'note', value: 'a\u0000b' }, file),
      multipart({ field: 'kind\u0000', value: 'photo' }, file),
    ];
    const uploadRoutes = new Set<string>();
    for (const route of routes.filter((r) => r.method === 'POST')) {
      for (const payload of bodies) {
        const response = await t.app.inject({
          ...route,
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        });
        expect(isProblem(response), `${route.url}: ${response.body}`).toBe(true);
        if (codeOf(response) === 'BODY_MUST_BE_JSON') continue;
        uploadRoutes.add(route.url);
        expect(codeOf(response), `${route.url}: ${response.body}`).toBe('INVALID_CHARACTERS');
      }
    }
    // the enterprise import, the evidence of a visit and the proofs of a rectification
    expect(uploadRoutes.size).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
