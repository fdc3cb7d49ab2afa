import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../server/agent/agent';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { SecretBox } from '../../server/secrets/secret-box';
import { agentWithCompany } from './agent-setup';

const KEY = randomBytes(32).toString('base64');
const STORED = 'clave-guardada-para-A-91x';
const NEW = 'clave-nueva-para-B-27z';

/**
 * A listener that speaks just enough IMAP for a client to log in (and always refuses the login), recording every
 * byte it receives: where a password went is read from here, not assumed.
 */
interface Listener {
  port: number;
  received(): string;
  connections(): number;
  close(): Promise<void>;
}

async function imapListener(): Promise<Listener> {
  let bytes = '';
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write('* OK [CAPABILITY IMAP4rev1] listo\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      bytes += chunk.toString('utf8');
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [tag, command] = line.split(' ');
        if (!tag || !command) continue;
        if (/^CAPABILITY$/i.test(command)) socket.write(`* CAPABILITY IMAP4rev1\r\n${tag} OK listo\r\n`);
        else if (/^LOGOUT$/i.test(command)) socket.end(`* BYE\r\n${tag} OK adiós\r\n`);
        else socket.write(`${tag} NO [AUTHENTICATIONFAILED] usuario o contraseña inválidos\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sin puerto');
  return {
    port: address.port,
    received: () => bytes,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the stored mailbox password only goes to the server and user it was saved for', () => {
  let previousKey: string | undefined;
  let agent: Agent;
  let token: string;
  let app: ReturnType<typeof createApp>;
  let a: Listener;
  let b: Listener;

  beforeAll(() => {
    previousKey = process.env.AGENTE_SECRET_KEY;
    process.env.AGENTE_SECRET_KEY = KEY;
  });
  afterAll(() => {
    if (previousKey === undefined) delete process.env.AGENTE_SECRET_KEY;
    else process.env.AGENTE_SECRET_KEY = previousKey;
  });
  beforeEach(async () => {
    ({ agent } = await agentWithCompany());
    token = await createToken(agent.db, 'prueba', agent.clock);
    app = createApp(agent);
    a = await imapListener();
    b = await imapListener();
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await agent.db.destroy();
  });

  const call = (method: string, path: string, body?: unknown) =>
    app.request(`/api/v1/mailbox${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
  const stored = () => ({ host: '127.0.0.1', port: a.port, security: 'none', user: 'facturas@empresa.test' });
  const storedPassword = async () => SecretBox.fromKey(Buffer.from(KEY, 'base64')).open((await agent.db.selectFrom('mailboxConfig').select('passwordSealed').executeTakeFirstOrThrow()).passwordSealed);

  it('the test of the stored settings does send it to the server it was saved for (the listener sees passwords)', async () => {
    expect((await call('PUT', '', { ...stored(), password: STORED })).status).toBe(200);
    const res = await call('POST', '/test', {});
    expect((await res.json()).error.code).toBe('AUTH_FAILED');
    expect(a.received()).toContain(STORED);
  });

  it('a connection test towards another port, host, user or security without the password is refused before connecting', async () => {
    expect((await call('PUT', '', { ...stored(), password: STORED })).status).toBe(200);
    for (const change of [{ port: b.port }, { host: 'localhost', port: b.port }, { port: a.port, user: 'otro@empresa.test' }, { port: a.port, security: 'starttls' }]) {
      const res = await call('POST', '/test', { ...stored(), ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('MAILBOX_PASSWORD_REQUIRED');
      expect(body.error.message).toMatch(/^Cambiaste (el servidor|el puerto|el usuario|la seguridad).*escribe la contraseña otra vez/);
    }
    expect(b.connections()).toBe(0);
    expect(b.received()).not.toContain(STORED);
    expect(a.received()).not.toContain(STORED);
  });

  it('with the password typed again the test goes to the new server, carrying only the new password', async () => {
    expect((await call('PUT', '', { ...stored(), password: STORED })).status).toBe(200);
    const res = await call('POST', '/test', { ...stored(), port: b.port, password: NEW });
    expect((await res.json()).error.code).toBe('AUTH_FAILED');
    expect(b.received()).toContain(NEW);
    expect(b.received()).not.toContain(STORED);
  });

  it('a PUT that moves the mailbox without the password changes nothing; with it, the new password is stored', async () => {
    expect((await call('PUT', '', { ...stored(), password: STORED })).status).toBe(200);
    const moved = await call('PUT', '', { ...stored(), port: b.port });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error).toMatchObject({ code: 'MAILBOX_PASSWORD_REQUIRED', message: expect.stringContaining('el puerto') });
    expect((await (await call('GET', '')).json()).port).toBe(a.port);
    // Nothing was sent by the refused change, and the stored test still goes only to A.
    await call('POST', '/test', {});
    expect(b.connections()).toBe(0);

    // Same server and user, another folder: no password needed.
    expect((await call('PUT', '', { ...stored(), folder: 'Facturas' })).status).toBe(200);
    expect(await storedPassword()).toBe(STORED);

    expect((await call('PUT', '', { ...stored(), port: b.port, password: NEW })).status).toBe(200);
    expect(await storedPassword()).toBe(NEW);
    await call('POST', '/test', {});
    expect(b.received()).toContain(NEW);
    expect(b.received()).not.toContain(STORED);
  });
});

describe('the Alegra token only goes to the account it was saved for', () => {
  it('connecting (the only way to change the URL or the user) always needs the token', async () => {
    const { agent } = await agentWithCompany();
    try {
      const token = await createToken(agent.db, 'prueba', agent.clock);
      const res = await createApp(agent).request('/api/v1/alegra/connect', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'otra@empresa.test', baseUrl: 'http://127.0.0.1:9' }),
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/token/);
    } finally {
      await agent.db.destroy();
    }
  });
});
