import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.ts';
import { demoPassword } from '../demo/accounts.ts';
import { openDatabase } from '../platform/db/client.ts';
import { createAdministrator, passwordWeaknesses, runAdminCreate } from './admin-create.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const strong = 'Kx7!river-lantern';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('the administrator password check', () => {
  it.each([
    ['Short1!a', '至少 12 位'],
    ['alllowercaseletters', '至少三类'],
    ['abcdefghij12', '至少三类'],
    [demoPassword, '演示账号的公开密码'],
    [`x${demoPassword}!`, '演示账号的公开密码'],
    ['Ops.Admin-2026!', '不能包含用户名'],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeaknesses(password, 'ops.admin').join('；')).toContain(reason);
  });

  it('accepts a long password of three kinds of characters', () => {
    expect(passwordWeaknesses(strong, 'ops.admin')).toEqual([]);
    expect(passwordWeaknesses('correct horse battery 42', 'ops.admin')).toEqual([]);
  });
});

describe('npm run admin:create', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ seed: false });
  });
  afterAll(async () => t.close());

  it('creates an administrator who can log in, audited', async () => {
    const { id } = await createAdministrator(t.ctx, {
      username: 'first.admin',
      displayName: '系统管理员 王',
      password: strong,
      territory: '440700',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'first.admin', password: strong },
    });
    expect(login.statusCode).toBe(200);
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: String(login.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ user: { username: 'first.admin', role: 'admin' } });
    const events = rowsOf<{ action: string }>(
      await t.ctx.db.execute(`select action from audit_events where entity_id = '${id}'`),
    );
    expect(events.map((event) => event.action)).toContain('user.account.created');
  });

  it('refuses a weak password, a taken username and a malformed one, creating nothing', async () => {
    const base = { displayName: '管理员', territory: '440700' };
    await expect(
      createAdministrator(t.ctx, { ...base, username: 'weak.admin', password: demoPassword }),
    ).rejects.toThrow('演示账号的公开密码');
    await expect(
      createAdministrator(t.ctx, { ...base, username: 'first.admin', password: strong }),
    ).rejects.toThrow('已存在');
    await expect(createAdministrator(t.ctx, { ...base, username: 'a b', password: strong })).rejects.toThrow(
      '用户名',
    );
    const [row] = rowsOf<{ n: number }>(
      await t.ctx.db.execute(`select count(*)::int as n from users where active`),
    );
    expect(row!.n).toBe(1);
  });

  it('asks again after a weak password and creates the administrator on a strong one typed twice', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    input.end(`second.admin\n\nshortpass\n${strong}\n${strong}\n`);
    const { id } = await runAdminCreate(t.ctx, { argv: [], input, output });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown).toContain('密码强度不足：密码至少 12 位');
    expect(shown).not.toContain(strong);
  });

  it('gives up when the input ends without a strong password', async () => {
    const input = new PassThrough();
    input.end('weak\n');
    await expect(
      runAdminCreate(t.ctx, {
        argv: ['--username', 'third.admin', '--name', '管理员'],
        input,
        output: new PassThrough(),
      }),
    ).rejects.toThrow('输入已结束');
  });

  it('runs as a command with the password on its standard input', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-admin-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/src/cli/admin-create.ts',
          '--username',
          'ops.admin',
          '--name',
          '运维管理员',
        ],
        { cwd: root, env },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(`${strong}\n${strong}\n`);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(0);
      expect(stdout).toContain('已创建管理员');
      expect(stdout).not.toContain(strong);
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
      try {
        const users = rowsOf<{ username: string; role: string }>(
          await database.db.execute('select username, role from users where active'),
        );
        expect(users).toEqual([{ username: 'ops.admin', role: 'admin' }]);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
