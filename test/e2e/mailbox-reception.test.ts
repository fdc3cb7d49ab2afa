import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../server/agent/agent';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { SecretBox } from '../../server/secrets/secret-box';
import { MailboxManager } from '../../server/sources/mailbox-manager';
import { HANDLED_KEYWORD } from '../../server/sources/mailbox-sync';
import { runAgente, type CliRun } from '../support/cli';
import { DEFAULT_USER, eventually, startDovecot, type Dovecot } from '../support/dovecot';
import { agentWithCompany, COMPANY_NIT } from '../sources/agent-setup';
import { bEncodeFolded, dianMessage, eml, invoiceXml, invoiceZip, PDF_BYTES, qEncode } from '../sources/mail-fixtures';

/**
 * The reception mailbox against a real Dovecot (started per file, unprivileged, 127.0.0.1, free port), mail
 * delivered by IMAP APPEND. One agent on a real SQLite file; the API and the CLI configure and show it.
 */
const KEY = randomBytes(32).toString('base64');
const ACTIVATED = new Date(Date.now() - 60 * 60_000);

describe('reception mailbox (real Dovecot)', () => {
  let dovecot: Dovecot;
  let agent: Agent;
  let manager: MailboxManager | undefined;
  let dir: string;
  let api: (method: string, path: string, body?: unknown) => Promise<Response>;
  const previousKey = process.env.AGENTE_SECRET_KEY;

  beforeAll(async () => {
    process.env.AGENTE_SECRET_KEY = KEY;
    dovecot = await startDovecot();
    dir = mkdtempSync(join(tmpdir(), 'agente-mailbox-e2e-'));
    ({ agent } = await agentWithCompany({ file: join(dir, 'agente.db'), activateAt: ACTIVATED }));
    agent.start();
    const app = createApp(agent);
    const token = await createToken(agent.db, 'e2e', agent.clock);
    api = async (method, path, body) =>
      app.request(`/api/v1/mailbox${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
  });

  afterAll(async () => {
    await manager?.stop();
    await agent?.stop();
    await agent?.db.destroy();
    await dovecot?.destroy();
    rmSync(dir, { recursive: true, force: true });
    if (previousKey === undefined) delete process.env.AGENTE_SECRET_KEY;
    else process.env.AGENTE_SECRET_KEY = previousKey;
  });

  const startManager = async (options: { pollIntervalMs?: number } = {}) => {
    manager = new MailboxManager(agent, { box: SecretBox.fromKey(Buffer.from(KEY, 'base64')), pollIntervalMs: options.pollIntervalMs ?? 600_000, retry: { minMs: 200, maxMs: 1_000 }, log: () => undefined });
    await manager.start();
    return manager;
  };
  const count = async (table: 'bill' | 'receivedFile' | 'mailboxMessage' | 'inboxDocument') => Number((await agent.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('is configured through the API and the connection test passes without touching the mailbox', async () => {
    const put = await api('PUT', '', { host: '127.0.0.1', port: dovecot.port, security: 'none', user: DEFAULT_USER.user, password: DEFAULT_USER.password });
    expect(put.status).toBe(200);
    expect(await put.clone().text()).not.toContain(DEFAULT_USER.password);
    await dovecot.append([eml({ subject: 'Bienvenida', text: 'hola' })]);
    const test = await (await api('POST', '/test', {})).json();
    expect(test).toEqual({ ok: true, messages: 1, idle: true });
    // EXAMINE: nothing changed, the message is still \Recent and unflagged.
    expect([...(await dovecot.flags()).get(1)!]).toEqual(['\\Recent']);
  });

  it('receives every kind of message by content, leaves the rest untouched, never touches \\Seen', async () => {
    const compliant = dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-compliant', messageId: '<compliant@proveedor.test>' });
    const bareXml = invoiceXml(COMPANY_NIT, 'e2e-bare', { number: 'FEB100' });
    const qXml = invoiceXml(COMPANY_NIT, 'e2e-q', { number: 'SETP990001' });
    const foldedXml = invoiceXml(COMPANY_NIT, 'e2e-folded', { number: 'FEPA000123' });
    const octetXml = invoiceXml(COMPANY_NIT, 'e2e-octet', { number: 'FE77' });
    const early = dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-early' });
    const messages = {
      compliant: compliant.raw,
      bare: eml({ subject: '900123456-Proveedor SAS 01-FEB100', parts: [{ contentType: 'application/xml', filename: 'FEB100.xml', body: bareXml }, { contentType: 'application/pdf', filename: 'FEB100.pdf', body: PDF_BYTES }] }),
      qEncoded: eml({ subject: qEncode('800987654;Compañía Ñandú S.A.S.;SETP990001;01;Ñandú'), parts: [{ contentType: 'application/zip', filename: 'SETP990001.zip', body: invoiceZip(qXml) }] }),
      folded: eml({ subject: bEncodeFolded('811222333;Distribuidora de Alimentos y Bebidas del Pacífico S.A.S.;FEPA000123;01;Alimentos del Pacífico'), parts: [{ contentType: 'application/zip', filename: 'f.zip', body: invoiceZip(foldedXml) }] }),
      octet: eml({ subject: '811222333;Otro Proveedor SAS;FE77;01;Otro', parts: [{ contentType: 'application/octet-stream', filename: 'FE77.ZIP', body: invoiceZip(octetXml) }] }),
      spam: eml({ subject: 'Oferta especial', text: 'Compre ya' }),
      portal: eml({ subject: '900123456;Facturador Ejemplo SAS;FEV501;01;Facturador Ejemplo', text: 'Descargue su factura en https://portal.proveedor.test/FEV501' }),
      otherCompany: eml({ subject: '900373076;Proveedor;FEX1;01;Proveedor', parts: [{ contentType: 'application/zip', filename: 'FEX1.zip', body: invoiceZip(invoiceXml('811000111', 'e2e-other')) }] }),
      resentCufe: eml({ subject: 'RV: reenvío', parts: [{ contentType: 'application/xml', filename: 'otra-vez.xml', body: octetXml }] }),
      duplicateMessage: compliant.raw,
    };
    const uids = Object.fromEntries(
      await Promise.all(Object.entries(messages).map(async ([name, raw]) => [name, (await dovecot.append([raw]))[0]!] as const)),
    ) as Record<keyof typeof messages, number>;
    // One already read by a person, one that reached the mailbox before the agent was activated.
    const seen = dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-seen' });
    const [readByPerson] = await dovecot.append([seen.raw], { flags: ['\\Seen'] });
    const [earlyUid] = await dovecot.append([early.raw], { internalDate: new Date(ACTIVATED.getTime() - 24 * 60 * 60_000) });

    await startManager();
    await eventually(async () => (await count('mailboxMessage')) === 12, 'todos los mensajes leídos');
    await eventually(async () => (await count('bill')) === 6, 'seis facturas registradas');

    const flags = await dovecot.flags();
    const keyworded = [...flags].filter(([, f]) => f.has(HANDLED_KEYWORD)).map(([uid]) => uid).sort((a, b) => a - b);
    const expectedKeyworded = [uids.compliant, uids.bare, uids.qEncoded, uids.folded, uids.octet, uids.otherCompany, uids.resentCufe, uids.duplicateMessage, readByPerson!, earlyUid!].sort((a, b) => a - b);
    expect(keyworded).toEqual(expectedKeyworded);
    // Messages without DIAN content stay exactly as they were (only the server's \Recent went away on SELECT).
    expect([...flags.get(uids.spam)!]).toEqual([]);
    expect([...flags.get(uids.portal)!]).toEqual([]);
    expect([...flags.get(1)!]).toEqual([]);
    // \Seen: only the one a person read has it, and it still has it.
    expect([...flags].filter(([, f]) => f.has('\\Seen')).map(([uid]) => uid)).toEqual([readByPerson]);

    const docs = await agent.db.selectFrom('inboxDocument').select(['number', 'status', 'reasonCode', 'arrivedAt', 'channel']).execute();
    expect(docs.every((d) => d.channel === 'mailbox')).toBe(true);
    expect(docs.filter((d) => d.status === 'registered').map((d) => d.number).sort()).toEqual(['FEB100', 'FEPA000123', 'FE77', 'SETP990001', compliant.number, seen.number].sort());
    expect(docs.filter((d) => d.status === 'duplicate')).toEqual([expect.objectContaining({ number: 'FE77', reasonCode: 'DUPLICATE' })]);
    expect(docs.find((d) => d.reasonCode === 'NOT_FOR_COMPANY')).toMatchObject({ status: 'not_registered' });
    expect(docs.find((d) => d.number === early.number)).toMatchObject({ status: 'not_registered', reasonCode: 'AGENT_INACTIVE' });

    // The same Message-ID delivered twice: one record, its parts ingested once.
    const compliantRecords = await agent.db.selectFrom('mailboxMessage').selectAll().where('messageId', '=', '<compliant@proveedor.test>').execute();
    expect(compliantRecords).toHaveLength(1);
    expect(docs.filter((d) => d.number === compliant.number)).toHaveLength(1);
    // The raw message as received, byte for byte (APPEND stores what it gets; FETCH BODY[] returns it).
    const raw = await (await api('GET', `/messages/${compliantRecords[0]!.id}/raw`)).arrayBuffer();
    expect(Buffer.from(raw).equals(compliant.raw)).toBe(true);

    const view = await (await api('GET', '')).json();
    expect(view.status).toMatchObject({ state: 'listening', idle: true, failures: 0 });
    expect(view.status.lastUid).toBe(earlyUid);
    // Nine with DIAN content (the repeated Message-ID is not a new message); three without (spam, portal link, welcome).
    expect(view.messages).toEqual({ received: 9, withoutDianContent: 3, failed: 0, refused: 0 });
  });

  it('notices new mail through IDLE (no polling) and registers it within seconds', async () => {
    const before = await count('bill');
    const { raw, number } = dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-idle' });
    await dovecot.append([raw]);
    // The poll interval is 10 minutes: only IDLE can have woken the watcher.
    await eventually(async () => (await count('bill')) === before + 1, 'la factura que llegó por IDLE', 15_000);
    expect(await agent.db.selectFrom('inboxDocument').select('status').where('number', '=', number).executeTakeFirstOrThrow()).toEqual({ status: 'registered' });
  });

  it('resumes after an agent restart without losing or repeating, and re-marks a message left without keyword', async () => {
    await manager!.stop();
    const files = await count('receivedFile');
    const handled = [...(await dovecot.flags())].filter(([, f]) => f.has(HANDLED_KEYWORD)).map(([uid]) => uid);
    // As if the agent had stopped after committing a message but before marking it.
    await dovecot.removeFlags([handled[0]!], [HANDLED_KEYWORD]);
    await agent.db.updateTable('mailboxState').set({ lastUid: 0 }).execute();
    const whileStopped = [dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-while-stopped-1' }), dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-while-stopped-2' })];
    const newUids = await dovecot.append(whileStopped.map((m) => m.raw));

    await startManager();
    await eventually(async () => (await count('receivedFile')) === files + 2, 'los dos mensajes que llegaron con el agente detenido');
    await eventually(async () => (await dovecot.flags()).get(handled[0]!)!.has(HANDLED_KEYWORD), 'la marca repuesta');
    const flags = await dovecot.flags();
    for (const uid of newUids) expect(flags.get(uid)!.has(HANDLED_KEYWORD)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await count('receivedFile')).toBe(files + 2);
    expect(await agent.db.selectFrom('inboxDocument').select('id').where('status', '=', 'duplicate').execute()).toHaveLength(1);
  });

  it('a message carrying more documents than a DIAN mail may is refused whole, marked as handled, and listed as refused', async () => {
    const before = { bills: await count('bill'), documents: await count('inboxDocument') };
    const parts = Array.from({ length: 11 }, (_, i) => ({ contentType: 'application/zip', filename: `lote-${i}.zip`, body: invoiceZip(invoiceXml(COMPANY_NIT, `e2e-lote-${i}`)) }));
    const [uid] = await dovecot.append([eml({ from: 'Lotes <lotes@desconocido.test>', subject: 'Facturas del mes', parts })]);
    await eventually(async () => (await dovecot.flags()).get(uid!)?.has(HANDLED_KEYWORD) === true, 'el mensaje rechazado, marcado');
    const record = await agent.db.selectFrom('mailboxMessage').selectAll().where('uid', '=', uid!).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ status: 'refused', refused: 1, reasonCode: 'TOO_MANY_DOCUMENTS', documents: 0 });
    expect(await count('inboxDocument')).toBe(before.documents + 1);
    expect(await agent.db.selectFrom('inboxDocument').select(['status', 'reasonCode', 'sender']).where('reasonCode', '=', 'TOO_MANY_DOCUMENTS').execute()).toEqual([
      { status: 'not_registered', reasonCode: 'TOO_MANY_DOCUMENTS', sender: '"Lotes" <lotes@desconocido.test>' },
    ]);
    expect(await count('bill')).toBe(before.bills);
    const listed = await (await api('GET', '/messages?status=refused&limit=5')).json();
    expect(listed).toMatchObject({ total: 1, nextOffset: null, items: [{ id: record.id, status: 'refused', refused: true }] });
  });

  it('the CLI shows the mailbox (never the password), tests it and reads it once', async () => {
    await manager!.stop();
    manager = undefined;
    const dbFile = join(dir, 'agente.db');
    const show = await cli(dbFile, 'mailbox', 'show');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).not.toContain(DEFAULT_USER.password);
    expect(JSON.parse(show.stdout)).toMatchObject({ host: '127.0.0.1', port: dovecot.port, user: DEFAULT_USER.user, hasPassword: true, status: { state: 'stopped' } });
    const test = await cli(dbFile, 'mailbox', 'test');
    expect(test.code, test.stderr).toBe(0);
    expect(JSON.parse(test.stdout)).toMatchObject({ ok: true, idle: true });

    await dovecot.append([dianMessage({ customerNit: COMPANY_NIT, seed: 'e2e-cli-sync' }).raw]);
    const sync = await cli(dbFile, 'mailbox', 'sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ received: 1, examined: 1 });
    const again = await cli(dbFile, 'mailbox', 'sync');
    expect(JSON.parse(again.stdout)).toMatchObject({ received: 0, examined: 0 });
  });

  function cli(db: string, ...args: string[]): Promise<CliRun> {
    return runAgente(['--db', db, ...args], { env: { ...process.env, AGENTE_SECRET_KEY: KEY } });
  }
});
