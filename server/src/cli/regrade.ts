// `npm run regrade`: regrades every enterprise now, with progress on the terminal (DATABASE_URL, or the
// PGlite files under DATA_DIR).
import { readConfig } from '../platform/config.ts';
import { configuredDatabase, openDatabase } from '../platform/db/client.ts';
import { systemClock } from '../platform/http/context.ts';
import { openRun, runRegrade } from '../modules/grading/index.ts';
import { appVersion } from '../platform/version.ts';

const config = readConfig();
const database = await openDatabase(configuredDatabase(config));
try {
  await database.migrate();
  const ctx = { db: database.db, databaseKind: database.kind, clock: systemClock, version: appVersion };
  const { run, opened } = await openRun(ctx, 'manual', '命令行 npm run regrade');
  if (!opened) {
    console.error(`已有分级任务正在运行 (${run.id})，请稍后再试`);
    process.exitCode = 1;
  } else {
    const started = Date.now();
    const done = await runRegrade(ctx, run, {
      onProgress: ({ processed, total, changed }) => {
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `\r重新分级 ${processed}/${total} (${total ? Math.round((processed / total) * 100) : 100}%)，变化 ${changed}，${Math.round(processed / Math.max(seconds, 0.001))} 家/秒   `,
        );
      },
    });
    console.log(
      `\n完成：${done.processed} 家企业，${done.changed} 家分级变化，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    );
  }
} finally {
  await database.close();
}
