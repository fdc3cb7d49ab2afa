import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { openDatabase, type Db } from '../../server/db/database';
import { createCompany } from '../../server/companies/companies';
import { systemClock } from '../../server/agent/clock';
import { COMPANY_NIT, invoiceXml, tempDir } from '../support/agent-harness';
import { encoder } from '../support/fixtures';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<{ value: T; elapsed: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, elapsed: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`No ocurrió en ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('continuous processing', () => {
  const tmp = tempDir();
  const open: { agent: Agent; db: Db }[] = [];
  afterEach(async () => {
    for (const { agent, db } of open.splice(0)) {
      await agent.stop();
      await db.destroy();
    }
  });

  async function start(file: string, sweepIntervalMs = 3000) {
    const db = await openDatabase(file);
    const agent = new Agent(db, { sweepIntervalMs });
    open.push({ agent, db });
    return { db, agent };
  }

  const registeredBill = (db: Db, number: string) => async () =>
    (await db.selectFrom('bill').select('id').where('number', '=', number).executeTakeFirst())?.id;

  it('registers a new arrival within seconds of receiving it', async () => {
    const { db, agent } = await start(tmp.file('live.db'), 60_000);
    const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS' }, systemClock);
    await activateAgent(db, company.id, 'recent', 'ana', systemClock);
    agent.start();
    await new Promise((r) => setTimeout(r, 5));
    await agent.ingest({ companyId: company.id, bytes: encoder.encode(invoiceXml('FE-800', { issueDate: new Date().toISOString().slice(0, 10) })), channel: 'upload', sourceRef: 'a.xml' });
    // Woken by the arrival itself: far sooner than the (one minute) sweep.
    const { elapsed } = await waitFor(registeredBill(db, 'FE-800'), 5000);
    expect(elapsed).toBeLessThan(2000);
  });

  it('picks up what another process added to the same database on its next sweep', async () => {
    const file = tmp.file('shared.db');
    const server = await start(file, 200);
    const company = await createCompany(server.db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS' }, systemClock);
    await activateAgent(server.db, company.id, 'recent', 'ana', systemClock);
    server.agent.start();
    const cli = await start(file);
    await cli.agent.ingest({ companyId: company.id, bytes: encoder.encode(invoiceXml('FE-801')), channel: 'cli', sourceRef: 'b.xml' });
    await waitFor(registeredBill(server.db, 'FE-801'), 5000);
    expect(await server.db.selectFrom('inboxDocument').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'registered' });
  });

  it('stops cleanly: nothing is registered after stop()', async () => {
    const { db, agent } = await start(tmp.file('stopped.db'), 50);
    const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS' }, systemClock);
    await activateAgent(db, company.id, 'recent', 'ana', systemClock);
    agent.start();
    await agent.stop();
    await agent.ingest({ companyId: company.id, bytes: encoder.encode(invoiceXml('FE-802')), channel: 'upload', sourceRef: 'c.xml' });
    await new Promise((r) => setTimeout(r, 200));
    expect(await db.selectFrom('inboxDocument').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'pending' });
  });
});
