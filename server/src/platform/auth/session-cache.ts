import type { Actor } from '../policy/policy.ts';

// Issue 18 item 2: every request resolved its session with a query; a list that itself takes one or two
// queries paid half again for it. The actor a session resolves to is held here, by the hash of its token
// (never the token), for a short while and never past the session's own end:
// - a logout forgets the session at once in this process, and its transaction NOTIFYs SESSION_CHANNEL, on
//   which every other server process clears its cache (authenticate.ts);
// - a notification lost with the listening connection is made good when it reconnects (the listener then
//   clears the cache too), and, whatever happens, by `holdMs`: no entry is trusted longer than that, so an
//   account switched off in the database is refused within it.
export const SESSION_CHANNEL = 'inspecta_sessions_closed';

export type SessionCacheOptions = {
  // how long a resolved session is trusted without asking the database again
  holdMs: number;
  // the oldest entries go first beyond this many
  maxEntries: number;
};

export const defaultSessionCacheOptions: SessionCacheOptions = { holdMs: 30_000, maxEntries: 10_000 };

export type SessionCache = {
  get: (tokenHash: string, now: Date) => Actor | undefined;
  // taken before the database is asked: a put after a forget or clear that happened meanwhile is dropped,
  // so a lookup that read a session just before its logout committed cannot bring it back
  generation: () => number;
  put: (tokenHash: string, actor: Actor, sessionExpiresAt: Date, now: Date, generation: number) => void;
  forget: (tokenHash: string) => void;
  clear: () => void;
  size: () => number;
};

type Entry = { actor: Actor; trustedUntil: number };

export const createSessionCache = (
  options: SessionCacheOptions = defaultSessionCacheOptions,
): SessionCache => {
  // a Map keeps insertion order: the first key is the oldest entry
  const entries = new Map<string, Entry>();
  let generation = 0;
  return {
    get: (tokenHash, now) => {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (now.getTime() >= entry.trustedUntil) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.actor;
    },
    generation: () => generation,
    put: (tokenHash, actor, sessionExpiresAt, now, seen) => {
      if (seen !== generation) return;
      const trustedUntil = Math.min(sessionExpiresAt.getTime(), now.getTime() + options.holdMs);
      if (trustedUntil <= now.getTime()) return;
      entries.delete(tokenHash);
      // one object for every request of the session: nobody may change it under another
      entries.set(tokenHash, { actor: Object.freeze({ ...actor }), trustedUntil });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    forget: (tokenHash) => {
      generation++;
      entries.delete(tokenHash);
    },
    clear: () => {
      generation++;
      entries.clear();
    },
    size: () => entries.size,
  };
};
