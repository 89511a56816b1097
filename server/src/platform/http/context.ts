import type { Db, DatabaseKind, Listen } from '../db/client.ts';

// Everything outside the process that services touch, passed in once.
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

// issue 11 item 13: a clock that reads `start` now and runs at the real pace from there (INSPECTA_CLOCK).
export const clockFrom = (start: Date, real: Clock = systemClock): Clock => {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
};

export type AppContext = {
  db: Db;
  databaseKind: DatabaseKind;
  clock: Clock;
  version: string;
  // LISTEN/NOTIFY of the database (issue 16 item 4); without it, streams re-read on a timer only
  listen?: Listen;
};
