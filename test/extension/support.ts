import { fakeBrowser } from 'wxt/testing';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createApp } from '../../server/api/app';
import { createToken } from '../../server/api/tokens';
import { createCompany } from '../../server/companies/companies';
import { openDatabase, type Db } from '../../server/db/database';
import { createBackgroundListener } from '../../extension/lib/background-relay';
import { clearToken, readConnection, saveConnection } from '../../extension/lib/storage';
import { encoder, fixtureText, retarget } from '../support/fixtures';

/** The address the tests' background "calls": requests go to the real Hono app in memory, not to a socket. */
export const TEST_SERVER_URL = 'http://127.0.0.1:8787';

export interface TestAgent {
  agent: Agent;
  db: Db;
  clock: ManualClock;
  token: string;
  /** Saves a working connection, as after the first-run step. */
  connect(): Promise<void>;
  /** Creates the company the panel greets. */
  createCompany(): Promise<{ id: string; nit: string }>;
  /** Turns the agent on from now ("Registrar los más recientes"), as the company's user would. */
  activate(companyId: string): Promise<void>;
  /** Receives a retargeted DIAN sample now and lets the agent process it. */
  receive(companyNit: string, sample: string, number: string): Promise<void>;
}

/**
 * The real agent behind the extension's real background relay: components under test talk through the same
 * messages, typed client and API routes as in the browser, on an in-memory SQLite database.
 */
export async function startTestAgent(start = '2026-11-27T14:00:00Z'): Promise<TestAgent> {
  fakeBrowser.reset();
  const db = await openDatabase(':memory:');
  const clock = new ManualClock(start);
  const agent = new Agent(db, { clock });
  const token = await createToken(db, 'pruebas de componentes', clock);
  const app = createApp(agent);
  fakeBrowser.runtime.onMessage.addListener(
    createBackgroundListener({
      // Only the agent's address answers; anything else is a refused connection, as on a machine where nothing listens.
      fetch: async (url, init) => {
        if (new URL(url).origin !== TEST_SERVER_URL) throw new TypeError('fetch failed');
        return app.request(url, init);
      },
      settings: { read: readConnection, save: saveConnection, clearToken },
    }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0],
  );
  return {
    agent,
    db,
    clock,
    token,
    connect: () => saveConnection({ serverUrl: TEST_SERVER_URL, token, companyNit: '' }),
    createCompany: () => createCompany(db, { nit: '900108281', name: 'Ópticas GMO S.A.S.', userName: 'Diana Gómez', ciiu: ['4773'] }, clock),
    activate: async (companyId) => {
      await activateAgent(db, companyId, 'recent', 'Diana Gómez', clock);
    },
    receive: async (companyNit, sample, number) => {
      const company = await db.selectFrom('company').select('id').where('nit', '=', companyNit).executeTakeFirstOrThrow();
      const xml = retarget(fixtureText(sample), { customerNit: companyNit, number, cufeSeed: `${sample}-${number}`, issueDate: '2026-11-26' });
      await agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'upload', sourceRef: `${number}.xml` });
      await agent.processor.runPending();
    },
  };
}

/**
 * The usual start of a component test: the agent, the extension connected to it, the test company, and the agent
 * switched on `advanceMs` ago (documents received from then on are registered).
 */
export async function startActiveTestAgent(advanceMs = 60_000): Promise<{ agent: TestAgent; company: { id: string; nit: string } }> {
  const agent = await startTestAgent();
  await agent.connect();
  const company = await agent.createCompany();
  await agent.activate(company.id);
  agent.clock.advance(advanceMs);
  return { agent, company };
}
