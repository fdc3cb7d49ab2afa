import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listDocuments } from '../../server/agent/inbox-documents';
import { fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { attachedDocument, buildUbl, cufeFor, zipOf } from '../support/ubl';
import { COMPANY_NIT, invoiceSpec, invoiceXml, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { forEachEngine } from '../support/engines';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

forEachEngine((engine) => {
  describe('reception inbox', () => {
    let h: Harness;
    afterEach(async () => h?.close());

    async function bills() {
      return h.db.selectFrom('bill').select(['id', 'number', 'documentId']).execute();
    }

    async function blobOf(receivedFileId: string) {
      const file = await h.db.selectFrom('receivedFile').selectAll().where('id', '=', receivedFileId).executeTakeFirstOrThrow();
      const blob = await h.db.selectFrom('fileBlob').selectAll().where('sha256', '=', file.sha256).executeTakeFirstOrThrow();
      return { file, blob };
    }

    describe('duplicates are recorded, pointing to the first copy, and never registered twice', () => {
      it('the same file twice', async () => {
        h = await openHarness({ engine, activate: true });
        const xml = invoiceXml('FE-100');
        const first = await h.ingest(xml, { name: 'factura.xml' });
        h.clock.advance(60_000);
        const second = await h.ingest(xml, { name: 'factura.xml' });
        expect(second.documents[0]).toMatchObject({ status: 'duplicate', reasonCode: 'DUPLICATE', duplicateOf: first.documents[0]!.id });
        expect(second.documents[0]!.reason).toMatch(/Ya se había recibido este documento \(FE-100\)/);
        await h.agent.processor.runPending();
        expect(await bills()).toHaveLength(1);
        // Both arrivals are kept as received; the bytes are stored once.
        expect(await h.db.selectFrom('receivedFile').select('id').execute()).toHaveLength(2);
        expect(await h.db.selectFrom('fileBlob').select('sha256').execute()).toHaveLength(1);
        // A copy arriving after registration is still a duplicate.
        const third = await h.ingest(xml);
        expect(third.documents[0]!.status).toBe('duplicate');
        await h.agent.processor.runPending();
        expect(await bills()).toHaveLength(1);
      });

      it('the same CUFE through two channels (bare XML uploaded, container by e-mail inside a ZIP)', async () => {
        h = await openHarness({ engine, activate: true });
        const spec = invoiceSpec('FE-101');
        const xml = buildUbl(spec);
        const container = attachedDocument(xml, { number: 'FE-101', cufe: cufeFor(spec), supplierNit: SUPPLIER.nit, customerNit: COMPANY_NIT, issueDate: spec.issueDate });
        const first = await h.ingest(zipOf({ 'ad0900555111.xml': container, 'fv0900555111.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]) }), { channel: 'mailbox', name: 'z0900555111.zip' });
        expect(first.documents).toHaveLength(1);
        expect(first.documents[0]).toMatchObject({ status: 'pending', cufe: cufeFor(spec), channel: 'mailbox', source: ['z0900555111.zip', 'ad0900555111.xml'] });
        const second = await h.ingest(xml, { channel: 'upload' });
        expect(second.documents[0]).toMatchObject({ status: 'duplicate', duplicateOf: first.documents[0]!.id });
        await h.agent.processor.runPending();
        expect(await bills()).toEqual([expect.objectContaining({ number: 'FE-101', documentId: first.documents[0]!.id })]);
      });

      it('the same supplier and number with another CUFE', async () => {
        h = await openHarness({ engine, activate: true });
        const first = await h.ingest(invoiceXml('FE-102'));
        const resent = await h.ingest(invoiceXml('FE-102', { cufe: 'a'.repeat(96) }));
        expect(resent.documents[0]).toMatchObject({ status: 'duplicate', duplicateOf: first.documents[0]!.id });
        // Same number from another supplier is another document.
        const other = await h.ingest(invoiceXml('FE-102', { supplier: { ...SUPPLIER, nit: '901999888', name: 'Otro Proveedor SAS' } }));
        expect(other.documents[0]!.status).toBe('pending');
        await h.agent.processor.runPending();
        expect((await bills()).map((b) => b.number).sort()).toEqual(['FE-102', 'FE-102']);
      });

      it('a copy rejected by DIAN (04) does not block the validated one', async () => {
        h = await openHarness({ engine, activate: true });
        const spec = invoiceSpec('FE-103');
        const xml = buildUbl(spec);
        const meta = { number: 'FE-103', cufe: cufeFor(spec), supplierNit: SUPPLIER.nit, customerNit: COMPANY_NIT, issueDate: spec.issueDate };
        const rejected = await h.ingest(attachedDocument(xml, { ...meta, responseCode: '04' }));
        expect(rejected.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'DIAN_NOT_VALIDATED', number: 'FE-103', cufe: meta.cufe });
        expect(rejected.documents[0]!.reason).toMatch(/La DIAN no validó este documento \(código 04/);
        const validated = await h.ingest(attachedDocument(xml, meta));
        expect(validated.documents[0]!.status).toBe('pending');
        await h.agent.processor.runPending();
        expect(await bills()).toEqual([expect.objectContaining({ documentId: validated.documents[0]!.id })]);
      });

      it('a test-environment copy does not block the production document with the same number', async () => {
        h = await openHarness({ engine, activate: true });
        const test = await h.ingest(invoiceXml('FE-104', { environment: 'test', cufe: 'b'.repeat(96) }));
        expect(test.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'TEST_ENVIRONMENT' });
        const production = await h.ingest(invoiceXml('FE-104'));
        expect(production.documents[0]!.status).toBe('pending');
        // The same test document twice is still a duplicate of itself.
        expect((await h.ingest(invoiceXml('FE-104', { environment: 'test', cufe: 'b'.repeat(96) }))).documents[0]!.status).toBe('duplicate');
        await h.agent.processor.runPending();
        expect(await bills()).toHaveLength(1);
      });
    });

    describe('documents that stay in the inbox as not registered, with their reason', () => {
      it('DIAN’s raw samples are addressed to other companies (and to the test environment)', async () => {
        h = await openHarness({ engine, activate: true });
        const purchase = fixtureNames().filter((n) => !n.includes('RADIAN'));
        const seen = new Set<string>();
        for (const name of purchase) {
          const result = await h.ingest(fixtureText(name), { name });
          expect(result.documents, name).toHaveLength(1);
          const document = result.documents[0]!;
          // DIAN's samples reuse CUFEs and numbers (the three Licores samples share one CUFE): a later sample with
          // a key already seen is a duplicate of the first; every other one is refused as not addressed to us.
          if (document.status === 'duplicate') {
            expect(seen.has(document.duplicateOf!), name).toBe(true);
            continue;
          }
          seen.add(document.id);
          expect(document, name).toMatchObject({ status: 'not_registered', reasonCode: 'NOT_FOR_COMPANY' });
          expect(document.reason, name).toMatch(/no a Comercializadora Prueba SAS \(NIT 900123456\)/);
        }
        expect(seen.size).toBeGreaterThan(10);
        await h.agent.processor.runPending();
        expect(await bills()).toHaveLength(0);
      });

      it('a test-environment document addressed to us', async () => {
        h = await openHarness({ engine, activate: true });
        const xml = retarget(fixtureText('dian-toolkit__Generica.xml'), { customerNit: COMPANY_NIT, keepEnvironment: true, cufeSeed: 'env', number: 'SETP990000002' });
        const result = await h.ingest(xml);
        expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'TEST_ENVIRONMENT', number: 'SETP990000002' });
        expect(result.documents[0]!.reason).toMatch(/ambiente de pruebas/);
      });

      it('RADIAN events are kept but ignored (not purchase documents)', async () => {
        h = await openHarness({ engine, activate: true });
        const result = await h.ingest(fixtureText('dian-toolkit__RADIAN_031_-_Reclamo_de_la_factura_Electronica_de_Venta.xml'));
        expect(result.documents[0]).toMatchObject({ status: 'ignored', reasonCode: 'NOT_A_PURCHASE_DOCUMENT', kind: 'radian-event' });
      });

      it('stores an unreadable file exactly as received before reading it', async () => {
        h = await openHarness({ engine, activate: true });
        const garbage = new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x42, 0x00, 0x99]);
        const result = await h.ingest(garbage, { name: 'basura.bin', channel: 'folder' });
        expect(result.documents).toHaveLength(1);
        expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'UNREADABLE', channel: 'folder', source: ['basura.bin'] });
        expect(result.documents[0]!.reason).toMatch(/no es un XML ni un ZIP/);
        const { file, blob } = await blobOf(result.receivedFileId);
        expect(Buffer.from(blob.bytes)).toEqual(Buffer.from(garbage));
        expect(file).toMatchObject({ sha256: sha256(garbage), size: garbage.length, channel: 'folder', sourceRef: 'basura.bin' });

        const truncated = invoiceXml('FE-105').slice(0, 900);
        const cut = await h.ingest(truncated);
        expect(cut.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'UNREADABLE' });
        expect(Buffer.from((await blobOf(cut.receivedFileId)).blob.bytes).toString('utf8')).toBe(truncated);
      });

      it('a file with no electronic document at all (a lone PDF) still gets an inbox entry saying so', async () => {
        h = await openHarness({ engine, activate: true });
        const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
        const result = await h.ingest(pdf, { name: 'factura.pdf' });
        expect(result.documents).toHaveLength(1);
        expect(result.documents[0]).toMatchObject({ status: 'not_registered', reasonCode: 'UNREADABLE', source: ['factura.pdf'] });
        expect(result.documents[0]!.reason).toMatch(/PDF/);
        expect(await listDocuments(h.db, h.company.id, { status: 'not_registered' })).toHaveLength(1);
      });

      it('keeps the arrival details of every document: channel, source inside the ZIP, time of arrival', async () => {
        h = await openHarness({ engine, activate: true });
        const zip = zipOf({ 'a.xml': invoiceXml('FE-106'), 'b.xml': invoiceXml('FE-107'), 'leeme.txt': 'hola' });
        const arrivedAt = new Date('2026-03-10T14:00:00Z');
        const result = await h.ingest(zip, { name: 'lote.zip', channel: 'mailbox', arrivedAt });
        expect(result.documents.map((d) => [d.number, d.source, d.arrivedAt, d.channel])).toEqual([
          ['FE-106', ['lote.zip', 'a.xml'], arrivedAt.toISOString(), 'mailbox'],
          ['FE-107', ['lote.zip', 'b.xml'], arrivedAt.toISOString(), 'mailbox'],
        ]);
        const { file } = await blobOf(result.receivedFileId);
        expect(file.receivedAt).toBe(h.clock.now().toISOString());
        expect(file.arrivedAt).toBe(arrivedAt.toISOString());
      });
    });
  });
});
