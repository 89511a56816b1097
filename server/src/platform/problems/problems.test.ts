import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { expectProblem } from '../../../test/problem.ts';
import { problem, Problem } from './problem.ts';
import { problems } from './registry.ts';

const serverSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });

const sources = sourceFiles(serverSource).map((file) => ({
  file: path.relative(serverSource, file),
  text: fs.readFileSync(file, 'utf8'),
}));

describe('the problem registry', () => {
  it('gives every code an error status and a Chinese title', () => {
    for (const [code, entry] of Object.entries(problems)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      if (typeof entry.title === 'string') expect(entry.title, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('holds every code the server throws', () => {
    const thrown = new Set<string>();
    for (const { text } of sources) {
      for (const match of text.matchAll(/\bproblem\(\s*'([A-Z0-9_]+)'/g)) thrown.add(match[1]!);
      for (const match of text.matchAll(/\?\s*'([A-Z0-9_]+)'\s*:\s*'([A-Z0-9_]+)'\s*\)/g)) {
        thrown.add(match[1]!).add(match[2]!);
      }
    }
    expect(thrown.size).toBeGreaterThan(70);
    expect([...thrown].filter((code) => !(code in problems))).toEqual([]);
  });

  // A problem made by hand would bypass the registry; only the platform's problem module and the error
  // handler (which keeps Fastify's status for a client error) construct one, and `refused` for domain refusals.
  it('is the only source of problem codes: no `new Problem(` outside the platform http module', () => {
    const makers = sources.filter(({ text }) => /new Problem\(/.test(text)).map(({ file }) => file);
    expect(makers.sort()).toEqual(['platform/http/errors.ts', 'platform/problems/problem.ts']);
  });

  it('fills a template title from its parameters and keeps the extra members', () => {
    const made = problem('DRAW_EMPTY_STRATUM', { stratum: '危化' }, { measure: 5 });
    expect(made).toBeInstanceOf(Problem);
    expect(made.body).toMatchObject({
      status: 422,
      code: 'DRAW_EMPTY_STRATUM',
      title: '分层“危化”没有可抽取的企业',
      measure: 5,
    });
    expect(problem('FORBIDDEN').body).toMatchObject({ status: 403, title: '您的角色无权执行此操作' });
  });
});

describe('request ids', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ seed: false });
  });
  afterAll(async () => t.close());

  it('returns a generated x-request-id on every answer', async () => {
    const ok = await t.app.inject({ url: '/api/v1/health' });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const other = await t.app.inject({ url: '/api/v1/health' });
    expect(other.headers['x-request-id']).not.toBe(ok.headers['x-request-id']);
  });

  it('tells the web the server’s clock on every answer (issue 11 item 13)', async () => {
    t.setNow(new Date('2027-01-04T01:30:00Z'));
    const ok = await t.app.inject({ url: '/api/v1/health' });
    expect(ok.headers['x-server-time']).toBe('2027-01-04T01:30:00.000Z');
  });

  it('keeps a sane incoming x-request-id and puts it in the problem body', async () => {
    const response = await t.app.inject({
      url: '/api/v1/no-such-route',
      headers: { 'x-request-id': 'proxy-42.a:b' },
    });
    const body = expectProblem(response, 404, 'ROUTE_NOT_FOUND');
    expect(body.requestId).toBe('proxy-42.a:b');
  });

  it('replaces an incoming x-request-id that is too long or has odd characters', async () => {
    for (const incoming of ['x'.repeat(200), 'a b', 'id\u00e9', '']) {
      const response = await t.app.inject({
        url: '/api/v1/enterprises',
        headers: { 'x-request-id': incoming },
      });
      const body = expectProblem(response, 401, 'UNAUTHENTICATED');
      expect(body.requestId).not.toBe(incoming);
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
