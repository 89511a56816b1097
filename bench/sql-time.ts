import pg from 'pg';

// Where a sequential batch job spends its time: every statement any pg.Client sends while `run`
// executes is timed from the call to its result and added up by kind (verb and first table). The job
// sends one statement at a time, so wall time minus the statements' time is the time spent in
// JavaScript (grading, digests, building and parsing JSON, Drizzle) and between statements.

export type StatementTotals = { kind: string; statements: number; milliseconds: number };

export const statementKind = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(select|insert into|update|delete from|with|begin|commit|rollback|set|truncate)\b/.exec(
    flat,
  )?.[1];
  if (!verb) return flat.slice(0, 30);
  if (verb === 'begin' || verb === 'commit' || verb === 'rollback') return verb;
  if (verb !== 'select' && verb !== 'with') {
    const table = /^(?:insert into|update|delete from|truncate) "?([\w.]+)"?/.exec(flat)?.[1];
    return table ? `${verb} ${table}` : verb;
  }
  // The table of the outermost FROM: subqueries (parenthesised) are blanked out first, so a correlated
  // subquery in the select list does not name the statement.
  let outer = flat;
  while (/\([^()]*\)/.test(outer)) outer = outer.replace(/\([^()]*\)/g, '_');
  const table = /\bfrom "?([a-z][\w.]*)"?/.exec(outer)?.[1] ?? /\bfrom "?([\w.]+)"?/.exec(flat)?.[1];
  return table ? `${verb} ${table}` : flat.slice(0, 40);
};

const textOf = (config: unknown): string =>
  typeof config === 'string' ? config : ((config as { text?: string } | null)?.text ?? '');

// `keep` picks one statement whose text is returned as `kept` (the first that matches).
export const timeStatements = async <T>(
  run: () => Promise<T>,
  keep: (text: string) => boolean = () => false,
): Promise<{ result: T; totals: StatementTotals[]; kept: string | null }> => {
  let kept: string | null = null;
  const totals = new Map<string, StatementTotals>();
  const add = (text: string, milliseconds: number) => {
    const kind = statementKind(text);
    const entry = totals.get(kind) ?? { kind, statements: 0, milliseconds: 0 };
    entry.statements += 1;
    entry.milliseconds += milliseconds;
    totals.set(kind, entry);
  };
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const text = textOf(args[0]);
    if (kept === null && keep(text)) kept = text;
    const start = process.hrtime.bigint();
    const done = () => add(text, Number(process.hrtime.bigint() - start) / 1e6);
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      // The callback form (what pg.Pool#query uses).
      const callback = args[last] as (...result: unknown[]) => void;
      args[last] = (...result: unknown[]) => {
        done();
        callback(...result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
  try {
    const result = await run();
    return { result, totals: [...totals.values()].sort((a, b) => b.milliseconds - a.milliseconds), kept };
  } finally {
    prototype.query = original;
  }
};
