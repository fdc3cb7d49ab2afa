import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BillListener } from '../../server/agent/register-document';
import { pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import { computeDailySummary } from '../../server/agent/daily-summary';
import { registerDocument } from '../../server/agent/register-document';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { billRadianState, pageMissingConfirmations } from '../../server/radian/bill-state';
import { saveCertificate } from '../../server/radian/company-certificate';
import { RadianEvents } from '../../server/radian/radian-events';
import { saveRadianSettings, type RadianSettingsInput } from '../../server/radian/radian-settings';
import { SecretBox } from '../../server/secrets/secret-box';
import { COMPANY_NIT, invoiceXml, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { supplierIdentity } from '../support/pki';
import { p12For, recordingTransports, SOFTWARE, type RecordingTransports } from './support';

const RECEIVER = { firstName: 'Laura', familyName: 'Gómez', idType: '13' as const, idNumber: '52123456', jobTitle: 'Jefe de almacén', department: 'Logística' };
const SMTP = { host: 'smtp.ejemplo.co', port: 587, secure: false, user: 'facturas@comercializadora.co', password: 'secreto-smtp', from: 'facturas@comercializadora.co' };

describe('sending the buyer’s events', () => {
  let h: Harness;
  let t: RecordingTransports;
  let radian: RadianEvents;
  const box = SecretBox.fromKey(randomBytes(32));
  afterEach(async () => {
    await radian?.idle();
    await h?.close();
  });

  async function setup(settings: Partial<RadianSettingsInput> = {}, transports: RecordingTransports = recordingTransports()) {
    t = transports;
    // The agent is built by the harness; its listener reaches the service built right after.
    const proxy: BillListener = { billRegistered: (event) => radian.listener.billRegistered?.(event) };
    h = await openHarness({ activate: true, agent: { listeners: [proxy] } });
    radian = new RadianEvents({ db: h.db, clock: h.clock, box, transports: t });
    await saveRadianSettings(h.db, box, h.company, { software: { softwareId: SOFTWARE.softwareId, pin: SOFTWARE.pin, environment: 'habilitacion' }, receiver: RECEIVER, smtp: SMTP, ...settings }, 'ana', h.clock);
    await saveCertificate(h.db, box, h.company, p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave-p12'), 'clave-p12', 'ana', h.clock);
  }

  async function register(number: string, overrides: Parameters<typeof invoiceXml>[1] = {}): Promise<string> {
    await h.ingest(invoiceXml(number, overrides));
    h.clock.advance(1000);
    await h.agent.processor.runPending();
    await radian.idle();
    return (await h.db.selectFrom('bill').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  }

  const events = async () => h.db.selectFrom('radianEvent').select(['number', 'code', 'status', 'actor', 'automatic']).orderBy('seq').execute();
  const state = async (billId: string) => billRadianState(h.db, await h.db.selectFrom('bill').selectAll().where('id', '=', billId).executeTakeFirstOrThrow(), h.clock.now());

  it('030 → 032 → 033: each stored before it is sent, signed, accepted by DIAN and copied to the supplier; numbers without gaps', async () => {
    await setup();
    const billId = await register('FE-100');
    expect((await state(billId)).warning).toMatch(/IVA descontable en riesgo: falta el acuse de recibo \(030\) y el recibo del bien o servicio \(032\)/);

    // DIAN cannot be reached the first time: the event is already stored (signed), pending, with why.
    t.gateway.answers.push(new Error('La DIAN no respondió (tiempo agotado).'));
    const first = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(first).toMatchObject({ code: '030', number: 'EV00000001', status: 'pendiente', error: 'La DIAN no respondió (tiempo agotado).' });
    expect(first.statusText).toMatch(/Pendiente de envío: La DIAN no respondió/);
    const stored = await h.db.selectFrom('radianEvent').select(['xml', 'cude']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(t.gateway.sent[0]!.event.xml).toBe(stored.xml);

    // Asked again: the very same event goes (same number and CUDE), and DIAN accepts it.
    const again = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(again).toMatchObject({ id: first.id, number: 'EV00000001', cude: stored.cude, status: 'aceptado', statusText: 'Aceptado por la DIAN.' });
    expect(t.gateway.sent[1]!.event).toEqual(t.gateway.sent[0]!.event);
    expect(t.gateway.sent[1]!.software).toEqual({ ...SOFTWARE, providerNit: COMPANY_NIT });

    const goods = await radian.sendEvent(h.company.id, billId, '032', 'ana');
    h.clock.advance(3_600_000);
    const acceptance = await radian.sendEvent(h.company.id, billId, '033', 'Ana Pérez');
    expect([goods.status, acceptance.status]).toEqual(['aceptado', 'aceptado']);
    expect(await events()).toEqual([
      { number: 'EV00000001', code: '030', status: 'aceptado', actor: 'ana', automatic: 0 },
      { number: 'EV00000002', code: '032', status: 'aceptado', actor: 'ana', automatic: 0 },
      { number: 'EV00000003', code: '033', status: 'aceptado', actor: 'Ana Pérez', automatic: 0 },
    ]);
    for (const sent of t.gateway.sent) {
      const check = checkSignature(sent.event.xml);
      expect(check.facts.problems).toEqual([]);
      expect(check.facts.valid).toBe(true);
    }
    expect(t.gateway.sent[2]!.event.xml).toContain('<cbc:FirstName>Laura</cbc:FirstName>');
    expect(t.gateway.sent[3]!.event.xml).toContain('<cbc:ResponseCode>033</cbc:ResponseCode>');

    // The supplier's copies: to the invoice's e-mail, through the company's SMTP, after DIAN accepted each.
    expect(t.notices.map((n) => [n.notice.to, n.notice.event.number, n.smtp.host, n.smtp.password])).toEqual([
      [SUPPLIER.email, 'EV00000001', 'smtp.ejemplo.co', 'secreto-smtp'],
      [SUPPLIER.email, 'EV00000002', 'smtp.ejemplo.co', 'secreto-smtp'],
      [SUPPLIER.email, 'EV00000003', 'smtp.ejemplo.co', 'secreto-smtp'],
    ]);
    expect(t.notices[0]!.notice).toMatchObject({ companyNit: COMPANY_NIT, supplierNit: SUPPLIER.nit, dianAnswer: { isValid: true } });
    expect(acceptance.supplierNotice).toMatchObject({ status: 'enviado', to: SUPPLIER.email });

    const final = await state(billId);
    expect(final).toMatchObject({ required: true, receipt: 'aceptado', goods: 'aceptado', acceptance: 'expresa', ivaAtRisk: false, allowed: [] });
    expect(final.warning).toBeUndefined();
  });

  it('a rejection is stored with DIAN’s reasons, no copy goes to the supplier, and a new 030 may follow (its own number)', async () => {
    await setup();
    const billId = await register('FE-101');
    t.gateway.answers.push({ isValid: false, statusCode: '99', statusDescription: 'Validación contiene errores en campos mandatorios.', errors: ['Regla: AAH07, Rechazo: Número de documento ya existe.'] });
    const rejected = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(rejected.status).toBe('rechazado');
    expect(rejected.statusText).toBe('Rechazado por la DIAN: Regla: AAH07, Rechazo: Número de documento ya existe.');
    expect(rejected.dian).toMatchObject({ statusCode: '99', errors: ['Regla: AAH07, Rechazo: Número de documento ya existe.'] });
    expect(rejected.supplierNotice).toBeUndefined();
    expect(t.notices).toEqual([]);
    expect((await state(billId)).receipt).toBe('rechazado');

    const retried = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(retried).toMatchObject({ number: 'EV00000002', status: 'aceptado' });
  });

  it('«Documento procesado anteriormente» counts as accepted', async () => {
    await setup();
    const billId = await register('FE-102');
    t.gateway.answers.push({ isValid: false, statusCode: '99', errors: ['Regla: 90, Rechazo: Documento procesado anteriormente.'], alreadyProcessed: true });
    const event = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(event.status).toBe('aceptado');
    expect(event.statusText).toMatch(/procesado anteriormente/);
    expect(t.notices).toHaveLength(1);
    expect((await state(billId)).receipt).toBe('aceptado');
  });

  it('the order rules run before anything is built: no number is taken by a refused event; a claim then blocks acceptance', async () => {
    await setup();
    const billId = await register('FE-103');
    await expect(radian.sendEvent(h.company.id, billId, '032', 'ana')).rejects.toThrow(/Primero el acuse de recibo \(030\)/);
    await expect(radian.sendEvent(h.company.id, billId, '033', 'ana')).rejects.toThrow(/Primero el recibo del bien/);
    expect(await events()).toEqual([]);
    await radian.sendEvent(h.company.id, billId, '030', 'ana');
    await expect(radian.sendEvent(h.company.id, billId, '031', 'ana')).rejects.toThrow(/motivo del reclamo/);
    const claim = await radian.sendEvent(h.company.id, billId, '031', 'Carlos', '02');
    expect(claim).toMatchObject({ number: 'EV00000002', status: 'aceptado', claim: { code: '02', name: 'Mercancía no entregada' } });
    expect(t.gateway.sent.at(-1)!.event.xml).toContain('<cbc:ResponseCode name="Mercancía no entregada" listID="02">031</cbc:ResponseCode>');
    await expect(radian.sendEvent(h.company.id, billId, '033', 'ana')).rejects.toThrow(/Ya reclamaste/);
    await expect(radian.sendEvent(h.company.id, billId, '032', 'ana')).rejects.toThrow(/Ya reclamaste/);
    await expect(radian.sendEvent(h.company.id, billId, '030', 'ana')).rejects.toThrow(/no se envía dos veces/);
    expect((await state(billId))).toMatchObject({ acceptance: 'reclamo', ivaAtRisk: true });
  });

  it('33 and 31 only on credit invoices; a cash invoice needs no events and is not at risk', async () => {
    await setup();
    const billId = await register('FE-104', { paymentForm: '1' });
    expect(await state(billId)).toMatchObject({ required: false, ivaAtRisk: false, reason: expect.stringMatching(/De contado/) });
    await radian.sendEvent(h.company.id, billId, '030', 'ana');
    await expect(radian.sendEvent(h.company.id, billId, '031', 'ana', '01')).rejects.toThrow(/solo aplican a facturas a crédito/);
  });

  it('the supplier’s copy: the mail sender when the invoice has no e-mail; says so when there is none, or no SMTP', async () => {
    await setup();
    const noEmail = { ...SUPPLIER, email: undefined };
    await h.ingest(invoiceXml('FE-106', { supplier: noEmail }), { channel: 'upload' });
    h.clock.advance(1000);
    await h.agent.processor.runPending();
    const billId = (await h.db.selectFrom('bill').select('id').where('number', '=', 'FE-106').executeTakeFirstOrThrow()).id;
    const none = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(none.supplierNotice).toMatchObject({ status: 'sin_correo', text: expect.stringMatching(/no trae su correo/) });

    const documentId = (await h.db.selectFrom('bill').select('documentId').where('id', '=', billId).executeTakeFirstOrThrow()).documentId;
    await h.db.updateTable('inboxDocument').set({ sender: 'Facturación Norte <fe@norte.co>' }).where('id', '=', documentId).execute();
    const goods = await radian.sendEvent(h.company.id, billId, '032', 'ana');
    expect(goods.supplierNotice).toMatchObject({ status: 'enviado', to: 'fe@norte.co' });

    t.mailFailure = new Error('550 buzón lleno');
    const accepted = await radian.sendEvent(h.company.id, billId, '033', 'ana');
    expect(accepted).toMatchObject({ status: 'aceptado', supplierNotice: { status: 'error', text: expect.stringMatching(/550 buzón lleno/) } });
  });

  it('automatic: 030 and 032 go by themselves for a verified credit invoice when the company asks; never while paused, never for an unverified document', async () => {
    await setup({ autoSend: '030_032' });
    const billId = await register('FE-107');
    expect(await events()).toEqual([
      { number: 'EV00000001', code: '030', status: 'aceptado', actor: 'agente', automatic: 1 },
      { number: 'EV00000002', code: '032', status: 'aceptado', actor: 'agente', automatic: 1 },
    ]);
    expect((await state(billId)).ivaAtRisk).toBe(false);

    // A cash invoice: nothing.
    await register('FE-108', { paymentForm: '1' });
    expect(await events()).toHaveLength(2);

    // Paused: a person registers a document by hand; the agent sends nothing by itself.
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const arrived = await h.ingest(invoiceXml('FE-109'));
    await registerDocument(h.agent.deps, arrived.documents[0]!.id, { manual: true });
    await radian.idle();
    const paused = (await h.db.selectFrom('bill').select('id').where('number', '=', 'FE-109').executeTakeFirstOrThrow()).id;
    expect(await radian.autoSend(h.company.id, paused)).toEqual([]);
    expect(await events()).toHaveLength(2);
    expect(t.gateway.sent).toHaveLength(2);

    // Active again, but the document's authenticity was not `verified`: nothing either.
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    const documentId = (await h.db.selectFrom('bill').select('documentId').where('id', '=', paused).executeTakeFirstOrThrow()).documentId;
    await h.db.updateTable('inboxDocument').set({ authenticity: 'unverifiable', authenticityJson: JSON.stringify({ code: 'unverifiable', reason: 'Autoridad desconocida.' }) }).where('id', '=', documentId).execute();
    expect(await radian.autoSend(h.company.id, paused)).toEqual([]);
    // A bare document that someone marked as confirmed is still not acknowledged: only `unverifiable` + DIAN's copy is.
    await h.db.updateTable('inboxDocument').set({ authenticity: 'no_dian_validation', authenticityJson: JSON.stringify({ code: 'no_dian_validation', confirmedByDian: true }) }).where('id', '=', documentId).execute();
    expect(await radian.autoSend(h.company.id, paused)).toEqual([]);
    // Unknown authority, but DIAN's stored copy matched it: the document is the one DIAN validated, so the agent acknowledges it.
    await h.db.updateTable('inboxDocument').set({ authenticity: 'unverifiable', authenticityJson: JSON.stringify({ code: 'unverifiable', confirmedByDian: true }) }).where('id', '=', documentId).execute();
    expect((await radian.autoSend(h.company.id, paused)).map((e) => e.code)).toEqual(['030', '032']);
    await h.db.updateTable('inboxDocument').set({ authenticity: 'verified' }).where('id', '=', documentId).execute();
    // Both events already accepted: nothing is sent twice.
    expect(await radian.autoSend(h.company.id, paused)).toEqual([]);
  });

  it('automatic «030 only» stops at the acuse; a rejected 030 stops the 032', async () => {
    await setup({ autoSend: '030' });
    await register('FE-110');
    expect((await events()).map((e) => e.code)).toEqual(['030']);
    await saveRadianSettings(h.db, box, h.company, { autoSend: '030_032' }, 'ana', h.clock);
    t.gateway.answers.push({ isValid: false, statusCode: '99', errors: ['Regla: X'] });
    await register('FE-111');
    expect((await events()).map((e) => [e.code, e.status])).toEqual([
      ['030', 'aceptado'],
      ['030', 'rechazado'],
    ]);
  });

  it('a document DIAN’s copy refuted after its bill was registered gets no automatic event: no autoSend, no automatic resend of a pending 030/032; a claim still goes', async () => {
    await setup({ autoSend: '030_032' });
    t.gateway.answers.push(new Error('La DIAN no respondió (tiempo agotado).'));
    const billId = await register('FE-120');
    expect((await events()).map((e) => [e.code, e.status])).toEqual([['030', 'pendiente']]);
    // What server/agent/dian-copy-check.ts records when DIAN's copy, asked after registration, is another document.
    const documentId = (await h.db.selectFrom('bill').select('documentId').where('id', '=', billId).executeTakeFirstOrThrow()).documentId;
    const row = await h.db.selectFrom('inboxDocument').select('authenticityJson').where('id', '=', documentId).executeTakeFirstOrThrow();
    const refuted = { ...JSON.parse(row.authenticityJson!), dianCopy: { status: 'differs', detail: 'otra', askedAt: h.clock.now().toISOString(), attempts: 2, environment: 'produccion' } };
    await h.db.updateTable('inboxDocument').set({ authenticityJson: JSON.stringify(refuted), reasonCode: 'POSSIBLY_ALTERED' }).where('id', '=', documentId).execute();

    expect(await radian.retryPending()).toEqual([]);
    expect(await radian.autoSend(h.company.id, billId)).toEqual([]);
    expect(t.gateway.sent).toHaveLength(1);
    // A person may still claim (031) once the 030 is accepted: that is the answer to an altered invoice.
    await h.db.updateTable('radianEvent').set({ status: 'aceptado' }).where('code', '=', '030').execute();
    const claim = await radian.sendEvent(h.company.id, billId, '031', 'ana', '01');
    expect(claim).toMatchObject({ code: '031', status: 'aceptado' });
  });

  it('never forgotten: credit invoices missing 030/032 are listed oldest first, paged, in the status and the daily summary', async () => {
    await setup();
    const late = await register('FE-120', { issueDate: '2026-03-05' });
    await register('FE-121', { issueDate: '2026-03-01' });
    await register('FE-122', { issueDate: '2026-03-03', paymentForm: '1' });
    const first = await pageMissingConfirmations(h.db, h.company.id, { limit: 1, offset: 0 });
    expect(first).toMatchObject({ total: 2, limit: 1, offset: 0, nextOffset: 1 });
    expect(first.items.map((i) => [i.number, i.missing])).toEqual([['FE-121', ['030', '032']]]);
    expect(first.items[0]!.text).toMatch(/Falta el acuse de recibo \(030\) y el recibo del bien o servicio \(032\): IVA descontable en riesgo/);

    await radian.sendEvent(h.company.id, late, '030', 'ana');
    const page = await pageMissingConfirmations(h.db, h.company.id, { limit: 10, offset: 0 });
    expect(page.items.map((i) => [i.number, i.missing])).toEqual([
      ['FE-121', ['030', '032']],
      ['FE-120', ['032']],
    ]);
    await radian.sendEvent(h.company.id, late, '032', 'ana');
    const summary = await computeDailySummary(h.db, h.company.id, '2026-03-10', h.clock);
    expect(summary.missingConfirmations).toMatchObject({ total: 1, items: [{ number: 'FE-121' }] });
  });
});
