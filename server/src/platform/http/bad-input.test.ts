import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { jsonBodyLimit } from '../../app.ts';

type WriteRoute = { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string };

const isProblem = (response: { statusCode: number; headers: Record<string, unknown> }) =>
  response.statusCode >= 400 &&
  response.statusCode < 500 &&
  String(response.headers['content-type']).includes('application/problem+json');

// Every write route the API documents, with its path parameters filled by real records, so a bad
// body reaches the validation of a route that would otherwise act.
describe('bad input on every write route', () => {
  let t: TestContext;
  let cookie: string;
  let routes: WriteRoute[];
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
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method): method is WriteRoute['method'] =>
          ['POST', 'PATCH', 'PUT', 'DELETE'].includes(method),
        )
        .filter(() => path !== '/api/v1/auth/logout')
        .map((method) => ({
          method,
          url: path
            .replace('/enterprises/{id}', `/enterprises/${ids.enterprise}`)
            .replace('/officers/{id}', `/officers/${ids.officer.id}`)
            .replace('{certificateId}', ids.officer.certificates[0]!.id)
            .replace('/organisations/{id}', `/organisations/${ids.organisation}`)
            // ids that exist in no table: the body must still be refused before anything is looked up
            .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000000'),
        })),
    );
  });
  afterAll(() => t.close());

  it('finds the write routes in the OpenAPI description', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('answers a 4xx problem to bodies that are not objects or carry unknown fields', async () => {
    // (a JSON null is how some clients send "no body" to an action that takes none)
    const notAnObject = fc
      .anything()
      .filter(
        (value) =>
          value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value)),
      );
    const unknownField = fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.string({ minLength: 1 }))
      .map(([body, key]) => ({ ...body, [`unknown_${key}`]: 1 }));
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(notAnObject, unknownField), async (body) => {
          const response = await t.app.inject({
            ...route,
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(body ?? null),
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
});
