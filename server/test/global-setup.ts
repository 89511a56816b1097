import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/client.ts';

// With TEST_DATABASE_URL (a PostgreSQL maintenance connection, e.g. postgres://postgres@127.0.0.1:5432/test)
// the run migrates one template database; every test file then gets its own copy of it and drops it
// afterwards. Without it, every test file uses an in-memory PGlite.

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    pgTemplate: { maintenanceUrl: string; template: string } | null;
  }
}

export const databaseUrl = (base: string, database: string): string => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

export default async function setup(project: TestProject) {
  const maintenanceUrl = process.env.TEST_DATABASE_URL;
  if (!maintenanceUrl) {
    project.provide('pgTemplate', null);
    return;
  }
  const template = `inspecta_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({
    kind: 'postgresql',
    url: databaseUrl(maintenanceUrl, template),
    poolSize: 1,
  });
  await database.migrate();
  await database.close();
  project.provide('pgTemplate', { maintenanceUrl, template });
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [template, `inspecta_t_${process.pid}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
