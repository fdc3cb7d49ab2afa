import { networkInterfaces } from 'node:os';
import { hc } from 'hono/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { InboxDocument, IngestResult, Page } from '#shared/inbox';
import type { DailySummary } from '#shared/summary';
import { Agent } from '../../server/agent/agent';
import { ManualClock } from '../../server/agent/clock';
import { createApp, type AppType } from '../../server/api/app';
import { startApiServer } from '../../server/api/serve';
import { createToken, rotateToken } from '../../server/api/tokens';
import { openDatabase, type Db } from '../../server/db/database';
import { byAccount, COMPANY_NIT, entryFacts, invoiceXml, pesos } from '../support/agent-harness';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const COMPANY = { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana Gómez', ciiu: ['4719'] };

describe('HTTP API (/api/v1)', () => {
  let db: Db;
  let agent: Agent;
  let clock: ManualClock;
  let app: ReturnType<typeof createApp>;
  let token: string;

  beforeEach(async () => {
    db = await openDatabase(':memory:');
    clock = new ManualClock('2026-03-10T15:00:00Z');
    agent = new Agent(db, { clock });
    app = createApp(agent);
    token = await createToken(db, 'prueba', clock);
  });
  afterEach(async () => {
    await agent.stop();
    await db.destroy();
  });

  function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit; auth?: string | null } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.auth !== null) headers.Authorization = `Bearer ${options.auth ?? token}`;
    let body: BodyInit | undefined = options.raw;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    return app.request(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  }

  async function json<T>(response: Response | Promise<Response>, status: number): Promise<T> {
    const res = await response;
    const text = await res.text();
    expect(res.status, text).toBe(status);
    return JSON.parse(text) as T;
  }

  async function expectError(response: Response | Promise<Response>, status: number, code?: string, message?: RegExp) {
    const body = await json<{ error: { code: string; message: string } }>(response, status);
    if (code) expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (message) expect(body.error.message).toMatch(message);
    // Spanish, for people: no library messages leaking through.
    expect(body.error.message).not.toMatch(/Malformed|Invalid|expected|required|Unexpected token/);
    return body.error;
  }

  async function withCompany() {
    await json(call('POST', '/companies', { body: COMPANY }), 201);
    await json(call('POST', '/agent/activate', { body: { mode: 'recent' }, headers: { 'X-Usuario': encodeURIComponent('Ana Gómez') } }), 200);
    clock.advance(1000);
  }

  async function upload(xml: string, name = 'factura.xml') {
    const form = new FormData();
    form.append('file', new File([xml], name, { type: 'text/xml' }));
    return json<(IngestResult & { name: string })[]>(call('POST', '/uploads', { raw: form }), 201);
  }

  describe('authentication', () => {
    it('answers health without a token, and 401 everything else without a valid one', async () => {
      expect(await json(app.request('/api/v1/health'), 200)).toEqual({ ok: true, name: 'agente-de-gastos', api: 'v1' });
      await expectError(call('GET', '/companies', { auth: null }), 401, 'UNAUTHORIZED', /Token inválido o ausente/);
      await expectError(call('GET', '/companies', { auth: 'ag_otro' }), 401, 'UNAUTHORIZED');
      await expectError(app.request('/api/v1/me', { headers: { Authorization: token } }), 401, 'UNAUTHORIZED');
      expect(await json(call('GET', '/companies'), 200)).toEqual([]);
    });

    it('stores only a hash of the token, and rotating revokes the old one', async () => {
      const rows = await db.selectFrom('apiToken').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).not.toContain(token);
      expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      const fresh = await rotateToken(db, 'nuevo', clock);
      await expectError(call('GET', '/companies'), 401);
      expect(await json(call('GET', '/companies', { auth: fresh }), 200)).toEqual([]);
    });
  });

  describe('CORS and private network access', () => {
    it('allows only the extension and Alegra’s web app', async () => {
      for (const origin of [EXTENSION, 'https://app.alegra.com']) {
        const res = await call('GET', '/companies', { headers: { Origin: origin } });
        expect(res.status).toBe(200);
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
      }
      for (const origin of ['http://evil.example', 'https://app.alegra.com.evil.example', 'chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP', 'http://app.alegra.com']) {
        const res = await call('GET', '/companies', { headers: { Origin: origin } });
        expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
      }
    });

    it('answers the preflight, including Chrome’s Private Network Access header', async () => {
      const res = await app.request('/api/v1/bills', {
        method: 'OPTIONS',
        headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,x-empresa', 'Access-Control-Request-Private-Network': 'true' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
      expect(res.headers.get('Access-Control-Allow-Private-Network')).toBe('true');
      expect(res.headers.get('Access-Control-Allow-Methods')).toMatch(/PATCH/);
      expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toMatch(/authorization/);
      const evil = await app.request('/api/v1/bills', { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' } });
      expect(evil.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });
  });

  describe('which company', () => {
    it('asks for a company when there is none, and for X-Empresa when there are several', async () => {
      await expectError(call('GET', '/me'), 409, 'NO_COMPANY', /Todavía no hay empresa configurada/);
      const created = await json<{ id: string; nit: string; dv: string }>(call('POST', '/companies', { body: { ...COMPANY, nit: '900.123.456' } }), 201);
      expect(created).toMatchObject({ nit: COMPANY_NIT, dv: '8' });
      expect(await json(call('GET', '/me'), 200)).toMatchObject({ company: { nit: COMPANY_NIT }, user: { name: 'Ana Gómez' } });
      await expectError(call('POST', '/companies', { body: COMPANY }), 409, 'CONFLICT', /Ya existe una empresa con NIT 900123456/);
      await json(call('POST', '/companies', { body: { ...COMPANY, nit: '800111222', name: 'Otra SAS', userName: 'Beto' } }), 201);
      await expectError(call('GET', '/me'), 409, 'COMPANY_REQUIRED', /Hay 2 empresas/);
      expect(await json(call('GET', '/me', { headers: { 'X-Empresa': '800111222' } }), 200)).toMatchObject({ user: { name: 'Beto' } });
      await expectError(call('GET', '/me', { headers: { 'X-Empresa': '811999999' } }), 403, 'COMPANY_FORBIDDEN');
      expect(await json<unknown[]>(call('GET', '/companies'), 200)).toHaveLength(2);
    });

    it('rejects an invalid company profile with the field and a Spanish reason', async () => {
      await expectError(call('POST', '/companies', { body: { ...COMPANY, nit: 'abc' } }), 400, 'INVALID_REQUEST', /«nit»: escribe el NIT sin DV/);
      await expectError(call('POST', '/companies', { body: { ...COMPANY, ciiu: ['47'] } }), 400, 'INVALID_REQUEST', /«ciiu\.0»/);
      await expectError(call('POST', '/companies', { body: { nit: '900123456' } }), 400, 'INVALID_REQUEST', /«name»/);
    });
  });

  describe('the agent switch', () => {
    it('activates, pauses and resumes with the user as actor, and lists the audit trail', async () => {
      await json(call('POST', '/companies', { body: COMPANY }), 201);
      expect(await json(call('GET', '/agent'), 200)).toEqual({ status: 'inactive' });
      await expectError(call('POST', '/agent/pause'), 409, 'CONFLICT', /no está activo/);
      const headers = { 'X-Usuario': encodeURIComponent('Ana Gómez') };
      expect(await json(call('POST', '/agent/activate', { headers }), 200)).toMatchObject({ status: 'active', mode: 'recent', activeSince: clock.now().toISOString() });
      clock.advance(1000);
      expect(await json(call('POST', '/agent/pause', { headers }), 200)).toMatchObject({ status: 'paused' });
      clock.advance(1000);
      expect(await json(call('POST', '/agent/resume'), 200)).toMatchObject({ status: 'active' });
      const events = await json<{ type: string; actor: string }[]>(call('GET', '/agent/events'), 200);
      // The first administrator has no name of their own: the panel's X-Usuario names them, else their login.
      expect(events.map((e) => [e.type, e.actor])).toEqual([['resumed', 'administrador'], ['paused', 'Ana Gómez'], ['activated', 'Ana Gómez']]);
      await expectError(call('POST', '/agent/activate', { body: { mode: 'todo' } }), 400, 'INVALID_REQUEST', /«mode»/);
    });
  });

  describe('uploads, documents and bills', () => {
    it('receives multipart and raw uploads, lists documents by status, and shows each bill', async () => {
      await withCompany();
      const [multipart] = await upload(invoiceXml('FE-900'), 'fe900.xml');
      expect(multipart).toMatchObject({ name: 'fe900.xml', documents: [{ status: 'pending', number: 'FE-900', channel: 'upload' }] });
      const raw = await json<(IngestResult & { name: string })[]>(call('POST', '/uploads', { raw: invoiceXml('FE-901'), headers: { 'X-Nombre-Archivo': encodeURIComponent('factura ñandú.xml'), 'Content-Type': 'application/xml' } }), 201);
      expect(raw[0]).toMatchObject({ name: 'factura ñandú.xml', documents: [{ number: 'FE-901' }] });
      await agent.processor.runPending();

      const registered = (await json<Page<InboxDocument>>(call('GET', '/documents?status=registered'), 200)).items;
      expect(registered.map((d) => d.number).sort()).toEqual(['FE-900', 'FE-901']);
      expect((await json<Page<InboxDocument>>(call('GET', '/documents?status=pending,duplicate'), 200)).items).toEqual([]);
      // Pages: a total, and where the next page starts (null on the last).
      const first = await json<Page<InboxDocument>>(call('GET', '/documents?limit=1'), 200);
      expect(first).toMatchObject({ total: 2, limit: 1, offset: 0, nextOffset: 1 });
      expect(first.items).toHaveLength(1);
      const second = await json<Page<InboxDocument>>(call('GET', '/documents?limit=1&offset=1'), 200);
      expect(second).toMatchObject({ total: 2, offset: 1, nextOffset: null });
      expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
      expect(await json(call('GET', '/documents?offset=5'), 200)).toMatchObject({ items: [], total: 2, nextOffset: null });
      const detail = await json<InboxDocument & { document: { cufe: string } }>(call('GET', `/documents/${registered[0]!.id}`), 200);
      expect(detail.document.cufe).toBe(registered[0]!.cufe);

      const billPage = await json<Page<Bill>>(call('GET', '/bills'), 200);
      expect(billPage).toMatchObject({ total: 2, limit: 50, offset: 0, nextOffset: null });
      const bills = billPage.items;
      expect(bills).toHaveLength(2);
      expect(await json(call('GET', '/bills?limit=1'), 200)).toMatchObject({ total: 2, nextOffset: 1 });
      const toReview = (await json<Page<Bill>>(call('GET', '/bills?needsReview=true'), 200)).items;
      const verified = (await json<Page<Bill>>(call('GET', '/bills?needsReview=false'), 200)).items;
      expect(toReview.length + verified.length).toBe(2);
      expect(toReview.every((b) => b.needsReview) && verified.every((b) => !b.needsReview)).toBe(true);
      const bill = await json<Bill>(call('GET', `/bills/${bills[0]!.id}`), 200);
      expect(bill.journal.find((l) => l.accountCode === '240810')).toMatchObject({ accountName: 'IVA DESCONTABLE', debit: pesos(190_000) });
      const { debits, credits } = entryFacts(bill);
      expect(debits).toBe(credits);
    });

    it('lets a person register by hand a document that arrived while paused, and says why otherwise', async () => {
      await withCompany();
      await json(call('POST', '/agent/pause'), 200);
      clock.advance(1000);
      const [result] = await upload(invoiceXml('FE-902'));
      const id = result!.documents[0]!.id;
      expect(result!.documents[0]!.status).toBe('arrived_while_paused');
      const registered = await json<{ outcome: { status: string }; document: InboxDocument }>(call('POST', `/documents/${id}/register`), 200);
      expect(registered).toMatchObject({ outcome: { status: 'registered' }, document: { status: 'registered' } });
      await expectError(call('POST', `/documents/${id}/register`), 409, 'CONFLICT', /está «registered» y no se puede registrar/);
      await expectError(call('POST', '/documents/no-existe/register'), 404, 'NOT_FOUND');
    });

    it('corrects a line’s account and re-posts a balanced entry; refuses non-postable accounts with a clear 400', async () => {
      await withCompany();
      await upload(invoiceXml('FE-903'));
      await agent.processor.runPending();
      const [bill] = (await json<Page<Bill>>(call('GET', '/bills'), 200)).items;
      const path = `/bills/${bill!.id}/lines/${bill!.lines[0]!.id}`;
      await expectError(call('PATCH', path, { body: { accountCode: '5135' } }), 400, 'INVALID_REQUEST', /La cuenta 5135 no acepta movimientos/);
      await expectError(call('PATCH', path, { body: { accountCode: '99999999' } }), 400, 'INVALID_REQUEST', /no existe en el plan de cuentas/);
      await expectError(call('PATCH', path, { body: { accountCode: 'abc' } }), 400, 'INVALID_REQUEST', /«accountCode»: un código de cuenta son solo dígitos/);
      await expectError(call('PATCH', path, { raw: '{"accountCode": ', headers: { 'Content-Type': 'application/json' } }), 400, 'INVALID_JSON', /no es JSON válido/);
      await expectError(call('PATCH', `/bills/${bill!.id}/lines/otra`, { body: { accountCode: '513520' } }), 404, 'NOT_FOUND');
      const corrected = await json<Bill>(call('PATCH', path, { body: { accountCode: '513520' }, headers: { 'X-Usuario': 'luis' } }), 200);
      expect(corrected.lines[0]).toMatchObject({ accountCode: '513520', correctedBy: 'luis', source: 'user' });
      expect(byAccount(corrected)['236525']).toBe(-pesos(40_000));
      const { debits, credits } = entryFacts(corrected);
      expect(debits).toBe(credits);
    });
  });

  describe('summaries and accounts', () => {
    it('serves yesterday’s summary by default, any past date, and today so far', async () => {
      await withCompany();
      await upload(invoiceXml('FE-904'));
      await agent.processor.runPending();
      const today = await json<DailySummary>(call('GET', '/summary/today'), 200);
      expect(today).toMatchObject({ date: '2026-03-10', registered: 1, timeSavedMinutes: 3, final: false, agentStatus: 'active' });
      expect(await json<DailySummary>(call('GET', '/summary'), 200)).toMatchObject({ date: '2026-03-09', registered: 0, final: true });
      clock.set('2026-03-11T05:00:00Z');
      expect(await json<DailySummary>(call('GET', '/summary?date=2026-03-10'), 200)).toMatchObject({ date: '2026-03-10', registered: 1, final: true });
      await expectError(call('GET', '/summary?date=2026-03-12'), 400, 'INVALID_REQUEST', /todavía no ha llegado/);
      await expectError(call('GET', '/summary?date=10-03-2026'), 400, 'INVALID_REQUEST', /AAAA-MM-DD/);
      await expectError(call('GET', '/summary?date=2026-02-30'), 400, 'INVALID_REQUEST', /AAAA-MM-DD/);
    });

    it('pages the not-registered list of a summary: the figure counts them all, the list comes a page at a time', async () => {
      await withCompany();
      for (let i = 0; i < 3; i++) await upload(`<basura n="${i}"/>`, `basura-${i}.xml`);
      const first = await json<DailySummary>(call('GET', '/summary/today?limit=2'), 200);
      expect(first).toMatchObject({ notRegistered: 3, notRegisteredOffset: 0, notRegisteredNextOffset: 2 });
      expect(first.notRegisteredDocuments).toHaveLength(2);
      const rest = await json<DailySummary>(call('GET', '/summary?date=2026-03-10&limit=2&offset=2'), 200);
      expect(rest).toMatchObject({ notRegistered: 3, notRegisteredOffset: 2, notRegisteredNextOffset: null });
      expect(rest.notRegisteredDocuments.map((d) => d.documentId)).not.toContain(first.notRegisteredDocuments[0]!.documentId);
      await expectError(call('GET', '/summary/today?limit=501'), 400, 'INVALID_PAGE', /«limit» debe ser un número entero entre 1 y 500, no «501»/);
    });

    it('searches postable accounts by code or words', async () => {
      await withCompany();
      const found = await json<{ code: string; name: string }[]>(call('GET', '/accounts?q=iva%20descontable'), 200);
      expect(found.map((a) => a.code)).toContain('240810');
      expect((await json<{ code: string }[]>(call('GET', '/accounts?q=2408'), 200)).every((a) => a.code.startsWith('2408') && a.code !== '2408')).toBe(true);
      await expectError(call('GET', '/accounts?limit=0'), 400, 'INVALID_REQUEST');
    });
  });

  it('answers every invalid request with a 4xx and a Spanish message, never a 500', async () => {
    await withCompany();
    const bad: [string, string, Parameters<typeof call>[2]?][] = [
      ['GET', '/documents?status=perdido'],
      ['GET', '/documents?limit=abc'],
      ['GET', '/documents?offset=-1'],
      ['GET', '/documents/no-existe'],
      ['GET', '/bills?needsReview=quizas'],
      ['GET', '/bills?limit=9999'],
      ['GET', '/bills/no-existe'],
      ['GET', '/summary?date=ayer'],
      ['GET', '/summary?limit=abc'],
      ['GET', '/summary/today?offset=x'],
      ['GET', '/mailbox/messages?limit=0'],
      ['POST', '/companies', { raw: 'nit=1', headers: { 'Content-Type': 'application/json' } }],
      ['POST', '/companies', { body: [] }],
      ['POST', '/agent/activate', { raw: '{', headers: { 'Content-Type': 'application/json' } }],
      ['POST', '/uploads'],
      ['POST', '/uploads', { raw: '--x\r\nbasura', headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' } }],
      ['PATCH', '/bills/x/lines/y', { body: { accountCode: '1435' } }],
      ['GET', '/no-existe'],
      ['DELETE', '/bills'],
    ];
    for (const [method, path, options] of bad) {
      const res = await call(method, path, options);
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(500);
      const body = JSON.parse(text) as { error: { message: string } };
      expect(body.error.message, `${method} ${path}`).toMatch(/[áéíóúñ]|[A-Za-z]{4,}/);
      expect(body.error.message, `${method} ${path}`).not.toMatch(/Malformed|Invalid |Unexpected|Failed to parse/);
    }
    // A raw upload whose file name does not decode is still received (the name is kept as sent), not a 500.
    expect((await call('POST', '/uploads', { raw: '<a/>', headers: { 'X-Nombre-Archivo': '%E0%A4%A' } })).status).toBe(201);
    const docs = (await json<Page<InboxDocument>>(call('GET', '/documents'), 200)).items;
    expect(docs.some((d) => d.source[0] === '%E0%A4%A')).toBe(true);
  });

  it('is typed end to end for the extension’s client', async () => {
    await withCompany();
    const client = hc<AppType>('http://agente.local', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input instanceof Request ? input : String(input), init), headers: { Authorization: `Bearer ${token}` } });
    const res = await client.api.v1.summary.today.$get();
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary.date).toBe('2026-03-10');
    const health = await (await client.api.v1.health.$get()).json();
    expect(health.ok).toBe(true);
  });
});

describe('startApiServer', () => {
  it('listens on 127.0.0.1 by default (loopback only)', async () => {
    const db = await openDatabase(':memory:');
    const agent = new Agent(db);
    const server = await startApiServer(agent, { port: 0 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const res = await fetch(`${server.url}/api/v1/health`);
      expect(await res.json()).toMatchObject({ ok: true });
      // Not reachable through any other interface of this machine.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) await expect(fetch(`http://${external.address}:${server.port}/api/v1/health`)).rejects.toThrow();
    } finally {
      await server.close();
      await db.destroy();
    }
  });
});
