import { describe, expect, it } from 'vitest';
import { drawResultHash, performDraw, type PerformDrawInput } from '@inspecta/domain';
import { verifyDrawCommand } from './verify-draw.ts';

const input: PerformDrawInput = {
  strata: [{ key: '440703-危化', codes: ['E01', 'E02', 'E03', 'E04'], k: 2 }],
  inspectors: ['A001', 'A002', 'A003', 'A004', 'A005'],
  exclusions: [],
  teamSize: 2,
  maxAssignmentsPerInspector: 2,
  inspectionDate: '2025-06-16',
  publicEntropy: '2-7-1-8',
  witnesses: ['张三', '李四'],
};

const recordText = () => {
  const result = performDraw(input);
  if (!result.ok) throw new Error(result.message);
  return JSON.stringify(result.record);
};

const files = (contents: Record<string, string>) => (file: string) => {
  const text = contents[file];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
  return text;
};

// A record as published after the visits, with the hash committed at the session (issue 12 item 9).
const committedRecord = () => {
  const result = performDraw(input);
  if (!result.ok) throw new Error(result.message);
  return { ...result.record, resultHash: drawResultHash(result.record) };
};

describe('npm run verify-draw', () => {
  it('checks a record against the result hash published at the session', () => {
    const record = committedRecord();
    const text = JSON.stringify(record);
    expect(verifyDrawCommand(['draw.json'], files({ 'draw.json': text }))).toEqual({
      exitCode: 0,
      lines: ['一致'],
    });
    expect(verifyDrawCommand(['draw.json', record.resultHash], files({ 'draw.json': text }))).toEqual({
      exitCode: 0,
      lines: ['一致'],
    });
    // a witness's name put back into the record after the session: the selection still recomputes, the hash not
    const altered = JSON.stringify({ ...record, witnesses: ['张三', '李四（企业代表）'] });
    const outcome = verifyDrawCommand(['draw.json'], files({ 'draw.json': altered }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines.join('\n')).toContain('resultHash');
    // a whole other record with its own hash: refused against the hash noted at the session
    const other = performDraw({ ...input, publicEntropy: '3-1-4-1' });
    if (!other.ok) throw new Error(other.message);
    const swapped = JSON.stringify({ ...other.record, resultHash: drawResultHash(other.record) });
    const refused = verifyDrawCommand(['draw.json', record.resultHash], files({ 'draw.json': swapped }));
    expect(refused.exitCode).toBe(1);
    expect(refused.lines.join('\n')).toContain('抽取时公布的不符');
    expect(verifyDrawCommand(['draw.json', 'abc'], files({ 'draw.json': text })).exitCode).toBe(2);
  });

  it('prints 一致 and exits 0 for a real record', () => {
    expect(verifyDrawCommand(['draw.json'], files({ 'draw.json': `\uFEFF${recordText()}` }))).toEqual({
      exitCode: 0,
      lines: ['一致'],
    });
  });

  it('prints each difference and exits 1 for a record with one changed officer', () => {
    const record = JSON.parse(recordText()) as { selected: { inspectors: string[] }[] };
    const original = record.selected[1]?.inspectors[0];
    const other =
      input.inspectors.find((inspector) => !record.selected[1]?.inspectors.includes(inspector)) ?? '';
    if (record.selected[1]) record.selected[1].inspectors[0] = other;
    const outcome = verifyDrawCommand(['draw.json'], files({ 'draw.json': JSON.stringify(record) }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.lines[0]).toBe('不一致：1 处不同');
    expect(outcome.lines[1]).toContain(`selected[1].inspectors[0]：重算为 ${original}，记录为 ${other}`);
  });

  it('exits 2 with a Chinese reason for a missing file, bad JSON, a non-record, or no argument', () => {
    expect(verifyDrawCommand(['missing.json'], files({}))).toEqual({
      exitCode: 2,
      lines: ['无法读取文件 missing.json：ENOENT'],
    });
    const bad = verifyDrawCommand(['bad.json'], files({ 'bad.json': '{"algorithm": ' }));
    expect(bad.exitCode).toBe(2);
    expect(bad.lines[0]).toMatch(/^文件 bad\.json 不是有效的 JSON：/);
    const notRecord = verifyDrawCommand(['x.json'], files({ 'x.json': '{"algorithm":"inspecta-draw-v1"}' }));
    expect(notRecord.exitCode).toBe(2);
    expect(notRecord.lines[0]).toBe('文件 x.json 不是抽取记录（inspecta-draw-v1）：');
    expect(verifyDrawCommand([], files({})).exitCode).toBe(2);
  });
});
