// `npm run admin:create`: creates an administrator (the first one, on a production database that has no demo
// accounts) with a password typed at the prompt, hidden when typed at a terminal, checked for strength, audited.
// Options: --username NAME, --name DISPLAY_NAME, --territory CODE (default 440700); DATABASE_URL or DATA_DIR.
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { territories } from '@inspecta/domain';
import { readConfig } from '../platform/config.ts';
import { configuredDatabase, openDatabase } from '../platform/db/client.ts';
import { systemClock, type AppContext } from '../platform/http/context.ts';
import { appendAuditEvent } from '../platform/audit/service.ts';
import { hashPassword } from '../platform/auth/service.ts';
import { appVersion } from '../platform/version.ts';
import { demoPassword } from '../demo/accounts.ts';
import { bureauOf, insertAdministrator, usernameTaken } from './repository.ts';
import { systemActor } from '../platform/auth/system-user.ts';

export const minimumPasswordLength = 12;

// Why a password is too weak, in words the operator can act on; empty when it will do.
export const passwordWeaknesses = (password: string, username = ''): string[] => {
  const reasons: string[] = [];
  if ([...password].length < minimumPasswordLength) reasons.push(`密码至少 ${minimumPasswordLength} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (classes < 3) reasons.push('密码须包含小写字母、大写字母、数字、符号中的至少三类');
  if (password.toLowerCase().includes(demoPassword.toLowerCase())) reasons.push('不能使用演示账号的公开密码');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    reasons.push('密码不能包含用户名');
  return reasons;
};

const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export type AdministratorInput = {
  username: string;
  displayName: string;
  password: string;
  territory: string;
};

// Refuses (throws with a Chinese message) a malformed username, an unknown territory, a weak password or a
// username already taken; otherwise creates the administrator and its audit event in one transaction.
export const createAdministrator = async (
  ctx: AppContext,
  input: AdministratorInput,
): Promise<{ id: string }> => {
  if (!usernamePattern.test(input.username))
    throw new Error('用户名须为 3–64 位字母、数字或 . _ -，以字母或数字开头');
  if (!territories.some((territory) => territory.code === input.territory))
    throw new Error(`未知的行政区划代码：${input.territory}`);
  const weaknesses = passwordWeaknesses(input.password, input.username);
  if (weaknesses.length > 0) throw new Error(`密码强度不足：${weaknesses.join('；')}`);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await usernameTaken(tx, input.username)) throw new Error(`用户名 ${input.username} 已存在`);
    const id = await insertAdministrator(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      territory: input.territory,
      organisationId: await bureauOf(tx, input.territory),
    });
    await appendAuditEvent(tx, {
      actor: systemActor('命令行 npm run admin:create'),
      action: 'user.account.created',
      entityType: 'user',
      entityId: id,
      territory: input.territory,
      payload: { username: input.username, displayName: input.displayName, role: 'admin' },
      at: ctx.clock.now(),
    });
    return { id };
  });
};

// Reads answers line by line; a hidden answer is not echoed when typed at a terminal.
const prompter = (input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream) => {
  let muted = false;
  const echo = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding);
      done();
    },
  });
  const lines = createInterface({ input, output: echo, terminal: Boolean(input.isTTY) });
  const iterator = lines[Symbol.asyncIterator]();
  return {
    ask: async (question: string, hidden = false): Promise<string> => {
      output.write(question);
      muted = hidden;
      const next = await iterator.next();
      muted = false;
      if (hidden) output.write('\n');
      if (next.done) throw new Error('输入已结束，未创建管理员');
      return next.value as string;
    },
    close: () => lines.close(),
  };
};

export type AdminCreateIo = {
  argv: string[];
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
};

// The prompt: username and name (unless given as options), then the password twice, up to three tries.
export const runAdminCreate = async (ctx: AppContext, io: AdminCreateIo): Promise<{ id: string }> => {
  const { values } = parseArgs({
    args: io.argv,
    options: { username: { type: 'string' }, name: { type: 'string' }, territory: { type: 'string' } },
  });
  const prompt = prompter(io.input, io.output);
  try {
    const username = values.username ?? (await prompt.ask('用户名: ')).trim();
    const displayName =
      values.name ?? ((await prompt.ask('姓名（显示名，回车默认“系统管理员”）: ')).trim() || '系统管理员');
    const territory = values.territory ?? '440700';
    for (let attempt = 1; ; attempt += 1) {
      const password = await prompt.ask(`密码（至少 ${minimumPasswordLength} 位）: `, true);
      const weaknesses = passwordWeaknesses(password, username);
      const again = weaknesses.length === 0 ? await prompt.ask('再次输入密码: ', true) : null;
      if (weaknesses.length === 0 && again === password) {
        return await createAdministrator(ctx, { username, displayName, password, territory });
      }
      io.output.write(
        weaknesses.length > 0 ? `密码强度不足：${weaknesses.join('；')}\n` : '两次输入的密码不一致\n',
      );
      if (attempt === 3) throw new Error('三次未设置合格的密码，未创建管理员');
    }
  } finally {
    prompt.close();
  }
};

const main = async () => {
  const config = readConfig();
  const database = await openDatabase(configuredDatabase(config));
  try {
    await database.migrate();
    const ctx = { db: database.db, databaseKind: database.kind, clock: systemClock, version: appVersion };
    const { id } = await runAdminCreate(ctx, {
      argv: process.argv.slice(2),
      input: process.stdin,
      output: process.stdout,
    });
    console.log(`已创建管理员 (administrator created): ${id}`);
  } finally {
    await database.close();
  }
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
