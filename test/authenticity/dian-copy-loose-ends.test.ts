import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import type { AgentState } from '#shared/agent';
import type { InboxDocument } from '#shared/inbox';
import { pauseAgent } from '../../server/agent/agent-switch';
import { getBillOrThrow } from '../../server/agent/bills';
import { computeDailySummary } from '../../server/agent/daily-summary';
import { getDocumentOrThrow } from '../../server/agent/inbox-documents';
import { registerByHand } from '../../server/agent/manual-registration';
import type { BillListener } from '../../server/agent/register-document';
import { createApp } from '../../server/api/app';
import { createPersonalToken } from '../../server/api/tokens';
import { updateCompany } from '../../server/companies/companies';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { saveCertificate } from '../../server/radian/company-certificate';
import { createDianCopyGateway } from '../../server/radian/dian';
import { RadianEvents } from '../../server/radian/radian-events';
import { saveRadianSettings } from '../../server/radian/radian-settings';
import { SecretBox } from '../../server/secrets/secret-box';
import { listAudit } from '../../server/users/audit';
import { createUser, grantRole } from '../../server/users/users';
import { COMPANY_NIT, invoiceSpec, openHarness, type Harness } from '../support/agent-harness';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { forEachEngine, type Engine } from '../support/engines';
import { supplierIdentity } from '../support/pki';
import { embeddedDocument, signAsSupplier } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';
import { p12For, recordingTransports } from '../radian/support';

/**
 * The loose ends of «la copia de la DIAN» (issue #11): bare documents are compared too; what registered while DIAN
 * did not answer is compared later and flagged if refuted; a person may register by hand what waits for DIAN's copy.
 * Against the DIAN imitation (test/support/dian-imitation.ts), over real HTTP and WS-Security.
 */
const box = SecretBox.fromKey(randomBytes(32));
const RETRY_MS = 60_000;

forEachEngine((engine: Engine) => {
  let h: Harness;
  let dian: DianImitation;
  let radian: RadianEvents | undefined;
  beforeEach(async () => {
    dian = await startDianImitation({ software: {} });
    radian = undefined;
  });
  afterEach(async () => {
    await radian?.idle();
    await h?.close();
    await dian.close();
  });

  /** `untrustedAnchors`: only the bundled authorities, so the test documents come out `unverifiable` (unknown authority). */
  async function open(options: { retryDelaysMs?: number[]; withRadian?: boolean; untrustedAnchors?: boolean } = {}) {
    // The RADIAN service is built right after the agent; the agent's listener reaches it through this proxy.
    const proxy: BillListener = { billRegistered: (event) => radian?.listener.billRegistered?.(event) };
    h = await openHarness({
      engine,
      activate: true,
      ...(options.untrustedAnchors ? { trustAnchors: loadAnchors([BUNDLED_ANCHORS]) } : {}),
      agent: {
        listeners: options.withRadian ? [proxy] : [],
        dianCopy: { gateway: createDianCopyGateway({ baseUrl: dian.url, retries: 0, timeoutMs: 5000 }), box, retryDelaysMs: options.retryDelaysMs ?? [RETRY_MS, RETRY_MS] },
      },
    });
    if (options.withRadian) radian = new RadianEvents({ db: h.db, clock: h.clock, box, transports: recordingTransports() });
    await saveRadianSettings(h.db, box, h.company, { software: { softwareId: 'software-pruebas', pin: '12345', environment: 'produccion' }, autoSend: 'none' }, 'ana', h.clock);
    await saveCertificate(h.db, box, h.company, p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave-p12'), 'clave-p12', 'ana', h.clock);
  }

  const row = (id: string) => h.db.selectFrom('inboxDocument').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const facts = async (id: string) => JSON.parse((await row(id)).authenticityJson!) as AuthenticityResult;
  const copyCalls = () => dian.calls.filter((c) => c.method === 'GetXmlByDocumentKey');
  const bare = (number: string, amount = '1000000') => signAsSupplier(unsignedUbl(invoiceSpec(number, {}, amount)));
  async function receive(xml: string): Promise<InboxDocument> {
    const [doc] = (await h.ingest(xml)).documents;
    return doc!;
  }

  // 1. Bare documents (no DIAN ApplicationResponse).

  it('a bare document is compared with DIAN’s copy; identical, it still waits for a person, who sees the fact and may register it', async () => {
    await open();
    const xml = bare('FB-100');
    dian.storeDocument(xml);
    const doc = await receive(xml);
    expect(doc).toMatchObject({ status: 'not_registered', reasonCode: 'AWAITING_DIAN_COPY', authenticity: { code: 'no_dian_validation' } });
    expect(doc.reason).toMatch(/sin la respuesta de la DIAN que lo valida.*después quedará esperando que lo revises/);

    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 0 });
    expect(copyCalls()).toEqual([{ method: 'GetXmlByDocumentKey', status: 200, statusCode: '100', trackId: cufeFor(invoiceSpec('FB-100')) }]);
    await h.agent.processor.runPending();
    const stored = await row(doc.id);
    expect(stored).toMatchObject({ status: 'not_registered', reasonCode: 'AUTHENTICITY_UNCONFIRMED', billId: null, dianCopyNextAt: null });
    expect(stored.reason).toMatch(/^La DIAN guarda una copia idéntica de este documento.*no dice si la DIAN lo validó o lo rechazó.*regístralo a mano si corresponde/);
    const result = await facts(doc.id);
    expect(result.code).toBe('no_dian_validation');
    expect(result.confirmedByDian).toBeUndefined();
    expect(result.dianCopy).toMatchObject({ status: 'matches', dianCode: '100', comparison: { canonicalEqual: true } });
    // GET /documents/:id and `agente documents show` read this.
    const shown = await getDocumentOrThrow(h.db, h.company.id, doc.id);
    expect(shown.authenticity).toMatchObject({ code: 'no_dian_validation', dianCopy: 'matches', mayBeAltered: false });

    const { outcome } = await registerByHand(h.agent.deps, h.company.id, doc.id, 'ana');
    expect(outcome.status).toBe('registered');
    const bill = await getBillOrThrow(h.db, h.company.id, (outcome as { billId: string }).billId);
    expect(bill.needsReview).toBe(true);
    expect(bill.reviewNotes.find((n) => n.startsWith('Autenticidad'))).toMatch(/Llegó solo el documento.*La DIAN guarda una copia idéntica/);
  });

  it('a bare document DIAN holds otherwise, or does not know, may have been altered: never registered, not even by hand', async () => {
    await open();
    // DIAN holds another text under this CUFE (same number, another amount, signed by the supplier).
    dian.storeDocument(bare('FB-200', '2000000'));
    const differs = await receive(bare('FB-200'));
    const unknown = await receive(bare('FB-201'));
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 2, refused: 2 });
    await h.agent.processor.runPending();
    expect(await row(differs.id)).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
    expect((await facts(differs.id)).dianCopy?.status).toBe('differs');
    expect(await row(unknown.id)).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
    expect((await facts(unknown.id)).dianCopy?.status).toBe('unknown_to_dian');
    await expect(registerByHand(h.agent.deps, h.company.id, differs.id, 'ana')).rejects.toMatchObject({ code: 'POSSIBLY_ALTERED' });
    await expect(registerByHand(h.agent.deps, h.company.id, unknown.id, 'ana')).rejects.toMatchObject({ code: 'POSSIBLY_ALTERED' });
    expect(await h.db.selectFrom('bill').select('id').execute()).toEqual([]);
  });

  it('a trusted supplier’s bare document waits for DIAN’s copy too, then registers as the setting allows; refuted, it does not', async () => {
    await open();
    await updateCompany(h.db, h.company.id, { trustedSupplierNits: [invoiceSpec('x').supplier.nit] });
    const good = bare('FB-300');
    dian.storeDocument(good);
    dian.storeDocument(bare('FB-301', '5000000'));
    const matching = await receive(good);
    const refuted = await receive(bare('FB-301'));
    expect(matching).toMatchObject({ reasonCode: 'AWAITING_DIAN_COPY', reason: 'Se está comparando con la copia que guarda la DIAN antes de registrarlo.' });
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 2, ready: 1, refused: 1 });
    await h.agent.processor.runPending();
    const stored = await row(matching.id);
    expect(stored.status).toBe('registered');
    const bill = await getBillOrThrow(h.db, h.company.id, stored.billId!);
    // Still «por verificar» (a bare document), saying DIAN holds the same text.
    expect(bill.reviewNotes.find((n) => n.startsWith('Autenticidad'))).toMatch(/La DIAN guarda una copia idéntica/);
    expect(await row(refuted.id)).toMatchObject({ status: 'not_registered', reasonCode: 'POSSIBLY_ALTERED' });
  });

  it('pause means pause for bare documents too: one that arrives paused is never sent to DIAN', async () => {
    await open();
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const xml = bare('FB-400');
    dian.storeDocument(xml);
    const doc = await receive(xml);
    expect(doc.reasonCode).toBe('AUTHENTICITY_UNCONFIRMED');
    h.clock.advance(10 * RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    expect(dian.calls).toEqual([]);
  });

  // 2. Registered while DIAN did not answer.

  it('a verified document registered while DIAN was down is compared later; refuted, its bill is flagged where people look and no automatic RADIAN event goes out', async () => {
    await open({ withRadian: true });
    const spec = invoiceSpec('FV-500', {}, '1000000');
    const doc = await receive(buildUbl(spec));
    dian.failNext(1, 'unavailable');
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, ready: 1 });
    await h.agent.processor.runPending();
    let stored = await row(doc.id);
    expect(stored.status).toBe('registered');
    expect(stored.dianCopyNextAt).toBe(new Date(h.clock.now().getTime() + RETRY_MS).toISOString());
    expect((await facts(doc.id)).dianCopy!.detail).toMatch(/No se esperó a la DIAN: las firmas ya estaban verificadas\. Se volverá a comparar con la copia de la DIAN el/);

    // Not due yet: not asked.
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    // DIAN validated another document under this CUFE (the received one was altered and signed again).
    dian.storeDocument(embeddedDocument(buildUbl(invoiceSpec('FV-500', {}, '1900000'))));
    h.clock.advance(RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, flagged: 1 });

    stored = await row(doc.id);
    // Not deleted: still registered, with its bill; the document says why a person must look at it.
    expect(stored).toMatchObject({ status: 'registered', reasonCode: 'POSSIBLY_ALTERED', dianCopyNextAt: null, dianCopyAttempts: 2 });
    expect(stored.reason).toMatch(/^Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual.*Se registró antes de que la DIAN respondiera\. La factura sigue en los libros y en Alegra.*anula o reversa la factura en Alegra\./);
    const shown = await getDocumentOrThrow(h.db, h.company.id, doc.id);
    expect(shown.authenticity).toMatchObject({ code: 'verified', dianCopy: 'differs', mayBeAltered: true });
    const bill = await getBillOrThrow(h.db, h.company.id, stored.billId!);
    expect(bill.needsReview).toBe(true);
    expect(bill.reviewNotes[0]).toMatch(/^Autenticidad: Puede haber sido alterado: la copia que la DIAN guarda.*anula o reversa la factura en Alegra/);
    expect(bill.authenticity).toMatchObject({ mayBeAltered: true, dianCopy: 'differs' });
    // The daily summary (and the panel's status) warn about it, whatever day it arrived.
    const summary = await computeDailySummary(h.db, h.company.id, h.clock.now().toISOString().slice(0, 10), h.clock);
    expect(summary.warnings).toContainEqual(expect.stringMatching(/^La factura FV-500 de .* ya estaba registrada y la copia que guarda la DIAN no coincide/));
    expect(summary.registered).toBe(1);
    // Automatic acknowledgements stop: even with 030/032 switched on now, nothing goes out for it.
    await saveRadianSettings(h.db, box, h.company, { autoSend: '030_032' }, 'ana', h.clock);
    expect(await radian!.autoSend(h.company.id, bill.id)).toEqual([]);
    expect(await h.db.selectFrom('radianEvent').select('id').execute()).toEqual([]);
    // Asked no more.
    h.clock.advance(10 * RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
  });

  it('registered while DIAN was down, then DIAN’s copy matches: said, nothing flagged; DIAN silent every time: asked a bounded number of times', async () => {
    await open({ retryDelaysMs: [RETRY_MS] });
    const matching = buildUbl(invoiceSpec('FV-600'));
    dian.storeDocument(embeddedDocument(matching));
    const silent = await receive(buildUbl(invoiceSpec('FV-601')));
    h.clock.advance(1000);
    const first = await receive(matching);
    dian.failNext(2, 'unavailable');
    await h.agent.checkDianCopies();
    await h.agent.processor.runPending();
    expect((await row(first.id)).status).toBe('registered');
    expect((await row(silent.id)).status).toBe('registered');

    h.clock.advance(RETRY_MS);
    dian.failNext(1, 'unavailable'); // the silent one's second attempt (the oldest arrival is asked first)
    const second = await h.agent.checkDianCopies();
    expect(second).toMatchObject({ asked: 2, flagged: 0 });
    expect(await row(first.id)).toMatchObject({ status: 'registered', reasonCode: null, dianCopyNextAt: null });
    expect((await facts(first.id)).dianCopy).toMatchObject({ status: 'matches', attempts: 2 });
    const bill = await getBillOrThrow(h.db, h.company.id, (await row(first.id)).billId!);
    expect(bill.reviewNotes.some((n) => n.startsWith('Autenticidad'))).toBe(false);
    expect(bill.authenticity).toMatchObject({ dianCopy: 'matches', mayBeAltered: false });

    const quiet = await row(silent.id);
    expect(quiet).toMatchObject({ status: 'registered', reasonCode: null, dianCopyNextAt: null, dianCopyAttempts: 2 });
    expect((await facts(silent.id)).dianCopy!.detail).toMatch(/La DIAN no respondió en 2 intentos: quedó registrado sin compararlo con su copia/);
    h.clock.advance(10 * RETRY_MS);
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 0 });
    expect(dian.calls.map((c) => c.status)).toEqual([503, 503, 503, 200]);
  });

  // 3. A person registers by hand what waits for DIAN's copy.

  it('a person may register by hand a document waiting for DIAN’s copy («Registrar ahora»), audited with their name; it is still compared, and flagged where people look if refuted', async () => {
    await open();
    const doc = await receive(buildUbl(invoiceSpec('FM-700')));
    expect(doc.reasonCode).toBe('AWAITING_DIAN_COPY');
    const app = createApp(h.agent);
    const user = await createUser(h.db, { login: 'andres', displayName: 'Andrés Auxiliar' }, 'pruebas', h.clock);
    await grantRole(h.db, user, h.company.id, 'auxiliar', 'pruebas', h.clock);
    const { token } = await createPersonalToken(h.db, { user, expiresAt: new Date(h.clock.now().getTime() + 86_400_000) }, 'pruebas', h.clock);
    const call = (method: string, path: string) => app.request(`/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

    const response = await call('POST', `/documents/${doc.id}/register`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: { status: 'registered' }, document: { status: 'registered' } });
    const audit = await listAudit(h.db, h.company.id);
    expect(audit.find((a) => a.type === 'manual_registration')).toMatchObject({ actor: 'Andrés Auxiliar', actorId: user.id, details: { documentId: doc.id, outcome: 'registered' } });

    // DIAN does not know this CUFE: the comparison still runs, and the bill is flagged.
    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, flagged: 1 });
    expect(await row(doc.id)).toMatchObject({ status: 'registered', reasonCode: 'POSSIBLY_ALTERED' });
    expect((await facts(doc.id)).dianCopy?.status).toBe('unknown_to_dian');
    const bill = await getBillOrThrow(h.db, h.company.id, (await row(doc.id)).billId!);
    expect(bill.reviewNotes[0]).toMatch(/^Autenticidad: Puede haber sido alterado o inventado: la DIAN no tiene ningún documento con este CUFE/);
    // The panel's status and the document's view say so.
    const state = (await (await call('GET', '/agent')).json()) as AgentState;
    expect(state.warnings).toContainEqual(expect.stringMatching(/^La factura FM-700 .* ya estaba registrada y la copia que guarda la DIAN no coincide/));
    const shown = (await (await call('GET', `/documents/${doc.id}`)).json()) as InboxDocument;
    expect(shown).toMatchObject({ status: 'registered', reasonCode: 'POSSIBLY_ALTERED', authenticity: { mayBeAltered: true, dianCopy: 'unknown_to_dian' } });
    expect(shown.reason).toMatch(/anula o reversa la factura en Alegra/);
  });

  it('registered by hand while waiting, then confirmed by DIAN’s copy: the bill loses its «Autenticidad» note', async () => {
    await open({ untrustedAnchors: true });
    const container = buildUbl(invoiceSpec('FM-750'));
    dian.storeDocument(embeddedDocument(container));
    const doc = await receive(container);
    expect(doc).toMatchObject({ reasonCode: 'AWAITING_DIAN_COPY', authenticity: { code: 'unverifiable' } });
    const { outcome } = await registerByHand(h.agent.deps, h.company.id, doc.id, 'ana');
    const billId = (outcome as { billId: string }).billId;
    expect((await getBillOrThrow(h.db, h.company.id, billId)).reviewNotes.some((n) => n.startsWith('Autenticidad'))).toBe(true);

    expect(await h.agent.checkDianCopies()).toMatchObject({ asked: 1, flagged: 0 });
    expect(await facts(doc.id)).toMatchObject({ confirmedByDian: true, dianCopy: { status: 'matches' } });
    const bill = await getBillOrThrow(h.db, h.company.id, billId);
    expect(bill.reviewNotes.some((n) => n.startsWith('Autenticidad'))).toBe(false);
    expect(bill.authenticity).toMatchObject({ confirmedByDian: true, mayBeAltered: false });
  });

  it('with DIAN’s copy configured, a document whose signature is broken still never waits for it, and is never registered by hand', async () => {
    await open();
    const broken = await receive(buildUbl(invoiceSpec('FM-800')).replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190009.00<'));
    expect(broken).toMatchObject({ reasonCode: 'POSSIBLY_ALTERED' });
    await expect(registerByHand(h.agent.deps, h.company.id, broken.id, 'ana')).rejects.toMatchObject({ code: 'POSSIBLY_ALTERED' });
    expect(await h.db.selectFrom('bill').select('id').execute()).toEqual([]);
  });
});
