import { describe, expect, it } from 'vitest';
import { balance } from './e2e.mjs';

// The browser scenarios run in side-by-side shards (`npm test`, `.ci/run`): every file in exactly one
// shard, the shards as even as the files allow, and the same split every run.
describe('splitting the browser scenarios into shards', () => {
  const sizes = { 'a.e2e.ts': 700, 'b.e2e.ts': 300, 'c.e2e.ts': 300, 'd.e2e.ts': 250, 'e.e2e.ts': 100 };
  const weightOf = (file) => sizes[file];

  it('puts every file in one shard, longest first onto the lightest shard', () => {
    const shards = balance(Object.keys(sizes), 2, weightOf);
    expect(shards).toEqual([
      ['a.e2e.ts', 'e.e2e.ts'],
      ['b.e2e.ts', 'c.e2e.ts', 'd.e2e.ts'],
    ]);
    expect(shards.flat().sort()).toEqual(Object.keys(sizes));
  });

  it('gives the same split whatever order the files are listed in', () => {
    const files = Object.keys(sizes);
    expect(balance([...files].reverse(), 2, weightOf)).toEqual(balance(files, 2, weightOf));
  });

  it('leaves out empty shards and keeps one shard whole', () => {
    expect(balance(['a.e2e.ts'], 3, weightOf)).toEqual([['a.e2e.ts']]);
    expect(balance(Object.keys(sizes), 1, weightOf)).toEqual([
      Object.keys(sizes).sort((x, y) => sizes[y] - sizes[x] || x.localeCompare(y)),
    ]);
  });
});
