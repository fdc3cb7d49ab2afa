import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/agent/clock';
import { backupDatabase } from '../../server/db/backup';
import { databaseFileFromEnv, DatabaseMissingError, engineOf, locateDatabase, openDatabase, type Db } from '../../server/db/database';
import { containsText, describeLocation, isUniqueViolation, redactUrl } from '../../server/db/engine';
import { createCompany } from '../../server/companies/companies';
import { ConflictError } from '../../server/errors';
import { createPostgresDatabase, forEachEngine, missingPostgresUrl, openTestDatabase } from '../support/engines';
import { runAgente } from '../support/cli';
import { withDatabase } from '../support/postgres';

/**
 * The same questions asked of both engines must get the same answers: money, timestamps, text, JSON, bytes and
 * unique keys. What differs between them lives in server/db/engine.ts; these tests are what holds it to its word.
 */
forEachEngine((engine) => {
  let db: Db;
  let close: () => Promise<void>;
  let companyId: string;
  const clock = new ManualClock('2026-03-10T15:00:00Z');

  beforeEach(async () => {
    ({ db, close } = await openTestDatabase(engine));
    companyId = (await createCompany(db, { nit: '900123456', name: 'Prueba SAS' }, clock)).id;
  });
  afterEach(() => close?.());

  const alegraBill = (total: number, i = 0) => ({ companyId, remoteId: `r${i}`, total, raw: '{}', digest: 'd', syncedAt: '2026-03-10T15:00:00.000Z' });

  it('opens on the engine it was asked for', () => {
    expect(engineOf(db)).toBe(engine);
  });

  it('money: bigint centavos come back exact up to Number.MAX_SAFE_INTEGER, and SQL sums are exact', async () => {
    const edge = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 9_007_199_254_740_99, 123_456_789_012_345, 1, 0];
    await db.insertInto('alegraBill').values(edge.map((t, i) => alegraBill(t, i))).execute();
    const rows = await db.selectFrom('alegraBill').select(['remoteId', 'total']).orderBy('remoteId').execute();
    expect(rows.map((r) => r.total)).toEqual(edge);
    expect(rows.every((r) => typeof r.total === 'number')).toBe(true);

    // Many lines of odd centavos: the database's sum equals the exact (BigInt) sum.
    await db.deleteFrom('alegraBill').execute();
    const amounts = Array.from({ length: 3000 }, (_, i) => 1_000_000_007 * ((i % 97) + 1) + i);
    for (let i = 0; i < amounts.length; i += 500) {
      await db.insertInto('alegraBill').values(amounts.slice(i, i + 500).map((t, j) => alegraBill(t, i + j))).execute();
    }
    const exact = amounts.reduce((a, b) => a + BigInt(b), 0n);
    expect(exact < BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const { total } = await db.selectFrom('alegraBill').select((eb) => eb.fn.sum<number>('total').as('total')).executeTakeFirstOrThrow();
    expect(BigInt(total)).toBe(exact);
    const { n } = await db.selectFrom('alegraBill').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(n).toBe(3000);
  });

  it('money: a sum beyond Number.MAX_SAFE_INTEGER is refused, never rounded', async () => {
    await db.insertInto('alegraBill').values([alegraBill(Number.MAX_SAFE_INTEGER, 1), alegraBill(Number.MAX_SAFE_INTEGER, 2)]).execute();
    await expect(db.selectFrom('alegraBill').select((eb) => eb.fn.sum<number>('total').as('total')).executeTakeFirst()).rejects.toThrow(
      'La base de datos devolvió 18014398509481982, un número que no cabe exacto en el agente (máximo 9007199254740991): no se redondea dinero.',
    );
  });

  it('timestamps: ISO-8601 UTC text comes back as written and sorts and compares in time order', async () => {
    const times = ['2026-03-10T15:00:00.000Z', '2026-03-10T04:59:59.999Z', '2025-12-31T23:59:59.999Z', '2026-03-10T15:00:00.001Z', '2026-01-01T00:00:00.000Z'];
    await db
      .insertInto('agentEvent')
      .values(times.map((at, i) => ({ id: randomUUID(), companyId, type: 'activated', mode: null, actor: 'ana', at, seq: i })))
      .execute();
    const ordered = await db.selectFrom('agentEvent').select('at').orderBy('at').execute();
    expect(ordered.map((r) => r.at)).toEqual([...times].sort((a, b) => Date.parse(a) - Date.parse(b)));
    const since = await db.selectFrom('agentEvent').select('at').where('at', '>=', '2026-03-10T04:59:59.999Z').orderBy('at', 'desc').execute();
    expect(since.map((r) => r.at)).toEqual(['2026-03-10T15:00:00.001Z', '2026-03-10T15:00:00.000Z', '2026-03-10T04:59:59.999Z']);
    const { latest } = await db.selectFrom('agentEvent').select((eb) => eb.fn.max('at').as('latest')).executeTakeFirstOrThrow();
    expect(latest).toBe('2026-03-10T15:00:00.001Z');
  });

  describe('text', () => {
    const names = ['Ávila', 'ávila', 'AVILA', 'avila', 'Zapata 50%', 'Zapata 500', 'Zapata_1', 'ZapataX1', 'Ñandú', 'ñandú', 'nandu', 'Ölm'];
    beforeEach(async () => {
      await db
        .insertInto('supplier')
        .values(names.map((name, i) => ({ id: randomUUID(), companyId, nit: String(800000000 + i), name, responsibilities: '[]', ciiu: '[]', createdAt: '2026-03-10T15:00:00.000Z' })))
        .execute();
    });
    const select = (where: Parameters<typeof containsText>) =>
      db.selectFrom('supplier').select('name').where(containsText(...where)).orderBy('name').execute().then((r) => r.map((x) => x.name));

    it('orders byte by byte (code point order), the same as JavaScript sorts', async () => {
      const rows = await db.selectFrom('supplier').select('name').orderBy('name').execute();
      expect(rows.map((r) => r.name)).toEqual([...names].sort());
      const below = await db.selectFrom('supplier').select('name').where('name', '<', 'a').orderBy('name').execute();
      expect(below.map((r) => r.name)).toEqual(['AVILA', 'Zapata 50%', 'Zapata 500', 'ZapataX1', 'Zapata_1']);
    });

    it('= is exact: case and accents count', async () => {
      const rows = await db.selectFrom('supplier').select('name').where('name', '=', 'avila').execute();
      expect(rows.map((r) => r.name)).toEqual(['avila']);
      const lowered = await db.selectFrom('supplier').select('name').where(sql`lower(name)`, '=', 'ñandú').orderBy('name').execute();
      // lower() folds ASCII only, on both engines: «Ñandú» stays «Ñandú».
      expect(lowered.map((r) => r.name)).toEqual(['ñandú']);
    });

    it('containsText ignores ASCII case only, and % and _ are plain characters', async () => {
      expect(await select(['name', 'avila'])).toEqual(['AVILA', 'avila']);
      expect(await select(['name', 'ÁVILA'])).toEqual(['Ávila']);
      expect(await select(['name', 'ñand'])).toEqual(['ñandú']);
      expect(await select(['name', '50%'])).toEqual(['Zapata 50%']);
      expect(await select(['name', 'a_1'])).toEqual(['Zapata_1']);
      expect(await select(['name', 'zapata'])).toEqual(['Zapata 50%', 'Zapata 500', 'ZapataX1', 'Zapata_1']);
    });
  });

  it('JSON text columns come back byte for byte', async () => {
    const value = { año: 2026, nota: 'Línea «1»\n\t"comillas" \\ barra', emoji: '🧾', grande: '90071992547409919', lista: [1.5, null, true, { a: [] }] };
    const text = JSON.stringify(value);
    await db.insertInto('rulesEvent').values({ id: 'e1', companyId, type: 'prueba', details: text, actor: 'ana', at: '2026-03-10T15:00:00.000Z' }).execute();
    const row = await db.selectFrom('rulesEvent').select('details').where('id', '=', 'e1').executeTakeFirstOrThrow();
    expect(row.details).toBe(text);
    expect(JSON.parse(row.details)).toEqual(value);
    const found = await db.selectFrom('rulesEvent').select('id').where(containsText('details', '"nota":"Línea')).execute();
    expect(found).toEqual([{ id: 'e1' }]);
  });

  it('binary blobs are byte-exact: every byte value, zeros, an empty blob and a megabyte', async () => {
    const every = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const blobs = { every, zeros: new Uint8Array(1000), empty: new Uint8Array(0), big: new Uint8Array(randomBytes(1 << 20)) };
    for (const [sha256, bytes] of Object.entries(blobs)) await db.insertInto('fileBlob').values({ sha256, size: bytes.length, bytes }).execute();
    for (const [sha256, bytes] of Object.entries(blobs)) {
      const row = await db.selectFrom('fileBlob').select(['bytes', 'size']).where('sha256', '=', sha256).executeTakeFirstOrThrow();
      expect(row.bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.compare(Buffer.from(row.bytes), Buffer.from(bytes))).toBe(0);
      expect(row.size).toBe(bytes.length);
    }
  });

  it('floats are 8-byte doubles, flags integers, and the history id counts up by itself', async () => {
    const now = '2026-03-10T15:00:00.000Z';
    const item = { companyId, code: 'A1', name: 'Cajas', accountCode: '1435', inventoried: 1, unitCode: null, gtin: null, unspsc: null, supplierNit: null, supplierCode: null, source: 'agente', revision: 1, createdAt: now, updatedAt: now };
    await db.insertInto('matchingItem').values({ ...item, id: 'i1', confidence: 0.85 }).execute();
    const row = await db.selectFrom('matchingItem').select(['confidence', 'inventoried']).executeTakeFirstOrThrow();
    expect(row).toEqual({ confidence: 0.85, inventoried: 1 });
    const history = { companyId, supplierNit: '900555111', description: 'Cajas', sellerCode: null, standardCode: null, accountCode: '1435', itemId: null, origin: 'registro', byUser: 0, at: now, confidence: 1 / 3 };
    await db.insertInto('matchingHistory').values([history, history]).execute();
    const ids = await db.selectFrom('matchingHistory').select(['id', 'confidence']).orderBy('id').execute();
    expect(ids).toEqual([
      { id: 1, confidence: 1 / 3 },
      { id: 2, confidence: 1 / 3 },
    ]);
  });

  it('unique keys: the raw error is recognised on both engines, and a racing duplicate company gets the same Spanish answer', async () => {
    const blob = { sha256: 'x', size: 1, bytes: new Uint8Array([1]) };
    await db.insertInto('fileBlob').values(blob).execute();
    const error = await db.insertInto('fileBlob').values(blob).execute().catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const results = await Promise.allSettled([1, 2, 3].map(() => createCompany(db, { nit: '800999111', name: 'Carrera SAS' }, clock)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(ConflictError);
      expect((r.reason as Error).message).toBe('Ya existe una empresa con NIT 800999111 (Carrera SAS).');
    }
  });

  it('onConflict … doNothing / doUpdateSet … where behave the same', async () => {
    const { storeBlob } = await import('../../server/agent/refused-files');
    await storeBlob(db, 'h', new Uint8Array([1, 2]));
    await storeBlob(db, 'h', new Uint8Array([9]));
    expect(Buffer.from((await db.selectFrom('fileBlob').select('bytes').where('sha256', '=', 'h').executeTakeFirstOrThrow()).bytes)).toEqual(Buffer.from([1, 2]));
    await db.updateTable('fileBlob').set({ bytes: new Uint8Array(0), prunedAt: '2026-03-10T15:00:00.000Z' }).where('sha256', '=', 'h').execute();
    await storeBlob(db, 'h', new Uint8Array([1, 2]));
    expect(await db.selectFrom('fileBlob').select(['size', 'prunedAt']).where('sha256', '=', 'h').executeTakeFirstOrThrow()).toEqual({ size: 2, prunedAt: null });
  });
});

describe('choosing the engine', () => {
  it('DATABASE_URL=postgres://… (or postgresql://) is PostgreSQL; anything else stays SQLite', () => {
    expect(databaseFileFromEnv({ DATABASE_URL: 'postgres://ana:secreta@db.oficina/agente' })).toBe('postgres://ana:secreta@db.oficina/agente');
    expect(locateDatabase(undefined, { DATABASE_URL: 'postgresql://ana@db/agente' })).toEqual({ file: 'postgresql://ana@db/agente', from: 'DATABASE_URL' });
    expect(locateDatabase('postgres://db/agente', {})).toEqual({ file: 'postgres://db/agente', from: '--db' });
    expect(databaseFileFromEnv({ DATABASE_URL: 'sqlite:///var/agente.db' })).toBe('/var/agente.db');
  });

  it('a URL is never shown with its password', () => {
    expect(redactUrl('postgres://ana:s3cr%40ta@db.oficina:5433/agente?sslmode=require')).toBe('postgres://ana:***@db.oficina:5433/agente?sslmode=require');
    expect(redactUrl('postgres://db/agente?password=secreta')).toBe('postgres://db/agente?password=***');
    expect(describeLocation('/srv/agente.db')).toBe('/srv/agente.db');
  });
});

describe('PostgreSQL: creating and refusing databases', () => {
  it('a missing database: a clear Spanish error naming the URL without its password; nothing is created', async () => {
    const url = missingPostgresUrl().replace('agente@', 'agente:secreta@');
    for (const create of [true, false]) {
      const error = await openDatabase(url, { create }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseMissingError);
      expect((error as Error).message).toMatch(/^No existe la base de datos postgres:\/\/agente:\*\*\*@127\.0\.0\.1:\d+\/no_existe_esta_base\. Créala vacía \(CREATE DATABASE "no_existe_esta_base" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';\) y luego ejecuta `npx agente init`\.$/);
      expect((error as Error).message).not.toContain('secreta');
    }
  });

  it('an empty database: commands other than serve/init say to run init; init (create) makes the tables', async () => {
    const { url: template, drop } = await createPostgresDatabase();
    const admin = new pg.Client({ connectionString: template });
    await admin.connect();
    const empty = `agente_vacia_${process.pid}`;
    try {
      await admin.query(`create database ${empty} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
      const url = withDatabase(template, empty);
      await expect(openDatabase(url, { create: false })).rejects.toThrow(/^La base de datos postgres:\/\/.+ existe pero aún no tiene las tablas del agente\. Créalas con `npx agente init`/);
      const db = await openDatabase(url, { create: true });
      expect(await db.selectFrom('company').selectAll().execute()).toEqual([]);
      await expect(backupDatabase(db, '/tmp/no-se-usa.db')).rejects.toThrow(/^La base de datos es PostgreSQL: la copia de seguridad se hace con pg_dump/);
      await db.destroy();
      const again = await openDatabase(url, { create: false });
      await again.destroy();
    } finally {
      await admin.query(`drop database if exists ${empty} with (force)`);
      await admin.end();
      await drop();
    }
  });

  it('a database with a language collation is refused: text would sort differently from SQLite', async () => {
    const { url: some, drop } = await createPostgresDatabase();
    const admin = new pg.Client({ connectionString: some });
    await admin.connect();
    const name = `agente_utf8_${process.pid}`;
    try {
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
      await expect(openDatabase(withDatabase(some, name))).rejects.toThrow(/usa UTF8 con orden de texto «C\.UTF-8»\/«C\.UTF-8»; el agente necesita UTF8 y orden C/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await drop();
    }
  });

  it('the command line on DATABASE_URL=postgres://…: init creates the tables and says so without the password; backup points to pg_dump', { timeout: 120_000 }, async () => {
    const { url: some, drop } = await createPostgresDatabase();
    const admin = new pg.Client({ connectionString: some });
    await admin.connect();
    const name = `agente_cli_${process.pid}`;
    try {
      await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
      // The test server trusts loopback connections, so the password is only there to be hidden.
      const url = withDatabase(some, name).replace('agente@', 'agente:secreta@');
      const env = { ...process.env, DATABASE_URL: url, AGENTE_DB: '' };
      const shown = url.replace(':secreta@', ':***@');
      const before = await runAgente(['company', 'show'], { env });
      expect(before.code).toBe(1);
      expect(before.stderr).toBe(`Error: La base de datos ${shown} existe pero aún no tiene las tablas del agente. Créalas con \`npx agente init\` (o arrancando el agente con \`npm start\`).\n`);
      const init = await runAgente(['init'], { env });
      expect(init.stderr).toBe(`Base de datos creada en ${shown} (DATABASE_URL).\n`);
      expect(JSON.parse(init.stdout)).toEqual({ database: shown, created: true });
      const again = await runAgente(['init'], { env });
      expect(again.stderr).toBe(`La base de datos ya existía en ${shown} (DATABASE_URL); quedó al día.\n`);
      const created = await runAgente(['company', 'create', '--nit', '900123456', '--name', 'Oficina SAS'], { env });
      expect(created.code).toBe(0);
      const backup = await runAgente(['backup', '/tmp/agente-no-se-crea.db'], { env });
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(/^Error: La base de datos es PostgreSQL: la copia de seguridad se hace con pg_dump/);
      expect(`${init.stdout}${init.stderr}${again.stderr}${backup.stderr}${created.stdout}${created.stderr}`).not.toContain('secreta');
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await drop();
    }
  });
});
