import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Where registration spends its time (a tool, not a benchmark: `npm run bench` only runs `*.bench.ts`). Receiving a
 * backlog (signing and checking signatures) costs much more than registering it, so the backlog is received once
 * and registered as many times as needed, from a copy:
 *
 *   node --expose-gc --import tsx test/bench/profile-registration.ts prepare /tmp/backlog.db 1000
 *   node --expose-gc --import tsx test/bench/profile-registration.ts run /tmp/backlog.db
 *
 * `run` prints wall and CPU time per bill, the load, RSS and heap. Options (environment): `WARM=1` loads the data
 * files (PUC, CIIU, UNSPSC, rules) before measuring, so the figure is the steady state; `COUNT_SQL=1` counts and
 * times every SQL statement (statements per bill); `PROFILE=<file>.cpuprofile` writes a CPU profile of the
 * registration alone. `MEM=1` with `prepare` prints the memory every 100 documents received.
 */
const [mode, file, n] = process.argv.slice(2);
const COMPANY_NIT = '900123456';
const INVOICE_SAMPLES = fixtureNames().filter((f) => !f.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(f) && !f.startsWith('volt'));

if (mode === 'prepare') {
  const db = await openDatabase(file!);
  const clock = new ManualClock('2026-03-10T13:00:00Z');
  const agent = new Agent(db, { clock });
  const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana', ciiu: ['4719'] }, clock);
  await activateAgent(db, company.id, 'recent', 'bench', clock);
  clock.advance(1000);
  const templates = INVOICE_SAMPLES.map((name) => fixtureText(name));
  for (let i = 0; i < Number(n); i++) {
    const xml = retarget(templates[i % templates.length]!, { customerNit: COMPANY_NIT, cufeSeed: `bench-${i}`, number: `BN${String(i).padStart(6, '0')}`, supplierNit: String(900_000_000 + (i % 250)), issueDate: '2026-03-10' });
    const r = await agent.ingest({ companyId: company.id, bytes: encoder.encode(xml), channel: 'folder', sourceRef: `bn${i}.xml` });
    if (r.documents[0]?.status !== 'pending') throw new Error(`${i} not pending`);
    clock.advance(10);
    if (process.env.MEM && i % 100 === 0) {
      const before = process.memoryUsage();
      globalThis.gc?.();
      const m = process.memoryUsage();
      const mb = (x: number) => (x / 2 ** 20).toFixed(0);
      process.stdout.write(`${i}: rss ${mb(before.rss)} heap ${mb(before.heapUsed)}/${mb(before.heapTotal)} → after gc rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`);
    }
  }
  await agent.stop();
  await db.destroy();
} else {
  const copy = `${file}.run.db`;
  copyFileSync(file!, copy);
  for (const ext of ['-wal', '-shm']) if (existsSync(`${copy}${ext}`)) copyFileSync(`${file}${ext}`, `${copy}${ext}`);
  const counts = new Map<string, number>();
  const times = new Map<string, number>();
  const count = process.env.COUNT_SQL === '1';
  const db = await openDatabase(copy, {
    configure: (sqlite) => {
      if (!count) return;
      const prepare = sqlite.prepare.bind(sqlite);
      (sqlite as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
        const statement = prepare(sql);
        return new Proxy(statement, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver);
            if (typeof value === 'function' && ['all', 'run', 'get', 'iterate'].includes(prop as string)) {
              return (...args: unknown[]) => {
                counts.set(sql, (counts.get(sql) ?? 0) + 1);
                const t = performance.now();
                try {
                  return (value as (...a: unknown[]) => unknown).apply(target, args);
                } finally {
                  times.set(sql, (times.get(sql) ?? 0) + performance.now() - t);
                }
              };
            }
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      };
    },
  });
  const clock = new ManualClock('2026-03-10T14:00:00Z');
  const agent = new Agent(db, { clock });
  const pending = Number((await db.selectFrom('inboxDocument').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
  if (process.env.WARM) {
    // The data files every registration reads once per process (PUC, CIIU, UNSPSC, rules): loaded before measuring.
    const { Chart } = await import('../../server/ledger/chart');
    const { ciiuActivity, guessUnspscClass } = await import('../../server/matching/reference-data');
    const { loadWithholdingRules, loadReteIcaRules } = await import('../../server/ledger/withholding-rules');
    const { conceptForLine } = await import('../../server/ledger/withholding-concepts');
    Chart.puc();
    ciiuActivity('4719');
    guessUnspscClass(['calentamiento']);
    loadWithholdingRules();
    loadReteIcaRules();
    conceptForLine({ description: 'x', supplierCiiu: [], accountCode: '519595' });
  }
  counts.clear();
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const load = loadavg()[0]!;
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await agent.processor.runPending();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const heap = process.memoryUsage().heapUsed;
  globalThis.gc?.();
  const heapAfterGc = process.memoryUsage().heapUsed;
  process.stdout.write(
    `${JSON.stringify(report)} pending=${pending} wall=${ms.toFixed(0)}ms (${(ms / pending).toFixed(2)} ms/bill) cpu=${((cpu.user + cpu.system) / 1000).toFixed(0)}ms (${((cpu.user + cpu.system) / 1000 / pending).toFixed(2)} ms/bill) load=${load.toFixed(2)} rss ${(rssBefore / 2 ** 20).toFixed(0)}→peak ${(peak / 2 ** 20).toFixed(0)} MB heap ${(heap / 2 ** 20).toFixed(0)} MB (after gc ${(heapAfterGc / 2 ** 20).toFixed(0)})\n`,
  );
  if (count) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`SQL statements: ${total} (${(total / pending).toFixed(2)} per bill)\n`);
    const sqlMs = [...times.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`SQLite time: ${sqlMs.toFixed(0)} ms (${(sqlMs / pending).toFixed(2)} ms per bill)\n`);
    for (const [sql, c] of [...counts.entries()].sort((a, b) => times.get(b[0])! - times.get(a[0])!)) process.stdout.write(`${String(c).padStart(7)} ${(c / pending).toFixed(2).padStart(6)} ${times.get(sql)!.toFixed(0).padStart(6)}ms  ${sql.slice(0, 200)}\n`);
  }
  await agent.stop();
  await db.destroy();
}
