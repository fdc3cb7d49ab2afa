import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentState } from '#shared/agent';
import type { Bill } from '#shared/bill';
import type { Page } from '#shared/inbox';
import type { BillRadianState, CertificateView, MissingConfirmation, RadianEventView, RadianSettingsView } from '#shared/radian';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createApp } from '../../server/api/app';
import { createPersonalToken, createToken } from '../../server/api/tokens';
import { createCompany } from '../../server/companies/companies';
import { loadCredential } from '../../server/radian/company-certificate';
import { openDatabase, type Db } from '../../server/db/database';
import { RadianEvents } from '../../server/radian/radian-events';
import { attachRadian, radianOf } from '../../server/radian/transports';
import { SecretBox } from '../../server/secrets/secret-box';
import { createUser, grantRole } from '../../server/users/users';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { COMPANY_NIT, invoiceXml } from '../support/agent-harness';
import { supplierIdentity, TEST_ANCHOR_FILE, toPem } from '../support/pki';
import { p12For, recordingTransports, type RecordingTransports } from './support';

const COMPANY_NAME = 'Comercializadora Prueba SAS';

describe('RADIAN API: certificate, settings, events on a bill', () => {
  let db: Db;
  let agent: Agent;
  let clock: ManualClock;
  let app: ReturnType<typeof createApp>;
  let token: string;
  let t: RecordingTransports;
  let companyId: string;
  const box = SecretBox.fromKey(randomBytes(32));

  beforeEach(async () => {
    db = await openDatabase(':memory:');
    clock = new ManualClock('2026-03-10T15:00:00Z');
    agent = new Agent(db, { clock, trustAnchors: loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]) });
    t = recordingTransports();
    attachRadian(agent, new RadianEvents({ db, clock, box, transports: t }));
    app = createApp(agent);
    token = await createToken(db, 'prueba', clock);
    companyId = (await createCompany(db, { nit: COMPANY_NIT, name: COMPANY_NAME, userName: 'Ana' }, clock)).id;
  });
  afterEach(async () => {
    await agent.stop();
    await db.destroy();
  });

  async function call<T>(method: string, path: string, body?: unknown, as = token): Promise<{ status: number; body: T; text: string }> {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${as}`, 'X-Usuario': encodeURIComponent('Ana Gómez'), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T, text };
  }

  const companyP12 = (password = 'clave-p12') => p12For(supplierIdentity(COMPANY_NIT, COMPANY_NAME), password).toString('base64');

  /** The agent on, the company's certificate and RADIAN settings saved, and one credit invoice registered. */
  async function creditBill(number: string): Promise<Bill> {
    await activateAgent(db, companyId, 'recent', 'ana', clock);
    clock.advance(1000);
    await call('PUT', '/radian/certificate', { p12: companyP12(), password: 'clave-p12' });
    await call('PUT', '/radian/settings', {
      software: { softwareId: 'soft-1', pin: '74125', environment: 'habilitacion' },
      receiver: { firstName: 'Laura', familyName: 'Gómez', idType: '13', idNumber: '52123456', jobTitle: 'Jefe de almacén', department: 'Logística' },
    });
    await agent.ingest({ companyId, bytes: new TextEncoder().encode(invoiceXml(number)), channel: 'upload', sourceRef: `${number.toLowerCase()}.xml` });
    clock.advance(1000);
    await agent.processor.runPending();
    return (await call<Page<Bill>>('GET', '/bills')).body.items[0]!;
  }

  it('uploads the company’s .p12: subject, NIT and expiry shown; the password never comes back; it is stored sealed', async () => {
    const res = await call<CertificateView>('PUT', '/radian/certificate', { p12: companyP12(), password: 'clave-p12' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ nit: COMPANY_NIT, notAfter: '2045-01-01T00:00:00.000Z', uploadedBy: 'Ana Gómez' });
    expect(res.body.subject).toContain(COMPANY_NAME);
    expect(res.body.warning).toBeUndefined();
    const settings = await call<RadianSettingsView>('GET', '/radian/settings');
    expect(settings.body.certificate?.nit).toBe(COMPANY_NIT);
    for (const text of [res.text, settings.text]) expect(text).not.toContain('clave-p12');
    const row = await db.selectFrom('radianCertificate').selectAll().executeTakeFirstOrThrow();
    expect(row.passwordSealed).not.toContain('clave-p12');
    expect(box.open(row.passwordSealed)).toBe('clave-p12');
    // Opened again for a signature, with the same key.
    const credential = await loadCredential(db, box, companyId, clock.now());
    expect(credential.certificatePem).toBe(toPem(supplierIdentity(COMPANY_NIT, COMPANY_NAME).certDer));
    // The .p12 carries the test root too; a self-signed root never travels in the signature (verifiers have their own).
    expect(credential.chainPem).toEqual([]);
  });

  it('refuses a certificate of another NIT, a wrong password and a file that is not a .p12, in Spanish', async () => {
    const other = await call<{ error: { code: string; message: string } }>('PUT', '/radian/certificate', { p12: p12For(supplierIdentity('900555111'), 'x').toString('base64'), password: 'x' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'CERTIFICATE_NOT_COMPANY', message: expect.stringMatching(/es de otra persona \(9005551116\), no de Comercializadora Prueba SAS \(NIT 900123456\)/) });
    const wrong = await call<{ error: { code: string; message: string } }>('PUT', '/radian/certificate', { p12: companyP12(), password: 'otra' });
    expect(wrong.body.error).toMatchObject({ code: 'CERTIFICATE_PASSWORD', message: 'La contraseña del certificado no es correcta.' });
    const junk = await call<{ error: { code: string } }>('PUT', '/radian/certificate', { p12: Buffer.from('no soy un p12').toString('base64'), password: 'x' });
    expect(junk.body.error.code).toBe('CERTIFICATE_INVALID');
    expect(await db.selectFrom('radianCertificate').selectAll().execute()).toEqual([]);
  });

  it('warns from 30 days before expiry, and refuses an expired one', async () => {
    clock.set('2044-12-10T15:00:00Z');
    const soon = await call<CertificateView>('PUT', '/radian/certificate', { p12: companyP12(), password: 'clave-p12' });
    expect(soon.body).toMatchObject({ daysLeft: 21, warning: 'El certificado vence el 2045-01-01 (en 21 días): pide la renovación a tu entidad de certificación.' });
    clock.set('2044-11-30T15:00:00Z');
    expect((await call<RadianSettingsView>('GET', '/radian/settings')).body.certificate?.warning).toBeUndefined();
    clock.set('2045-01-02T00:00:00Z');
    expect((await call<RadianSettingsView>('GET', '/radian/settings')).body.certificate?.warning).toMatch(/venció el 2045-01-01/);
    const expired = await call<{ error: { code: string } }>('PUT', '/radian/certificate', { p12: companyP12(), password: 'clave-p12' });
    expect(expired.body.error.code).toBe('CERTIFICATE_EXPIRED');
  });

  it('settings: the PIN and the SMTP password go in and never come out; a new SMTP server or user needs the password again', async () => {
    const saved = await call<RadianSettingsView>('PUT', '/radian/settings', {
      software: { softwareId: 'soft-1', pin: '74125', environment: 'produccion' },
      receiver: { firstName: 'Laura', familyName: 'Gómez', idType: '13', idNumber: '52123456', jobTitle: 'Jefe de almacén', department: 'Logística' },
      autoSend: '030_032',
      smtp: { host: 'smtp.ejemplo.co', port: 587, secure: false, user: 'facturas@ejemplo.co', password: 'pw-smtp', from: 'facturas@ejemplo.co' },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ software: { softwareId: 'soft-1', environment: 'produccion', providerNit: COMPANY_NIT, hasPin: true }, autoSend: '030_032', smtp: { host: 'smtp.ejemplo.co', hasPassword: true } });
    expect(saved.text).not.toMatch(/74125|pw-smtp/);
    expect((await call('GET', '/radian/settings')).text).not.toMatch(/74125|pw-smtp/);

    const moved = await call<{ error: { code: string; message: string } }>('PUT', '/radian/settings', { smtp: { host: 'otro.servidor.co', port: 587, secure: false, user: 'facturas@ejemplo.co', from: 'facturas@ejemplo.co' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: 'SMTP_PASSWORD_REQUIRED', message: expect.stringMatching(/Cambiaste el servidor del correo de salida: escribe la contraseña otra vez/) });
    const same = await call<RadianSettingsView>('PUT', '/radian/settings', { smtp: { host: 'smtp.ejemplo.co', port: 587, secure: true, user: 'facturas@ejemplo.co', from: 'otra@ejemplo.co' } });
    expect(same.body.smtp).toMatchObject({ secure: true, from: 'otra@ejemplo.co', hasPassword: true });
    const newSoftware = await call<{ error: { code: string } }>('PUT', '/radian/settings', { software: { softwareId: 'soft-2', environment: 'produccion' } });
    expect(newSoftware.body.error.code).toBe('RADIAN_PIN_REQUIRED');
  });

  it('a bill shows its events; «Aceptar» and «Reclamar» are a person’s, recorded with who; the status lists what is missing', async () => {
    const bill = await creditBill('FE-300');
    expect(bill.radian).toMatchObject({ required: true, receipt: 'falta', goods: 'falta', ivaAtRisk: true, allowed: ['030'] });

    const status = await call<AgentState>('GET', '/agent');
    expect(status.body.missingConfirmations).toMatchObject({ total: 1, items: [{ billId: bill.id, number: 'FE-300', missing: ['030', '032'] }] });
    const missing = await call<Page<MissingConfirmation>>('GET', '/radian/missing?limit=5');
    expect(missing.body).toMatchObject({ total: 1, limit: 5, offset: 0, nextOffset: null });

    const refused = await call<{ error: { code: string; message: string } }>('POST', `/radian/bills/${bill.id}/events`, { code: '033' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'RADIAN_ORDER', message: expect.stringMatching(/Primero el recibo del bien/) });
    // An auxiliar sends the receipts (030/032) but may not accept or claim: that binds the company.
    const auxiliar = await createUser(db, { login: 'aux', displayName: 'Andrés Auxiliar' }, 'pruebas', clock);
    await grantRole(db, auxiliar, companyId, 'auxiliar', 'pruebas', clock);
    const auxToken = (await createPersonalToken(db, { user: auxiliar, expiresAt: new Date(clock.now().getTime() + 86_400_000) }, 'pruebas', clock)).token;
    for (const code of ['030', '032']) expect((await call<RadianEventView>('POST', `/radian/bills/${bill.id}/events`, { code }, auxToken)).body).toMatchObject({ status: 'aceptado', actor: 'Andrés Auxiliar' });
    for (const body of [{ code: '033' }, { code: '031', reason: '04' }]) {
      const forbidden = await call<{ error: { code: string; message: string } }>('POST', `/radian/bills/${bill.id}/events`, body, auxToken);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error).toEqual({ code: 'FORBIDDEN', message: `Tu rol en ${COMPANY_NAME} es auxiliar: no te permite aceptar o reclamar facturas ante la DIAN. Pídeselo a un contador o administrador de la empresa.` });
    }
    expect(t.gateway.sent.map((s) => s.event.code)).toEqual(['030', '032']);
    const claim = await call<RadianEventView>('POST', `/radian/bills/${bill.id}/events`, { code: '031', reason: '04' });
    expect(claim.body).toMatchObject({ code: '031', status: 'aceptado', actor: 'Ana Gómez', claim: { code: '04', name: 'Servicio no prestado' } });
    const after = await call<BillRadianState>('GET', `/radian/bills/${bill.id}`);
    expect(after.body).toMatchObject({ acceptance: 'reclamo', ivaAtRisk: false, allowed: [] });
    expect(after.body.events.map((e) => e.code)).toEqual(['030', '032', '031']);
    const xml = await call<string>('GET', `/radian/events/${claim.body.id}/xml`);
    expect(xml.text).toContain('listID="04">031</cbc:ResponseCode>');
    expect((await call<AgentState>('GET', '/agent')).body.missingConfirmations).toBeUndefined();
  });

  it('the audit trail names who sent an event each time: the first sender, the person who resent it, the agent’s resend', async () => {
    const bill = await creditBill('FE-301');
    const person = async (login: string, displayName: string, role: 'auxiliar' | 'contador') => {
      const user = await createUser(db, { login, displayName }, 'pruebas', clock);
      await grantRole(db, user, companyId, role, 'pruebas', clock);
      return { user, token: (await createPersonalToken(db, { user, expiresAt: new Date(clock.now().getTime() + 86_400_000) }, 'pruebas', clock)).token };
    };
    const andres = await person('andres', 'Andrés Auxiliar', 'auxiliar');
    const carla = await person('carla', 'Carla Contadora', 'contador');

    const down = () => new Error('No se pudo conectar con el servicio de la DIAN (conexión rechazada).');
    t.gateway.answers.push(down(), down());
    const first = await call<RadianEventView>('POST', `/radian/bills/${bill.id}/events`, { code: '030' }, andres.token);
    expect(first.body).toMatchObject({ status: 'pendiente', actor: 'Andrés Auxiliar' });
    clock.advance(60_000);
    const again = await call<RadianEventView>('POST', `/radian/bills/${bill.id}/events`, { code: '030' }, carla.token);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'pendiente', actor: 'Andrés Auxiliar' });
    clock.advance(60_000);
    const [resent] = await radianOf(agent).retryPending();
    expect(resent).toMatchObject({ id: first.body.id, status: 'aceptado' });

    const audit = await call<{ type: string; actor: string; actorId: string | null; details: Record<string, unknown> }[]>('GET', '/audit');
    const sent = audit.body.filter((e) => e.type === 'radian_event_sent').reverse();
    expect(sent.map((e) => [e.actor, e.actorId, e.details])).toEqual([
      ['Andrés Auxiliar', andres.user.id, { eventId: first.body.id, number: first.body.number, code: '030', billId: bill.id, attempt: 1, resend: false }],
      ['Carla Contadora', carla.user.id, { eventId: first.body.id, number: first.body.number, code: '030', billId: bill.id, attempt: 2, resend: true }],
      ['agente', null, { eventId: first.body.id, number: first.body.number, code: '030', billId: bill.id, attempt: 3, resend: true }],
    ]);
  });
});
