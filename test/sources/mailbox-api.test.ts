import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../server/agent/agent';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import type { CompanyProfile } from '#shared/company';
import { SecretBox } from '../../server/secrets/secret-box';
import { writeMailboxState } from '../../server/sources/mailbox-state';
import { freePort } from '../support/dovecot';
import { agentWithCompany } from './agent-setup';
import { forEachEngine } from '../support/engines';

const KEY = randomBytes(32).toString('base64');
const PASSWORD = 'contraseña-de-aplicación-7x!';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

forEachEngine((engine) => {
  describe('API /api/v1/mailbox', () => {
    let previousKey: string | undefined;
    let agent: Agent;
    let company: CompanyProfile;
    let token: string;
    let close: () => Promise<void>;
    let app: ReturnType<typeof createApp>;

    beforeAll(() => {
      previousKey = process.env.AGENTE_SECRET_KEY;
      process.env.AGENTE_SECRET_KEY = KEY;
    });
    afterAll(() => {
      if (previousKey === undefined) delete process.env.AGENTE_SECRET_KEY;
      else process.env.AGENTE_SECRET_KEY = previousKey;
    });
    beforeEach(async () => {
      ({ agent, company, close } = await agentWithCompany({ engine }));
      token = await createToken(agent.db, 'prueba', agent.clock);
      app = createApp(agent);
    });
    afterEach(async () => {
      await close();
    });

    const call = (method: string, path: string, body?: unknown) =>
      app.request(`/api/v1/mailbox${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });

    const settings = { host: 'imap.empresa.test', user: 'facturas@empresa.test', password: PASSWORD };

    it('PUT stores the mailbox with the password sealed; no response ever carries it', async () => {
      const put = await call('PUT', '', settings);
      expect(put.status).toBe(200);
      const putText = await put.text();
      expect(putText).not.toContain(PASSWORD);
      expect(JSON.parse(putText)).toMatchObject({ host: 'imap.empresa.test', port: 993, security: 'tls', user: 'facturas@empresa.test', folder: 'INBOX', enabled: true, hasPassword: true });
      expect(JSON.parse(putText)).not.toHaveProperty('password');
      expect(JSON.parse(putText)).not.toHaveProperty('passwordSealed');

      const get = await call('GET', '');
      const getText = await get.text();
      expect(get.status).toBe(200);
      expect(getText).not.toContain(PASSWORD);
      expect(JSON.parse(getText).status).toMatchObject({ state: 'stopped', lastUid: 0, failures: 0 });

      const row = await agent.db.selectFrom('mailboxConfig').selectAll().where('companyId', '=', company.id).executeTakeFirstOrThrow();
      expect(row.passwordSealed).not.toContain(PASSWORD);
      expect(row.passwordSealed.startsWith('v1.')).toBe(true);
      expect(SecretBox.fromKey(Buffer.from(KEY, 'base64')).open(row.passwordSealed)).toBe(PASSWORD);
      // Another key (a copied database without the key file) cannot open it.
      expect(() => SecretBox.fromKey(randomBytes(32)).open(row.passwordSealed)).toThrow(/llave/);
    });

    it('PUT without a password keeps the stored one; the first PUT needs one', async () => {
      const first = await call('PUT', '', { host: 'imap.empresa.test', user: 'facturas@empresa.test' });
      expect(first.status).toBe(400);
      expect((await first.json()).error.code).toBe('MAILBOX_PASSWORD_REQUIRED');
      await call('PUT', '', settings);
      const again = await call('PUT', '', { host: 'imap.empresa.test', user: 'facturas@empresa.test', folder: 'Facturas' });
      expect(again.status).toBe(200);
      expect((await again.json()).folder).toBe('Facturas');
      const row = await agent.db.selectFrom('mailboxConfig').select('passwordSealed').executeTakeFirstOrThrow();
      expect(SecretBox.fromKey(Buffer.from(KEY, 'base64')).open(row.passwordSealed)).toBe(PASSWORD);
    });

    it('refuses plain text towards another machine, and invalid input, in Spanish', async () => {
      const insecure = await call('PUT', '', { ...settings, security: 'none' });
      expect(insecure.status).toBe(400);
      const body = await insecure.json();
      expect(body.error.code).toBe('MAILBOX_INSECURE');
      expect(body.error.message).toContain('cifrado');
      const badPort = await call('PUT', '', { ...settings, port: 70000 });
      expect(badPort.status).toBe(400);
      expect((await badPort.json()).error.message).toContain('port');
      expect((await call('PUT', '', { ...settings, security: 'none', host: '127.0.0.1' })).status).toBe(200);
    });

    it('pointing at another mailbox discards the reading checkpoint; a password change keeps it', async () => {
      await call('PUT', '', settings);
      const account = 'facturas@empresa.test@imap.empresa.test:993/INBOX';
      await writeMailboxState(agent.db, company.id, account, { uidValidity: '42', lastUid: 17, status: 'listening' }, new Date());
      await call('PUT', '', { ...settings, password: 'otra' });
      expect((await (await call('GET', '')).json()).status.lastUid).toBe(17);
      await call('PUT', '', { ...settings, host: 'imap.otro.test' });
      expect((await (await call('GET', '')).json()).status.lastUid).toBe(0);
      expect(await agent.db.selectFrom('mailboxState').selectAll().execute()).toEqual([]);
    });

    it('DELETE forgets it (404 after), and GET without a mailbox says so', async () => {
      const none = await call('GET', '');
      expect(none.status).toBe(404);
      expect((await none.json()).error.code).toBe('MAILBOX_NOT_CONFIGURED');
      await call('PUT', '', settings);
      const del = await call('DELETE', '');
      expect(del.status).toBe(200);
      expect(await del.json()).toEqual({ removed: true });
      expect((await call('GET', '')).status).toBe(404);
      expect((await call('DELETE', '')).status).toBe(404);
      expect(await agent.db.selectFrom('mailboxConfig').selectAll().execute()).toEqual([]);
    });

    it('POST /test reports a refused connection with a stable code and a Spanish message (no crash)', async () => {
      const port = await freePort();
      await call('PUT', '', { ...settings, host: '127.0.0.1', port, security: 'none' });
      const res = await call('POST', '/test', {});
      expect(res.status).toBe(200);
      const result = await res.json();
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('CONNECTION_REFUSED');
      expect(result.error.message).toContain(`127.0.0.1:${port}`);
    });

    it('the extension may call PUT and DELETE (CORS preflight)', async () => {
      const res = await app.request('/api/v1/mailbox', { method: 'OPTIONS', headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'PUT' } });
      expect(res.status).toBe(204);
      const allowed = res.headers.get('access-control-allow-methods') ?? '';
      expect(allowed).toContain('PUT');
      expect(allowed).toContain('DELETE');
    });

    it('GET /messages lists what was read, and the raw copy is downloadable', async () => {
      await call('PUT', '', settings);
      const now = new Date().toISOString();
      const raw = Buffer.from('Subject: x\r\n\r\ncuerpo\r\n');
      await agent.db.insertInto('fileBlob').values({ sha256: 'abc', size: raw.length, bytes: raw }).execute();
      await agent.db
        .insertInto('mailboxMessage')
        .values({ id: 'm1', companyId: company.id, messageKey: '<m1@x>', messageId: '<m1@x>', partsDigest: 'd', account: 'a', folder: 'INBOX', uid: 3, uidValidity: '1', subject: 'x', sender: null, dianSubject: null, internalDate: now, size: raw.length, rawSha256: 'abc', status: 'received', reasonCode: null, reason: null, createdAt: now, updatedAt: now })
        .execute();
      const list = await (await call('GET', '/messages')).json();
      expect(list).toEqual({ items: [expect.objectContaining({ id: 'm1', status: 'received', uid: 3, hasRaw: true, refused: false })], total: 1, limit: 50, offset: 0, nextOffset: null });
      const bad = await call('GET', '/messages?limit=abc');
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toEqual({ code: 'INVALID_PAGE', message: '«limit» debe ser un número entero entre 1 y 500, no «abc».' });
      const download = await call('GET', '/messages/m1/raw');
      expect(download.headers.get('content-type')).toBe('message/rfc822');
      expect(Buffer.from(await download.arrayBuffer()).equals(raw)).toBe(true);
      expect((await call('GET', '/messages/nada/raw')).status).toBe(404);
    });
  });
});
