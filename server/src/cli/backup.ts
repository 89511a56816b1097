// `npm run backup [-- --dir DIR]`: a backup of the configured database now (DATABASE_URL, or the PGlite files under
// DATA_DIR), into DIR (default BACKUP_DIR, else DATA_DIR/backups), named by today's date. A running server takes
// one every night by itself; on PGlite only one process may open the files, so run this with the server stopped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../platform/config.ts';
import { configuredDatabase, openDatabase } from '../platform/db/client.ts';
import { dayOf, takeBackup } from '../platform/db/backup.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const config = readConfig();
const database = await openDatabase(configuredDatabase(config));
try {
  const taken = await takeBackup(database, {
    dir: values.dir ? path.resolve(values.dir) : config.backupDir,
    day: dayOf(new Date()),
  });
  console.log(`备份完成 (backup written): ${taken.file}，${(taken.bytes / 1024 / 1024).toFixed(1)} MB`);
} catch (error) {
  console.error(`备份失败 (backup failed): ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
