import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/database';
import { startPostgres, withDatabase } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL: admin URL and the migrated template, or why it could not start. */
    postgres: { adminUrl: string; template: string } | { error: string };
  }
}

/** The migrated database every test database is copied from (`CREATE DATABASE … TEMPLATE`, much faster than migrating). */
export const TEMPLATE = 'agente_plantilla';

/**
 * Vitest global set-up: one PostgreSQL server for the whole run, with the agent's schema migrated once into a
 * template database. When it cannot start (no binaries), the reason is handed to the tests, and every PostgreSQL
 * test fails with it (test/support/engines.ts): nothing is skipped, the SQLite tests still run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let running: Awaited<ReturnType<typeof startPostgres>> | undefined;
  try {
    running = await startPostgres();
    const admin = await openDatabaseAdmin(running.adminUrl);
    await admin.query(`create database ${TEMPLATE}`);
    await admin.end();
    const db = await openDatabase(withDatabase(running.adminUrl, TEMPLATE));
    await db.destroy();
    project.provide('postgres', { adminUrl: running.adminUrl, template: TEMPLATE });
  } catch (error) {
    await running?.stop();
    running = undefined;
    project.provide('postgres', { error: (error as Error).message });
  }
  return async () => {
    await running?.stop();
  };
}

async function openDatabaseAdmin(url: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
