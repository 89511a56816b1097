import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { unscopedShapes } from '../src/platform/db/distribution.ts';

// Issue 18 item 9: every statement the app sends while the tests run is looked at once (by its text); a
// statement that touches a distributed table without naming a territory (distribution.ts) is recorded by its
// shape, unless the test itself sent it (its own setup and checks are not the app's queries). After each test
// file the shapes go to the run's directory; after the run, checkStatementShapes compares them with the
// reviewed list in unscoped-statements.txt.

export const baselineFile = path.join(import.meta.dirname, 'unscoped-statements.txt');

const looked = new Set<string>();
const shapes = new Set<string>();

// The first frame outside the database layer and the libraries: a test's own file or helper, or the app.
const sentByTest = (stack: string): boolean => {
  for (const line of stack.split('\n').slice(1)) {
    if (line.includes('node_modules') || line.includes('node:') || line.includes('statement-scope.ts'))
      continue;
    if (line.includes('/platform/db/client.ts')) continue;
    // a frame without a file (`at async Promise.all (index 0)`)
    if (!line.includes('/')) continue;
    return /\.test\.ts|\/server\/test\//.test(line);
  }
  return false;
};

export const recordStatement = (text: string): void => {
  if (looked.has(text)) return;
  const found = unscopedShapes(text);
  if (found.length === 0) {
    looked.add(text);
    return;
  }
  // a test may send the very statement the app sends: only the app's sending settles it
  if (sentByTest(new Error().stack ?? '')) return;
  looked.add(text);
  for (const shape of found) shapes.add(shape);
};

export const flushStatementShapes = (directory: string): void => {
  if (shapes.size === 0) return;
  fs.writeFileSync(
    path.join(directory, `${process.pid}-${randomBytes(4).toString('hex')}.txt`),
    [...shapes].join('\n'),
  );
  shapes.clear();
};

const readBaseline = (): Set<string> =>
  new Set(
    fs
      .readFileSync(baselineFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );

// The shapes the run recorded that the reviewed list does not hold. UPDATE_UNSCOPED_STATEMENTS=1 adds them to
// the list instead (review the diff: each is a query every worker would have to answer).
export const checkStatementShapes = (directory: string): void => {
  const recorded = new Set<string>();
  for (const name of fs.readdirSync(directory))
    for (const line of fs.readFileSync(path.join(directory, name), 'utf8').split('\n'))
      if (line) recorded.add(line);
  const baseline = readBaseline();
  const added = [...recorded].filter((shape) => !baseline.has(shape)).sort();
  if (added.length === 0) return;
  if (process.env.UPDATE_UNSCOPED_STATEMENTS === '1') {
    const header = fs
      .readFileSync(baselineFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'));
    fs.writeFileSync(baselineFile, [...header, ...[...baseline, ...added].sort()].join('\n') + '\n');
    console.log(`unscoped-statements.txt: ${added.length} shape(s) added`);
    return;
  }
  throw new Error(
    `${added.length} new statement(s) reach a distributed table without naming a territory ` +
      `(issue 18 item 9; server/src/platform/db/distribution.ts):\n  ${added.join('\n  ')}\n` +
      'Scope them by territory, or add them to server/test/unscoped-statements.txt ' +
      '(UPDATE_UNSCOPED_STATEMENTS=1 npm run test:unit) and say in the commit why every worker must answer them.',
  );
};
