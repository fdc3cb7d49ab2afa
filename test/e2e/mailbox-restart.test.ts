import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyProfile } from '#shared/company';
import type { Agent } from '../../server/agent/agent';
import type { IngestInput } from '../../server/agent/ingest';
import { SecretBox } from '../../server/secrets/secret-box';
import { saveMailboxConfig } from '../../server/sources/mailbox-config';
import { MailboxManager } from '../../server/sources/mailbox-manager';
import { HANDLED_KEYWORD } from '../../server/sources/mailbox-sync';
import { DEFAULT_USER, eventually, startDovecot, type Dovecot } from '../support/dovecot';
import { agentWithCompany, COMPANY_NIT } from '../sources/agent-setup';
import { dianMessage } from '../sources/mail-fixtures';

/**
 * The IMAP server restarts in the middle of a run: the agent is committing a message when the server goes away.
 * It reconnects with backoff once the server is back, and every message ends up received exactly once.
 */
describe('reception mailbox: server restart in the middle of a run (real Dovecot)', () => {
  let dovecot: Dovecot;
  let agent: Agent;
  let company: CompanyProfile;
  let manager: MailboxManager | undefined;
  let dir: string;
  const box = SecretBox.fromKey(randomBytes(32));
  const logs: string[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = mkdtempSync(join(tmpdir(), 'agente-mailbox-restart-'));
    ({ agent, company } = await agentWithCompany({ file: join(dir, 'agente.db'), activateAt: new Date(Date.now() - 60 * 60_000) }));
    agent.start();
    await saveMailboxConfig(agent.db, box, company.id, { host: '127.0.0.1', port: dovecot.port, security: 'none', user: DEFAULT_USER.user, password: DEFAULT_USER.password }, agent.clock);
  });

  afterAll(async () => {
    await manager?.stop();
    await agent?.stop();
    await agent?.db.destroy();
    await dovecot?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and repeats nothing', async () => {
    const first = Array.from({ length: 30 }, (_, i) => dianMessage({ customerNit: COMPANY_NIT, seed: `restart-a-${i}` }));
    await dovecot.append(first.map((m) => m.raw));

    // The 6th message's ingestion waits until the server is completely down, then commits: the keyword can no
    // longer be set and the rest of the batch cannot be read. That is the worst moment for a restart.
    const realIngest = agent.ingest.bind(agent);
    let calls = 0;
    let stopped: Promise<void> | undefined;
    let handledWhenServerStopped = -1;
    agent.ingest = async (input: IngestInput) => {
      if (++calls === 6) {
        stopped = dovecot.stop();
        await stopped;
        handledWhenServerStopped = calls;
      }
      return realIngest(input);
    };

    manager = new MailboxManager(agent, { box, chunk: { messages: 4, bytes: 10 * 1024 * 1024 }, retry: { minMs: 200, maxMs: 1_000 }, pollIntervalMs: 600_000, log: (m) => logs.push(m) });
    await manager.start();
    await eventually(() => stopped !== undefined, 'la parada del servidor', 30_000);
    await stopped;
    expect(handledWhenServerStopped).toBe(6);
    // While the server is down the watcher fails and waits, with a growing but bounded delay.
    await eventually(async () => (await agent.db.selectFrom('mailboxState').select('status').executeTakeFirst())?.status === 'error', 'el estado de error');
    const down = await agent.db.selectFrom('mailboxState').selectAll().executeTakeFirstOrThrow();
    expect(['CONNECTION_LOST', 'CONNECTION_REFUSED']).toContain(down.errorCode);
    expect(down.errorMessage).toMatch(/conexión/);
    const receivedWhileDown = await agent.db.selectFrom('mailboxMessage').select('id').execute();
    expect(receivedWhileDown.length).toBeLessThan(first.length);

    await dovecot.start();
    const second = Array.from({ length: 10 }, (_, i) => dianMessage({ customerNit: COMPANY_NIT, seed: `restart-b-${i}` }));
    await dovecot.append(second.map((m) => m.raw));

    const all = [...first, ...second];
    await eventually(async () => (await agent.db.selectFrom('bill').select('id').execute()).length === all.length, 'todas las facturas registradas', 60_000);
    await eventually(async () => [...(await dovecot.flags()).values()].every((f) => f.has(HANDLED_KEYWORD)), 'todas las marcas', 20_000);

    // Exactly once: one message record, one received file and one registered document per message.
    expect(await agent.db.selectFrom('mailboxMessage').select('id').execute()).toHaveLength(all.length);
    expect(await agent.db.selectFrom('receivedFile').select('id').execute()).toHaveLength(all.length);
    const docs = await agent.db.selectFrom('inboxDocument').select(['number', 'status']).execute();
    expect(docs.map((d) => d.number).sort()).toEqual(all.map((m) => m.number).sort());
    expect(docs.every((d) => d.status === 'registered')).toBe(true);
    const state = await agent.db.selectFrom('mailboxState').selectAll().executeTakeFirstOrThrow();
    expect(state).toMatchObject({ status: 'listening', failures: 0, errorCode: null });
    expect(manager.watcher(company.id)!.attempts).toBeGreaterThanOrEqual(2);
    expect(logs.some((l) => l.includes('Próximo intento'))).toBe(true);
  });
});
