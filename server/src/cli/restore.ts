// `npm run restore -- --from FILE [--database-url URL | --data-dir DIR]`: restores a backup into a new database
// (an empty PostgreSQL database, or a PGlite data directory that does not exist yet), brings it up to this
// release's migrations, and checks its audit chains. Never writes over existing data. Then start the server on it
// (DATABASE_URL=URL, or DATA_DIR whose pglite folder is DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup, type BackupTarget } from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/client.ts';
import { verifyAuditChain } from '../platform/audit/service.ts';

const usage = `用法 (usage): npm run restore -- --from 备份文件 (--database-url postgres://… | --data-dir 目录)`;
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
  },
});
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};
if (!values.from || (values['database-url'] === undefined) === (values['data-dir'] === undefined))
  fail(usage);
const target: BackupTarget = values['database-url']
  ? { kind: 'postgresql', url: values['database-url'] }
  : { kind: 'pglite', dataDir: path.resolve(values['data-dir']!) };

try {
  await restoreBackup(path.resolve(values.from!), target);
} catch (error) {
  fail(`恢复失败 (restore failed): ${error instanceof Error ? error.message : String(error)}`);
}
const database = await openDatabase(
  target.kind === 'postgresql'
    ? { kind: 'postgresql', url: target.url }
    : { kind: 'pglite', dataDir: target.dataDir },
);
try {
  await database.migrate();
  const verdict = await verifyAuditChain(database.db);
  if (verdict.intact)
    console.log(`已恢复，审计链完整 (restored, audit chains intact): ${verdict.count} 条事件`);
  else {
    console.log(`已恢复，但审计链已损坏 (restored, audit chain broken): ${verdict.firstBroken.reason}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
