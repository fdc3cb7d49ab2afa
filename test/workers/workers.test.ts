import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { storeMissingSummaries } from '../../server/agent/daily-summary';
import { BUNDLED_ANCHORS, loadAnchors } from '../../server/authenticity';
import { createCompany } from '../../server/companies/companies';
import { openDatabase, type Db } from '../../server/db/database';
import { acquireLease } from '../../server/workers/source-lease';
import { announceWork, listenForWork } from '../../server/workers/work-signal';
import { invoiceXml, OUR_COMPANY, SUPPLIER, tempDir, UnspscClassifier } from '../support/agent-harness';
import { ROOT } from '../support/cli';
import { forEachEngine, openTestDatabase, type Engine } from '../support/engines';
import { encoder } from '../support/fixtures';
import { TEST_ANCHOR_FILE } from '../support/pki';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup.length = 0;
});

async function until(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('tiempo agotado');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function database(engine: Engine) {
  const tmp = tempDir();
  const opened = await openTestDatabase(engine, engine === 'sqlite' ? { file: tmp.file('oficina.db') } : {});
  cleanup.push(async () => {
    await opened.close();
    tmp.remove();
  });
  return opened;
}

const count = async (db: Db, query: string) => Number((await sql<{ n: number | string }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);

forEachEngine((engine) => {
  it('two agente serve share a backlog; one killed (SIGKILL) mid-backlog: every document registered once, checked with SQL', async () => {
    const { db, location } = await database(engine);
    const clock = new ManualClock('2026-03-10T15:00:00Z');
    const agent = new Agent(db, { clock, classifier: new UnspscClassifier({}, '1435'), trustAnchors: loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]) });
    const total = 80;
    const companies = [];
    for (const nit of ['900123456', '900654321']) {
      const company = await createCompany(db, { nit, name: `Empresa ${nit}`, userName: 'Ana', ciiu: ['4719'] }, clock);
      await activateAgent(db, company.id, 'recent', 'ana', clock);
      companies.push(company);
    }
    clock.advance(1000);
    for (let i = 0; i < total; i++) {
      const company = companies[i % 2]!;
      const xml = invoiceXml(`FE-8${String(i).padStart(3, '0')}`, { customer: { ...OUR_COMPANY, nit: company.nit, name: company.name }, supplier: { ...SUPPLIER, nit: `9008${String(i % 7).padStart(5, '0')}` } });
      const result = await agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'upload', sourceRef: `f${i}.xml` });
      expect(result.documents[0]?.status).toBe('pending');
      clock.advance(10);
    }
    await agent.stop();

    const children: ChildProcess[] = [];
    cleanup.push(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')));
    const serve = () => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/agente.js'), '--db', location, 'serve', '--port', '0', '--no-watch', '--no-mailbox'], {
        cwd: ROOT,
        env: { ...process.env, AGENTE_RECLAMO_SEGUNDOS: '2', AGENTE_RECLAMO_LOTE: '5', AGENTE_COPIAS_DIAS: '0', AGENTE_ANCLAS_CONFIANZA: TEST_ANCHOR_FILE },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      return child;
    };
    const [a, b] = [serve(), serve()];
    await until(async () => (await count(db, 'select count(*) as n from bill')) >= 15);
    a.kill('SIGKILL');
    await new Promise((r) => a.once('close', r));
    await until(async () => (await count(db, `select count(*) as n from inbox_document where status = 'pending'`)) === 0);

    // Nothing lost, nothing doubled, every entry whole and balanced: asked of the database itself.
    expect(await count(db, `select count(*) as n from inbox_document where status <> 'registered'`)).toBe(0);
    expect(await count(db, 'select count(*) as n from bill')).toBe(total);
    expect(await count(db, 'select count(*) as n from (select document_id from bill group by document_id having count(*) > 1) d')).toBe(0);
    expect(await count(db, 'select count(*) as n from inbox_document d join bill b on b.id = d.bill_id and b.document_id = d.id')).toBe(total);
    expect(await count(db, 'select count(*) as n from journal_entry')).toBe(total);
    expect(await count(db, 'select count(*) as n from (select entry_id from journal_line group by entry_id having sum(debit) <> sum(credit)) u')).toBe(0);
    // Both processes did some of the work (the survivor at least the dead one's share).
    if (engine === 'postgres') expect(await count(db, `select count(distinct claimed_by) as n from inbox_document`)).toBe(2);
    b.kill('SIGTERM');
    await new Promise((r) => b.once('close', r));
  }, 120_000);

  it('the daily summary of a company and day is composed by one of two schedulers running at once', async () => {
    const { db, location } = await database(engine);
    const clock = new ManualClock('2026-03-01T15:00:00Z');
    const company = await createCompany(db, { nit: '900123456', name: 'Comercializadora Prueba SAS', userName: 'Ana', ciiu: ['4719'] }, clock);
    clock.set('2026-03-11T15:00:00Z');
    const other = await openDatabase(location);
    cleanup.push(() => other.destroy());
    const [a, b] = await Promise.all([storeMissingSummaries(db, company.id, clock, { holder: 'proceso-a' }), storeMissingSummaries(other, company.id, clock, { holder: 'proceso-b' })]);
    const days = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    expect([...a, ...b].sort()).toEqual(days);
    expect(a.filter((d) => b.includes(d))).toEqual([]);
    expect(await count(db, 'select count(*) as n from daily_summary')).toBe(10);
    expect(await count(db, 'select count(*) as n from daily_summary_claim')).toBe(10);
    // Again, from either: nothing left to do.
    expect(await storeMissingSummaries(other, company.id, clock, { holder: 'proceso-b' })).toEqual([]);
  });

  it('ten processes racing for one source: exactly one gets the lease', async () => {
    const { db, location } = await database(engine);
    const other = await openDatabase(location);
    cleanup.push(() => other.destroy());
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => acquireLease(i % 2 ? other : db, 'buzon:empresa', { ttlMs: 5_000, renewMs: 1_000 }, `p${i}`, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

it('PostgreSQL: a process listening is woken by NOTIFY from another connection, after the commit', async () => {
  const { db, location } = await database('postgres');
  let woken = 0;
  const listener = await listenForWork(location, () => woken++);
  cleanup.push(() => listener.close());
  const other = await openDatabase(location);
  cleanup.push(() => other.destroy());
  // Inside an open transaction nothing is delivered; at commit it is.
  await other.transaction().execute(async (trx) => {
    await announceWork(trx as unknown as Db);
    await new Promise((r) => setTimeout(r, 300));
    expect(woken).toBe(0);
  });
  await until(() => woken === 1, 5_000);
  await announceWork(db);
  await until(() => woken === 2, 5_000);
});
