import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './platform/http/context.ts';
import { openRun, runRegrade } from './modules/grading/index.ts';
import { remindDrawResults } from './modules/draws/index.ts';
import { remindMonthlyPlans } from './modules/plans/index.ts';
import { escalateOverdueOrders } from './modules/inspections/index.ts';
import { scanMonitoring } from './modules/monitoring/index.ts';
import { purgeReportLookups } from './modules/reports/index.ts';
import { startAuditChainer } from './platform/audit/service.ts';
import { dayOf, pruneBackups, takeBackup } from './platform/db/backup.ts';
import type { Database } from './platform/db/client.ts';

export type BackupSchedule = { database: Database; dir: string; keep: number };

// issue 18 item 8: every night a backup of the whole database, named by its day, the oldest beyond `keep` removed.
export const nightlyBackup = async (
  ctx: AppContext,
  backup: BackupSchedule,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
) => {
  const started = Date.now();
  const taken = await takeBackup(backup.database, { dir: backup.dir, day: dayOf(ctx.clock.now()) });
  const removed = pruneBackups(backup.dir, backup.keep);
  log.info({ ...taken, removed, ms: Date.now() - started }, 'nightly backup done');
  return taken;
};

// measure 3: every night the grades are recomputed for the new day (season periods start and end).
// Safe on several servers and when run twice: only one run can be open at a time, and a day's done
// nightly run is not repeated.
export const nightlyRegrade = async (ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>) => {
  const { run, opened } = await openRun(ctx, 'nightly', '系统（每日重新分级）');
  if (!opened) {
    log.info({ run: run.id, status: run.status }, 'nightly regrade skipped');
    return null;
  }
  const done = await runRegrade(ctx, run);
  log.info({ run: done.id, processed: done.processed, changed: done.changed }, 'nightly regrade done');
  return done;
};

// Every minute: silent monitoring points become leads, and leads nobody took up go up the chain
// (issue 16 items 3 and 5); the public report desk's rate-limit rows past every window are deleted.
export const minuteScans = (ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>) =>
  Promise.all([
    scanMonitoring(ctx)
      .then((result) => {
        if (result.silent + result.resumed + result.escalated > 0) log.info(result, 'monitoring scan');
      })
      .catch((error: unknown) => log.error({ err: error }, 'monitoring scan failed')),
    purgeReportLookups(ctx)
      .then((result) => {
        if (result.deleted > 0) log.info(result, 'report lookups purged');
      })
      .catch((error: unknown) => log.error({ err: error }, 'report lookup purge failed')),
  ]);

export const startSchedules = (
  ctx: AppContext,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  backup?: BackupSchedule,
): (() => void) => {
  const backups =
    backup && backup.keep > 0
      ? new Cron('30 1 * * *', { timezone: 'Asia/Shanghai', protect: true }, async () => {
          await nightlyBackup(ctx, backup, log).catch((error: unknown) =>
            log.error({ err: error }, 'nightly backup failed'),
          );
        })
      : null;
  const job = new Cron('30 0 * * *', { timezone: 'Asia/Shanghai', protect: true }, () => {
    nightlyRegrade(ctx, log).catch((error: unknown) => log.error({ err: error }, 'nightly regrade failed'));
  });
  // measure 2: reminders of next month's plan, every morning and once at start-up, so a server that was
  // down at eight catches up (the scan is idempotent)
  // measure 12: and of the publication deadline of draw results
  const remind = () =>
    Promise.all([
      remindMonthlyPlans(ctx)
        .then((result) => log.info(result, 'monthly plan reminders'))
        .catch((error: unknown) => log.error({ err: error }, 'monthly plan reminders failed')),
      remindDrawResults(ctx)
        .then((result) => log.info(result, 'draw result reminders'))
        .catch((error: unknown) => log.error({ err: error }, 'draw result reminders failed')),
      // measure 13: overdue rectification orders escalate as 移交立案 candidates
      escalateOverdueOrders(ctx)
        .then((result) => log.info(result, 'rectification escalation'))
        .catch((error: unknown) => log.error({ err: error }, 'rectification escalation failed')),
    ]);
  const reminders = new Cron('0 8 * * *', { timezone: 'Asia/Shanghai', protect: true }, () => void remind());
  void remind();
  // issue 10 item 6: audited writes store their events unchained; every second the chainer links the committed
  // ones into their bureau's hash chain (reading the audit list or verifying chains first, too)
  const stopChainer = startAuditChainer(ctx.db, {
    onError: (error) => log.error({ err: error }, 'audit chaining failed'),
  });
  const monitoring = new Cron('* * * * *', { timezone: 'Asia/Shanghai', protect: true }, () => {
    void minuteScans(ctx, log);
  });
  return () => {
    backups?.stop();
    job.stop();
    reminders.stop();
    monitoring.stop();
    stopChainer();
  };
};
