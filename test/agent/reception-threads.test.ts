import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestFile } from '../../server/agent/ingest';
import { ANCHORS_VARIABLE, closeVerifyThreads, readyVerifyThreads, THREADS_VARIABLE } from '../../server/authenticity';
import type { ThreadTask } from '../../server/authenticity/verify-pool';
import { COMPANY_NIT, invoiceSpec, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { containerFor, embeddedDocument, signUbl } from '../support/signing';
import { supplierIdentity } from '../support/pki';
import { buildUbl, cufeFor, unsignedUbl, zipOf } from '../support/ubl';

/**
 * Reception reads each received file on a verification thread, signatures included (server/authenticity/
 * verify-pool.ts `readAndVerifyOnThread`), so the main thread does not hold the garbage of parsing it. Whatever
 * happens to the thread, the file is stored first and its entries are exactly those the main thread would record.
 */

const spec = invoiceSpec('FE-700', { issueDate: '2026-03-10' });
const genuine = buildUbl(spec);
const inner = embeddedDocument(genuine);
const facts = { number: spec.number, cufe: cufeFor(spec), supplierNit: SUPPLIER.nit, customerNit: COMPANY_NIT, issueDate: spec.issueDate };

/** One file with a bit of everything: genuine, altered, unsigned, signed by another NIT, a PDF and junk. */
function mixedZip(): Uint8Array {
  const other = (n: string) => invoiceSpec(n, { issueDate: '2026-03-10' });
  return zipOf({
    'ad-genuina.xml': genuine,
    'ad-alterada.xml': buildUbl(other('FE-701')).replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190001.00<'),
    'ad-sin-firma.xml': buildUbl(other('FE-702')).replace(embeddedDocument(buildUbl(other('FE-702'))), embeddedDocument(buildUbl(other('FE-702'))).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')),
    'ad-otro-nit.xml': containerFor(signUbl(unsignedUbl(other('FE-703')), supplierIdentity('900999999')), { ...facts, number: 'FE-703', cufe: cufeFor(other('FE-703')) }),
    'fv.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]),
    'basura.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
  });
}

/** What reception recorded, without what differs between two databases anyway (ids). */
async function recorded(h: Harness) {
  const rows = await h.db.selectFrom('inboxDocument').selectAll().orderBy('sourcePath').execute();
  return rows.map(({ id: _id, receivedFileId: _file, companyId: _company, duplicateOf: _dup, ...rest }) => rest);
}

/** The tasks the main thread sent to the verification threads while `run` ran. */
async function tasksDuring<T>(run: () => Promise<T>, onPost?: (worker: Worker, task: ThreadTask) => void): Promise<{ result: T; tasks: ThreadTask[] }> {
  const tasks: ThreadTask[] = [];
  const original = Worker.prototype.postMessage;
  const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: readonly Transferable[]) {
    original.call(this, message, transfer as never);
    if (message && typeof message === 'object' && 'id' in message) {
      tasks.push(message as ThreadTask);
      onPost?.(this, message as ThreadTask);
    }
  });
  try {
    return { result: await run(), tasks };
  } finally {
    spy.mockRestore();
  }
}

/** The same file received with no verification threads at all: what the main thread alone records. */
async function inMainThreadOnly(bytes: Uint8Array, receive?: (h: Harness) => Promise<unknown>) {
  const before = process.env[THREADS_VARIABLE];
  process.env[THREADS_VARIABLE] = '0';
  await closeVerifyThreads();
  const h = await openHarness({ activate: true });
  try {
    const { tasks } = await tasksDuring(() => (receive ? receive(h) : h.ingest(bytes, { name: 'lote.zip' })));
    expect(tasks).toEqual([]);
    return await recorded(h);
  } finally {
    await h.close();
    if (before === undefined) delete process.env[THREADS_VARIABLE];
    else process.env[THREADS_VARIABLE] = before;
    await closeVerifyThreads();
  }
}

describe('reception on the verification threads', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await closeVerifyThreads();
  });

  it('a received file is read and checked on a thread, and recorded exactly as the main thread records it', async () => {
    const bytes = mixedZip();
    h = await openHarness({ activate: true });
    const { result, tasks } = await tasksDuring(() => h!.ingest(bytes, { name: 'lote.zip' }));
    // Sent whole to a thread, which read it; its four purchase documents were then each sent to a thread to be
    // checked (on every core), with the texts the thread read: the main thread did not read the file.
    expect(tasks.map((t) => t.kind ?? 'verify')).toEqual(['read', 'verify', 'verify', 'verify', 'verify']);
    expect(readyVerifyThreads()).toBeGreaterThan(0);
    // Not a vacuous comparison: every kind of verdict is there.
    expect(result.documents.map((d) => d.authenticity?.code ?? d.reasonCode).sort()).toEqual(['UNREADABLE', 'certificate_not_supplier', 'supplier_signature_invalid', 'unsigned', 'verified'].sort());
    // The reader's guards ran on the thread, in their order: the DOCTYPE was refused before any parsing.
    expect(result.documents.find((d) => d.reasonCode === 'UNREADABLE')?.reason).toMatch(/DOCTYPE; por seguridad no se procesa/);
    expect(await recorded(h)).toEqual(await inMainThreadOnly(bytes));
  }, 60_000);

  it('a file with one document is read and checked on one thread, in one task, as the main thread would', async () => {
    const bytes = zipOf({ 'ad0900555111.xml': genuine, 'fv0900555111.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) });
    h = await openHarness({ activate: true });
    const { result, tasks } = await tasksDuring(() => h!.ingest(bytes, { name: 'lote.zip' }));
    expect(tasks.map((t) => t.kind)).toEqual(['read']);
    expect(result.documents.map((d) => [d.status, d.authenticity?.code])).toEqual([['pending', 'verified']]);
    expect(await recorded(h)).toEqual(await inMainThreadOnly(bytes));
  }, 60_000);

  it('a thread that dies with the file loses nothing: the file is stored and the main thread records it, the same', async () => {
    const bytes = mixedZip();
    h = await openHarness({ activate: true });
    // A thread that is up and running (it has checked a document already), then dies while reading the file.
    await h.ingest(genuine, { name: 'antes.xml' });
    expect(readyVerifyThreads()).toBeGreaterThan(0);
    await h.db.deleteFrom('inboxDocument').execute();
    await h.db.deleteFrom('receivedFile').execute();
    const { result, tasks } = await tasksDuring(
      () => h!.ingest(bytes, { name: 'lote.zip' }),
      (worker, task) => {
        if (task.kind === 'read') void worker.terminate();
      },
    );
    expect(tasks.filter((t) => t.kind === 'read')).toHaveLength(1);
    // It did die (no thread is left running), and the file was read here instead.
    expect(readyVerifyThreads()).toBe(0);
    expect(result.documents).toHaveLength(5);
    const files = await h.db.selectFrom('receivedFile').innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256').select(['receivedFile.id', 'receivedFile.sourceRef', 'fileBlob.bytes']).execute();
    expect(files).toEqual([expect.objectContaining({ sourceRef: 'lote.zip', id: result.receivedFileId })]);
    expect(Buffer.from(files[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await recorded(h)).toEqual(await inMainThreadOnly(bytes));
  }, 60_000);

  it('a failure inside the thread comes back as the main thread’s own clear error, recorded on the document', async () => {
    const before = process.env[ANCHORS_VARIABLE];
    process.env[ANCHORS_VARIABLE] = '/no/existe/anclas.pem';
    try {
      h = await openHarness({ activate: true });
      // The default anchors (no set given): the thread is told their files, and cannot read one of them.
      const receive = (on: Harness) => ingestFile(on.db, on.clock, { companyId: on.company.id, bytes: new TextEncoder().encode(inner), channel: 'upload', sourceRef: 'factura.xml' });
      const { result, tasks } = await tasksDuring(() => receive(h!));
      expect(tasks.map((t) => t.kind)).toEqual(['read']);
      expect(result.documents[0]!.authenticity).toMatchObject({ code: 'unverifiable', reason: expect.stringMatching(/^No se pudo comprobar la firma: No se pudo leer el archivo de anclas de confianza \/no\/existe\/anclas\.pem/) });
      expect(await recorded(h)).toEqual(await inMainThreadOnly(new Uint8Array(), receive));
    } finally {
      if (before === undefined) delete process.env[ANCHORS_VARIABLE];
      else process.env[ANCHORS_VARIABLE] = before;
    }
  }, 60_000);
});
