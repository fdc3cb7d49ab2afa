import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { CompanyProfile } from '#shared/company';
import type { InboxDocument } from '#shared/inbox';
import { createApp } from '../../server/api/app';
import { createPersonalToken, createToken, LAST_USED_RESOLUTION_MS, revokeToken } from '../../server/api/tokens';
import { createCompany } from '../../server/companies/companies';
import { consoleActor } from '../../server/users/actor';
import { listAudit } from '../../server/users/audit';
import { permissionFor, ROUTE_PERMISSIONS, type Permission } from '../../server/users/permissions';
import { createUser, grantRole, type User } from '../../server/users/users';
import { invoiceXml, openHarness, type Harness } from '../support/agent-harness';

const DAY = 86_400_000;

describe('users and access (issue 15)', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let other: CompanyProfile;
  const people: Record<'general' | 'administrador' | 'contador' | 'auxiliar', { user?: User; token: string }> = {} as never;

  beforeEach(async () => {
    h = await openHarness();
    app = createApp(h.agent);
    other = await createCompany(h.db, { nit: '800111222', name: 'Otra Empresa SAS', userName: 'Beto' }, h.clock);
    people.general = { token: await createToken(h.db, 'instalación', h.clock) };
    const console = consoleActor({ USER: 'pruebas' });
    for (const [role, name] of [
      ['administrador', 'Alba Administradora'],
      ['contador', 'Carla Contadora'],
      ['auxiliar', 'Andrés Auxiliar'],
    ] as const) {
      const user = await createUser(h.db, { login: role.slice(0, 4), displayName: name }, console, h.clock);
      await grantRole(h.db, user, h.company.id, role, console, h.clock);
      const { token } = await createPersonalToken(h.db, { user, expiresAt: new Date(h.clock.now().getTime() + 90 * DAY) }, console, h.clock);
      people[role] = { user, token };
    }
  });
  afterEach(() => h.close());

  function call(token: string, method: string, path: string, options: { body?: unknown; company?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...options.headers };
    if (options.company !== undefined) headers['X-Empresa'] = options.company;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    return app.request(`/api/v1${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  }

  /** One representative request per permission; what a person allowed gets is not 401/403 (it may be a 404). */
  const REPRESENTATIVE: Record<Exclude<Permission, 'session'>, { method: string; path: string; body?: unknown; company?: 'A' }> = {
    read: { method: 'GET', path: '/bills', company: 'A' },
    review: { method: 'POST', path: '/documents/no-existe/register', company: 'A' },
    decide: { method: 'POST', path: '/radian/bills/no-existe/events', body: { code: '033' }, company: 'A' },
    switch: { method: 'POST', path: '/agent/activate', body: { mode: 'recent' }, company: 'A' },
    settings: { method: 'PATCH', path: '/company', body: { icaMunicipality: '11001' }, company: 'A' },
    connections: { method: 'DELETE', path: '/mailbox', company: 'A' },
    users: { method: 'GET', path: '/users', company: 'A' },
    general: { method: 'POST', path: '/companies', body: { nit: String(700_000_000 + Math.floor(Math.random() * 1e6)), name: 'Nueva SAS', userName: 'Nadia' } },
  };

  it('each role × a representative route of each permission', async () => {
    const expected: Record<keyof typeof people, Exclude<Permission, 'session'>[]> = {
      auxiliar: ['read', 'review'],
      contador: ['read', 'review', 'decide', 'switch', 'settings', 'connections'],
      administrador: ['read', 'review', 'decide', 'switch', 'settings', 'connections', 'users'],
      general: ['read', 'review', 'decide', 'switch', 'settings', 'connections', 'users', 'general'],
    };
    for (const [who, person] of Object.entries(people) as [keyof typeof people, { token: string }][]) {
      for (const [permission, request] of Object.entries(REPRESENTATIVE) as [Exclude<Permission, 'session'>, (typeof REPRESENTATIVE)['read']][]) {
        const body = permission === 'general' ? { ...(request.body as object), nit: String(700_000_000 + Math.floor(Math.random() * 1e8)) } : request.body;
        const res = await call(person.token, request.method, request.path, { ...(body !== undefined ? { body } : {}), ...(request.company ? { company: h.company.nit } : {}) });
        const text = await res.text();
        const allowed = expected[who].includes(permission);
        if (allowed) expect([401, 403], `${who} ${permission}: ${text}`).not.toContain(res.status);
        else {
          expect(res.status, `${who} ${permission}: ${text}`).toBe(403);
          const error = (JSON.parse(text) as { error: { code: string; message: string } }).error;
          expect(error.code).toBe('FORBIDDEN');
          expect(error.message).toMatch(/^(Tu rol en Comercializadora Prueba SAS es \w+: no te permite|Solo un administrador general)/);
        }
      }
    }
  });

  it('every route the API serves has a permission, and the table names no route that does not exist', () => {
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/health')
        .map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/\/$/, '')}`),
    );
    expect(served.size).toBeGreaterThan(30);
    for (const route of served) {
      const [method, path] = route.split(' ') as [string, string];
      expect(permissionFor(method, path)?.route, route).toBe(route);
    }
    for (const [method, path] of ROUTE_PERMISSIONS) expect(served.has(`${method} ${path}`), `${method} ${path}`).toBe(true);
  });

  it('a company the token does not cover: the same 403 whether it exists or not, or the id is malformed', async () => {
    const aux = people.auxiliar.token;
    const refs = [other.nit, other.id, '811999999', randomUUID(), 'abc', '../../etc', '9'.repeat(40), ' ', '900.123.456-9x'];
    const bodies = new Set<string>();
    for (const ref of refs.filter((r) => r.trim() !== '')) {
      for (const [method, path, body] of [
        ['GET', '/bills', undefined],
        ['GET', '/me', undefined],
        ['PATCH', '/company', { name: 'Intruso SAS' }],
        ['POST', '/agent/pause', undefined],
      ] as const) {
        const res = await call(aux, method, path, { company: ref, ...(body ? { body } : {}) });
        expect(res.status, `${ref} ${method} ${path}`).toBe(403);
        bodies.add(await res.text());
      }
    }
    expect(bodies.size).toBe(1);
    const [only] = [...bodies];
    expect(JSON.parse(only!)).toEqual({ error: { code: 'COMPANY_FORBIDDEN', message: 'No tienes acceso a esa empresa. Si debes trabajar en ella, pídele acceso a un administrador de la oficina.' } });
    // Nothing was changed in the other company.
    expect((await h.db.selectFrom('company').select('name').where('id', '=', other.id).executeTakeFirstOrThrow()).name).toBe('Otra Empresa SAS');
    // Their own company, by NIT (with dots and DV) or by id, works.
    for (const ref of ['900.123.456-8', h.company.id]) expect((await call(aux, 'GET', '/bills', { company: ref })).status, ref).toBe(200);
  });

  it('lists only the person’s companies, and /me gives their name and roles', async () => {
    const list = async (token: string) => ((await (await call(token, 'GET', '/companies')).json()) as CompanyProfile[]).map((c) => c.nit);
    expect(await list(people.auxiliar.token)).toEqual([h.company.nit]);
    expect(await list(people.general.token)).toEqual([h.company.nit, other.nit]);
    // With one company, no X-Empresa is needed; the general administrator has two and must say which.
    const me = (await (await call(people.contador.token, 'GET', '/me')).json()) as { company: CompanyProfile; user: { name: string; role: string; roles: { nit: string; role: string }[] } };
    expect(me.company.nit).toBe(h.company.nit);
    expect(me.user).toMatchObject({ name: 'Carla Contadora', login: 'cont', role: 'contador', permissions: ['read', 'review', 'decide', 'switch', 'settings', 'connections'], generalAdmin: false, roles: [{ nit: h.company.nit, company: 'Comercializadora Prueba SAS', role: 'contador' }] });
    const aux = (await (await call(people.auxiliar.token, 'GET', '/me')).json()) as { user: { permissions: string[] } };
    expect(aux.user.permissions).toEqual(['read', 'review']);
    expect((await call(people.general.token, 'GET', '/me')).status).toBe(409);
    // The first administrator has no name of their own: the company's «¿Cómo te llamas?» greets them.
    const admin = (await (await call(people.general.token, 'GET', '/me', { company: other.nit })).json()) as { user: { name: string; role: string } };
    expect(admin.user).toMatchObject({ name: 'Beto', role: 'administrador' });

    // Someone without any company yet is told so, and sees none.
    const nobody = await createUser(h.db, { login: 'nadie', displayName: 'Nadie' }, 'pruebas', h.clock);
    const { token } = await createPersonalToken(h.db, { user: nobody, expiresAt: new Date(h.clock.now().getTime() + DAY) }, 'pruebas', h.clock);
    expect(await list(token)).toEqual([]);
    const none = await call(token, 'GET', '/me');
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('NO_COMPANY_ACCESS');
  });

  it('expired and revoked tokens get 401 in Spanish', async () => {
    const user = people.auxiliar.user!;
    const { token: short } = await createPersonalToken(h.db, { user, expiresAt: new Date(h.clock.now().getTime() + DAY) }, 'pruebas', h.clock);
    expect((await call(short, 'GET', '/me')).status).toBe(200);
    h.clock.advance(DAY);
    const expired = await call(short, 'GET', '/me');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: { code: 'TOKEN_EXPIRED', message: expect.stringMatching(/^Tu token venció el 2026-03-11: pide uno nuevo/) } });
    // The 90-day token of the same person still works.
    expect((await call(people.auxiliar.token, 'GET', '/me')).status).toBe(200);

    const [row] = await h.db.selectFrom('apiToken').select('id').where('userId', '=', user.id).orderBy('createdAt').execute();
    await revokeToken(h.db, row!.id, 'pruebas', h.clock);
    const revoked = await call(people.auxiliar.token, 'GET', '/me');
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: { code: 'TOKEN_REVOKED', message: expect.stringMatching(/^Este token fue revocado el 2026-03-11/) } });
    for (const bad of ['ag_no-existe', '']) {
      const res = await app.request('/api/v1/me', { headers: bad ? { Authorization: `Bearer ${bad}` } : {} });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Token inválido o ausente/);
    }
  });

  it('keeps lastUsedAt, written at most once a minute per token', async () => {
    const user = people.contador.user!;
    const lastUsed = async () => (await h.db.selectFrom('apiToken').select('lastUsedAt').where('userId', '=', user.id).executeTakeFirstOrThrow()).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const first = h.clock.now().toISOString();
    await call(people.contador.token, 'GET', '/me');
    expect(await lastUsed()).toBe(first);
    h.clock.advance(LAST_USED_RESOLUTION_MS - 1000);
    for (let i = 0; i < 5; i++) await call(people.contador.token, 'GET', '/bills');
    expect(await lastUsed()).toBe(first);
    h.clock.advance(1000);
    await call(people.contador.token, 'GET', '/bills');
    expect(await lastUsed()).toBe(h.clock.now().toISOString());
  });

  it('the audit trail names the person: activation, pause, verification, correction, manual registration, settings', async () => {
    const { contador, auxiliar } = people;
    const A = h.company.nit;
    // Arrived before activation: only a person may register it, by hand.
    const [arrival] = (await h.ingest(invoiceXml('AUD-1'))).documents;
    expect((await call(contador.token, 'POST', '/agent/activate', { body: { mode: 'recent' }, company: A })).status).toBe(200);
    h.clock.advance(1000);
    expect((await call(contador.token, 'POST', '/agent/pause', { company: A })).status).toBe(200);
    h.clock.advance(1000);
    // X-Usuario cannot pass a named person off as someone else.
    expect((await call(contador.token, 'POST', '/agent/resume', { company: A, headers: { 'X-Usuario': 'Otra Persona' } })).status).toBe(200);
    const events = (await (await call(auxiliar.token, 'GET', '/agent/events', { company: A })).json()) as { type: string; actor: string; actorId: string }[];
    expect(events.map((e) => [e.type, e.actor, e.actorId])).toEqual([
      ['resumed', 'Carla Contadora', contador.user!.id],
      ['paused', 'Carla Contadora', contador.user!.id],
      ['activated', 'Carla Contadora', contador.user!.id],
    ]);

    const registered = (await (await call(auxiliar.token, 'POST', `/documents/${arrival!.id}/register`, { company: A })).json()) as { outcome: { status: string; billId: string }; document: InboxDocument };
    expect(registered.outcome.status).toBe('registered');
    const bill = (await (await call(auxiliar.token, 'GET', `/bills/${registered.outcome.billId}`, { company: A })).json()) as Bill;
    const line = bill.lines[0]!;
    const verified = (await (await call(auxiliar.token, 'PATCH', `/bills/${bill.id}/lines/${line.id}`, { company: A, body: { accountCode: line.accountCode } })).json()) as Bill;
    expect(verified.lines[0]!.explanation).toBe('Verificada por Andrés Auxiliar');
    const corrected = (await (await call(auxiliar.token, 'PATCH', `/bills/${bill.id}/lines/${line.id}`, { company: A, body: { accountCode: '519530' } })).json()) as Bill;
    expect(corrected.lines[0]!.explanation).toBe(`Corregida por Andrés Auxiliar (antes ${line.accountCode})`);
    const corrections = await h.db.selectFrom('lineCorrection').select(['actor', 'actorId', 'newAccountCode']).where('billLineId', '=', line.id).orderBy('at').execute();
    expect(corrections).toEqual([
      { actor: 'Andrés Auxiliar', actorId: auxiliar.user!.id, newAccountCode: line.accountCode },
      { actor: 'Andrés Auxiliar', actorId: auxiliar.user!.id, newAccountCode: '519530' },
    ]);

    h.clock.advance(1000);
    expect((await call(contador.token, 'PATCH', '/company', { company: A, body: { icaMunicipality: '11001', fixedAssetIva: 'discount' } })).status).toBe(200);
    h.clock.advance(1000);
    expect((await call(contador.token, 'PUT', '/me/trusted-suppliers', { company: A, body: { nits: ['860000111'] } })).status).toBe(200);
    // Refused changes leave no trace: nothing changed.
    expect((await call(auxiliar.token, 'PATCH', '/company', { company: A, body: { icaMunicipality: '05001' } })).status).toBe(403);

    const audit = await listAudit(h.db, h.company.id);
    const mine = audit.filter((e) => e.type === 'manual_registration' || e.type === 'settings_changed');
    expect(mine.map((e) => [e.type, e.actor, e.actorId, e.details])).toEqual([
      ['settings_changed', 'Carla Contadora', contador.user!.id, { route: 'PUT /me/trusted-suppliers', fields: ['nits'] }],
      ['settings_changed', 'Carla Contadora', contador.user!.id, { route: 'PATCH /company', fields: ['fixedAssetIva', 'icaMunicipality'] }],
      ['manual_registration', 'Andrés Auxiliar', auxiliar.user!.id, { documentId: arrival!.id, number: 'AUD-1', outcome: 'registered', billId: bill.id }],
    ]);
    // The panel reads the same trail.
    const listed = (await (await call(auxiliar.token, 'GET', '/audit', { company: A })).json()) as unknown[];
    expect(listed).toHaveLength(audit.length);
  });

  it('an administrador gives and takes roles in their company, and only there', async () => {
    const admin = people.administrador.token;
    const A = h.company.nit;
    const users = (await (await call(admin, 'GET', '/users', { company: A })).json()) as { login: string; role: string }[];
    expect(users.map((u) => [u.login, u.role])).toEqual([
      ['admi', 'administrador'],
      ['administrador', 'administrador'],
      ['auxi', 'auxiliar'],
      ['cont', 'contador'],
    ]);
    h.clock.advance(1000);
    expect((await call(admin, 'PUT', '/users/auxi/role', { company: A, body: { role: 'contador' } })).status).toBe(200);
    expect((await call(people.auxiliar.token, 'POST', '/agent/activate', { company: A, body: { mode: 'recent' } })).status).toBe(200);
    expect((await call(admin, 'PUT', '/users/auxi/role', { company: other.nit, body: { role: 'contador' } })).status).toBe(403);
    h.clock.advance(1000);
    expect((await call(admin, 'DELETE', '/users/auxi/role', { company: A })).status).toBe(200);
    expect((await call(people.auxiliar.token, 'GET', '/bills', { company: A })).status).toBe(403);
    const trail = (await listAudit(h.db, h.company.id)).filter((e) => e.type.startsWith('role_')).map((e) => [e.type, e.actor]);
    expect(trail.slice(0, 2)).toEqual([
      ['role_revoked', 'Alba Administradora'],
      ['role_granted', 'Alba Administradora'],
    ]);
  });
});
