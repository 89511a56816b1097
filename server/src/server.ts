import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TConfig } from './platform/config.ts';
import {
  configuredDatabase,
  openDatabase,
  type Database,
  type DatabaseLogger,
} from './platform/db/client.ts';
import { buildApp } from './app.ts';
import { clockFrom, systemClock } from './platform/http/context.ts';
import { seedDemoData } from './demo/seed.ts';
import { seedStory } from './demo/story.ts';
import { appVersion } from './platform/version.ts';
import { startSchedules } from './schedule.ts';
import { readRouting } from './platform/db/replica.ts';
import { loginPolicy } from './platform/auth/service.ts';
import { configureReportIdentityKey, reportSubmissionPolicy } from './modules/reports/index.ts';

// Without SESSION_SECRET, a secret is made once and kept under DATA_DIR so sessions survive restarts.
const sessionSecret = (config: TConfig): string => {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
};

// Without REPORT_IDENTITY_KEY, a key is made once and kept under DATA_DIR (never in the database): losing it
// loses the reporters' identities, so it is backed up apart from the database.
const reportIdentityKey = (config: TConfig): Buffer => {
  if (config.reportIdentityKey) return config.reportIdentityKey;
  const file = path.join(config.dataDir, 'report-identity-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
};

export type RunningServer = { app: FastifyInstance; database: Database; stop: () => Promise<void> };

// Migrates, loads the demo data unless in production, and listens. In production (NODE_ENV=production)
// nothing demo is ever created: the first administrator comes from `npm run admin:create`.
export const startServer = async (
  config: TConfig,
  options: { logger?: boolean } = {},
): Promise<RunningServer> => {
  // pool errors go to the app's log once there is one, to stderr before
  let log: DatabaseLogger | undefined = undefined;
  const poolLogger: DatabaseLogger = {
    error: (details, message) => (log ?? console).error(details, message),
  };
  const database = await openDatabase(configuredDatabase(config, poolLogger));
  await database.migrate();
  // issue 18 item 6: the replica serves the routes whose reads may lag; it is never migrated or written to
  const replica = config.databaseReplicaUrl
    ? await openDatabase({ kind: 'postgresql', url: config.databaseReplicaUrl, logger: poolLogger })
    : null;
  const routing = replica ? readRouting(database.db, replica.db) : undefined;
  configureReportIdentityKey(reportIdentityKey(config));
  const clock = config.clockStart ? clockFrom(config.clockStart) : systemClock;
  const ctx = {
    db: routing?.db ?? database.db,
    databaseKind: database.kind,
    clock,
    version: appVersion,
    listen: database.listen,
  };
  const seeded = config.production ? null : await seedDemoData(ctx);
  // issue 13 item 8: the demo's plans, inspections in every stage, orders and a case, walked through the API
  const story = seeded ? await seedStory(ctx) : null;
  if (config.loginAttemptsPerIp) loginPolicy.attemptsPerIpPerWindow = config.loginAttemptsPerIp;
  if (config.reportSubmissionsPerIp) reportSubmissionPolicy.perAddress = config.reportSubmissionsPerIp;
  const app = await buildApp({
    ctx,
    sessionSecret: sessionSecret(config),
    secureCookie: config.production,
    logger: options.logger ?? true,
    trustProxy: config.trustProxy,
    docsNeedLogin: config.production,
    allowedOrigins: config.publicOrigins,
    ...(routing ? { readRouting: routing } : {}),
    ...(config.webDist ? { webDist: config.webDist } : {}),
  });
  log = app.log;
  if (seeded) app.log.info({ ...seeded, story }, 'demo data loaded');
  if (config.clockStart) app.log.warn({ clock: clock.now().toISOString() }, 'clock set by INSPECTA_CLOCK');
  if (config.production)
    app.log.info('production: no demo data; the first administrator comes from npm run admin:create');
  const stopSchedules = startSchedules(ctx, app.log, {
    database,
    dir: config.backupDir,
    keep: config.backupKeep,
  });
  await app.listen({ port: config.port, host: config.host });
  return {
    app,
    database,
    stop: async () => {
      stopSchedules();
      await app.close();
      await database.close();
      await replica?.close();
    },
  };
};
