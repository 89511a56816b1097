import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/client.ts';
import { normalisedAlarms, prepareSimulation, seededRandom, sendSigned } from '../../cli/alarm-simulator.ts';

// Issue 16 item 10: a server killed with SIGKILL in the middle of ingestion loses no acknowledged alarm and stores
// none twice. The server runs as a child process on its own data directory (PGlite) or, with TEST_DATABASE_URL, its
// own PostgreSQL database; it is killed while batches are in flight, started again on the same data, and every
// batch is sent again: each acknowledged one comes back all duplicates, and each alarm is stored exactly once.

const root = path.resolve(import.meta.dirname, '../../../..');
const maintenanceUrl = process.env.TEST_DATABASE_URL;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const startChild = async (
  env: NodeJS.ProcessEnv,
  baseUrl: string,
  logFile: string,
): Promise<ChildProcess> => {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`server exited: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe('ingestion through a SIGKILL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-durability-'));
  const databaseName = `inspecta_durability_${process.pid}`;
  let child: ChildProcess | null = null;
  afterAll(async () => {
    child?.kill('SIGKILL');
    if (maintenanceUrl) {
      const admin = new pg.Client({ connectionString: maintenanceUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every acknowledged alarm exactly once after the restart', { timeout: 300_000 }, async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST: path.join(dataDir, 'no-web'),
    };
    let databaseUrl: string | null = null;
    if (maintenanceUrl) {
      const admin = new pg.Client({ connectionString: maintenanceUrl });
      await admin.connect();
      await admin.query(`create database ${databaseName}`);
      await admin.end();
      const url = new URL(maintenanceUrl);
      url.pathname = `/${databaseName}`;
      databaseUrl = url.toString();
      env.DATABASE_URL = databaseUrl;
    } else delete env.DATABASE_URL;
    const logFile = path.join(dataDir, 'server.log');

    child = await startChild(env, baseUrl, logFile);
    const simulation = await prepareSimulation({ baseUrl, pointsPerSource: 20 });
    const source = simulation.sources.find((each) => each.style === 'normalised')!;
    const random = seededRandom(7);
    const batches = Array.from({ length: 40 }, (_, b) =>
      normalisedAlarms(source, 200, {
        runId: 'durability',
        firstSeq: b * 200,
        atMs: Date.now() + simulation.offsetMs - 3600_000 + b * 1000,
        random,
      }),
    );
    const path_ = '/api/v1/monitoring/ingest/alarms/batch';
    const acknowledged = new Set<number>();

    // two batches in flight at a time; the kill comes once eight are acknowledged, with others still on the way
    let next = 0;
    let killed = false;
    const sender = async () => {
      while (next < batches.length && !killed) {
        const b = next++;
        try {
          const response = await sendSigned(
            simulation,
            source,
            path_,
            JSON.stringify({ alarms: batches[b] }),
          );
          if (response.ok) {
            const outcome = (await response.json()) as { accepted: number };
            expect(outcome.accepted).toBe(200);
            acknowledged.add(b);
          }
        } catch {
          // the connection died with the server: not acknowledged
        }
        if (acknowledged.size >= 8 && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    };
    await Promise.all([sender(), sender()]);
    await new Promise<void>((resolve) =>
      child!.exitCode !== null || child!.signalCode !== null
        ? resolve()
        : child!.once('exit', () => resolve()),
    );
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(8);
    expect(acknowledged.size).toBeLessThan(batches.length);

    // the same data, a new process; every batch again
    child = await startChild(env, baseUrl, logFile);
    const again = await prepareSimulation({ baseUrl, pointsPerSource: 20 });
    for (const [b, alarms] of batches.entries()) {
      const response = await sendSigned(again, source, path_, JSON.stringify({ alarms }));
      expect(response.status).toBe(200);
      const outcome = (await response.json()) as {
        accepted: number;
        duplicates: number;
        rejected: unknown[];
      };
      expect(outcome.rejected).toEqual([]);
      if (acknowledged.has(b)) expect(outcome, `batch ${b}`).toMatchObject({ accepted: 0, duplicates: 200 });
      else expect(outcome.accepted + outcome.duplicates).toBe(200);
    }
    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    child = null;

    const database = databaseUrl
      ? await openDatabase({ kind: 'postgresql', url: databaseUrl, poolSize: 1 })
      : await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const result = (await database.db.execute(
        `select count(*)::int as stored, count(distinct external_id)::int as distinct_ids from monitoring_alarms where external_id like 'durability-%'`,
      )) as unknown as { rows: { stored: number; distinct_ids: number }[] };
      expect(result.rows[0]).toEqual({ stored: 40 * 200, distinct_ids: 40 * 200 });
    } finally {
      await database.close();
    }
  });
});
