import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { buildApp } from '../../app.ts';
import type { FastifyInstance } from 'fastify';

describe('serving the web app', () => {
  let app: FastifyInstance;
  let database: Database;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-dist-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), '<html>inspecta</html>');
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    app = await buildApp({
      ctx: {
        db: database.db,
        databaseKind: 'pglite',
        clock: { now: () => new Date('2026-11-26T02:00:00Z') },
        version: 'test',
      },
      sessionSecret: 'x'.repeat(32),
      webDist: dist,
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves files added by a rebuild after the server started', async () => {
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'assets', 'new-build.js'), 'console.log(1)');
    const response = await app.inject({ url: '/assets/new-build.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1)');
  });

  it('answers an app route with the app, and an unknown API route with a problem', async () => {
    expect((await app.inject({ url: '/enterprises/123' })).body).toContain('inspecta');
    const api = await app.inject({ url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('problem+json');
  });

  // issue 14 item 6
  it('caches hashed assets for a year, revalidates the page, and compresses what is worth it', async () => {
    fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), 'const inspecta = 1;\n'.repeat(200));
    const asset = await app.inject({
      url: '/assets/app-1a2b3c.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.rawPayload.length).toBeLessThan(200 * 20);
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    const json = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBe('gzip');
  });
});
