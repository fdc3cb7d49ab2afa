import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { ManualClock } from '../../server/agent/clock';
import { registerDocument } from '../../server/agent/register-document';
import { openDatabase } from '../../server/db/database';
import { invoiceXml, openHarness, SUPPLIER, tempDir, type Harness } from '../support/agent-harness';
import { zipOf } from '../support/ubl';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Every table a registration writes, counted. */
async function counts(h: Pick<Harness, 'db'>) {
  const count = async (table: 'bill' | 'billLine' | 'billWithholding' | 'journalEntry' | 'journalLine' | 'supplier') =>
    Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { bill: await count('bill'), billLine: await count('billLine'), billWithholding: await count('billWithholding'), journalEntry: await count('journalEntry'), journalLine: await count('journalLine'), supplier: await count('supplier') };
}

async function expectEachRegisteredOnce(h: Pick<Harness, 'db'>, total: number) {
  const documents = await h.db.selectFrom('inboxDocument').select(['id', 'status', 'reasonCode', 'billId', 'attempts']).execute();
  expect(documents).toHaveLength(total);
  expect(documents.filter((d) => d.status !== 'registered')).toEqual([]);
  const bills = await h.db.selectFrom('bill').select(['id', 'documentId']).execute();
  expect(bills).toHaveLength(total);
  expect(new Set(bills.map((b) => b.documentId)).size).toBe(total);
  for (const d of documents) expect(bills.find((b) => b.id === d.billId)?.documentId).toBe(d.id);
  // Every bill has its whole entry, balanced.
  const entries = await h.db
    .selectFrom('journalLine')
    .innerJoin('journalEntry', 'journalEntry.id', 'journalLine.entryId')
    .select(['journalEntry.billId', (eb) => eb.fn.sum<number>('journalLine.debit').as('debit'), (eb) => eb.fn.sum<number>('journalLine.credit').as('credit')])
    .groupBy('journalEntry.billId')
    .execute();
  expect(entries).toHaveLength(total);
  for (const e of entries) expect(Number(e.debit)).toBe(Number(e.credit));
}

describe('restart in the middle of a batch', () => {
  const tmp = tempDir();
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a failure inside the transaction leaves no half-written bill; the document is registered once on retry', async () => {
    h = await openHarness({ activate: true });
    await sql`CREATE TRIGGER fail_journal BEFORE INSERT ON journal_line BEGIN SELECT RAISE(ABORT, 'disco lleno (simulado)'); END`.execute(h.db);
    const { documents } = await h.ingest(invoiceXml('FE-400'));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await registerDocument(h.agent.deps, documents[0]!.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/disco lleno/) });
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
    // Bill, lines, withholdings, entry and even the new supplier were rolled back together.
    expect(await counts(h)).toEqual({ bill: 0, billLine: 0, billWithholding: 0, journalEntry: 0, journalLine: 0, supplier: 0 });
    expect(await h.db.selectFrom('inboxDocument').select(['status', 'attempts', 'billId']).executeTakeFirstOrThrow()).toEqual({ status: 'pending', attempts: 1, billId: null });

    await sql`DROP TRIGGER fail_journal`.execute(h.db);
    expect(await h.agent.processor.runPending()).toEqual({ registered: 1, notRegistered: 0, failed: 0 });
    await expectEachRegisteredOnce(h, 1);
  });

  it('a file stored but never read (stopped between storing and reading) is read and registered when the agent starts', async () => {
    h = await openHarness({ activate: true });
    // The inbox write fails as a crash would: the file is already stored, none of its documents is recorded.
    await sql`CREATE TRIGGER fail_inbox BEFORE INSERT ON inbox_document BEGIN SELECT RAISE(ABORT, 'proceso detenido (simulado)'); END`.execute(h.db);
    const zip = zipOf({ 'a.xml': invoiceXml('FE-410'), 'b.xml': invoiceXml('FE-411') });
    await expect(h.ingest(zip, { name: 'z.zip' })).rejects.toThrow(/proceso detenido/);
    expect(await h.db.selectFrom('receivedFile').select('sourceRef').execute()).toEqual([{ sourceRef: 'z.zip' }]);
    // All or nothing: neither document of the ZIP was half-recorded.
    expect(await h.db.selectFrom('inboxDocument').select('id').execute()).toEqual([]);

    await sql`DROP TRIGGER fail_inbox`.execute(h.db);
    h.agent.start();
    await vi.waitFor(async () => expect(await h!.db.selectFrom('inboxDocument').select('status').execute()).toEqual([{ status: 'registered' }, { status: 'registered' }]), { timeout: 10_000 });
    await expectEachRegisteredOnce(h, 2);
    // Read once: starting again finds nothing left to recover.
    await h.agent.stop();
    h.agent.start();
    await h.agent.stop();
    expect(await h.db.selectFrom('inboxDocument').select('id').execute()).toHaveLength(2);
  });

  it('gives up after repeated failures with a reason, and a person can still register it by hand', async () => {
    h = await openHarness({ activate: true });
    await sql`CREATE TRIGGER fail_bill BEFORE INSERT ON bill BEGIN SELECT RAISE(ABORT, 'error de prueba'); END`.execute(h.db);
    const { documents } = await h.ingest(invoiceXml('FE-401'));
    const original = console.error;
    console.error = () => {};
    try {
      for (let i = 0; i < 3; i++) await h.agent.processor.runPending();
    } finally {
      console.error = original;
    }
    const row = await h.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'reason', 'attempts']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'not_registered', reasonCode: 'REGISTRATION_FAILED', attempts: 3 });
    expect(row.reason).toMatch(/No se pudo registrar después de 3 intentos: error de prueba/);
    await sql`DROP TRIGGER fail_bill`.execute(h.db);
    expect(await h.agent.processor.runPending()).toEqual({ registered: 0, notRegistered: 0, failed: 0 });
    expect(await registerDocument(h.agent.deps, documents[0]!.id, { manual: true })).toMatchObject({ status: 'registered' });
  });

  it('a process killed (SIGKILL) inside a transaction loses nothing and duplicates nothing after restart', async () => {
    const file = tmp.file('crash.db');
    const setup = await openHarness({ file, activate: true });
    const total = 12;
    for (let i = 0; i < total; i++) await setup.ingest(invoiceXml(`FE-5${String(i).padStart(2, '0')}`, { supplier: { ...SUPPLIER, nit: `90055${String(i).padStart(4, '0')}` } }));
    await setup.close();

    const crashed = await run(['--import', 'tsx', 'test/support/crash-worker.ts', file, '5']);
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.stdout).not.toMatch(/no crash/);

    // Restart: what was committed is there, complete; the document being written when it died left no trace.
    const db = await openDatabase(file);
    const agent = new Agent(db, { clock: new ManualClock('2026-03-10T16:00:00Z') });
    try {
      const afterCrash = await counts({ db });
      expect(afterCrash.bill).toBe(5);
      expect(afterCrash.journalEntry).toBe(5);
      expect(afterCrash.supplier).toBe(5);
      expect(await db.selectFrom('inboxDocument').select('id').where('status', '=', 'registered').execute()).toHaveLength(5);
      expect(await agent.processor.runPending()).toEqual({ registered: total - 5, notRegistered: 0, failed: 0 });
      await expectEachRegisteredOnce({ db }, total);
      // Running again changes nothing.
      expect(await agent.processor.runPending()).toEqual({ registered: 0, notRegistered: 0, failed: 0 });
      expect((await counts({ db })).bill).toBe(total);
    } finally {
      await agent.stop();
      await db.destroy();
    }
  }, 60_000);

  it('a process killed (SIGKILL) while recording a received file leaves the file stored and none of it half-recorded; the restart records it whole', async () => {
    const file = tmp.file('crash-ingest.db');
    const setup = await openHarness({ file, activate: true });
    await setup.ingest(invoiceXml('FE-700'));
    await setup.close();
    const zip = tmp.file('lote.zip');
    const total = 8;
    writeFileSync(zip, zipOf(Object.fromEntries(Array.from({ length: total }, (_, i) => [`f${i}.xml`, invoiceXml(`FE-71${i}`)]))));

    // Dies while writing the 4th entry of the ZIP (the database already held 1).
    const crashed = await run(['--import', 'tsx', 'test/support/crash-ingest-worker.ts', file, zip, '4']);
    expect(crashed.signal).toBe('SIGKILL');
    expect(crashed.stdout).not.toMatch(/no crash/);

    const db = await openDatabase(file);
    const agent = new Agent(db, { clock: new ManualClock('2026-03-10T16:00:00Z') });
    try {
      // Stored before anything else: the ZIP is there, as received; none of its documents was recorded.
      const stored = await db.selectFrom('receivedFile').select(['id', 'sourceRef']).where('sourceRef', '=', 'lote.zip').execute();
      expect(stored).toHaveLength(1);
      expect(await db.selectFrom('inboxDocument').select('number').execute()).toEqual([{ number: 'FE-700' }]);
      // Restart: the file is read again and recorded whole, once.
      agent.start();
      await vi.waitFor(async () => expect(await db.selectFrom('inboxDocument').select('id').where('receivedFileId', '=', stored[0]!.id).execute()).toHaveLength(total), { timeout: 15_000 });
      await agent.stop();
      agent.start();
      await agent.stop();
      const numbers = (await db.selectFrom('inboxDocument').select('number').execute()).map((r) => r.number).sort();
      expect(numbers).toEqual(['FE-700', ...Array.from({ length: total }, (_, i) => `FE-71${i}`)].sort());
    } finally {
      await agent.stop();
      await db.destroy();
    }
  }, 60_000);

  it('two processes draining the same database file never create two bills for one document', async () => {
    const file = tmp.file('concurrent.db');
    const setup = await openHarness({ file, activate: true });
    const total = 300;
    for (let i = 0; i < total; i++) await setup.ingest(invoiceXml(`FE-6${String(i).padStart(3, '0')}`, { supplier: { ...SUPPLIER, nit: `9006${String(i % 40).padStart(5, '0')}` } }));
    await setup.close();

    const [a, b, c] = await Promise.all([0, 1, 2].map(() => run(['bin/agente.js', '--db', file, 'run'])));
    for (const r of [a!, b!, c!]) expect(r.code, r.stderr).toBe(0);
    const reports = [a!, b!, c!].map((r) => JSON.parse(r.stdout) as { registered: number; failed: number });
    if (process.env.DEBUG_CONCURRENCY) console.log(reports, a!.stderr.slice(0, 2000));
    expect(reports.reduce((sum, r) => sum + r.registered, 0)).toBe(total);
    expect(reports.every((r) => r.failed === 0)).toBe(true);

    const db = await openDatabase(file);
    try {
      await expectEachRegisteredOnce({ db }, total);
      expect(await db.selectFrom('inboxDocument').select('id').where('attempts', '>', 0).execute()).toEqual([]);
      expect(await db.selectFrom('supplier').select('id').execute()).toHaveLength(40);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
