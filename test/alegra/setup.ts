import { randomBytes } from 'node:crypto';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { connectAlegra, type ClientTuning } from '../../server/alegra/connection';
import { AlegraPusher } from '../../server/alegra/push-queue';
import { createCompany } from '../../server/companies/companies';
import type { Db } from '../../server/db/database';
import { DefaultAccountRule } from '../../server/matching/default-account-rule';
import { SecretBox } from '../../server/secrets/secret-box';
import { encoder, fixtureText, retarget } from '../support/fixtures';
import { openTestDatabase, type Engine } from '../support/engines';
import { FakeAlegra } from '../support/fake-alegra';
import { buildUbl, type DocumentSpec, type PartySpec } from '../support/ubl';

export const COMPANY_NIT = '900123456';
export const EMAIL = 'contador@empresa.co';
export const TOKEN = 'token-valido-123';

/** Fast client timings for tests: short timeouts and backoffs, same policy. */
export const TUNING: ClientTuning = { timeoutMs: 2000, backoffMs: 5, maxRetries: 3, maxRateLimitWaitMs: 5000 };

export interface World {
  db: Db;
  clock: ManualClock;
  box: SecretBox;
  fake: FakeAlegra;
  agent: Agent;
  pusher: AlegraPusher;
  companyId: string;
  close(): Promise<void>;
}

/** A real database (SQLite in memory unless `engine` says PostgreSQL) with a company whose agent is active, a fake Alegra with a Colombian setup, a pusher. */
export async function world(options: { connect?: boolean; tuning?: ClientTuning; seed?: boolean; engine?: Engine } = {}): Promise<World> {
  const opened = await openTestDatabase(options.engine ?? 'sqlite');
  const db = opened.db;
  const clock = new ManualClock('2026-03-10T15:00:00Z');
  const box = SecretBox.fromKey(randomBytes(32));
  const fake = await FakeAlegra.start([{ email: EMAIL, token: TOKEN }]);
  if (options.seed !== false) fake.seedColombianAccount();
  const tuning = options.tuning ?? TUNING;
  const pusher = new AlegraPusher(db, box, { clock, tuning, lookupDelayMs: 20 });
  // The simple rule, not the suggestion engine: these tests are about the trip to Alegra, with known accounts.
  const agent = new Agent(db, { clock, classifier: new DefaultAccountRule(), listeners: [pusher] });
  const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Prueba SAS', userName: 'Ana', ciiu: ['4711'] }, clock);
  await activateAgent(db, company.id, 'recent', 'test', clock);
  clock.advance(1000);
  if (options.connect !== false) await connectAlegra(db, box, company.id, { email: EMAIL, token: TOKEN, baseUrl: fake.url }, 'test', clock, tuning);
  return {
    db,
    clock,
    box,
    fake,
    agent,
    pusher,
    companyId: company.id,
    async close() {
      await pusher.stop();
      await agent.stop();
      await fake.close();
      await opened.close();
    },
  };
}

/** Receives a DIAN sample as a production invoice to our company and registers it; returns the bill id. */
export async function registerFixture(w: World, name: string, target: { number: string; supplierNit?: string; issueDate?: string }): Promise<string> {
  const xml = retarget(fixtureText(name), { customerNit: COMPANY_NIT, number: target.number, cufeSeed: `${name}|${target.number}`, issueDate: target.issueDate ?? '2026-03-09', ...(target.supplierNit ? { supplierNit: target.supplierNit } : {}) });
  const result = await w.agent.ingest({ companyId: w.companyId, bytes: encoder.encode(xml), channel: 'cli', sourceRef: `${target.number}.xml` });
  await w.agent.processor.runPending(w.companyId);
  const row = await w.db.selectFrom('inboxDocument').select(['billId', 'status', 'reason']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
  if (!row.billId) throw new Error(`El documento no se registró: ${row.status} ${row.reason ?? ''}`);
  return row.billId;
}

export async function pushRow(db: Db, billId: string) {
  return db.selectFrom('alegraBillPush').selectAll().where('billId', '=', billId).executeTakeFirst();
}

/** A supplier of goods that is not a large taxpayer (no withholding surprises unless the test wants them). */
export const SUPPLIER_SPEC: PartySpec = { nit: '900555111', name: 'Distribuidora del Norte SAS', personType: 'juridica', responsibilities: ['O-48'], ciiu: ['4690'] };
export const COMPANY_SPEC: PartySpec = { nit: COMPANY_NIT, name: 'Prueba SAS', personType: 'juridica', responsibilities: ['O-13'] };

/** Receives a document written with the UBL builder and registers it; returns the bill id. */
export async function registerSpec(w: World, spec: Omit<DocumentSpec, 'supplier' | 'customer'> & Partial<Pick<DocumentSpec, 'supplier' | 'customer'>>): Promise<string> {
  const xml = buildUbl({ supplier: SUPPLIER_SPEC, customer: COMPANY_SPEC, ...spec });
  const result = await w.agent.ingest({ companyId: w.companyId, bytes: encoder.encode(xml), channel: 'cli', sourceRef: `${spec.number}.xml` });
  await w.agent.processor.runPending(w.companyId);
  const row = await w.db.selectFrom('inboxDocument').select(['billId', 'status', 'reason']).where('id', '=', result.documents[0]!.id).executeTakeFirstOrThrow();
  if (!row.billId) throw new Error(`El documento no se registró: ${row.status} ${row.reason ?? ''}`);
  return row.billId;
}
