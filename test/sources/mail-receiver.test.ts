import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import type { IngestInput } from '../../server/agent/ingest';
import { fromJson } from '../../server/db/database';
import { MAX_MESSAGE_ATTEMPTS, receiveMail, type ReceivedMail } from '../../server/sources/mail-receiver';
import { agentWithCompany, COMPANY_NIT } from './agent-setup';
import { dianMessage, eml, invoiceXml, invoiceZip, PDF_BYTES } from './mail-fixtures';
import { dieBeforeRecording } from '../support/die-before-recording';
import { forEachEngine } from '../support/engines';

const ACTIVATED = new Date('2026-11-20T13:00:00Z');
const ARRIVED = new Date('2026-11-20T15:30:00Z');
const account = 'facturas@empresa.test@127.0.0.1:143/INBOX';

function mail(raw: Buffer, extra: Partial<ReceivedMail> = {}): ReceivedMail {
  return { raw, arrivedAt: ARRIVED, account, folder: 'INBOX', uid: 1, uidValidity: '1700000000', ...extra };
}

forEachEngine((engine) => {
  let closers: (() => Promise<void>)[] = [];
  async function setup() {
    const made = await agentWithCompany({ activateAt: ACTIVATED, engine });
    closers.push(made.close);
    return made;
  }
  afterEach(async () => {
    for (const close of closers) await close();
    closers = [];
  });

  describe('receiveMail', () => {
    it('stores the raw message, then receives its ZIP through the inbox with the message arrival time', async () => {
      const { agent, company } = await setup();
      const { raw, number } = dianMessage({ customerNit: COMPANY_NIT, seed: 'r1', messageId: '<r1@proveedor.test>' });
      const outcome = await receiveMail(agent, company.id, mail(raw));
      expect(outcome.status).toBe('received');
      if (outcome.status !== 'received') return;
      expect(outcome.documents).toHaveLength(1);
      expect(outcome.documents[0]).toMatchObject({ status: 'pending', channel: 'mailbox', number, arrivedAt: ARRIVED.toISOString() });

      const record = await agent.db.selectFrom('mailboxMessage').selectAll().where('id', '=', outcome.recordId).executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: 'received', messageId: '<r1@proveedor.test>', documents: 1, uid: 1, internalDate: ARRIVED.toISOString() });
      expect(fromJson(record.dianSubject, {})).toMatchObject({ nit: '900373076', number });
      const blob = await agent.db.selectFrom('fileBlob').selectAll().where('sha256', '=', record.rawSha256!).executeTakeFirstOrThrow();
      expect(Buffer.from(blob.bytes).equals(raw)).toBe(true);
      expect(record.rawSha256).toBe(createHash('sha256').update(raw).digest('hex'));

      const files = await agent.db.selectFrom('receivedFile').selectAll().execute();
      expect(files).toHaveLength(1);
      expect(files[0]).toMatchObject({ channel: 'mailbox', arrivedAt: ARRIVED.toISOString() });
      expect(fromJson<Record<string, unknown>>(files[0]!.metadata, {})).toMatchObject({ mailboxMessageId: record.id, messageId: '<r1@proveedor.test>', uid: 1, part: 0 });

      expect(await agent.processor.runPending(company.id)).toMatchObject({ registered: 1 });
    });

    it('a message without DIAN content creates no inbox document and keeps no copy', async () => {
      const { agent, company } = await setup();
      const outcome = await receiveMail(agent, company.id, mail(eml({ subject: 'Oferta especial', text: 'Compre ya' })));
      expect(outcome).toMatchObject({ status: 'no_dian_content', code: 'NO_DIAN_CONTENT' });
      expect(await agent.db.selectFrom('receivedFile').selectAll().execute()).toEqual([]);
      expect(await agent.db.selectFrom('inboxDocument').selectAll().execute()).toEqual([]);
      const record = await agent.db.selectFrom('mailboxMessage').selectAll().executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: 'no_dian_content', rawSha256: null, subject: 'Oferta especial' });
    });

    it('the same message again (same Message-ID and parts, another UID) is a duplicate and ingests nothing', async () => {
      const { agent, company } = await setup();
      const { raw } = dianMessage({ customerNit: COMPANY_NIT, seed: 'dup', messageId: '<dup@proveedor.test>' });
      await receiveMail(agent, company.id, mail(raw));
      const again = await receiveMail(agent, company.id, mail(Buffer.concat([Buffer.from('Delivered-To: otra@empresa.test\r\n'), raw]), { uid: 7 }));
      expect(again).toMatchObject({ status: 'duplicate', original: 'received' });
      expect(await agent.db.selectFrom('receivedFile').selectAll().execute()).toHaveLength(1);
    });

    it('a reused Message-ID with a different invoice is a different message: nothing is lost', async () => {
      const { agent, company } = await setup();
      const one = dianMessage({ customerNit: COMPANY_NIT, seed: 'reuse-1', messageId: '<siempre-el-mismo@proveedor.test>' });
      const two = dianMessage({ customerNit: COMPANY_NIT, seed: 'reuse-2', messageId: '<siempre-el-mismo@proveedor.test>' });
      expect((await receiveMail(agent, company.id, mail(one.raw))).status).toBe('received');
      expect((await receiveMail(agent, company.id, mail(two.raw, { uid: 2 }))).status).toBe('received');
      const numbers = (await agent.db.selectFrom('inboxDocument').select('number').execute()).map((r) => r.number).sort();
      expect(numbers).toEqual([one.number, two.number].sort());
    });

    it('the same invoice resent in a new message is received and marked duplicate by CUFE', async () => {
      const { agent, company } = await setup();
      const xml = invoiceXml(COMPANY_NIT, 'resent', { number: 'FE5000' });
      const first = eml({ subject: '900373076;Proveedor;FE5000;01;Proveedor', parts: [{ contentType: 'application/zip', filename: 'FE5000.zip', body: invoiceZip(xml) }] });
      const resent = eml({ subject: 'RV: 900373076;Proveedor;FE5000;01;Proveedor', parts: [{ contentType: 'application/xml', filename: 'FE5000.xml', body: xml }] });
      await receiveMail(agent, company.id, mail(first));
      const outcome = await receiveMail(agent, company.id, mail(resent, { uid: 2 }));
      expect(outcome.status).toBe('received');
      if (outcome.status === 'received') expect(outcome.documents[0]).toMatchObject({ status: 'duplicate', reasonCode: 'DUPLICATE' });
    });

    it('arrival time decides: a message that reached the mailbox before activation is kept as not registered', async () => {
      const { agent, company } = await setup();
      const { raw } = dianMessage({ customerNit: COMPANY_NIT, seed: 'early' });
      const outcome = await receiveMail(agent, company.id, mail(raw, { arrivedAt: new Date('2026-11-20T12:00:00Z') }));
      if (outcome.status !== 'received') throw new Error(outcome.status);
      expect(outcome.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'AGENT_INACTIVE' });
    });

    it('a DIAN document that fails is visible as not registered with its reason', async () => {
      const { agent, company } = await setup();
      const other = invoiceXml('811000111', 'other-company');
      const broken = new TextEncoder().encode('<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID');
      const raw = eml({
        subject: '900373076;Proveedor;FE1;01;Proveedor',
        parts: [
          { contentType: 'application/zip', filename: 'otra-empresa.zip', body: invoiceZip(other) },
          { contentType: 'application/zip', filename: 'danado.zip', body: invoiceZip('x').subarray(0, 40) },
          { contentType: 'application/xml', filename: 'truncado.xml', body: broken },
        ],
      });
      const outcome = await receiveMail(agent, company.id, mail(raw));
      if (outcome.status !== 'received') throw new Error(outcome.status);
      expect(outcome.documents.map((d) => [d.status, d.reasonCode])).toEqual([
        ['not_registered', 'NOT_FOR_COMPANY'],
        ['not_registered', 'UNREADABLE'],
        ['not_registered', 'UNREADABLE'],
      ]);
      expect(outcome.documents.every((d) => (d.reason ?? '').length > 10)).toBe(true);
    });

    it('after a failure mid-message, the retry ingests only the parts not yet ingested', async () => {
      const { agent, company } = await setup();
      const raw = eml({
        subject: '900373076;Proveedor;FE1;01;Proveedor',
        parts: [
          { contentType: 'application/zip', filename: 'uno.zip', body: invoiceZip(invoiceXml(COMPANY_NIT, 'part-1')) },
          { contentType: 'application/zip', filename: 'dos.zip', body: invoiceZip(invoiceXml(COMPANY_NIT, 'part-2')) },
        ],
      });
      // The database fails on the second part once (disk full, lock timeout…).
      const realIngest = agent.ingest.bind(agent);
      let calls = 0;
      agent.ingest = async (input: IngestInput) => {
        if (++calls === 2) throw new Error('database is locked');
        return realIngest(input);
      };
      await expect(receiveMail(agent, company.id, mail(raw))).rejects.toThrow('database is locked');
      const pending = await agent.db.selectFrom('mailboxMessage').selectAll().executeTakeFirstOrThrow();
      expect(pending).toMatchObject({ status: 'receiving', attempts: 1 });
      expect(pending.rawSha256).not.toBeNull();

      const retry = await receiveMail(agent, company.id, mail(raw));
      expect(retry.status).toBe('received');
      const files = await agent.db.selectFrom('receivedFile').select('sourceRef').orderBy('receivedAt').execute();
      expect(files.map((f) => f.sourceRef).sort()).toEqual(['dos.zip', 'uno.zip']);
      const record = await agent.db.selectFrom('mailboxMessage').selectAll().executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: 'received', documents: 2 });
    });

    it('a part its reader stored and never read (it died in between) is read by the process that takes the mailbox over, once', async () => {
      const { agent, company } = await setup();
      const { raw, number } = dianMessage({ customerNit: COMPANY_NIT, seed: 'relevo', messageId: '<relevo@proveedor.test>' });
      // Reader A stops right after the ZIP is stored, inside the transaction that would record its document.
      const a = new Agent(agent.db.withPlugin(dieBeforeRecording(1, 'throw')));
      await expect(receiveMail(a, company.id, mail(raw))).rejects.toThrow('se detuvo');
      expect(await agent.db.selectFrom('receivedFile').select('id').execute()).toHaveLength(1);
      expect(await agent.db.selectFrom('inboxDocument').select('id').execute()).toEqual([]);
      expect(await agent.db.selectFrom('mailboxMessage').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'receiving' });

      // Reader B (another process on the database; not restarted, so no start-up recovery) finds the message
      // without its keyword and reads it: the stored file is read now, not stored a second time.
      const b = new Agent(agent.db);
      const outcome = await receiveMail(b, company.id, mail(raw));
      expect(outcome).toMatchObject({ status: 'received' });
      const files = await agent.db.selectFrom('receivedFile').select('id').execute();
      expect(files).toHaveLength(1);
      const docs = await agent.db.selectFrom('inboxDocument').select(['number', 'status', 'receivedFileId']).execute();
      expect(docs).toEqual([{ number, status: 'pending', receivedFileId: files[0]!.id }]);
      expect(await agent.db.selectFrom('mailboxMessage').select(['status', 'documents']).executeTakeFirstOrThrow()).toEqual({ status: 'received', documents: 1 });
      // Read once: the message again is a duplicate, and the document registers once.
      expect(await receiveMail(b, company.id, mail(raw, { uid: 2 }))).toMatchObject({ status: 'duplicate' });
      expect(await b.processor.runPending(company.id)).toMatchObject({ registered: 1 });
      expect(await agent.db.selectFrom('inboxDocument').select('id').execute()).toHaveLength(1);
    });

    it('a message refused whole that its reader stored and never recorded is recorded by the next reader, once', async () => {
      const { agent, company } = await setup();
      const raw = eml({
        subject: '900373076;Proveedor;FE1;01;Proveedor',
        parts: Array.from({ length: agent.intake.maxDocumentsPerMail + 1 }, (_, i) => ({ contentType: 'application/zip', filename: `f${i}.zip`, body: invoiceZip(invoiceXml(COMPANY_NIT, `muchos-${i}`)) })),
      });
      const a = new Agent(agent.db.withPlugin(dieBeforeRecording(1, 'throw')));
      await expect(receiveMail(a, company.id, mail(raw))).rejects.toThrow('se detuvo');
      expect(await agent.db.selectFrom('inboxDocument').select('id').execute()).toEqual([]);

      const b = new Agent(agent.db);
      expect(await receiveMail(b, company.id, mail(raw))).toMatchObject({ status: 'refused', code: 'TOO_MANY_DOCUMENTS' });
      expect(await agent.db.selectFrom('receivedFile').select(['status', 'reasonCode']).execute()).toEqual([{ status: 'refused', reasonCode: 'TOO_MANY_DOCUMENTS' }]);
      expect(await agent.db.selectFrom('inboxDocument').select(['status', 'reasonCode']).execute()).toEqual([{ status: 'not_registered', reasonCode: 'TOO_MANY_DOCUMENTS' }]);
      expect(await agent.db.selectFrom('mailboxMessage').select(['status', 'refused']).executeTakeFirstOrThrow()).toEqual({ status: 'refused', refused: 1 });
    });

    it(`gives up after ${MAX_MESSAGE_ATTEMPTS} failed attempts, recording why (the raw message stays)`, async () => {
      const { agent, company } = await setup();
      const { raw } = dianMessage({ customerNit: COMPANY_NIT, seed: 'poison' });
      agent.ingest = async () => {
        throw new Error('falla persistente');
      };
      for (let i = 1; i < MAX_MESSAGE_ATTEMPTS; i++) await expect(receiveMail(agent, company.id, mail(raw))).rejects.toThrow('falla persistente');
      const last = await receiveMail(agent, company.id, mail(raw));
      expect(last).toMatchObject({ status: 'failed' });
      const record = await agent.db.selectFrom('mailboxMessage').selectAll().executeTakeFirstOrThrow();
      expect(record).toMatchObject({ status: 'failed', attempts: MAX_MESSAGE_ATTEMPTS, reasonCode: 'RECEPTION_FAILED' });
      expect(record.rawSha256).not.toBeNull();
    });

    it('a ZIP nested in the ZIP (annexes, CCCE rule) is read too', async () => {
      const { agent, company } = await setup();
      const xml = invoiceXml(COMPANY_NIT, 'nested', { number: 'FEN1' });
      const outer = zipSync({ 'anexos.zip': invoiceZip(xml), 'leeme.txt': new TextEncoder().encode('Adjuntos') });
      const outcome = await receiveMail(agent, company.id, mail(eml({ subject: '900373076;Proveedor;FEN1;01;Proveedor', parts: [{ contentType: 'application/octet-stream', filename: 'FEN1.zip', body: outer }] })));
      if (outcome.status !== 'received') throw new Error(outcome.status);
      expect(outcome.documents).toEqual([expect.objectContaining({ number: 'FEN1', status: 'pending', source: ['FEN1.zip', 'anexos.zip', 'ad0900123456.xml'] })]);
    });

    it('PDF-only message: recorded with a reason, no inbox document', async () => {
      const { agent, company } = await setup();
      const outcome = await receiveMail(agent, company.id, mail(eml({ subject: '900373076;Proveedor;FE9;01;P', parts: [{ contentType: 'application/pdf', filename: 'FE9.pdf', body: PDF_BYTES }] })));
      expect(outcome).toMatchObject({ status: 'no_dian_content', code: 'PDF_ONLY' });
      expect(await agent.db.selectFrom('inboxDocument').selectAll().execute()).toEqual([]);
    });
  });
});
