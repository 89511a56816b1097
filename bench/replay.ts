import pg from 'pg';
import { countCap } from '../server/src/platform/http/paging.ts';

// The search benchmark's baseline is not SQL rebuilt by hand: it is a replay of the statements the
// server itself sent for the very request being measured, captured from its pool, with the same text,
// the same parameters and the same query config (Drizzle's row mode and type parsers), in the same
// order and with the same concurrency as the repository issues them.

export type SentStatement = {
  // What the server passed to Pool#query, copied when it was sent (pg writes into the object it gets).
  config: string | pg.QueryConfig;
  values: unknown[];
  text: string;
  // Positions in one sequence of events (a statement sent, a statement settled), to tell which
  // statements ran one after another and which overlapped.
  sentAt: number;
  settledAt: number;
};

// Records the statements every pg.Pool sends while `run` executes, by wrapping Pool#query for that
// moment only (nothing else runs meanwhile).
export const captureStatements = async (run: () => Promise<void>): Promise<SentStatement[]> => {
  const captured: SentStatement[] = [];
  let event = 0;
  const prototype = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const own = Object.prototype.hasOwnProperty.call(prototype, 'query');
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    const copied =
      typeof config === 'string' ? config : ({ ...(config as pg.QueryConfig) } as pg.QueryConfig);
    const statement: SentStatement = {
      config: copied,
      values: Array.isArray(values) ? [...(values as unknown[])] : [],
      text: typeof copied === 'string' ? copied : copied.text,
      sentAt: event++,
      settledAt: Number.POSITIVE_INFINITY,
    };
    captured.push(statement);
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      const settle = () => {
        statement.settledAt = event++;
      };
      result.then(settle, settle);
    }
    return result;
  };
  try {
    await run();
  } finally {
    if (own) prototype.query = original;
    else delete (prototype as { query?: unknown }).query;
  }
  return captured;
};

export type PageStatementKind = 'probe' | 'fallback' | 'page';

export type ReplayPlan = {
  // The page statements, replayed one after another (a probe, then the fallback when the server needed it).
  page: SentStatement[];
  // The capped count, replayed in parallel with the page statements.
  count: SentStatement | null;
  // Statements that are not the list's own (the session lookup every request makes): not replayed.
  other: SentStatement[];
  // Why the replay might not be what the server did; empty when the capture has the expected shape.
  problems: string[];
};

const readsEnterprises = (text: string) => /\bfrom "enterprises"/i.test(text);
const isCount = (text: string) => /^select count\(\*\)/i.test(text.trim()) && readsEnterprises(text);

// The probe reads the first rows in name order through a subquery named "head"; the fallback orders by
// `name || ''` so the planner takes the trigram index; anything else is the plain page query.
export const pageStatementKind = (statement: SentStatement): PageStatementKind =>
  /\) "head"/.test(statement.text) ? 'probe' : /\|\| ''/.test(statement.text) ? 'fallback' : 'page';

export const planReplay = (sent: SentStatement[]): ReplayPlan => {
  const list = sent.filter((statement) => readsEnterprises(statement.text));
  const other = sent.filter((statement) => !readsEnterprises(statement.text));
  const counts = list.filter((statement) => isCount(statement.text));
  const page = list.filter((statement) => !isCount(statement.text));
  const problems: string[] = [];
  if (counts.length !== 1) problems.push(`expected one count statement, the server sent ${counts.length}`);
  if (page.length === 0) problems.push('the server sent no page statement');
  for (let i = 1; i < page.length; i += 1) {
    if (page[i]!.sentAt < page[i - 1]!.settledAt) {
      problems.push(`page statement ${i + 1} was sent before statement ${i} had finished`);
    }
  }
  const count = counts[0] ?? null;
  if (count && page[0] && count.sentAt > page[0].settledAt) {
    problems.push('the count was sent after the first page statement had finished, not in parallel');
  }
  return { page, count, other, problems };
};

export type ReplayOutcome = { pageRows: number; total: number; totalIsLowerBound: boolean };

const run = (pool: pg.Pool, statement: SentStatement) =>
  pool.query(
    typeof statement.config === 'string' ? statement.config : { ...statement.config },
    statement.values,
  );

// Sends the plan on `pool` as the repository does: the page statements in order, each after the last
// one's result, in parallel with the count. Resolves once every result set is parsed.
export const replay = async (pool: pg.Pool, plan: ReplayPlan): Promise<ReplayOutcome> => {
  const pages = (async () => {
    let last: pg.QueryResult | undefined;
    for (const statement of plan.page) last = await run(pool, statement);
    return last;
  })();
  const [page, counted] = await Promise.all([pages, plan.count ? run(pool, plan.count) : undefined]);
  const first = counted?.rows[0] as unknown[] | Record<string, unknown> | undefined;
  const n = Number((Array.isArray(first) ? first[0] : first ? Object.values(first)[0] : 0) ?? 0);
  return {
    pageRows: page?.rows.length ?? 0,
    total: Math.min(n, countCap),
    totalIsLowerBound: n > countCap,
  };
};

const key = (statement: SentStatement) => JSON.stringify([statement.text, statement.values]);

export const sameStatements = (a: readonly SentStatement[], b: readonly SentStatement[]): boolean =>
  a.length === b.length && a.every((statement, i) => key(statement) === key(b[i]!));
