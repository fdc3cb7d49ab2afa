import { sql, type Kysely } from 'kysely';

/**
 * Column types that differ between SQLite and PostgreSQL, for migrations. Frozen like the migrations that use it:
 * never change what it returns for SQLite (databases out there were created with it).
 *
 * PostgreSQL's `real` is a 4-byte float (0.85 comes back as 0.8500000238…) where SQLite's is 8 bytes, so it gets
 * `double precision`; its `integer` is 4 bytes where SQLite's holds 8, so columns that may exceed 2³¹ (IMAP UIDs go
 * up to 2³²−1) get `bigint`; and it has no `autoincrement` (an identity column instead).
 */
export async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export interface PortableTypes {
  real: 'real' | 'double precision';
  /** An integer that may not fit 4 bytes. */
  bigInteger: 'integer' | 'bigint';
}

export async function portableTypes(db: Kysely<any>): Promise<PortableTypes & { postgres: boolean }> {
  const postgres = await isPostgres(db);
  return { postgres, real: postgres ? 'double precision' : 'real', bigInteger: postgres ? 'bigint' : 'integer' };
}
