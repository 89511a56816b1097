// The browser scenarios, split across several Vitest processes that run side by side. Each process starts
// its own server on its own fresh database (e2e/global-setup.ts), so the shards share nothing but the web
// build, made once here. One scenario file at a time, as before, within each shard.
//
//   node scripts/e2e.mjs [files...]        every e2e/*.e2e.ts, or only the files named
//   E2E_SHARDS=1 node scripts/e2e.mjs      one process (the default is 2)
//   E2E_BASE_URL=http://… node scripts/e2e.mjs   against an app already running there, with its demo data loaded
//                                                at E2E_CLOCK (one shard: the scenarios then share its database)
//
// The files are balanced across the shards by size, longest first: the scenarios' running time follows
// their length closely enough, and the split stays the same from run to run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const listScenarios = () =>
  fs
    .readdirSync(path.join(root, 'e2e'))
    .filter((name) => name.endsWith('.e2e.ts'))
    .map((name) => path.join('e2e', name));

export const balance = (files, shardCount, weightOf) => {
  const shards = Array.from({ length: shardCount }, () => ({ files: [], weight: 0 }));
  const heaviestFirst = [...files].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  for (const file of heaviestFirst) {
    const lightest = shards.reduce((best, shard) => (shard.weight < best.weight ? shard : best));
    lightest.files.push(file);
    lightest.weight += weightOf(file);
  }
  return shards.map((shard) => shard.files).filter((shardFiles) => shardFiles.length > 0);
};

const prefixed = (stream, label, sink) => {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) sink.write(`${label} ${line}\n`);
  });
  stream.on('end', () => {
    if (pending) sink.write(`${label} ${pending}\n`);
  });
};

const runShard = (files, label, env) =>
  new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...files], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixed(child.stdout, label, process.stdout);
    prefixed(child.stderr, label, process.stderr);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async () => {
  const named = process.argv.slice(2);
  const files = named.length > 0 ? named : listScenarios();
  const shardCount = Math.max(1, Number.parseInt(process.env.E2E_SHARDS ?? '2', 10) || 1);

  const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-e2e-web-'));
  const webDist = path.join(buildDir, 'web-dist');
  try {
    // against a running app (E2E_BASE_URL, the cluster of scripts/cluster.mjs) the app serves its own build
    const build = process.env.E2E_BASE_URL
      ? { status: 0 }
      : spawnSync('npx', ['vite', 'build', '--outDir', webDist, '--emptyOutDir'], {
          cwd: path.join(root, 'web'),
          stdio: 'inherit',
          env: { ...process.env, NODE_ENV: 'production' },
        });
    if (build.status !== 0) return 1;

    const shards = balance(files, shardCount, (file) => fs.statSync(path.join(root, file)).size);
    const env = { ...process.env, E2E_WEB_DIST: webDist };
    const codes = await Promise.all(
      shards.map((shardFiles, index) => runShard(shardFiles, `[e2e ${index + 1}/${shards.length}]`, env)),
    );
    const failed = codes.filter((code) => code !== 0).length;
    console.log(
      failed === 0
        ? `\nbrowser scenarios: ${shards.length} shard(s) passed`
        : `\nbrowser scenarios: ${failed} of ${shards.length} shard(s) failed`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());
