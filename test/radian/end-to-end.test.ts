import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pauseAgent, resumeAgent } from '../../server/agent/agent-switch';
import type { BillListener } from '../../server/agent/register-document';
import { registerDocument } from '../../server/agent/register-document';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { readDianFile, signedTextsOf } from '../../server/dian';
import { billRadianState } from '../../server/radian/bill-state';
import { saveCertificate } from '../../server/radian/company-certificate';
import { createDianGateway, type DianClientOptions } from '../../server/radian/dian';
import type { DianAnswer } from '../../server/radian/ports';
import { RadianEvents, type RadianTransports } from '../../server/radian/radian-events';
import { saveRadianSettings, type RadianSettingsInput } from '../../server/radian/radian-settings';
import { createSmtpNotifier } from '../../server/radian/supplier-mail';
import { radianTransports } from '../../server/radian/transports';
import { SecretBox } from '../../server/secrets/secret-box';
import { COMPANY_NIT, invoiceXml, openHarness, SUPPLIER, type Harness } from '../support/agent-harness';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { freePort } from '../support/dovecot';
import { supplierIdentity, TEST_ANCHOR_FILE } from '../support/pki';
import { p12For, SOFTWARE } from './support';
import { xmlsec } from '../support/xmlsec';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

/**
 * The two halves of the buyer's RADIAN events together, with nothing in between: a credit invoice received and
 * registered by the agent; the `RadianEvents` service building, signing and storing each event with the company's
 * .p12; the real SOAP + WS-Security client carrying it to the local imitation of DIAN (which checks the envelope, the
 * ZIP, the event's signature, its CUDE with the PIN, the seeded invoice and the order rules); and the supplier's copy
 * through nodemailer to a real SMTP server (`smtp-server` on loopback), read back with our own DIAN reader.
 */

const RECEIVER = { firstName: 'Laura', familyName: 'Gómez', idType: '13', idNumber: '52123456', jobTitle: 'Jefe de almacén', department: 'Logística' };
const SMTP_USER = 'facturas@comercializadora.test';
const SMTP_PASSWORD = 'clave-smtp';

let smtp: TestSmtp;
let dian: DianImitation;

beforeAll(async () => {
  smtp = await startTestSmtp({ user: SMTP_USER, password: SMTP_PASSWORD });
  dian = await startDianImitation({ software: { [SOFTWARE.softwareId]: SOFTWARE.pin } });
});

afterAll(async () => {
  await dian.close();
  await smtp.close();
});

describe('RADIAN events end to end: agent → real DIAN client → imitation of DIAN → real SMTP', () => {
  let h: Harness;
  let radian: RadianEvents;
  const box = SecretBox.fromKey(randomBytes(32));
  /** What the next DIAN calls use on top of the defaults below (the gateway is the real one, rebuilt per call). */
  let client: DianClientOptions = {};

  afterEach(async () => {
    await radian?.idle();
    await h?.close();
    client = {};
  });

  /** The real transports with short waits: DIAN's client pointed at the imitation, nodemailer at the SMTP server. */
  function realTransports(): RadianTransports {
    return {
      gateway: { sendEvent: (event, software, credential, options) => createDianGateway({ baseUrl: dian.url, backoffMs: 5, timeoutMs: 5_000, ...client }).sendEvent(event, software, credential, options) },
      notifier: (settings) => createSmtpNotifier(settings),
    };
  }

  async function setup(settings: Partial<RadianSettingsInput> = {}, transports: RadianTransports = realTransports(), options: { personWaitMs?: number } = {}) {
    smtp.received.length = 0; // each test's company numbers its events from EV00000001 again
    const proxy: BillListener = { billRegistered: (event) => radian.listener.billRegistered?.(event) };
    h = await openHarness({ activate: true, agent: { listeners: [proxy] } });
    radian = new RadianEvents({ db: h.db, clock: h.clock, box, transports, ...options });
    await saveRadianSettings(
      h.db,
      box,
      h.company,
      {
        software: { softwareId: SOFTWARE.softwareId, pin: SOFTWARE.pin, environment: 'habilitacion' },
        receiver: RECEIVER,
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: SMTP_USER, password: SMTP_PASSWORD, from: SMTP_USER },
        ...settings,
      },
      'ana',
      h.clock,
    );
    await saveCertificate(h.db, box, h.company, p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave-p12'), 'clave-p12', 'ana', h.clock);
  }

  /** A credit invoice (`paymentForm: '2'`, the builder's default) received and registered; DIAN knows it. */
  async function register(number: string): Promise<{ billId: string; cufe: string }> {
    await seedAndIngest(number);
    h.clock.advance(1000);
    await h.agent.processor.runPending();
    await radian.idle();
    return bill(number);
  }

  async function seedAndIngest(number: string) {
    const arrived = await h.ingest(invoiceXml(number));
    const document = await h.db.selectFrom('inboxDocument').select('cufe').where('id', '=', arrived.documents[0]!.id).executeTakeFirstOrThrow();
    dian.seedInvoice({ cufe: document.cufe!, number, supplierNit: SUPPLIER.nit, buyerNit: COMPANY_NIT, issueDate: '2026-03-10' });
    return arrived;
  }

  async function bill(number: string) {
    const row = await h.db.selectFrom('bill').select(['id', 'cufe']).where('number', '=', number).executeTakeFirstOrThrow();
    return { billId: row.id, cufe: row.cufe };
  }

  const state = async (billId: string) => billRadianState(h.db, await h.db.selectFrom('bill').selectAll().where('id', '=', billId).executeTakeFirstOrThrow(), h.clock.now());
  const stored = (id: string) => h.db.selectFrom('radianEvent').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** The supplier's e-mail about one event: subject, and the AttachedDocument in its ZIP read back by our reader. */
  async function supplierMail(eventNumber: string) {
    const found = [];
    for (const mail of smtp.received) {
      const parsed = await simpleParser(mail.raw);
      if (parsed.attachments.some((a) => a.filename === `${eventNumber}.zip`)) found.push({ mail, parsed });
    }
    expect(found).toHaveLength(1);
    const { mail, parsed } = found[0]!;
    const zip = parsed.attachments[0]!;
    expect(Object.keys(unzipSync(new Uint8Array(zip.content)))).toEqual([`${eventNumber}.xml`]);
    const outcome = readDianFile(new Uint8Array(zip.content), { name: zip.filename ?? 'adjunto.zip' }).outcomes[0]!;
    if (!outcome.ok) throw new Error(`el lector no leyó el adjunto: ${JSON.stringify(outcome)}`);
    return { to: mail.to, from: parsed.from?.value[0], subject: parsed.subject, document: outcome.document, texts: signedTextsOf(outcome.document)! };
  }

  it('030 → 032 → 033 accepted by the imitation through the composition root’s transports: DIAN’s answer stored, each event mailed to the supplier', async () => {
    await setup({}, radianTransports({ AGENTE_DIAN_URL: dian.url }));
    const { billId, cufe } = await register('FE-900');
    expect(await state(billId)).toMatchObject({ required: true, receipt: 'falta', goods: 'falta', ivaAtRisk: true });

    const views = [];
    for (const code of ['030', '032', '033'] as const) {
      const view = await radian.sendEvent(h.company.id, billId, code, 'ana');
      expect(view.error).toBeUndefined();
      expect(view).toMatchObject({ code, status: 'aceptado', statusText: 'Aceptado por la DIAN.', dian: { statusCode: '00', errors: [], alreadyProcessed: false } });
      expect(view.supplierNotice).toMatchObject({ status: 'enviado', to: SUPPLIER.email });
      views.push(view);
      h.clock.advance(60_000);
    }
    expect(dian.eventsFor(cufe)).toEqual(['030', '032', '033']);
    expect(await state(billId)).toMatchObject({ receipt: 'aceptado', goods: 'aceptado', acceptance: 'expresa', ivaAtRisk: false, allowed: [] });

    for (const view of views) {
      // DIAN's answer is stored whole: its own signed ApplicationResponse validating exactly this CUDE.
      const row = await stored(view.id);
      const answer = JSON.parse(row.dianJson!) as DianAnswer;
      expect(answer).toMatchObject({ isValid: true, statusCode: '00', documentKey: view.cude });
      expect(answer.applicationResponseXml).toContain(`<cbc:UUID schemeName="CUDE-SHA384">${view.cude}</cbc:UUID>`);
      expect(checkSignature(answer.applicationResponseXml!).facts.valid).toBe(true);

      // The supplier got the event and DIAN's answer, both byte for byte as signed.
      const copy = await supplierMail(view.number);
      expect(copy.to).toEqual([SUPPLIER.email]);
      expect(copy.from).toEqual({ name: 'Comercializadora Prueba SAS', address: SMTP_USER });
      expect(copy.subject).toBe(`Evento;${view.number};${COMPANY_NIT};Comercializadora Prueba SAS;${view.code}`);
      expect(copy.document).toMatchObject({ kind: 'radian-event', cufe: view.cude, number: view.number, response: { code: view.code, referencedDocument: { number: 'FE-900', uuid: cufe } } });
      expect(copy.document.dianValidation).toMatchObject({ responseCode: '02', validated: true, cufeMatches: true });
      expect(copy.texts.document).toBe(row.xml);
      expect(copy.texts.applicationResponse).toBe(answer.applicationResponseXml);
    }
  });

  it('each event the service built from the registered invoice verifies with xmlsec1 against the test authority', async () => {
    await setup();
    const { billId } = await register('FE-901');
    for (const code of ['030', '032'] as const) {
      const view = await radian.sendEvent(h.company.id, billId, code, 'ana');
      const { xml } = await stored(view.id);
      const result = xmlsec(xml, TEST_ANCHOR_FILE);
      expect(result.ok, result.output).toBe(true);
      expect(xmlsec(xml.replace('<cbc:ID>FE-901</cbc:ID>', '<cbc:ID>FE-902</cbc:ID>'), TEST_ANCHOR_FILE).ok).toBe(false);
    }
  });

  it('031 (reason 02) accepted by the imitation; then our rules refuse 033 and 032 before anything is sent', async () => {
    await setup();
    const { billId, cufe } = await register('FE-903');
    await radian.sendEvent(h.company.id, billId, '030', 'ana');
    const claim = await radian.sendEvent(h.company.id, billId, '031', 'Carlos', '02');
    expect(claim).toMatchObject({ status: 'aceptado', claim: { code: '02', name: 'Mercancía no entregada' } });
    expect((await supplierMail(claim.number)).document.response).toMatchObject({ code: '031', claimCode: '02' });
    const calls = dian.calls.length;
    await expect(radian.sendEvent(h.company.id, billId, '033', 'ana')).rejects.toThrow(/Ya reclamaste esta factura \(031\): después del reclamo no se puede aceptar/);
    await expect(radian.sendEvent(h.company.id, billId, '032', 'ana')).rejects.toThrow(/Ya reclamaste esta factura \(031\): después del reclamo no se envía el recibo del bien/);
    expect(dian.calls.length).toBe(calls);
    expect(dian.eventsFor(cufe)).toEqual(['030', '031']);
    expect(await h.db.selectFrom('radianEvent').select('code').where('billId', '=', billId).orderBy('seq').execute()).toEqual([{ code: '030' }, { code: '031' }]);
    expect(await state(billId)).toMatchObject({ acceptance: 'reclamo', allowed: [] });
  });

  it('retries after two 503s and takes DIAN’s answer', async () => {
    await setup();
    const { billId, cufe } = await register('FE-904');
    dian.failNext(2, 'unavailable');
    const before = dian.calls.length;
    const view = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(view.status).toBe('aceptado');
    expect(dian.calls.slice(before).map((c) => c.status)).toEqual([503, 503, 200]);
    expect(dian.eventsFor(cufe)).toEqual(['030']);
  });

  it('DIAN down: the event stays «pendiente» with the reason in Spanish; the agent’s later retry (not while paused) sends the same number and CUDE', async () => {
    await setup();
    const { billId, cufe } = await register('FE-905');
    client = { baseUrl: `http://127.0.0.1:${await freePort()}/WcfDianCustomerServices.svc`, retries: 1 };
    const down = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(down).toMatchObject({ status: 'pendiente' });
    expect(down.error).toMatch(/^No se pudo conectar con el servicio de la DIAN \(conexión rechazada\)\. Se intentó 2 veces; se reintentará más tarde\.$/);
    expect(down.supplierNotice).toBeUndefined();
    expect(await state(billId)).toMatchObject({ receipt: 'pendiente', ivaAtRisk: true });

    // DIAN is back. The agent's own retry waits while it is paused, then sends the very same event.
    client = {};
    h.clock.advance(3_600_000);
    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    const calls = dian.calls.length;
    expect(await radian.retryPending()).toEqual([]);
    expect(dian.calls.length).toBe(calls);
    await resumeAgent(h.db, h.company.id, 'ana', h.clock);
    const [later, ...others] = await radian.retryPending();
    expect(others).toEqual([]);
    expect(later).toMatchObject({ id: down.id, number: down.number, cude: down.cude, status: 'aceptado', actor: 'ana' });
    expect((await stored(down.id)).attempts).toBe(2);
    expect(await radian.retryPending()).toEqual([]);
    expect(dian.eventsFor(cufe)).toEqual(['030']);
    expect((await supplierMail(down.number)).document.cufe).toBe(down.cude);
  });

  it('a person’s «Enviar» does not wait minutes: DIAN hangs, the person is told in seconds, the event stays pending and the automatic resend (which waits longer) sends it', async () => {
    // The client as in production (60 s per call, 3 retries: minutes in all); the person waits 2 s here.
    await setup({}, realTransports(), { personWaitMs: 2_000 });
    const { billId, cufe } = await register('FE-910');
    client = { timeoutMs: 60_000, retries: 3, backoffMs: 1_000 };
    dian.failNext(1, 'hang');
    const before = dian.calls.length;
    const waiting = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(waiting).toMatchObject({ status: 'pendiente', error: 'La DIAN no respondió en 2 segundos. El evento quedó guardado y pendiente: el agente lo reenvía solo cada 15 minutos mientras esté activo.' });
    expect(waiting.statusText).toBe(`Pendiente de envío: ${waiting.error}`);
    expect(dian.calls.slice(before)).toEqual([{ method: '?', status: 0 }]); // the hanging call; no retry after the deadline
    expect(dian.eventsFor(cufe)).toEqual([]);
    expect((await stored(waiting.id)).attempts).toBe(1);

    // The automatic resend has no such deadline: DIAN answers after a first hang (the client's own retry).
    client = { timeoutMs: 3_000, retries: 1, backoffMs: 5 };
    dian.failNext(1, 'hang');
    const [resent] = await radian.retryPending();
    expect(resent).toMatchObject({ id: waiting.id, cude: waiting.cude, status: 'aceptado' });
    expect(dian.eventsFor(cufe)).toEqual(['030']);
  });

  it('a pending event made for habilitación is set aside, not resent forever, once the company sends to producción; a new one goes', async () => {
    await setup();
    const { billId, cufe } = await register('FE-909');
    client = { baseUrl: `http://127.0.0.1:${await freePort()}/WcfDianCustomerServices.svc`, retries: 0 };
    const stuck = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(stuck.status).toBe('pendiente');

    await saveRadianSettings(h.db, box, h.company, { software: { softwareId: SOFTWARE.softwareId, pin: SOFTWARE.pin, environment: 'produccion' } }, 'ana', h.clock);
    const production = await startDianImitation({ software: { [SOFTWARE.softwareId]: SOFTWARE.pin }, environment: '1' });
    try {
      production.seedInvoice({ cufe, number: 'FE-909', supplierNit: SUPPLIER.nit, buyerNit: COMPANY_NIT, issueDate: '2026-03-10' });
      client = { baseUrl: production.url };
      const fresh = await radian.sendEvent(h.company.id, billId, '030', 'ana');
      expect(fresh).toMatchObject({ status: 'aceptado', number: 'EV00000002' });
      expect(fresh.cude).not.toBe(stuck.cude);
      expect((await stored(fresh.id)).xml).toContain('<cbc:ProfileExecutionID>1</cbc:ProfileExecutionID>');
      expect(production.eventsFor(cufe)).toEqual(['030']);
      const old = await stored(stuck.id);
      expect(old).toMatchObject({ status: 'rechazado', dianJson: null, attempts: 1 });
      const view = (await state(billId)).events.find((e) => e.id === stuck.id)!;
      expect(view.statusText).toBe('Descartado sin enviar: se hizo para habilitación (pruebas) y la empresa ahora envía a producción; se hizo uno nuevo.');
    } finally {
      await production.close();
    }
  });

  it('an answer lost on the way: the retry meets «procesado anteriormente», which counts as sent (and the supplier still gets the event)', async () => {
    await setup();
    const { billId, cufe } = await register('FE-906');
    client = { retries: 0, timeoutMs: 1_000 };
    dian.failNext(1, 'lose-answer');
    const lost = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(lost.status).toBe('pendiente');
    expect(lost.error).toMatch(/La DIAN no respondió en 1 segundos/);
    expect(dian.eventsFor(cufe)).toEqual(['030']); // DIAN did register it

    const again = await radian.sendEvent(h.company.id, billId, '030', 'ana');
    expect(again).toMatchObject({ id: lost.id, cude: lost.cude, status: 'aceptado', dian: { statusCode: '99', alreadyProcessed: true } });
    expect(again.statusText).toMatch(/procesado anteriormente/);
    expect(again.supplierNotice).toMatchObject({ status: 'enviado' });
    expect((await supplierMail(lost.number)).document).toMatchObject({ kind: 'radian-event', cufe: lost.cude });
    // And the path goes on: the 032 is accepted after it.
    expect((await radian.sendEvent(h.company.id, billId, '032', 'ana')).status).toBe('aceptado');
    expect(dian.eventsFor(cufe)).toEqual(['030', '032']);
  });

  it('automatic: 030 and 032 go by themselves on registering a credit invoice while the agent is active; nothing while paused', async () => {
    await setup({ autoSend: '030_032' });
    const { billId, cufe } = await register('FE-907');
    expect(dian.eventsFor(cufe)).toEqual(['030', '032']);
    const rows = await h.db.selectFrom('radianEvent').select(['code', 'status', 'actor', 'automatic', 'supplierStatus']).where('billId', '=', billId).orderBy('seq').execute();
    expect(rows).toEqual([
      { code: '030', status: 'aceptado', actor: 'agente', automatic: 1, supplierStatus: 'enviado' },
      { code: '032', status: 'aceptado', actor: 'agente', automatic: 1, supplierStatus: 'enviado' },
    ]);
    expect((await state(billId)).ivaAtRisk).toBe(false);

    await pauseAgent(h.db, h.company.id, 'ana', h.clock);
    h.clock.advance(1000);
    const calls = dian.calls.length;
    const arrived = await seedAndIngest('FE-908');
    await registerDocument(h.agent.deps, arrived.documents[0]!.id, { manual: true });
    await radian.idle();
    const paused = await bill('FE-908');
    expect(await radian.autoSend(h.company.id, paused.billId)).toEqual([]);
    expect(dian.calls.length).toBe(calls);
    expect(dian.eventsFor(paused.cufe)).toEqual([]);
    expect(await state(paused.billId)).toMatchObject({ receipt: 'falta', ivaAtRisk: true });
  });
});
