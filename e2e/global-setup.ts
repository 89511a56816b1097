import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    baseUrl: string;
    // the server's clock minus the machine's, in ms (E2E_CLOCK)
    clockOffsetMs: number;
  }
}

const root = path.resolve(import.meta.dirname, '..');

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

const waitForHealth = async (url: string, child: ChildProcess) => {
  // a loaded machine (several runs at once) may need longer: E2E_HEALTH_TIMEOUT_MS
  const deadline = Date.now() + Number(process.env.E2E_HEALTH_TIMEOUT_MS ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('server did not become healthy in time');
};

// issue 11 item 13: every scenario runs on a fixed day, never on today's: the server's clock starts at
// E2E_CLOCK (by default late November 2026, the day the demo data and the scenarios were written for) and
// runs on from there; the web takes its "today" from the server. `.ci/run` also runs the date-sensitive
// scenarios on 28 December and on 4 January.
const DEFAULT_CLOCK = '2026-11-26T10:00:00+08:00';

// Builds the web app, starts the real server (`server/src/main.ts`) on a fresh database with the demo
// data, and stops it afterwards.
export default async function setup(project: TestProject) {
  const clock = process.env.E2E_CLOCK ?? DEFAULT_CLOCK;
  const clockOffsetMs = Date.parse(clock) - Date.now();
  if (Number.isNaN(clockOffsetMs)) throw new Error(`E2E_CLOCK is not an instant: ${clock}`);
  // issue 18 item 6: an app already running (the cluster of scripts/cluster.mjs, started at E2E_CLOCK)
  const running = process.env.E2E_BASE_URL;
  if (running) {
    project.provide('baseUrl', running.replace(/\/$/, ''));
    project.provide('clockOffsetMs', clockOffsetMs);
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-e2e-'));
  // A production build of this run's own, so a concurrent build elsewhere cannot change what is tested;
  // `scripts/e2e.mjs` builds once for all its shards and passes the build in E2E_WEB_DIST.
  const webDist = process.env.E2E_WEB_DIST ?? path.join(dataDir, 'web-dist');
  if (!process.env.E2E_WEB_DIST) {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', webDist, '--emptyOutDir'], {
      cwd: path.join(root, 'web'),
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error('web build failed');
  }

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    INSPECTA_CLOCK: clock,
    PORT: String(port),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    WEB_DIST: webDist,
    // every scenario logs in from 127.0.0.1; the per-address limit itself is covered by the API tests
    LOGIN_ATTEMPTS_PER_IP: '10000',
    // and several scenarios file public reports from it (the limit is covered by the API tests too)
    REPORTS_PER_IP: '10000',
  };
  let dropDatabase = async () => {};
  const maintenanceUrl = process.env.TEST_DATABASE_URL;
  if (maintenanceUrl) {
    const name = `inspecta_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: maintenanceUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(maintenanceUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    delete env.DATABASE_URL;
  }
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    console.error(fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-4000));
    child.kill();
    await dropDatabase();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('clockOffsetMs', clockOffsetMs);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
