import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { backupDatabase, backupDaysFromEnv, runDailyBackup } from '../../server/db/backup';
import { DatabaseCorruptError, DatabaseMissingError, locateDatabase, openDatabase, projectRoot, rawConnectionOf } from '../../server/db/database';
import { listCompanies } from '../../server/companies/companies';
import { ManualClock } from '../../server/agent/clock';
import { invoiceXml, openHarness, tempDir } from '../support/agent-harness';
import { ROOT } from '../support/cli';

const tmp = tempDir('agente-db-');
afterAll(() => tmp.remove());

describe('where the database is', () => {
  it('a relative --db or AGENTE_DB is taken from the project folder, not from the shell', () => {
    expect(resolve(projectRoot())).toBe(resolve(ROOT));
    expect(locateDatabase(undefined, {})).toEqual({ file: join(resolve(ROOT), 'data', 'agente.db'), from: 'por defecto' });
    expect(locateDatabase('otra/base.db', {})).toEqual({ file: join(resolve(ROOT), 'otra', 'base.db'), from: '--db' });
    expect(locateDatabase(undefined, { AGENTE_DB: 'x.db' })).toEqual({ file: join(resolve(ROOT), 'x.db'), from: 'AGENTE_DB' });
    expect(locateDatabase('/srv/agente.db', { AGENTE_DB: 'x.db' })).toEqual({ file: '/srv/agente.db', from: '--db' });
    expect(locateDatabase(undefined, { DATABASE_URL: 'sqlite:///var/agente.db' })).toEqual({ file: '/var/agente.db', from: 'DATABASE_URL' });
  });

  it('a missing database is not created by commands that only use it: they say where they looked', async () => {
    const file = tmp.file('no-existe/agente.db');
    await expect(openDatabase(file, { create: false })).rejects.toThrow(DatabaseMissingError);
    await expect(openDatabase(file, { create: false })).rejects.toThrow(`No hay base de datos en ${file}. Si es la primera vez, arranca el agente con \`npm start\``);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(tmp.file('no-existe'))).toBe(false);
  });
});

describe('a damaged database stops the agent', () => {
  async function databaseWithData(name: string): Promise<string> {
    const file = tmp.file(name);
    const h = await openHarness({ file });
    for (let i = 0; i < 40; i++) await h.ingest(invoiceXml(`FE-C${i}`));
    await h.close();
    return file;
  }

  it('pages overwritten with garbage: quick_check fails, the message names the file and the last backup', async () => {
    const file = await databaseWithData('danada.db');
    const backups = tmp.file('backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'agente-2026-03-08.db'), '');
    writeFileSync(join(backups, 'agente-2026-03-09.db'), '');
    const pageSize = 4096;
    const fd = openSync(file, 'r+');
    const pages = Math.floor(statSync(file).size / pageSize);
    for (let page = 3; page < pages; page += 2) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
    closeSync(fd);
    const error = await openDatabase(file, { check: true, create: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as Error).message).toMatch(new RegExp(`^La base de datos ${file} está dañada \\(.+\\); el agente no arranca para no empeorarla\\. La última copia de seguridad es ${join(backups, 'agente-2026-03-09.db')}`));
  });

  it('a file that is not a database at all is reported the same way', async () => {
    const file = tmp.file('otra-carpeta/no-es-base.db');
    mkdirSync(tmp.file('otra-carpeta'), { recursive: true });
    writeFileSync(file, 'esto no es una base de datos SQLite, solo texto '.repeat(200));
    const error = await openDatabase(file, { check: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as Error).message).toContain('No hay copias de seguridad en la carpeta backups/');
  });
});

describe('disk full', () => {
  it('an upload that does not fit answers 507 «disco lleno», and nothing of it is written', async () => {
    const h = await openHarness({ file: tmp.file('llena.db'), activate: true });
    try {
      const token = await createToken(h.db, 'prueba', h.clock);
      await h.ingest(invoiceXml('FE-F1'));
      const sqlite = rawConnectionOf(h.db);
      const pages = (sqlite.pragma('page_count', { simple: true }) as number) + 2;
      sqlite.pragma(`max_page_count = ${pages}`);
      const count = async () => ({
        files: (await h.db.selectFrom('receivedFile').select('id').execute()).length,
        blobs: (await h.db.selectFrom('fileBlob').select('sha256').execute()).length,
        documents: (await h.db.selectFrom('inboxDocument').select('id').execute()).length,
      });
      const before = await count();
      const big = invoiceXml('FE-F2').replace('</Invoice>', `<!-- ${'relleno '.repeat(20_000)} --></Invoice>`);
      const res = await createApp(h.agent).request('/api/v1/uploads', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'X-Nombre-Archivo': 'grande.xml' },
        body: big,
      });
      expect(res.status).toBe(507);
      expect((await res.json()).error).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^Disco lleno: el agente no pudo guardar y no dejó nada escrito a medias/) });
      expect(await count()).toEqual(before);
    } finally {
      await h.close();
    }
  });
});

describe('backups', () => {
  it('agente backup copies the open database (online backup API), checked, and never over another file', async () => {
    const file = tmp.file('original.db');
    const h = await openHarness({ file });
    try {
      await h.ingest(invoiceXml('FE-B1'));
      const target = tmp.file('copias/manual.db');
      const result = await backupDatabase(h.db, target);
      expect(result).toEqual({ file: target, bytes: statSync(target).size });
      await expect(backupDatabase(h.db, target)).rejects.toThrow(`Ya existe ${target}: elige otro nombre`);
      const copy = await openDatabase(target, { create: false, check: true });
      expect((await listCompanies(copy)).map((c) => c.nit)).toEqual([h.company.nit]);
      expect(await copy.selectFrom('inboxDocument').select('number').execute()).toEqual([{ number: 'FE-B1' }]);
      await copy.destroy();
    } finally {
      await h.close();
    }
  });

  it('the daily backup makes today’s copy once and keeps AGENTE_COPIAS_DIAS days; copies made by hand stay', async () => {
    const dir = tmp.file('diaria');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'agente.db');
    const db = await openDatabase(file);
    try {
      const backups = join(dir, 'backups');
      mkdirSync(backups, { recursive: true });
      for (const name of ['agente-2026-03-01.db', 'agente-2026-03-03.db', 'agente-2026-03-04.db', 'antes-de-migrar.db']) writeFileSync(join(backups, name), 'x');
      const clock = new ManualClock('2026-03-10T15:00:00Z');
      const first = await runDailyBackup(db, file, 7, clock);
      expect(first.created).toBe(join(backups, 'agente-2026-03-10.db'));
      expect(first.removed.sort()).toEqual([join(backups, 'agente-2026-03-01.db'), join(backups, 'agente-2026-03-03.db')]);
      expect(existsSync(join(backups, 'agente-2026-03-04.db'))).toBe(true);
      expect(existsSync(join(backups, 'antes-de-migrar.db'))).toBe(true);
      expect((await runDailyBackup(db, file, 7, clock)).created).toBeUndefined();
      expect(readFileSync(join(backups, 'agente-2026-03-10.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
      expect(backupDaysFromEnv({})).toBe(14);
      expect(backupDaysFromEnv({ AGENTE_COPIAS_DIAS: '0' })).toBe(0);
      expect(() => backupDaysFromEnv({ AGENTE_COPIAS_DIAS: 'siempre' })).toThrow(/AGENTE_COPIAS_DIAS debe ser un número entero/);
    } finally {
      await db.destroy();
    }
  });
});


