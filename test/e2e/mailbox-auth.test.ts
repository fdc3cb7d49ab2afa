import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyProfile } from '#shared/company';
import type { Agent } from '../../server/agent/agent';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { SecretBox } from '../../server/secrets/secret-box';
import { MailboxManager } from '../../server/sources/mailbox-manager';
import { DEFAULT_USER, eventually, startDovecot, type Dovecot } from '../support/dovecot';
import { agentWithCompany, COMPANY_NIT } from '../sources/agent-setup';
import { dianMessage } from '../sources/mail-fixtures';

/**
 * A wrong password against a real Dovecot: a clear Spanish error in the mailbox status (API), login attempts spaced
 * by a growing delay (never a tight loop, no crash), and recovery as soon as the right password is saved.
 */
describe('reception mailbox: wrong password (real Dovecot)', () => {
  const KEY = randomBytes(32).toString('base64');
  const previousKey = process.env.AGENTE_SECRET_KEY;
  let dovecot: Dovecot;
  let agent: Agent;
  let company: CompanyProfile;
  let manager: MailboxManager;
  let api: (method: string, path: string, body?: unknown) => Promise<Response>;

  beforeAll(async () => {
    process.env.AGENTE_SECRET_KEY = KEY;
    dovecot = await startDovecot();
    ({ agent, company } = await agentWithCompany({ activateAt: new Date(Date.now() - 60_000) }));
    agent.start();
    const app = createApp(agent);
    const token = await createToken(agent.db, 'e2e', agent.clock);
    api = async (method, path, body) =>
      app.request(`/api/v1/mailbox${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    // The real policy waits a minute after the first refusal; here 1 s, doubling, so the test sees several attempts.
    manager = new MailboxManager(agent, { box: SecretBox.fromKey(Buffer.from(KEY, 'base64')), retry: { minMs: 200, maxMs: 1_000, authMinMs: 1_000, authMaxMs: 8_000 }, reloadIntervalMs: 600_000, log: () => undefined });
    await manager.start();
  });

  afterAll(async () => {
    await manager?.stop();
    await agent?.stop();
    await agent?.db.destroy();
    await dovecot?.destroy();
    if (previousKey === undefined) delete process.env.AGENTE_SECRET_KEY;
    else process.env.AGENTE_SECRET_KEY = previousKey;
  });

  const base = () => ({ host: '127.0.0.1', port: dovecot.port, security: 'none', user: DEFAULT_USER.user });

  it('the connection test says the password was refused', async () => {
    const res = await api('POST', '/test', { ...base(), password: 'equivocada' });
    const result = await res.json();
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('AUTH_FAILED');
    expect(result.error.message).toContain('rechazó el usuario «facturas@empresa.test» o la contraseña');
  });

  it('a wrong folder is named in the error', async () => {
    const result = await (await api('POST', '/test', { ...base(), password: DEFAULT_USER.password, folder: 'Facturas' })).json();
    expect(result.error).toMatchObject({ code: 'FOLDER_NOT_FOUND' });
    expect(result.error.message).toContain('«Facturas»');
  });

  it('shows a clear error, retries with a growing delay and recovers when the password is fixed', async () => {
    const [uid] = await dovecot.append([dianMessage({ customerNit: COMPANY_NIT, seed: 'auth-1' }).raw]);
    expect((await api('PUT', '', { ...base(), password: 'equivocada' })).status).toBe(200);

    await eventually(async () => (await (await api('GET', '')).json()).status.state === 'auth_failed', 'el estado auth_failed');
    const view = await (await api('GET', '')).json();
    expect(view.status.error.code).toBe('AUTH_FAILED');
    expect(view.status.error.message).toMatch(/rechazó el usuario .* o la contraseña.*contraseña de aplicación/);
    expect(Date.parse(view.status.nextAttemptAt)).toBeGreaterThan(Date.parse(view.status.error.at));

    // Watch for a while: attempts are spaced by 1 s, 2 s, 4 s… plus Dovecot's own 2 s delay on each refusal.
    const watcher = manager.watcher(company.id)!;
    const startedAt = Date.now();
    const attemptsBefore = watcher.attempts;
    await new Promise((r) => setTimeout(r, 8_000));
    const attempts = watcher.attempts - attemptsBefore;
    const seconds = (Date.now() - startedAt) / 1000;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(3);
    // Between two attempts (not in the middle of one), the server saw exactly the attempts the agent made: no
    // hidden reconnect loop inside the client.
    await eventually(async () => {
      const status = (await (await api('GET', '')).json()).status;
      return status.state === 'auth_failed' && status.failures === watcher.attempts;
    }, 'una pausa entre intentos');
    const refused = ((await dovecot.log()).match(/auth failed/gi) ?? []).length;
    expect(refused).toBe(watcher.attempts + 1); // + the connection test above
    expect((await (await api('GET', '')).json()).status.failures).toBe(watcher.attempts);
    expect(seconds).toBeGreaterThan(7);
    expect(await agent.db.selectFrom('mailboxMessage').selectAll().execute()).toEqual([]);
    expect((await dovecot.flags()).get(uid!)!.size).toBeLessThanOrEqual(1);

    // The right password: the running watcher is replaced at once and reads the waiting message.
    expect((await api('PUT', '', { ...base(), password: DEFAULT_USER.password })).status).toBe(200);
    await eventually(async () => (await agent.db.selectFrom('bill').select('id').execute()).length === 1, 'la factura que esperaba', 20_000);
    const after = await (await api('GET', '')).json();
    expect(after.status).toMatchObject({ state: 'listening', failures: 0 });
    expect(after.status.error).toBeUndefined();
  });
});
