import { afterEach, describe, expect, it } from 'vitest';
import { getDailySummary } from '../../server/agent/daily-summary';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { DEFAULT_INTAKE_LIMITS, intakeLimitsFromEnv } from '../../server/agent/intake-limits';
import { receiveMail, type ReceivedMail } from '../../server/sources/mail-receiver';
import { getMailboxView, saveMailboxConfig } from '../../server/sources/mailbox-config';
import { mailboxFloodReport } from '../../server/sources/mailbox-flood';
import { SecretBox } from '../../server/secrets/secret-box';
import { invoiceXml, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { zipOf } from '../support/ubl';
import { eml, invoiceXml as mailInvoiceXml, invoiceZip } from '../sources/mail-fixtures';
import { randomBytes } from 'node:crypto';
import { forEachEngine } from '../support/engines';

const encoder = new TextEncoder();
forEachEngine((engine) => {
  let harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses) await h.close();
    harnesses = [];
  });
  async function harness(intake: Partial<typeof DEFAULT_INTAKE_LIMITS> = {}): Promise<Harness> {
    const h = await openHarness({ engine, activate: true, agent: { intake } });
    harnesses.push(h);
    return h;
  }

  /** A ZIP with `count` distinct invoices for our company. */
  function zipOfInvoices(count: number, prefix: string): Uint8Array {
    const entries: Record<string, string> = {};
    for (let i = 0; i < count; i++) entries[`${prefix}-${i}.xml`] = invoiceXml(`${prefix}${i}`, { supplier: { ...SUPPLIER } });
    return zipOf(entries);
  }

  const rows = (h: Harness) => h.db.selectFrom('inboxDocument').selectAll().execute();

  describe('a received file yields a bounded number of documents', () => {
    it('the defaults: 200 documents per file, 10 per mail message, 50 MB of refused bytes, a warning past 20 refused messages a day', () => {
      expect(DEFAULT_INTAKE_LIMITS).toEqual({ maxDocumentsPerFile: 200, maxDocumentsPerMail: 10, refusedBytesQuota: 50 * 1024 * 1024, floodThreshold: 20 });
      expect(intakeLimitsFromEnv({})).toEqual(DEFAULT_INTAKE_LIMITS);
      expect(intakeLimitsFromEnv({ AGENTE_MAX_DOCUMENTOS_ARCHIVO: '50', AGENTE_CUOTA_RECHAZADOS_MB: '5' })).toMatchObject({ maxDocumentsPerFile: 50, refusedBytesQuota: 5 * 1024 * 1024 });
      expect(() => intakeLimitsFromEnv({ AGENTE_MAX_DOCUMENTOS_CORREO: 'diez' })).toThrow(/AGENTE_MAX_DOCUMENTOS_CORREO debe ser un número entero/);
    });

    it('a ZIP of 200 invoices is received whole; one of 201 is refused whole, with one entry that says why', async () => {
      const h = await harness();
      const ok = await h.ingest(zipOfInvoices(200, 'OK'), { name: 'mes.zip', channel: 'upload' });
      expect(ok.refused).toBeUndefined();
      expect(ok.documents.filter((d) => d.status === 'pending')).toHaveLength(200);

      const flood = await h.ingest(zipOfInvoices(201, 'XX'), { name: 'inundacion.zip', channel: 'upload' });
      expect(flood.refused).toEqual({ code: 'TOO_MANY_DOCUMENTS', reason: expect.stringMatching(/^El archivo trae 201 documentos y se reciben como máximo 200 por archivo\. No se registró ninguno/) });
      expect(flood.documents).toEqual([expect.objectContaining({ status: 'not_registered', reasonCode: 'TOO_MANY_DOCUMENTS', source: ['inundacion.zip'] })]);
      // Nothing of it is half-recorded: no invoice of the refused ZIP exists anywhere, and none takes a dedupe key.
      const all = await rows(h);
      expect(all.filter((r) => r.receivedFileId === flood.receivedFileId)).toHaveLength(1);
      expect(all.filter((r) => r.number?.startsWith('XX'))).toEqual([]);
      const file = await h.db.selectFrom('receivedFile').selectAll().where('id', '=', flood.receivedFileId).executeTakeFirstOrThrow();
      expect(file).toMatchObject({ status: 'refused', reasonCode: 'TOO_MANY_DOCUMENTS' });
      // The file itself is kept (under the quota), as received.
      const blob = await h.db.selectFrom('fileBlob').selectAll().where('sha256', '=', file.sha256).executeTakeFirstOrThrow();
      expect(blob.prunedAt).toBeNull();
      expect(blob.bytes.length).toBe(file.size);
      await h.agent.processor.runPending(h.company.id);
      expect(await h.db.selectFrom('bill').select('id').execute()).toHaveLength(200);
      // 401 signed invoices received and 200 registered: seconds at rest, over 20 s on a loaded 2-core machine. Not a
      // speed check (those live in `npm run bench`), so it gets room.
    }, 180_000);

    it('a mail message holding more than 10 documents is refused whole; its sender is on the entry', async () => {
      const h = await harness();
      const parts = Array.from({ length: 11 }, (_, i) => ({ contentType: 'application/zip', filename: `z${i}.zip`, body: invoiceZip(mailInvoiceXml('900123456', `m${i}`)) }));
      const raw = eml({ from: 'Desconocido <spam@otro.test>', subject: '900373076;Proveedor;FE1;01;Proveedor', parts });
      const outcome = await receiveMail(h.agent, h.company.id, mailOf(raw));
      expect(outcome).toMatchObject({ status: 'refused', code: 'TOO_MANY_DOCUMENTS', reason: expect.stringMatching(/^El mensaje trae 11 documentos y se reciben como máximo 10 por mensaje de correo/) });
      const all = await rows(h);
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ status: 'not_registered', reasonCode: 'TOO_MANY_DOCUMENTS', sender: '"Desconocido" <spam@otro.test>', channel: 'mailbox' });
      const record = await h.db.selectFrom('mailboxMessage').selectAll().executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: 'refused', refused: 1, documents: 0 });
      // The same message read again is the same message: nothing more.
      expect(await receiveMail(h.agent, h.company.id, mailOf(raw))).toMatchObject({ status: 'duplicate', original: 'refused' });
      expect(await rows(h)).toHaveLength(1);
    });

    it('a genuine mail records both the sender (From) and the supplier on the entry', async () => {
      const h = await harness();
      const raw = eml({ from: 'Facturación ACME <fe@acme.test>', subject: '900373076;ACME;FE9;01;ACME', parts: [{ contentType: 'application/zip', filename: 'fe9.zip', body: invoiceZip(mailInvoiceXml('900123456', 'g1')) }] });
      const outcome = await receiveMail(h.agent, h.company.id, mailOf(raw));
      expect(outcome.status).toBe('received');
      if (outcome.status !== 'received') return;
      expect(outcome.documents[0]).toMatchObject({ status: 'pending', sender: '"Facturación ACME" <fe@acme.test>', supplierNit: '800197268', supplierName: 'DIAN' });
    });
  });

  describe('junk is kept small and counted once', () => {
    const junk = (n: number, size = 1500) => encoder.encode(`basura ${n} `.padEnd(size, 'x'));

    it('the same junk file twice is one entry (one line in the summary), with how often it came', async () => {
      const h = await harness();
      const first = await h.ingest(junk(1), { name: 'a.bin' });
      const again = await h.ingest(junk(1), { name: 'otro-nombre.bin' });
      expect(first.refused?.code).toBe('NOT_XML');
      expect(again).toMatchObject({ receivedFileId: first.receivedFileId, repeated: true, refused: { code: 'NOT_XML' } });
      expect(again.documents.map((d) => d.id)).toEqual(first.documents.map((d) => d.id));
      expect(await rows(h)).toHaveLength(1);
      expect(await h.db.selectFrom('receivedFile').selectAll().execute()).toEqual([expect.objectContaining({ repeats: 1, status: 'refused', lastArrivedAt: expect.any(String) })]);
      const summary = await getDailySummary(h.db, h.company.id, '2026-03-10', h.clock);
      expect(summary.notRegistered).toBe(1);
      expect(summary.notRegisteredDocuments).toHaveLength(1);
    });

    it('refused bytes are kept up to the quota, newest first; older ones keep hash, size, sender and reason', async () => {
      const h = await harness({ refusedBytesQuota: 3200 });
      const results = [];
      for (let i = 0; i < 4; i++) {
        results.push(await h.agent.ingest({ companyId: h.company.id, bytes: junk(i), channel: 'mailbox', sourceRef: `j${i}.zip`, sender: `spam${i}@otro.test` }));
        h.clock.advance(1000);
      }
      const files = await h.db.selectFrom('receivedFile').innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256').selectAll().orderBy('receivedFile.arrivedAt').execute();
      expect(files.map((f) => [f.sourceRef, f.prunedAt !== null, f.bytes.length])).toEqual([
        ['j0.zip', true, 0],
        ['j1.zip', true, 0],
        ['j2.zip', false, 1500],
        ['j3.zip', false, 1500],
      ]);
      for (const f of files) expect(f).toMatchObject({ size: 1500, status: 'refused', sender: expect.stringMatching(/^spam\d@otro\.test$/), reason: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // A genuine document is never touched by the quota.
      const good = await h.ingest(invoiceXml('FE-Q1'));
      const goodFile = await h.db.selectFrom('receivedFile').innerJoin('fileBlob', 'fileBlob.sha256', 'receivedFile.sha256').selectAll().where('receivedFile.id', '=', good.receivedFileId).executeTakeFirstOrThrow();
      for (let i = 4; i < 8; i++) await h.agent.ingest({ companyId: h.company.id, bytes: junk(i), channel: 'upload', sourceRef: `j${i}.bin` });
      const after = await h.db.selectFrom('fileBlob').selectAll().where('sha256', '=', goodFile.sha256).executeTakeFirstOrThrow();
      expect(after.prunedAt).toBeNull();
      expect(after.bytes.length).toBe(goodFile.size);
    });
  });

  describe('a mailbox flooded by unknown senders is reported', () => {
    it('counts refused messages from senders never seen with a genuine document, and warns past the threshold', async () => {
      const h = await harness({ floodThreshold: 3 });
      const previous = process.env.AGENTE_SECRET_KEY;
      process.env.AGENTE_SECRET_KEY = randomBytes(32).toString('base64');
      try {
        await saveMailboxConfig(h.db, SecretBox.fromEnv(), h.company.id, { host: 'imap.empresa.test', user: 'facturas@empresa.test', password: 'x-secreto' }, h.clock);
        // A known supplier: one genuine invoice, then one junk message — it does not count.
        const genuine = eml({ from: 'Proveedor <fe@proveedor.test>', subject: 'Factura', parts: [{ contentType: 'application/zip', filename: 'fe.zip', body: invoiceZip(mailInvoiceXml('900123456', 'k1')) }] });
        expect((await receiveMail(h.agent, h.company.id, mailOf(genuine))).status).toBe('received');
        const junkFrom = (from: string, n: number) => eml({ from, subject: `Oferta ${n}`, parts: [{ contentType: 'application/zip', filename: 'x.zip', body: zipOf({ 'leeme.txt': `nada ${n}` }) }] });
        expect((await receiveMail(h.agent, h.company.id, mailOf(junkFrom('Proveedor <fe@proveedor.test>', 0)))).status).toBe('received');
        for (let i = 1; i <= 3; i++) await receiveMail(h.agent, h.company.id, mailOf(junkFrom(`Spam ${i} <s${i}@spam.test>`, i)));
        let report = await mailboxFloodReport(h.db, h.company.id, h.clock.now(), 3);
        expect(report).toMatchObject({ refusedFromUnknownSenders: 3, unknownSenders: 3, flooding: false });
        await receiveMail(h.agent, h.company.id, mailOf(junkFrom('Spam 4 <s4@spam.test>', 4)));
        const view = await getMailboxView(h.db, h.company.id, { now: h.clock.now(), floodThreshold: 3 });
        expect(view!.flood).toMatchObject({ refusedFromUnknownSenders: 4, unknownSenders: 4, flooding: true, message: expect.stringMatching(/^Posible inundación del buzón: 4 mensajes rechazados de 4 remitentes desconocidos en las últimas 24 horas/) });
        expect(view!.messages.refused).toBe(5);
        // The panel's status gets the same line through GET /agent.
        const token = await createToken(h.db, 'prueba', h.clock);
        const agentState = await (await createApp(h.agent).request('/api/v1/agent', { headers: { Authorization: `Bearer ${token}` } })).json();
        expect(agentState).toMatchObject({ status: 'active', intakeWarning: view!.flood.message });
        // A day later the window is empty again.
        h.clock.advance(25 * 60 * 60 * 1000);
        report = await mailboxFloodReport(h.db, h.company.id, h.clock.now(), 3);
        expect(report).toMatchObject({ refusedFromUnknownSenders: 0, flooding: false });
        expect(await (await createApp(h.agent).request('/api/v1/agent', { headers: { Authorization: `Bearer ${token}` } })).json()).not.toHaveProperty('intakeWarning');
      } finally {
        if (previous === undefined) delete process.env.AGENTE_SECRET_KEY;
        else process.env.AGENTE_SECRET_KEY = previous;
      }
    });
  });

  let uid = 0;
  function mailOf(raw: Buffer): ReceivedMail {
    return { raw, arrivedAt: new Date('2026-03-10T15:30:00Z'), account: 'facturas@empresa.test@127.0.0.1:143/INBOX', folder: 'INBOX', uid: ++uid, uidValidity: '1' };
  }
});
