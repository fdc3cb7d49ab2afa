import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase, type Db } from '../../server/db/database';
import { tempDir } from '../support/agent-harness';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { startPostgres, withDatabase } from '../support/postgres';

/**
 * Where reception spends its time (a tool, not a benchmark: `npm run bench` only runs `*.bench.ts`). Receives N
 * documents of 20 companies (the office bench's shape) on SQLite and on a durable PostgreSQL, and prints documents/s,
 * the process's CPU time per document (what is not CPU is waiting: disk, PostgreSQL, the other process), the number of
 * SQL statements per document, and the load:
 *
 *   node --expose-gc --import tsx test/bench/profile-reception.ts 500 [sqlite|postgres|both]
 *
 * `SYNC_OFF=1` receives on PostgreSQL with `synchronous_commit = off` (as the office bench receives its backlog);
 * `PROFILE=<prefix>` writes `<prefix>-<engine>.cpuprofile`.
 */
const N = Number(process.argv[2] ?? 500);
const which = process.argv[3] ?? 'both';
const COMPANIES = 20;
const INVOICE_SAMPLES = fixtureNames().filter((n) => !n.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(n) && !n.startsWith('volt'));
const templates = INVOICE_SAMPLES.map((name) => fixtureText(name));

/** CPU seconds used so far by the PostgreSQL server listening on `port` (its postmaster and every backend). */
function serverCpuSeconds(port: string): number {
  const stat = (pid: string) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return { ppid: fields[1]!, ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
    } catch {
      return undefined;
    }
  };
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const postmaster = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(`postgres -D`) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`\0${port}\0`);
    } catch {
      return false;
    }
  });
  if (!postmaster) return 0;
  let ticks = 0;
  for (const pid of pids) {
    const s = stat(pid);
    if (s && (pid === postmaster || s.ppid === postmaster)) ticks += s.ticks;
  }
  return ticks / 100;
}

async function receive(label: string, db: Db, statements: () => number, serverCpu: () => number = () => 0): Promise<void> {
  const clock = new ManualClock('2026-03-10T13:00:00Z');
  const agent = new Agent(db, { clock });
  const companies: { id: string; nit: string }[] = [];
  for (let c = 0; c < COMPANIES; c++) {
    const company = await createCompany(db, { nit: String(800_000_000 + c), name: `Empresa ${c} SAS`, userName: 'Ana', ciiu: ['4719'] }, clock);
    await activateAgent(db, company.id, 'recent', 'bench', clock);
    companies.push(company);
  }
  clock.advance(1000);
  const files = Array.from({ length: N }, (_, i) => {
    const company = companies[i % COMPANIES]!;
    const xml = retarget(templates[i % templates.length]!, { customerNit: company.nit, cufeSeed: `perfil-${i}`, number: `PF${String(i).padStart(6, '0')}`, supplierNit: String(900_000_000 + (i % 250)), issueDate: '2026-03-10' });
    return { companyId: company.id, bytes: encoder.encode(xml), sourceRef: `pf${i}.xml` };
  });
  // Warm up (modules, certificates, anchors) on a few documents outside the measure.
  const warm = 10;
  for (let i = 0; i < warm; i++) await agent.ingest({ ...files[i]!, channel: 'folder' });
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const before = statements();
  const serverBefore = serverCpu();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = warm; i < N; i++) {
    const result = await agent.ingest({ ...files[i]!, channel: 'folder' });
    if (result.documents[0]?.status !== 'pending') throw new Error(`${i}: ${result.documents[0]?.status} ${result.documents[0]?.reason}`);
    clock.advance(10);
  }
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const n = N - warm;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${process.env.PROFILE}-${label}.cpuprofile`, JSON.stringify(profile));
  }
  process.stdout.write(
    `${label.padEnd(10)} ${(n / (wall / 1000)).toFixed(1)} documentos/s; por documento ${(wall / n).toFixed(1)} ms de reloj, ${((used.user + used.system) / 1000 / n).toFixed(1)} ms de CPU del proceso, ` +
      `${((statements() - before) / n).toFixed(1)} sentencias SQL, ${(((serverCpu() - serverBefore) * 1000) / n).toFixed(1)} ms de CPU del servidor; carga ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  await agent.stop();
}

if (which !== 'postgres') {
  const tmp = tempDir('agente-perfil-recepcion-');
  let count = 0;
  const db = await openDatabase(tmp.file('recepcion.db'), {
    configure: (sqlite) => {
      const prepare = sqlite.prepare.bind(sqlite);
      sqlite.prepare = ((source: string) => {
        const statement = prepare(source);
        for (const method of ['run', 'all', 'get', 'iterate'] as const) {
          const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
          (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
            count++;
            return original(...args);
          };
        }
        return statement;
      }) as typeof sqlite.prepare;
    },
  });
  await receive('SQLite', db, () => count);
  await db.destroy();
  tmp.remove();
}
if (which !== 'sqlite') {
  const server = await startPostgres({ durable: true });
  const admin = new pg.Pool({ connectionString: server.adminUrl, max: 1 });
  try {
    await admin.query(`create database perfil template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
    if (process.env.SYNC_OFF) await admin.query(`alter database perfil set synchronous_commit = off`);
    const db = await openDatabase(withDatabase(server.adminUrl, 'perfil'));
    const stat = async () => Number((await sql<{ n: string }>`select xact_commit + xact_rollback as n from pg_stat_database where datname = 'perfil'`.execute(db)).rows[0]!.n);
    let statements = 0;
    // Statements are counted on the pg side (pg_stat_statements is not loaded): calls through the client's query().
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      statements++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const transactions = await stat();
    const port = new URL(server.adminUrl).port;
    await receive(process.env.SYNC_OFF ? 'PG sync=off' : 'PostgreSQL', db, () => statements, () => serverCpuSeconds(port));
    process.stdout.write(`           transacciones de PostgreSQL en total (con la preparación): ${(await stat()) - transactions}\n`);
    pg.Client.prototype.query = original;
    await db.destroy();
  } finally {
    await admin.end();
    await server.stop();
  }
}
