import type { Db, DatabaseKind } from '../db/client.ts';

// Everything outside the process that services touch, passed in once.
export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppContext = {
  db: Db;
  databaseKind: DatabaseKind;
  clock: Clock;
  version: string;
};
