import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/policy.ts';
import { createSessionCache } from './session-cache.ts';

const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'pengjiang.inspector',
  displayName: '蓬江执法员',
  role: 'inspector',
  territory: '440703',
  organisationId: null,
  enterpriseId: null,
};
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 2, 0, seconds));
const sessionEnd = at(3600);

describe('the session cache', () => {
  it('answers a session it was given until its hold ends, then asks again', () => {
    const cache = createSessionCache({ holdMs: 30_000, maxEntries: 10 });
    cache.put('h', actor, sessionEnd, at(0), cache.generation());
    expect(cache.get('h', at(29))).toEqual(actor);
    expect(cache.get('h', at(30))).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it('never answers a session past its own end, however long the hold', () => {
    const cache = createSessionCache({ holdMs: 3_600_000, maxEntries: 10 });
    cache.put('h', actor, at(10), at(0), cache.generation());
    expect(cache.get('h', at(9))).toEqual(actor);
    expect(cache.get('h', at(10))).toBeUndefined();
    cache.put('ended', actor, at(0), at(0), cache.generation());
    expect(cache.size()).toBe(0);
  });

  it('forgets a session on logout, and all of them when told another process logged one out', () => {
    const cache = createSessionCache({ holdMs: 30_000, maxEntries: 10 });
    cache.put('a', actor, sessionEnd, at(0), cache.generation());
    cache.put('b', actor, sessionEnd, at(0), cache.generation());
    cache.forget('a');
    expect(cache.get('a', at(1))).toBeUndefined();
    expect(cache.get('b', at(1))).toEqual(actor);
    cache.clear();
    expect(cache.get('b', at(1))).toBeUndefined();
  });

  it('drops what a lookup read before a logout that committed while it waited', () => {
    const cache = createSessionCache({ holdMs: 30_000, maxEntries: 10 });
    const before = cache.generation();
    cache.forget('h');
    cache.put('h', actor, sessionEnd, at(0), before);
    expect(cache.get('h', at(1))).toBeUndefined();
    const afterClear = cache.generation();
    cache.clear();
    cache.put('h', actor, sessionEnd, at(0), afterClear);
    expect(cache.get('h', at(1))).toBeUndefined();
  });

  it('keeps at most its number of entries, the oldest going first', () => {
    const cache = createSessionCache({ holdMs: 30_000, maxEntries: 2 });
    for (const hash of ['a', 'b', 'c']) cache.put(hash, actor, sessionEnd, at(0), cache.generation());
    expect(cache.size()).toBe(2);
    expect(cache.get('a', at(1))).toBeUndefined();
    expect(cache.get('c', at(1))).toEqual(actor);
  });

  it('hands out an actor nobody can change for the next request', () => {
    const cache = createSessionCache({ holdMs: 30_000, maxEntries: 10 });
    cache.put('h', { ...actor }, sessionEnd, at(0), cache.generation());
    const held = cache.get('h', at(1))!;
    expect(() => {
      (held as { territory: string }).territory = '440700';
    }).toThrow(TypeError);
    expect(cache.get('h', at(1))!.territory).toBe('440703');
  });
});
