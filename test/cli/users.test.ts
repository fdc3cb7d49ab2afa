import { afterAll, describe, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { startApiServer } from '../../server/api/serve';
import { openDatabase } from '../../server/db/database';
import { tempDir } from '../support/agent-harness';
import { runAgente, type CliRun } from '../support/cli';

/** `agente users …` and `agente token …` as an office uses them, each a real process on one database file. */
describe('users and personal tokens at the console', { timeout: 180_000 }, () => {
  const tmp = tempDir('agente-users-');
  const db = tmp.file('agente.db');
  afterAll(() => tmp.remove());

  const agente = (...args: string[]): Promise<CliRun> => runAgente(['--db', db, ...args], { env: { ...process.env, USER: 'jefe' } });
  async function ok<T>(...args: string[]): Promise<T> {
    const run = await agente(...args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout) as T;
  }
  async function fails(message: RegExp, ...args: string[]): Promise<void> {
    const run = await agente(...args);
    expect(run.code, args.join(' ')).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  }
  /** One request to the API on this database, as the extension would make it. */
  async function api(token: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
    const database = await openDatabase(db);
    const server = await startApiServer(new Agent(database), { port: 0 });
    try {
      const res = await fetch(`${server.url}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
      return { status: res.status, body: await res.json() };
    } finally {
      await server.close();
      await database.destroy();
    }
  }

  let anaToken = '';
  let anaTokenId = '';

  it('adds people, gives them roles and lists them', async () => {
    expect((await agente('init')).code).toBe(0);
    await ok('company', 'create', '--nit', '900123456', '--name', 'Comercializadora Prueba SAS', '--user', 'Ana');
    await ok('company', 'create', '--nit', '800111222', '--name', 'Otra Empresa SAS', '--user', 'Beto');
    const ana = await ok<{ login: string; displayName: string; roles: unknown[] }>('users', 'add', 'Ana.Gomez', '--nombre', 'Ana Gómez', '--empresa', '900.123.456', '--rol', 'auxiliar');
    expect(ana).toMatchObject({ login: 'ana.gomez', displayName: 'Ana Gómez', generalAdmin: false, roles: [{ nit: '900123456', role: 'auxiliar' }] });
    await fails(/Ya existe el usuario ana.gomez/, 'users', 'add', 'ana.gomez');
    await fails(/El rol «jefe» no existe: usa administrador, contador, auxiliar/, 'users', 'grant', 'ana.gomez', '--empresa', '900123456', '--rol', 'jefe');
    await fails(/No hay ninguna empresa con NIT o id «811999999»/, 'users', 'grant', 'ana.gomez', '--empresa', '811999999', '--rol', 'contador');
    await fails(/No existe el usuario «pedro»/, 'users', 'grant', 'pedro', '--empresa', '900123456', '--rol', 'contador');
    expect(await ok('users', 'grant', 'ana.gomez', '--empresa', '900123456', '--rol', 'contador')).toMatchObject({ login: 'ana.gomez', role: 'contador', nit: '900123456' });
    const list = await ok<{ login: string; roles: { nit: string; role: string }[]; activeTokens: number }[]>('users', 'list');
    expect(list.map((u) => [u.login, u.roles.map((r) => `${r.nit}:${r.role}`), u.activeTokens])).toEqual([['ana.gomez', ['900123456:contador'], 0]]);
    expect((await ok<{ login: string }[]>('users', 'list', '--empresa', '800111222')).map((u) => u.login)).toEqual([]);
  });

  it('creates a personal token that expires, lists it without the secret, and the API knows the person', async () => {
    const created = await agente('token', 'create', '--user', 'ana.gomez', '--expires', '30d');
    expect(created.code, created.stderr).toBe(0);
    anaToken = created.stdout.trim();
    expect(anaToken).toMatch(/^ag_[A-Za-z0-9_-]{40,}$/);
    expect(created.stderr).toMatch(/Token [0-9a-f-]{36} de ana.gomez: vale hasta el \d{4}-\d{2}-\d{2}.*no se volverá a mostrar/);
    await fails(/no es un vencimiento: escribe días \(por ejemplo 90d\) o una fecha AAAA-MM-DD/, 'token', 'create', '--user', 'ana.gomez', '--expires', 'pronto');
    await fails(/El vencimiento ya pasó/, 'token', 'create', '--user', 'ana.gomez', '--expires', '2020-01-01');
    await fails(/como máximo 730 días/, 'token', 'create', '--user', 'ana.gomez', '--expires', '1000d');

    const tokens = await ok<{ id: string; login: string; kind: string; expiresAt: string; lastUsedAt: string | null; active: boolean }[]>('token', 'list', '--user', 'ana.gomez');
    expect(tokens).toHaveLength(1);
    anaTokenId = tokens[0]!.id;
    expect(tokens[0]).toMatchObject({ login: 'ana.gomez', kind: 'personal', lastUsedAt: null, active: true });
    const days = (Date.parse(tokens[0]!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(JSON.stringify(tokens)).not.toContain(anaToken.slice(3));

    const me = await api(anaToken, '/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ company: { nit: '900123456' }, user: { name: 'Ana Gómez', role: 'contador', login: 'ana.gomez' } });
    expect((await api(anaToken, '/companies')).body.map((c: { nit: string }) => c.nit)).toEqual(['900123456']);
    expect((await ok<{ lastUsedAt: string | null }[]>('token', 'list', '--user', 'ana.gomez'))[0]!.lastUsedAt).not.toBeNull();
  });

  it('records the console, or the person named with --usuario, in the audit trail', async () => {
    await ok('--company', '900123456', 'agent', 'activate');
    await ok('--company', '900123456', '--usuario', 'ana.gomez', 'agent', 'pause');
    const status = await ok<{ events: { type: string; actor: string; actorId?: string }[] }>('--company', '900123456', 'agent', 'status');
    expect(status.events.map((e) => [e.type, e.actor, Boolean(e.actorId)])).toEqual([
      ['paused', 'Ana Gómez', true],
      ['activated', 'consola (jefe)', false],
    ]);
    await ok('--company', '900123456', '--usuario', 'ana.gomez', 'company', 'update', '--municipio-ica', '11001');
    const audit = await api(anaToken, '/audit', { headers: { 'X-Empresa': '900123456' } });
    expect(audit.body.filter((e: { type: string }) => e.type === 'settings_changed')).toEqual([
      expect.objectContaining({ actor: 'Ana Gómez', actorId: expect.any(String), details: { command: 'company update', fields: ['icaMunicipality'] } }),
    ]);
    // A person acts only on their own companies, even at the console.
    await fails(/ana.gomez no trabaja en Otra Empresa SAS/, '--company', '800111222', '--usuario', 'ana.gomez', 'agent', 'activate');
    await fails(/No existe el usuario «nadie»/, '--company', '900123456', '--usuario', 'nadie', 'agent', 'resume');
  });

  it('revokes a token and a role; the first start’s `agente token` still works beside personal tokens', async () => {
    const installation = await agente('token');
    expect(installation.code, installation.stderr).toBe(0);
    const adminToken = installation.stdout.trim();
    expect((await api(adminToken, '/companies')).body).toHaveLength(2);

    // Rotating the installation token leaves personal tokens alone.
    const rotated = await agente('token', '--label', 'otra');
    expect(rotated.stderr).toMatch(/tokens de instalación anteriores quedaron revocados; los tokens personales siguen vigentes/);
    expect((await api(adminToken, '/companies')).status).toBe(401);
    expect((await api(anaToken, '/me')).status).toBe(200);

    expect(await ok('token', 'revoke', anaTokenId)).toMatchObject({ id: anaTokenId, active: false, revokedAt: expect.any(String) });
    const revoked = await api(anaToken, '/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toMatchObject({ code: 'TOKEN_REVOKED', message: expect.stringMatching(/^Este token fue revocado/) });
    await fails(/No existe el token no-existe/, 'token', 'revoke', 'no-existe');

    expect(await ok('users', 'revoke', 'ana.gomez', '--empresa', '900123456')).toMatchObject({ login: 'ana.gomez', removed: true });
    const fresh = await agente('token', 'create', '--user', 'ana.gomez');
    expect((await api(fresh.stdout.trim(), '/me')).body.error.code).toBe('NO_COMPANY_ACCESS');
    expect(await ok('users', 'revoke', 'ana.gomez', '--todas')).toMatchObject({ rolesRemoved: 0, tokensRevoked: 1 });
    expect((await api(fresh.stdout.trim(), '/me')).status).toBe(401);
  });
});
