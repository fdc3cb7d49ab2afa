import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import type { InboxDocument } from '#shared/inbox';
import { pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import { getBillOrThrow } from '../../server/agent/bills';
import { registerByHand } from '../../server/agent/manual-registration';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { compareWithDianCopy } from '../../server/authenticity/dian-copy';
import { saveCertificate } from '../../server/radian/company-certificate';
import { createDianCopyGateway } from '../../server/radian/dian';
import { saveRadianSettings } from '../../server/radian/radian-settings';
import { SecretBox } from '../../server/secrets/secret-box';
import { COMPANY_NIT, invoiceSpec, openHarness, type Harness } from '../support/agent-harness';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { forEachEngine, type Engine } from '../support/engines';
import { identityUnder, rogueCa, supplierIdentity, toPem } from '../support/pki';
import { containerFor, embeddedDocument, signAsSupplier } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl, type DocumentSpec } from '../support/ubl';
import { credentialOf, p12For } from '../radian/support';

/**
 * «La copia de la DIAN»: with the company's certificate configured for DIAN's production environment, reception asks
 * DIAN (here its imitation, test/support/dian-imitation.ts, over real HTTP and WS-Security) for its stored copy of
 * each document before registering it, and compares the two.
 */
const box = SecretBox.fromKey(randomBytes(32));
const RETRY_MS = 60_000;

const metaOf = (s: DocumentSpec) => ({ number: s.number, cufe: cufeFor(s), supplierNit: s.supplier.nit, customerNit: s.customer.nit, issueDate: s.issueDate });

async function configureDianCopy(h: Harness): Promise<void> {
  await saveRadianSettings(h.db, box, h.company, { software: { softwareId: 'software-pruebas', pin: '12345', environment: 'produccion' } }, 'ana', h.clock);
  await saveCertificate(h.db, box, h.company, p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave-p12'), 'clave-p12', 'ana', h.clock);
}

forEachEngine((engine: Engine) => {
  let h: Harness;
  let dian: DianImitation;
  beforeEach(async () => {
    dian = await startDianImitation({ software: {} });
  });
  afterEach(async () => {
    await h?.close();
    await dian.close();
  });

  /**
   * `untrustedAnchors`: only the bundled authorities, not the tests' CA, so the test documents' signatures hold but
   * chain to no known authority (`unverifiable`), as most real invoices do today.
   */
  async function open(options: { untrustedAnchors?: boolean; configure?: boolean; retryDelaysMs?: number[] } = {}) {
    h = await openHarness({
      engine,
      activate: true,
      ...(options.untrustedAnchors ? { trustAnchors: loadAnchors([BUNDLED_ANCHORS]) } : {}),
      agent: { dianCopy: { gateway: createDianCopyGateway({ baseUrl: dian.url, retries: 0, timeoutMs: 5000 }), box, retryDelaysMs: options.retryDelaysMs ?? [RETRY_MS, RETRY_MS] } },
    });
    if (options.configure !== false) await configureDianCopy(h);
  }

  const row = (id: string) => h.db.selectFrom('inboxDocument').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const facts = async (id: string) => JSON.parse((await row(id)).authenticityJson!) as AuthenticityResult;
  const copyCalls = () => dian.calls.filter((c) => c.method === 'GetXmlByDocumentKey');
  async function receive(container: string): Promise<InboxDocument> {
    const [doc] = (await h.ingest(container)).documents;
    return doc!;
  }

  it('DIAN’s copy matches an unverifiable document (unknown authority): it registers by itself, confirmed by DIAN, and says so', async () => {
    await open({ untrustedAnchors: true });
    const spec = invoiceSpec('FE-100');
    const container = buildUbl(spec);
    // DIAN keeps the same document written otherwise: an XML declaration, CRLF line ends (C14N reads both as one).
    dian.storeDocument(`<?xml version="1.0" encoding="UTF-8"?>\r\n${embeddedDocument(container).replace(/^<\?xml[^>]*\?>\s*/, '').replace(/\n/g, '\r\n')}`);

    const doc = await receive(container);
    expect(doc).toMatchObject({ status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', authenticity: { code: 'unverifiable' } });
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 1 });
    expect(copyCalls()).toEqual([{ method: 'GetXmlByDocumentKey', status: 200, statusCode: '100', trackId: cufeFor(spec) }]);

    await h.agent.processor.runPending();
    const stored = await row(doc.id);
    expect(stored.status).toBe('registered');
    const result = await facts(doc.id);
    expect(result.code).toBe('unverifiable');
    expect(result.confirmedByDian).toBe(true);
    expect(result.reason).toMatch(/^Confirmado por la DIAN: la copia que la DIAN guarda de este CUFE es idéntica al documento recibido/);
    expect(result.dianCopy).toMatchObject({ status: 'matches', dianCode: '100', attempts: 1, environment: 'produccion', comparison: { canonicalEqual: true, sameSignatureValue: true, sameDocumentDigest: true } });
    // Not byte-equal (declaration, CRLF), and still the same document.
    expect(result.dianCopy!.comparison!.receivedSha256).not.toBe(result.dianCopy!.comparison!.dianSha256);
    const bill = await getBillOrThrow(h.db, h.company.id, stored.billId!);
    expect(bill.authenticity).toMatchObject({ code: 'unverifiable', confirmedByDian: true, dianCopy: 'matches', mayBeAltered: false });
    expect(bill.reviewNotes.some((n) => n.startsWith('Autenticidad'))).toBe(false);
  });

  it('an altered invoice re-signed by the supplier with the old CUFE passes every offline check, and DIAN’s copy shows it: never registered', async () => {
    await open();
    const original = invoiceSpec('FE-200', {}, '1000000');
    dian.storeDocument(embeddedDocument(buildUbl(original)));
    // Same number, same supplier, so the same CUFE; a higher amount; signed again by the supplier's own certificate
    // (under the test CA the imitation trusts) and wrapped with a genuine-looking DIAN response for that CUFE.
    const altered = invoiceSpec('FE-200', {}, '1900000');
    expect(cufeFor(altered)).toBe(cufeFor(original));
    const doc = await receive(containerFor(signAsSupplier(unsignedUbl(altered)), metaOf(altered)));
    expect(doc).toMatchObject({ reasonCode: 'AWAITING_DIAN_COPY', authenticity: { code: 'verified' } });

    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, refused: 1 });
    await h.agent.processor.runPending();
    const stored = await row(doc.id);
    expect(stored).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED', billId: null });
    expect(stored.reason).toMatch(/Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual al documento recibido \(el contenido firmado no es el mismo.*pídele al proveedor que te envíe de nuevo el original/);
    const result = await facts(doc.id);
    expect(result.code).toBe('verified'); // what the signatures alone show is kept
    expect(result.dianCopy).toMatchObject({ status: 'differs', comparison: { canonicalEqual: false, sameSignatureValue: false, sameDocumentDigest: false } });
    await expect(registerByHand(h.agent.deps, h.company.id, doc.id, 'ana')).rejects.toMatchObject({ code: 'POSSIBLY_ALTERED' });
    expect((await h.db.selectFrom('bill').select('id').execute()).length).toBe(0);
  });

  it('a CUFE DIAN does not know (404) is treated as not genuine', async () => {
    await open();
    const doc = await receive(buildUbl(invoiceSpec('FE-300')));
    await h.agent.checkDianCopies();
    await h.agent.processor.runPending();
    expect(await row(doc.id)).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
    const result = await facts(doc.id);
    expect(result.dianCopy).toMatchObject({ status: 'unknown_to_dian', dianCode: '404' });
    expect(result.reason).toMatch(/la DIAN no tiene ningún documento con este CUFE/);
    expect(copyCalls().map((c) => c.statusCode)).toEqual(['404']);
  });

  it('DIAN refuses the query (401, the certificate is neither sender nor receiver): an unverifiable document waits, saying what to do', async () => {
    await open({ untrustedAnchors: true });
    const ours = invoiceSpec('FE-400');
    // DIAN's records name another buyer for this CUFE, so our certificate may not read it.
    const elsewhere = invoiceSpec('FE-400', { customer: { nit: '800111222', name: 'Otra Empresa SAS', personType: 'juridica', responsibilities: ['O-13'] } });
    dian.storeDocument(embeddedDocument(buildUbl(elsewhere)), cufeFor(ours));
    const doc = await receive(buildUbl(ours));
    await h.agent.checkDianCopies();
    const stored = await row(doc.id);
    expect(stored).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED' });
    expect(stored.reason).toMatch(/revisa que el certificado subido en Eventos RADIAN sea el de tu empresa.*Puedes registrarlo a mano/);
    const result = await facts(doc.id);
    expect(result.dianCopy).toMatchObject({ status: 'not_authorized', dianCode: '401' });
    expect(result.dianCopy!.dianMessage).toMatch(/NIT: 900123456 del certificado no autorizado para consultar xmls de emisor 900555111 y receptor 800111222/);
    expect((await facts(doc.id)).confirmedByDian).toBeUndefined();
  });

  it('DIAN down, then up: the unverifiable document waits, is asked again when due, and registers', async () => {
    await open({ untrustedAnchors: true });
    const container = buildUbl(invoiceSpec('FE-500'));
    dian.storeDocument(embeddedDocument(container));
    const doc = await receive(container);
    dian.failNext(1, 'unavailable');
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, waiting: 1 });
    let stored = await row(doc.id);
    expect(stored).toMatchObject({ status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', dianCopyAttempts: 1 });
    expect(stored.reason).toMatch(/La DIAN no respondió.*se volverá a preguntar el/);
    expect((await facts(doc.id)).dianCopy).toMatchObject({ status: 'unreachable', attempts: 1, nextAttemptAt: new Date(h.clock.now().getTime() + RETRY_MS).toISOString() });

    // Not due yet: DIAN is not asked again.
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    h.clock.advance(RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 1 });
    await h.agent.processor.runPending();
    stored = await row(doc.id);
    expect(stored.status).toBe('registered');
    expect(await facts(doc.id)).toMatchObject({ confirmedByDian: true, dianCopy: { status: 'matches', attempts: 2 } });
    expect(dian.calls.map((c) => c.status)).toEqual([503, 200]);
  });

  it('retries are bounded: after the last one the unverifiable document waits for a person', async () => {
    await open({ untrustedAnchors: true, retryDelaysMs: [RETRY_MS] });
    const doc = await receive(buildUbl(invoiceSpec('FE-600')));
    dian.failNext(2, 'unavailable');
    await h.agent.checkDianCopies();
    h.clock.advance(RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, refused: 1 });
    const stored = await row(doc.id);
    expect(stored).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', dianCopyNextAt: null });
    expect(stored.reason).toMatch(/La DIAN no respondió en 2 intentos/);
    h.clock.advance(10 * RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    expect(dian.calls).toHaveLength(2);
  });

  it('a verified document is not held back while DIAN does not answer', async () => {
    await open();
    const doc = await receive(buildUbl(invoiceSpec('FE-650')));
    dian.failNext(1, 'unavailable');
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 1 });
    await h.agent.processor.runPending();
    expect((await row(doc.id)).status).toBe('registered');
    expect((await facts(doc.id)).dianCopy).toMatchObject({ status: 'unreachable', attempts: 1 });
    expect((await facts(doc.id)).dianCopy!.detail).toMatch(/No se esperó a la DIAN: las firmas ya estaban verificadas/);
  });

  it('pause means pause: DIAN is not asked while the agent is paused, nor about documents that arrived paused; nothing registers', async () => {
    await open({ untrustedAnchors: true });
    const early = buildUbl(invoiceSpec('FE-700'));
    dian.storeDocument(embeddedDocument(early));
    const waiting = await receive(early);
    expect(waiting.reasonCode).toBe('AWAITING_DIAN_COPY');
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const late = buildUbl(invoiceSpec('FE-701'));
    dian.storeDocument(embeddedDocument(late));
    const arrivedPaused = await receive(late);
    expect(arrivedPaused.reasonCode).not.toBe('AWAITING_DIAN_COPY');

    h.clock.advance(10 * RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    await h.agent.processor.runPending();
    expect(dian.calls).toEqual([]);
    expect(await row(waiting.id)).toMatchObject({ status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY' });
    expect((await h.db.selectFrom('bill').select('id').execute()).length).toBe(0);

    // Active again: what arrived while it was active is asked about and registers; what arrived paused is not.
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 1 });
    await h.agent.processor.runPending();
    expect((await row(waiting.id)).status).toBe('registered');
    expect((await row(arrivedPaused.id)).status).not.toBe('registered');
    expect(copyCalls().map((c) => c.trackId)).toEqual([cufeFor(invoiceSpec('FE-700'))]);
  });

  it('without a configured certificate nothing changes: DIAN is not asked and a verified document registers at once', async () => {
    await open({ configure: false });
    const doc = await receive(buildUbl(invoiceSpec('FE-800')));
    expect(doc.status).toBe('pending');
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    await h.agent.processor.runPending();
    expect((await row(doc.id)).status).toBe('registered');
    expect(dian.calls).toEqual([]);
    expect((await facts(doc.id)).dianCopy).toBeUndefined();
  });
});

describe('comparing with DIAN’s copy', () => {
  const container = buildUbl(invoiceSpec('FE-900'));
  const received = embeddedDocument(container);
  const cufe = cufeFor(invoiceSpec('FE-900'));

  it('the same document written otherwise (declaration, BOM-free CRLF, escaped characters) matches; one changed digit does not', () => {
    const rewritten = `<?xml version="1.0" encoding="UTF-8"?>\r\n${received.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/\n/g, '\r\n').replace(/cartón/, 'cart&#xF3;n')}`;
    expect(rewritten).not.toBe(received);
    expect(compareWithDianCopy(received, rewritten, cufe)).toMatchObject({ matches: true, comparison: { canonicalEqual: true } });
    const digit = received.replace('1190000.00', '1190001.00');
    expect(compareWithDianCopy(received, digit, cufe)).toMatchObject({ matches: false, comparison: { canonicalEqual: false, sameSignatureValue: true, sameDocumentDigest: true } });
  });

  it('DIAN’s copy as a whole AttachedDocument is read for its embedded document', () => {
    expect(compareWithDianCopy(received, container, cufe)).toMatchObject({ matches: true });
    expect(compareWithDianCopy(received, container, 'f'.repeat(96))).toMatchObject({ matches: false, problem: expect.stringMatching(/no contiene un documento electrónico legible con ese CUFE/) });
  });

  it('a signature wrapped differently, outside what it signs, still matches: same valid signature', () => {
    const wrapped = received.replace(/<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/, (_m, value: string) => `<ds:SignatureValue>${value.replace(/(.{64})/g, '$1\n')}</ds:SignatureValue>`);
    expect(wrapped).not.toBe(received);
    expect(compareWithDianCopy(received, wrapped, cufe)).toMatchObject({ matches: true, comparison: { canonicalEqual: false, sameSignatureValue: true, dianCopySignatureValid: true } });
  });
});

describe('GetXmlByDocumentKey against the imitation', () => {
  let dian: DianImitation;
  beforeEach(async () => {
    dian = await startDianImitation({ software: {} });
  });
  afterEach(async () => dian.close());

  it('answers the company’s signed request with the stored bytes, and refuses a certificate from an authority it does not trust or a signature that does not hold', async () => {
    const xml = embeddedDocument(buildUbl(invoiceSpec('FE-950')));
    const cufe = cufeFor(invoiceSpec('FE-950'));
    dian.storeDocument(xml);
    const gateway = createDianCopyGateway({ baseUrl: dian.url, retries: 0 });
    const ours = credentialOf(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'));
    expect(await gateway.storedCopy(cufe.toUpperCase(), 'produccion', ours)).toEqual({ code: '100', message: 'Accion completada OK', xml });

    const forged = identityUnder(rogueCa(), COMPANY_NIT, 'Comercializadora Prueba SAS');
    const refused = await gateway.storedCopy(cufe, 'produccion', { certificatePem: toPem(forged.certDer), chainPem: [], privateKey: forged.key }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SOAP_FAULT', retryable: false });
    expect((refused as Error).message).toMatch(/entidad de certificación aceptada/);

    const tamper: typeof fetch = (url, init) => fetch(url, { ...init, body: String(init?.body).replace(/<ds:DigestValue>(.)/, (_m, c: string) => `<ds:DigestValue>${c === 'A' ? 'B' : 'A'}`) });
    const broken = await createDianCopyGateway({ baseUrl: dian.url, retries: 0, fetch: tamper as never }).storedCopy(cufe, 'produccion', ours).catch((e: unknown) => e);
    expect((broken as Error).message).toMatch(/firma inválida/);
    expect(dian.calls.map((c) => c.status)).toEqual([200, 500, 500]);
  });
});
