// `npm run bench:audit`: audited writes per second with concurrent clients on PostgreSQL (issue 10 item 6),
// next to the same writes without audit and the same audited writes under the old global lock, in one run.
// "audited" is the design in use (sequence first, chain after: the chainer's work is inside its time).
// Each client loops: one transaction = update one enterprise's contact phone (+ the audit event). The modes
// alternate in rounds so a machine busy with something else slows all of them alike.
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db, type Tx } from '../server/src/platform/db/client.ts';
import {
  appendAuditEvent,
  chainPendingEvents,
  startAuditChainer,
  verifyAuditChain,
} from '../server/src/platform/audit/service.ts';
import { genesisHash, legacyEventHash } from '../server/src/platform/audit/canonical.ts';

const usage = `Usage: npm run bench:audit -- [options]

  --seconds S            length of each mode's run in a round (default 5)
  --rounds N             rounds; each runs every mode once, in turn (default 3)
  --clients N            concurrent clients, one connection each (default 8)
  --bureaus N            territories the enterprises (and so the writes) are spread over (default 7)
  --enterprises N        enterprises per bureau (default 200)
  --modes LIST           comma-separated, of: unaudited, audited, global-lock (default all three)
  --server-url URL       PostgreSQL server (default postgres://postgres@127.0.0.1:5432); the bench creates
                         its own scratch database there and drops it at the end
  --maintenance-db NAME  database to connect to for CREATE/DROP DATABASE (default postgres)
  -h, --help             this text
`;

type Mode = 'unaudited' | 'audited' | 'global-lock';
const allModes: Mode[] = ['unaudited', 'audited', 'global-lock'];

const positive = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
};

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    clients: { type: 'string' },
    bureaus: { type: 'string' },
    enterprises: { type: 'string' },
    modes: { type: 'string' },
    'server-url': { type: 'string' },
    'maintenance-db': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const options = {
  seconds: positive('seconds', values.seconds, 5),
  rounds: Math.round(positive('rounds', values.rounds, 3)),
  clients: Math.round(positive('clients', values.clients, 8)),
  bureaus: Math.round(positive('bureaus', values.bureaus, 7)),
  enterprises: Math.round(positive('enterprises', values.enterprises, 200)),
  modes: (values.modes?.split(',') ?? allModes) as Mode[],
  serverUrl: values['server-url'] ?? 'postgres://postgres@127.0.0.1:5432',
  maintenanceDatabase: values['maintenance-db'] ?? 'postgres',
};
for (const mode of options.modes) if (!allModes.includes(mode)) throw new Error(`unknown mode ${mode}`);

const log = (line: string) => process.stdout.write(`${line}\n`);
const urlOf = (name: string) => {
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const maintenance = async (statement: string) => {
  const client = new pg.Client({ connectionString: urlOf(options.maintenanceDatabase) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

// The old appendAuditEvent (before issue 10), verbatim in what it sent: one advisory lock for every writer of
// the system, the last event read, the next seq and hash computed from it. On a table of the old shape.
const legacyChainLockKey = 7_391_001;
const legacyTable = `
  create table bench_legacy_audit_events (
    seq bigint primary key, id uuid not null unique, at timestamptz not null, actor_id uuid,
    actor_name text not null, action text not null, entity_type text not null, entity_id text not null,
    territory text not null, payload jsonb not null, prev_hash text not null, hash text not null);
  create index on bench_legacy_audit_events (entity_type, entity_id);
  create index on bench_legacy_audit_events (territory, seq);`;
type LegacyEvent = Parameters<typeof legacyEventHash>[1];
const appendUnderGlobalLock = async (tx: Tx, event: Omit<LegacyEvent, 'seq' | 'id'>) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${legacyChainLockKey})`);
  const last = (await tx.execute(
    sql`select seq, hash from bench_legacy_audit_events order by seq desc limit 1`,
  )) as unknown as { rows: { seq: string; hash: string }[] };
  const previous = last.rows[0];
  const fields = { ...event, seq: Number(previous?.seq ?? 0) + 1, id: randomUUID() };
  const prevHash = previous?.hash ?? genesisHash;
  await tx.execute(sql`insert into bench_legacy_audit_events
    (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, territory, payload, prev_hash, hash)
    values (${fields.seq}, ${fields.id}, ${fields.at.toISOString()}, ${fields.actorId}, ${fields.actorName},
      ${fields.action}, ${fields.entityType}, ${fields.entityId}, ${fields.territory},
      ${JSON.stringify(fields.payload)}::jsonb, ${prevHash}, ${legacyEventHash(prevHash, fields)})`);
};

type Target = { id: string; territory: string };

// One write: the enterprise's contact phone changes; audited modes record it in the same transaction.
const write = async (db: Db, mode: Mode, target: Target, n: number) => {
  const phone = `0750-${String(n % 10_000_000).padStart(7, '0')}`;
  await db.transaction(async (tx) => {
    const updated = (await tx.execute(
      sql`update enterprises set contact_phone = ${phone}, updated_at = now() where id = ${target.id}
          returning territory`,
    )) as unknown as { rows: { territory: string }[] };
    const territory = updated.rows[0]!.territory;
    const event = {
      actorId: null,
      actorName: '压测',
      entityType: 'enterprise' as const,
      entityId: target.id,
      territory,
      payload: { changed: { contactPhone: { to: phone } } },
      at: new Date(),
    };
    if (mode === 'audited') {
      await appendAuditEvent(tx, {
        ...event,
        actor: { id: null, displayName: event.actorName },
        action: 'enterprise.updated',
      });
    } else if (mode === 'global-lock') {
      await appendUnderGlobalLock(tx, { ...event, action: 'enterprise.updated' });
    }
  });
};

// Which enterprise a client writes next: a small seeded generator (mulberry32), so runs are repeatable.
const generator = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

// The audited mode runs the chainer beside the writers, as the server does (every second), and its time ends
// only when every event written is chained: the chaining is paid for inside the measured time.
const runMode = async (db: Db, mode: Mode, targets: Target[], seconds: number) => {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const stopChainer =
    mode === 'audited'
      ? startAuditChainer(db, {
          onError: (error) => {
            throw error;
          },
        })
      : null;
  let counter = 0;
  const client = async (_: unknown, index: number) => {
    const next = generator(index + 1);
    let done = 0;
    while (performance.now() < deadline) {
      const target = targets[Math.floor(next() * targets.length)]!;
      await write(db, mode, target, (counter += 1));
      done += 1;
    }
    return done;
  };
  const counts = await Promise.all(Array.from({ length: options.clients }, client));
  if (stopChainer) {
    stopChainer();
    await chainPendingEvents(db);
  }
  const elapsed = (performance.now() - started) / 1000;
  return { writes: counts.reduce((a, b) => a + b, 0), seconds: elapsed };
};

const territories = ['440703', '440704', '440705', '440781', '440783', '440784', '440785', '440700'];

const main = async () => {
  if (options.bureaus > territories.length) throw new Error(`--bureaus at most ${territories.length}`);
  const name = `inspecta_bench_audit_${process.pid}`;
  log(
    `audit writes: ${options.clients} clients, ${options.bureaus} bureaus × ${options.enterprises} enterprises, ` +
      `${options.rounds} rounds × ${options.seconds} s per mode, scratch database ${name}`,
  );
  await maintenance(`create database ${name}`);
  const database = await openDatabase({ kind: 'postgresql', url: urlOf(name), poolSize: options.clients });
  try {
    await database.migrate();
    const db = database.db;
    await db.execute(sql.raw(legacyTable));
    const bureaus = territories.slice(0, options.bureaus);
    await db.execute(sql`
      insert into enterprises (credit_code, name, address, territory, industry, scale, workforce)
      select 'BENCH' || lpad(g::text, 13, '0'), '压测企业' || g, '江门市', (${sql.raw(
        `array[${bureaus.map((code) => `'${code}'`).join(',')}]`,
      )})[1 + g % ${bureaus.length}], 'manufacturing', 'small', 10
      from generate_series(1, ${bureaus.length * options.enterprises}) as g`);
    await db.execute(sql`vacuum analyze enterprises`);
    const targets = (
      (await db.execute(sql`select id, territory from enterprises`)) as unknown as { rows: Target[] }
    ).rows;

    const totals = new Map<Mode, { writes: number; seconds: number }>();
    // an untimed warm-up of each mode: connections opened, plans cached
    for (const mode of options.modes) await runMode(db, mode, targets, 1);
    for (let round = 1; round <= options.rounds; round += 1) {
      const line: string[] = [];
      for (const mode of options.modes) {
        const result = await runMode(db, mode, targets, options.seconds);
        const total = totals.get(mode) ?? { writes: 0, seconds: 0 };
        totals.set(mode, { writes: total.writes + result.writes, seconds: total.seconds + result.seconds });
        line.push(`${mode} ${(result.writes / result.seconds).toFixed(0)}/s`);
      }
      log(`  round ${round}: ${line.join(', ')}`);
    }

    const rate = (mode: Mode) => {
      const total = totals.get(mode);
      return total ? total.writes / total.seconds : null;
    };
    const base = rate('unaudited');
    log('');
    log('| mode | writes | writes/s | vs unaudited |');
    log('| --- | ---: | ---: | ---: |');
    for (const mode of options.modes) {
      const total = totals.get(mode)!;
      const perSecond = rate(mode)!;
      const ratio = base ? `${((perSecond / base) * 100).toFixed(0)}%` : '—';
      log(`| ${mode} | ${total.writes} | ${perSecond.toFixed(0)} | ${ratio} |`);
    }
    const verdict = await verifyAuditChain(db);
    log('');
    log(
      `chains verified: ${verdict.intact ? 'intact' : 'BROKEN'}, ${verdict.count} events in ${verdict.chains} chains, ${verdict.unchained} unchained`,
    );
    if (!verdict.intact) process.exitCode = 1;
  } finally {
    await database.close();
    await maintenance(`drop database if exists ${name}`);
  }
};

await main();
