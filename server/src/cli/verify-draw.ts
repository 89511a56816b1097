// `npm run verify-draw -- record.json [resultHash]`: recomputes a published double-random draw
// (inspecta-draw-v1, measure 5) from its record alone and prints 一致 (exit 0), or each field that differs
// (exit 1). A record published with its resultHash is checked against it; the optional second argument is the
// hash as noted from the public page at the session (issue 12 item 9), which the record must carry.
// A file that cannot be read, is not JSON, or is not a draw record exits 2 with the reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyDraw, ZDrawRecordShapeSchema, type DrawValue } from '@inspecta/domain';

export type VerifyDrawOutcome = { exitCode: 0 | 1 | 2; lines: string[] };

const USAGE = '用法：npm run verify-draw -- 抽取记录.json [抽取时公布的结果哈希]';

const show = (value: DrawValue) => (value === null ? '（无）' : String(value));

const reason = (error: unknown) =>
  error instanceof Error
    ? 'code' in error && typeof error.code === 'string'
      ? error.code
      : error.message
    : String(error);

export const verifyDrawCommand = (
  args: readonly string[],
  readFile: (file: string) => string,
): VerifyDrawOutcome => {
  const [file, committed] = args;
  if (file === undefined || args.length > 2) return { exitCode: 2, lines: [USAGE] };
  if (committed !== undefined && !/^[0-9a-f]{64}$/.test(committed))
    return { exitCode: 2, lines: [`结果哈希应为 64 位小写十六进制：${committed}`, USAGE] };
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    return { exitCode: 2, lines: [`无法读取文件 ${file}：${reason(error)}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { exitCode: 2, lines: [`文件 ${file} 不是有效的 JSON：${reason(error)}`] };
  }
  const parsed = ZDrawRecordShapeSchema.safeParse(json);
  if (!parsed.success) {
    return {
      exitCode: 2,
      lines: [
        `文件 ${file} 不是抽取记录（inspecta-draw-v1）：`,
        ...parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '（根）'}：${issue.message}`),
      ],
    };
  }
  const verdict = verifyDraw(parsed.data);
  const differences = verdict.consistent ? [] : [...verdict.differences];
  if (committed !== undefined && parsed.data.resultHash !== committed) {
    differences.push({
      field: 'resultHash',
      expected: committed,
      actual: parsed.data.resultHash ?? null,
      message: '记录的结果哈希与抽取时公布的不符：这不是当时承诺的记录',
    });
  }
  if (differences.length === 0) return { exitCode: 0, lines: ['一致'] };
  return {
    exitCode: 1,
    lines: [
      `不一致：${differences.length} 处不同`,
      ...differences.map(
        (difference) =>
          `  ${difference.field}：重算为 ${show(difference.expected)}，记录为 ${show(difference.actual)}。${difference.message}`,
      ),
    ],
  };
};

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const outcome = verifyDrawCommand(process.argv.slice(2), (file) => readFileSync(file, 'utf8'));
  const print = outcome.exitCode === 2 ? console.error : console.log;
  outcome.lines.forEach((line) => print(line));
  process.exitCode = outcome.exitCode;
}
