// Issue 18 item 6: several API servers on one replicated PostgreSQL, on this machine, without Docker.
//
//   node scripts/cluster.mjs up          start it all, print the addresses, stop it all on Ctrl-C
//   node scripts/cluster.mjs test        start it all, run the cluster's tests (cluster/*.test.ts) against it:
//                                        correctness with three servers at once, then a load during which one
//                                        API server is killed and the replica promoted; stop it all
//   node scripts/cluster.mjs test --e2e  the same, with the browser scenarios through the proxy in between
//
// What runs (ports from CLUSTER_PORT, default 15440):
//   +2  PostgreSQL primary (initdb), synchronous streaming replication to
//   +3  a hot-standby replica (pg_basebackup -R), which serves the reads that may lag
//   +0  HAProxy in front of PostgreSQL: the primary, the replica as backup once the primary is gone
//   +10 HAProxy in front of the API: three servers (+11, +12, +13), round robin, health-checked
// Every process writes its log under the cluster's directory, printed at start; `up` keeps it, `test` removes it
// when everything passed.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const base = Number(process.env.CLUSTER_PORT ?? 15440);
const ports = {
  pgProxy: base,
  primary: base + 2,
  replica: base + 3,
  http: base + 10,
  servers: [base + 11, base + 12, base + 13],
};
// the day the demo data and the scenarios were written for (e2e/global-setup.ts)
const clock = process.env.E2E_CLOCK ?? '2026-11-26T10:00:00+08:00';
const database = 'inspecta';

const fail = (message) => {
  console.error(`集群：${message}`);
  process.exit(1);
};

const say = (message) => console.log(`▶ ${message}`);

const which = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const pgBin = (() => {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '/usr/lib/postgresql/15/bin';
})();

// initdb refuses to run as root: the database processes run as the postgres user then
const asRoot = process.getuid?.() === 0;
const pgCommand = (name, args) =>
  asRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(pgBin, name), ...args]]
    : [path.join(pgBin, name), args];

const runPg = (name, args, log) => {
  const [command, argv] = pgCommand(name, args);
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    fail(`${name} 失败：${result.stderr || result.stdout}${log ? `\n日志：${log}` : ''}`);
  return result.stdout;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (what, check, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) fail(`等待超时：${what}`);
    await sleep(300);
  }
};

const query = async (port, text) => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
};

const start = async ({ e2e }) => {
  if (!which('haproxy')) fail('需要 HAProxy：apt-get install -y haproxy');
  if (!fs.existsSync(path.join(pgBin, 'initdb'))) fail(`找不到 PostgreSQL 的 initdb（${pgBin}）`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-cluster-'));
  fs.chmodSync(dir, 0o755);
  const pgDir = path.join(dir, 'pg');
  fs.mkdirSync(pgDir, { mode: 0o700 });
  if (asRoot) spawnSync('chown', ['postgres:postgres', pgDir]);
  const primaryData = path.join(pgDir, 'primary');
  const replicaData = path.join(pgDir, 'replica');
  const children = [];
  const logOf = (name) => path.join(dir, `${name}.log`);
  say(`集群目录 ${dir}`);

  const stop = async () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    await sleep(500);
    for (const data of [replicaData, primaryData]) {
      if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
        const [command, argv] = pgCommand('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
        spawnSync(command, argv);
      }
    }
  };

  try {
    say(`PostgreSQL 主库（${ports.primary}）`);
    runPg('initdb', ['-D', primaryData, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    fs.appendFileSync(
      path.join(primaryData, 'postgresql.conf'),
      [
        `port = ${ports.primary}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${pgDir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'max_connections = 200',
        '',
      ].join('\n'),
    );
    runPg(
      'pg_ctl',
      ['-D', primaryData, '-l', path.join(pgDir, 'primary.log'), '-w', 'start'],
      logOf('primary'),
    );
    await query(ports.primary, `create database ${database}`);

    say(`流复制备库（${ports.replica}，pg_basebackup）`);
    runPg('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(ports.primary),
      '-U',
      'postgres',
      '-D',
      replicaData,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // the replica waits for no standby of its own once promoted
    fs.appendFileSync(
      path.join(replicaData, 'postgresql.auto.conf'),
      `port = ${ports.replica}\nsynchronous_standby_names = ''\nhot_standby = on\n`,
    );
    runPg('pg_ctl', ['-D', replicaData, '-l', path.join(pgDir, 'replica.log'), '-w', 'start']);
    // from now on a commit is acknowledged only once the replica has it on disk, so promoting the replica loses
    // none (set only now: with no standby yet, every commit would wait)
    await query(ports.primary, "alter system set synchronous_standby_names = '*'");
    await query(ports.primary, 'select pg_reload_conf()');
    await until('备库同步', async () => {
      const rows = await query(ports.primary, 'select sync_state from pg_stat_replication');
      return rows.some((row) => row.sync_state === 'sync');
    });

    const servers = ports.servers.map((port, index) => ({ name: `api-${index + 1}`, port }));
    const haproxyConfig = path.join(dir, 'haproxy.cfg');
    fs.writeFileSync(
      haproxyConfig,
      [
        'global',
        '  maxconn 4000',
        'defaults',
        '  timeout connect 2s',
        '  timeout client 10m',
        '  timeout server 10m',
        '  timeout check 2s',
        '# PostgreSQL: the primary; the replica only once the primary is down (after pg_ctl promote)',
        'listen postgresql',
        '  mode tcp',
        `  bind 127.0.0.1:${ports.pgProxy}`,
        '  option pgsql-check user postgres',
        '  default-server inter 500 fall 2 rise 2 on-marked-down shutdown-sessions',
        `  server primary 127.0.0.1:${ports.primary} check`,
        `  server replica 127.0.0.1:${ports.replica} check backup`,
        '# the API: three servers, round robin; a request whose connection failed, or a read never answered, goes to another',
        'listen api',
        '  mode http',
        `  bind 127.0.0.1:${ports.http}`,
        '  balance roundrobin',
        '  option httpchk GET /api/v1/health',
        '  option redispatch',
        '  retries 3',
        '  retry-on conn-failure empty-response',
        // a write that may have reached a server that then died is never sent again (it might be done twice):
        // only one whose connection failed is
        '  http-request disable-l7-retry unless METH_GET',
        '  http-response set-header x-served-by %s',
        '  default-server inter 1s fall 2 rise 2',
        ...servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
        '',
      ].join('\n'),
    );
    say(`HAProxy（PostgreSQL ${ports.pgProxy}，API ${ports.http}）`);
    const haproxyLog = fs.openSync(logOf('haproxy'), 'w');
    children.push(
      spawn('haproxy', ['-db', '-f', haproxyConfig], { stdio: ['ignore', haproxyLog, haproxyLog] }),
    );

    let webDist = null;
    if (e2e) {
      say('构建网页（vite build）');
      webDist = path.join(dir, 'web');
      const build = spawnSync('npx', ['vite', 'build', '--outDir', webDist, '--emptyOutDir'], {
        cwd: path.join(root, 'web'),
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      if (build.status !== 0) fail('网页构建失败');
    }

    const primaryUrl = `postgres://postgres@127.0.0.1:${ports.pgProxy}/${database}`;
    const replicaUrl = `postgres://postgres@127.0.0.1:${ports.replica}/${database}`;
    // one secret and one identity key for all: a session made by one server is read by the others
    const shared = {
      SESSION_SECRET: randomBytes(48).toString('base64url'),
      REPORT_IDENTITY_KEY: randomBytes(32).toString('base64'),
    };
    const startServer = (server) => {
      const log = fs.openSync(logOf(server.name), 'w');
      // a capped heap: without it V8 lets a busy server's heap grow towards its default limit before collecting
      // (RSS 300 MB to 1.5 GB in 45 s of load), with it RSS stays flat (docs/scaling.md)
      const args = ['--max-old-space-size=384', '--import', 'tsx', 'server/src/main.ts'];
      const child = spawn(process.execPath, args, {
        cwd: root,
        stdio: ['ignore', log, log],
        env: {
          ...process.env,
          ...shared,
          NODE_ENV: 'test',
          INSPECTA_CLOCK: clock,
          DATABASE_URL: primaryUrl,
          DATABASE_REPLICA_URL: replicaUrl,
          PORT: String(server.port),
          HOST: '127.0.0.1',
          DATA_DIR: path.join(dir, server.name),
          TRUST_PROXY: 'true',
          BACKUP_KEEP: '0',
          LOGIN_ATTEMPTS_PER_IP: '100000',
          REPORTS_PER_IP: '100000',
          ...(webDist ? { WEB_DIST: webDist } : {}),
        },
      });
      children.push(child);
      server.child = child;
      return until(
        `${server.name} 就绪（日志 ${logOf(server.name)}）`,
        async () => {
          if (child.exitCode !== null) fail(`${server.name} 已退出（日志 ${logOf(server.name)}）`);
          return (await fetch(`http://127.0.0.1:${server.port}/api/v1/health`)).ok;
        },
        240_000,
      );
    };
    // the first server migrates and loads the demo data; the others find both done
    say(`API 服务器 ${servers[0].name}（迁移并载入演示数据）`);
    await startServer(servers[0]);
    say(
      `API 服务器 ${servers
        .slice(1)
        .map((server) => server.name)
        .join('、')}`,
    );
    await Promise.all(servers.slice(1).map(startServer));
    const url = `http://127.0.0.1:${ports.http}`;
    await until('HAProxy 上三台服务器都可用', async () => {
      const seen = new Set();
      for (let i = 0; i < 6; i++) seen.add((await fetch(`${url}/api/v1/health`)).headers.get('x-served-by'));
      return seen.size === servers.length;
    });
    return {
      dir,
      url,
      stop,
      env: {
        CLUSTER_URL: url,
        CLUSTER_CLOCK: clock,
        CLUSTER_SERVERS: servers
          .map((server) => `${server.name}=${server.child.pid}=${server.port}`)
          .join(','),
        CLUSTER_PRIMARY_URL: `postgres://postgres@127.0.0.1:${ports.primary}/${database}`,
        CLUSTER_REPLICA_URL: replicaUrl,
        CLUSTER_PG_BIN: pgBin,
        CLUSTER_PRIMARY_DATA: primaryData,
        CLUSTER_REPLICA_DATA: replicaData,
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

const runVitest = (files, env) =>
  spawnSync('npx', ['vitest', 'run', '--config', 'cluster/vitest.config.ts', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status === 0;

const main = async () => {
  const [command = 'test', ...flags] = process.argv.slice(2);
  if (!['up', 'test'].includes(command)) fail(`不认识的命令“${command}”：用 up 或 test`);
  const cluster = await start({ e2e: flags.includes('--e2e') || command === 'up' });
  const stopOnSignal = () => {
    void cluster.stop().then(() => process.exit(130));
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  if (command === 'up') {
    say(`就绪：${cluster.url}（Ctrl-C 停止全部）`);
    for (const [name, value] of Object.entries(cluster.env)) console.log(`  ${name}=${value}`);
    return;
  }
  let passed = runVitest(['cluster/servers.test.ts'], cluster.env);
  if (passed && flags.includes('--e2e')) {
    say('浏览器场景经 HAProxy 运行');
    passed =
      spawnSync(process.execPath, ['scripts/e2e.mjs'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, E2E_BASE_URL: cluster.url, E2E_CLOCK: clock, E2E_SHARDS: '1' },
      }).status === 0;
  }
  // last: it kills a server and promotes the replica
  if (passed) passed = runVitest(['cluster/failover.test.ts'], cluster.env);
  await cluster.stop();
  if (passed) fs.rmSync(cluster.dir, { recursive: true, force: true });
  else console.error(`集群日志保留在 ${cluster.dir}`);
  process.exit(passed ? 0 : 1);
};

main().catch((error) => fail(error instanceof Error ? error.stack : String(error)));
