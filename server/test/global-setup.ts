import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { defaultTestNow } from './clock.ts';
import { checkStatementShapes } from './statement-scope.ts';

// With TEST_DATABASE_URL (a PostgreSQL maintenance connection, e.g. postgres://postgres@127.0.0.1:5432/test)
// the run migrates one template database, and seeds a copy of it with the demo data at the tests' default
// instant; every test file then gets its own copy of one of them and drops it afterwards. Without it, every
// test file opens an in-memory PGlite from a data directory migrated (and seeded) once here: migrating a
// new PGlite takes seconds, loading the dump about one.

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    pgTemplate: { maintenanceUrl: string; template: string; seeded: string } | null;
    pgliteSnapshots: { migrated: string; seeded: string } | null;
    // where each test file leaves the shapes of its unscoped statements (statement-scope.ts)
    statementShapesDir: string | null;
  }
}

export const databaseUrl = (base: string, database: string): string => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

const seed = (database: Database) =>
  seedDemoData({
    db: database.db,
    databaseKind: database.kind,
    clock: { now: () => defaultTestNow },
    version: 'test',
  });

const pgliteSnapshots = async (project: TestProject) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-test-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const migrated = path.join(dir, 'migrated.tar');
  fs.writeFileSync(migrated, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await seed(database);
  const seeded = path.join(dir, 'seeded.tar');
  fs.writeFileSync(seeded, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshots', { migrated, seeded });
  return () => fs.rmSync(dir, { recursive: true, force: true });
};

export default async function setup(project: TestProject) {
  const shapesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-statements-'));
  project.provide('statementShapesDir', shapesDir);
  const checkShapes = () => {
    try {
      checkStatementShapes(shapesDir);
    } catch (error) {
      // an error in a teardown is printed but does not fail the run: the exit code does
      console.error(`\n${(error as Error).message}\n`);
      process.exitCode = 1;
    } finally {
      fs.rmSync(shapesDir, { recursive: true, force: true });
    }
  };
  const maintenanceUrl = process.env.TEST_DATABASE_URL;
  if (!maintenanceUrl) {
    project.provide('pgTemplate', null);
    const removeSnapshots = await pgliteSnapshots(project);
    return () => {
      removeSnapshots();
      checkShapes();
    };
  }
  project.provide('pgliteSnapshots', null);
  const template = `inspecta_tpl_${process.pid}_${Date.now()}`;
  const seeded = `${template}_seeded`;
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
  await admin.query(`create database ${seeded} template ${template}`);
  const seededDatabase = await openDatabase({
    kind: 'postgresql',
    url: databaseUrl(maintenanceUrl, seeded),
    poolSize: 5,
  });
  await seed(seededDatabase);
  await seededDatabase.close();
  project.provide('pgTemplate', { maintenanceUrl, template, seeded });
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname = $2 or datname like $3`,
      [template, seeded, `inspecta_t_${process.pid}_%`],
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    checkShapes();
  };
}
