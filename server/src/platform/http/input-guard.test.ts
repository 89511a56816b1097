import { describe, expect, it } from 'vitest';
import { findUncleanText, isCleanText } from './input-guard.ts';

describe('the text no field may hold', () => {
  it('passes Chinese, emoji in their pairs and plain text', () => {
    expect(isCleanText('江门市蓬江区 危化品 😀 abc')).toBe(true);
  });

  it('refuses NUL and a surrogate without its pair, at the start, the middle and the end', () => {
    for (const text of ['\u0000', 'a\u0000b', '\ud83d', 'a\ud83db', '\ude00x', 'x\ude00', '😀\ud83d'])
      expect(isCleanText(text)).toBe(false);
  });

  it('names the place of the first unclean text: array positions and keys, and a key that is unclean', () => {
    expect(findUncleanText({ alarms: [{ a: 'ok' }, { a: 'ok', b: ['x', 'bad\u0000'] }] })).toEqual([
      'alarms',
      '1',
      'b',
      '1',
    ]);
    expect(findUncleanText({ nested: { ['k\ud800']: 'v' } })).toEqual(['nested', '(字段名)']);
    expect(findUncleanText({ a: [1, true, null, { b: '华美' }] })).toBeNull();
    expect(findUncleanText('\u0000')).toEqual([]);
  });
});
