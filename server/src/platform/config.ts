import path from 'node:path';
import { z } from 'zod';

const ZConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // issue 18 item 6: a streaming replica of DATABASE_URL; lists, searches and dashboards read from it
  DATABASE_REPLICA_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('var'),
  // issue 18 item 8: where the nightly backup is written (default DATA_DIR/backups), and how many are kept (0: none
  // is taken; with several servers on one PostgreSQL, one of them is enough)
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(0).max(3650).default(7),
  SESSION_SECRET: z.string().min(32).optional(),
  // measure 27: the key the reporters' identities are encrypted with (32 bytes, base64), kept outside the database
  REPORT_IDENTITY_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, '须为 32 字节的 base64 编码')
    .optional(),
  NODE_ENV: z.string().default('development'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  WEB_DIST: z.string().optional(),
  LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).optional(),
  // public reports (举报) accepted per client address per hour
  REPORTS_PER_IP: z.coerce.number().int().min(1).max(100_000).optional(),
  // issue 11 item 13: the instant the server's clock starts from (ISO 8601 with offset), for tests and
  // demonstrations of a given day; it then runs at the real pace. Never honoured in production.
  INSPECTA_CLOCK: z.iso.datetime({ offset: true }).optional(),
  // the address users open the app at, when a proxy does not pass the Host it was reached by
  // (comma-separated, e.g. https://inspecta.example.gov.cn); writes from other origins are refused
  PUBLIC_ORIGIN: z.string().optional(),
});

export type TConfig = {
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  backupDir: string;
  backupKeep: number;
  sessionSecret: string | undefined;
  reportIdentityKey: Buffer | undefined;
  production: boolean;
  // behind a reverse proxy, X-Forwarded-For names the client; otherwise a client could forge it
  trustProxy: boolean;
  webDist: string | undefined;
  loginAttemptsPerIp: number | undefined;
  reportSubmissionsPerIp: number | undefined;
  // outside production only: the clock starts from this instant (INSPECTA_CLOCK)
  clockStart: Date | undefined;
  publicOrigins: string[];
};

export const readConfig = (env: NodeJS.ProcessEnv = process.env): TConfig => {
  const parsed = ZConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`配置错误 (configuration error):\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  return {
    databaseUrl: value.DATABASE_URL,
    databaseReplicaUrl: value.DATABASE_URL ? value.DATABASE_REPLICA_URL : undefined,
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.DATA_DIR),
    backupDir: path.resolve(value.BACKUP_DIR ?? path.join(value.DATA_DIR, 'backups')),
    backupKeep: value.BACKUP_KEEP,
    sessionSecret: value.SESSION_SECRET,
    reportIdentityKey: value.REPORT_IDENTITY_KEY
      ? Buffer.from(value.REPORT_IDENTITY_KEY, 'base64')
      : undefined,
    production: value.NODE_ENV === 'production',
    trustProxy: value.TRUST_PROXY === 'true',
    webDist: value.WEB_DIST ? path.resolve(value.WEB_DIST) : undefined,
    loginAttemptsPerIp: value.LOGIN_ATTEMPTS_PER_IP,
    reportSubmissionsPerIp: value.REPORTS_PER_IP,
    clockStart:
      value.INSPECTA_CLOCK && value.NODE_ENV !== 'production' ? new Date(value.INSPECTA_CLOCK) : undefined,
    publicOrigins: (value.PUBLIC_ORIGIN ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
};
