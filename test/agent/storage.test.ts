import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseFileFromEnv, DEFAULT_DATABASE_FILE, openDatabase } from '../../server/db/database';
import { createCompany, listCompanies } from '../../server/companies/companies';
import { ManualClock } from '../../server/agent/clock';
import { tempDir } from '../support/agent-harness';

describe('storage', () => {
  it('lives in ./data/agente.db unless AGENTE_DB or DATABASE_URL say otherwise', () => {
    expect(DEFAULT_DATABASE_FILE).toBe('./data/agente.db');
    expect(databaseFileFromEnv({})).toBe('./data/agente.db');
    expect(databaseFileFromEnv({ AGENTE_DB: '/srv/agente.db', DATABASE_URL: 'sqlite:///otra.db' })).toBe('/srv/agente.db');
    expect(databaseFileFromEnv({ DATABASE_URL: 'sqlite:///var/lib/agente.db' })).toBe('/var/lib/agente.db');
    expect(databaseFileFromEnv({ DATABASE_URL: 'file:./datos/agente.db' })).toBe('./datos/agente.db');
    expect(databaseFileFromEnv({ DATABASE_URL: 'postgres://u@h/db' })).toBe('postgres://u@h/db');
  });

  it('creates the file and its folder, runs the migrations on start (once), in WAL mode, with several companies', async () => {
    const tmp = tempDir();
    const file = tmp.file('nueva/carpeta/agente.db');
    const clock = new ManualClock('2026-03-10T15:00:00Z');
    try {
      const db = await openDatabase(file);
      expect((await sql<{ journalMode: string }>`pragma journal_mode`.execute(db)).rows[0]!.journalMode).toBe('wal');
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(migrations.rows.map((r) => r.name)).toContain('2026_11_28_0900_create_core');
      await createCompany(db, { nit: '900123456', name: 'Uno SAS' }, clock);
      await createCompany(db, { nit: '800111222', name: 'Dos SAS' }, clock);
      await db.destroy();
      const again = await openDatabase(file);
      expect((await sql<{ name: string }>`select name from kysely_migration`.execute(again)).rows).toHaveLength(migrations.rows.length);
      expect((await listCompanies(again)).map((c) => c.name)).toEqual(['Uno SAS', 'Dos SAS']);
      await again.destroy();
    } finally {
      tmp.remove();
    }
  });
});
