// `npm run audit:verify`: checks every audit hash chain (one per bureau, and the legacy one) of the configured database (DATABASE_URL, or the
// PGlite files under DATA_DIR) and exits 1 when it is broken.
import { readConfig } from '../platform/config.ts';
import { configuredDatabase, openDatabase } from '../platform/db/client.ts';
import { verifyAuditChain } from '../platform/audit/service.ts';

const config = readConfig();
const database = await openDatabase(configuredDatabase(config));
try {
  const verdict = await verifyAuditChain(database.db);
  if (verdict.intact) {
    console.log(`审计链完整 (audit chains intact): ${verdict.chains} 条链，${verdict.count} 条事件`);
  } else {
    const broken = verdict.firstBroken;
    console.log(
      `审计链已损坏 (audit chain broken): chain ${broken.chain} #${broken.chainSeq}` +
        ` (event seq ${broken.seq ?? '—'}, id ${broken.id ?? '—'}): ${broken.reason}`,
    );
    console.log(`此前已校验 ${verdict.count} 条事件完好`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
