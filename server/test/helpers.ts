import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { recordStatement } from './statement-scope.ts';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/platform/http/context.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { demoPassword } from '../src/demo/accounts.ts';
import { sessionCookie } from '../src/platform/auth/authenticate.ts';
import { defaultTestNow } from './clock.ts';

export type TestContext = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  setNow: (instant: Date) => void;
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
};

const databaseUrl = (base: string, database: string): string => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

// `seeded`: a copy of the demo data seeded once for the run at the default instant (global-setup.ts).
const openTestDatabase = async (
  seeded: boolean,
): Promise<{ database: Database; drop: () => Promise<void> }> => {
  const template = inject('pgTemplate');
  if (!template) {
    const snapshots = inject('pgliteSnapshots');
    const snapshot = snapshots ? (seeded ? snapshots.seeded : snapshots.migrated) : null;
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: null,
      // every statement the app sends is looked at for its territory (statement-scope.ts)
      onQuery: recordStatement,
      ...(snapshot ? { loadDataDir: new Blob([fs.readFileSync(snapshot)]) } : {}),
    });
    await database.migrate();
    return { database, drop: async () => {} };
  }
  const name = `inspecta_t_${process.ppid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.maintenanceUrl });
  await admin.connect();
  // Copies of one template must not be made at the same moment.
  await admin.query('select pg_advisory_lock(7391002)');
  try {
    await admin.query(`create database ${name} template ${seeded ? template.seeded : template.template}`);
  } finally {
    await admin.query('select pg_advisory_unlock(7391002)');
  }
  const database = await openDatabase({
    kind: 'postgresql',
    url: databaseUrl(template.maintenanceUrl, name),
    poolSize: 5,
    onQuery: recordStatement,
  });
  return {
    database,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
};

// A fresh database with the demo data, the app around it, and a clock the test controls.
export const createTestContext = async (
  options: { seed?: boolean; now?: Date } = {},
): Promise<TestContext> => {
  let now = options.now ?? defaultTestNow;
  const seed = options.seed ?? true;
  // the demo data depends on the day it is seeded: only a context at the default instant takes the run's copy
  const seededCopy = seed && now.getTime() === defaultTestNow.getTime();
  const { database, drop } = await openTestDatabase(seededCopy);
  const ctx: AppContext = {
    db: database.db,
    databaseKind: database.kind,
    clock: { now: () => now },
    version: 'test',
    listen: database.listen,
  };
  if (seed && !seededCopy) await seedDemoData(ctx);
  const app = await buildApp({ ctx, sessionSecret: 'test-secret-'.padEnd(40, 'x'), webDist: null });
  await app.ready();
  let ipCounter = 0;
  return {
    app,
    ctx,
    database,
    setNow: (instant) => {
      now = instant;
    },
    login: async (username, password = demoPassword) => {
      ipCounter += 1;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
        remoteAddress: `10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`,
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === sessionCookie);
      return `${sessionCookie}=${cookie!.value}`;
    },
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
};

// The app on a database a test made by other means (a restored backup, an upgraded release), signed in as a demo
// user: the answer's session cookie.
export const serveDatabase = async (database: Database, now: Date) => {
  const app = await buildApp({
    ctx: { db: database.db, databaseKind: database.kind, clock: { now: () => now }, version: 'test' },
    sessionSecret: 'served-secret-'.padEnd(40, 'x'),
    webDist: null,
  });
  return {
    app,
    login: async (username: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: demoPassword },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      return `${sessionCookie}=${response.cookies.find((c) => c.name === sessionCookie)!.value}`;
    },
  };
};
