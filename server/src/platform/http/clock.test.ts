import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { clockFrom } from './context.ts';

// issue 11 item 13: a server started for tests or a demonstration reads a given day, never in production.
describe('the clock a server starts with', () => {
  it('starts from INSPECTA_CLOCK outside production and ignores it in production', () => {
    const clock = '2026-12-28T09:00:00+08:00';
    expect(readConfig({ NODE_ENV: 'test', INSPECTA_CLOCK: clock }).clockStart?.toISOString()).toBe(
      '2026-12-28T01:00:00.000Z',
    );
    expect(readConfig({ NODE_ENV: 'production', INSPECTA_CLOCK: clock }).clockStart).toBeUndefined();
    expect(readConfig({ NODE_ENV: 'test' }).clockStart).toBeUndefined();
    expect(() => readConfig({ NODE_ENV: 'test', INSPECTA_CLOCK: '28 December' })).toThrow('INSPECTA_CLOCK');
  });

  it('runs at the real pace from the instant given', () => {
    let real = Date.parse('2030-05-01T00:00:00Z');
    const clock = clockFrom(new Date('2027-01-04T02:00:00Z'), { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2027-01-04T02:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2027-01-04T02:01:30.000Z');
  });
});
