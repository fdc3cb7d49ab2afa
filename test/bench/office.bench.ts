import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { tempDir } from '../support/agent-harness';
import { ROOT } from '../support/cli';
import { fixtureNames } from '../support/fixtures';
import { startPostgres, withDatabase } from '../support/postgres';

/**
 * An accounting office (issue #15): a backlog of 20,000 purchase invoices across 200 companies, registered by 1, 2
 * and 4 real `agente serve` processes sharing one PostgreSQL server on this machine (fsync on, as in production),
 * then by 2 processes of which one is killed with SIGKILL half-way; and the same backlog on SQLite with one process.
 * Every run is checked with SQL: every document registered, no bill twice, every entry balanced.
 *
 * `BENCH_OFFICE_DOCS` and `BENCH_OFFICE_COMPANIES` make a quicker run (e.g. 2000 and 20).
 *
 * The backlog is signed once (the suppliers' work, not measured) and received into each engine by the agent's own
 * reception in `BENCH_OFFICE_RECEIVERS` processes at once (one per core by default), as a busy office with several
 * `agente serve` would; PostgreSQL's copy becomes the template every run starts from.
 */
const DOCS = Number(process.env.BENCH_OFFICE_DOCS ?? 20_000);
const COMPANIES = Number(process.env.BENCH_OFFICE_COMPANIES ?? 200);
const WORKERS = (process.env.BENCH_OFFICE_WORKERS ?? '1,2,4').split(',').map(Number);
/** Processes that receive the backlog at once (the real reception, each taking some companies). */
const RECEIVERS = Number(process.env.BENCH_OFFICE_RECEIVERS ?? cpus().length);
const SUPPLIERS = 250;

const INVOICE_SAMPLES = fixtureNames().filter((n) => !n.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(n) && !n.startsWith('volt'));

interface RunResult {
  label: string;
  workers: number;
  billsPerSecond: number;
  wallSeconds: number;
  peakRssMb: number[];
  load: number;
  killed?: { atBills: number };
  check: { bills: number; notRegistered: number; doubled: number; unbalanced: number };
}

export async function run(): Promise<void> {
  const tmp = tempDir('agente-bench-oficina-');
  const server = await startPostgres({ durable: true });
  const admin = new pg.Pool({ connectionString: server.adminUrl, max: 2 });
  try {
    const backlogDir = tmp.file('acumulado');
    const prepareSeconds = await prepareBacklog(backlogDir, RECEIVERS);
    // The backlog, received once into each engine (PostgreSQL: a template database every run is copied from).
    await admin.query(`create database oficina_backlog template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
    // Receiving is not what is measured here: the backlog database skips the wait for fsync at commit. The copies the
    // runs register in do not inherit it (a database setting is not part of a template): they commit durably.
    await admin.query(`alter database oficina_backlog set synchronous_commit = off`);
    const backlogUrl = withDatabase(server.adminUrl, 'oficina_backlog');
    const sqliteFile = tmp.file('oficina.db');
    const ingestPg = await receiveBacklog(backlogUrl, backlogDir, RECEIVERS);
    const ingestSqlite = await receiveBacklog(sqliteFile, backlogDir, RECEIVERS);

    const results: RunResult[] = [];
    let copy = 0;
    const fresh = async () => {
      const name = `oficina_run_${++copy}`;
      await admin.query(`create database ${name} template oficina_backlog`);
      return withDatabase(server.adminUrl, name);
    };
    for (const workers of WORKERS) results.push(await registerBacklog(`PostgreSQL, ${workers} proceso${workers > 1 ? 's' : ''}`, await fresh(), workers, false));
    results.push(await registerBacklog('PostgreSQL, 2 procesos, kill -9 de uno a la mitad', await fresh(), 2, true));
    results.push(await registerBacklog('SQLite, 1 proceso', sqliteFile, 1, false));

    const line = (label: string, value: string) => process.stdout.write(`  ${label.padEnd(52)} ${value}\n`);
    line('backlog', `${DOCS} facturas de ${COMPANIES} empresas (${INVOICE_SAMPLES.length} muestras DIAN, ${SUPPLIERS} proveedores), firmadas en ${prepareSeconds.toFixed(0)} s`);
    line(
      `recepción del backlog (${RECEIVERS} proceso${RECEIVERS > 1 ? 's' : ''})`,
      `PostgreSQL ${ingestPg.perSecond.toFixed(0)} documentos/s (carga ${ingestPg.load.toFixed(1)}), SQLite ${ingestSqlite.perSecond.toFixed(0)} documentos/s (carga ${ingestSqlite.load.toFixed(1)})`,
    );
    for (const r of results) {
      const ok = r.check.bills === DOCS && r.check.notRegistered === 0 && r.check.doubled === 0 && r.check.unbalanced === 0;
      line(
        r.label,
        `${r.billsPerSecond.toFixed(0)} facturas/s (${r.wallSeconds.toFixed(1)} s con el arranque), RSS pico ${r.peakRssMb.map((m) => m.toFixed(0)).join(' / ')} MB, carga ${r.load.toFixed(1)}` +
          `${r.killed ? `, muerto con ${r.killed.atBills} facturas` : ''} — ${r.check.bills} facturas, ${r.check.notRegistered} sin registrar, ${r.check.doubled} dobles, ${r.check.unbalanced} descuadradas ${ok ? '✓' : '✗'}`,
      );
      if (!ok) process.exitCode = 1;
    }
    line('máquina', `${cpus().length} núcleos (${cpus()[0]?.model ?? ''}); carga al terminar ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await admin.end();
    await server.stop();
    tmp.remove();
  }
}

/**
 * The backlog as suppliers would send it: each document retargeted at its company and signed (supplier signature
 * and DIAN's validation, test PKI), written to `dir`, by `parts` processes at once. Once, for both engines.
 */
async function prepareBacklog(dir: string, parts: number): Promise<number> {
  const start = performance.now();
  await Promise.all(Array.from({ length: parts }, (_, part) => runReceiver(['prepare', dir, String(part), String(parts), String(DOCS), String(COMPANIES)])));
  return (performance.now() - start) / 1000;
}

/**
 * Creates the companies (agent active) and receives the backlog into a database with the agent's own reception
 * (`Agent.ingest`, as the watched folder calls it) in `parts` processes at once, each taking some of the companies.
 * Returns documents per second and the load at the start.
 */
async function receiveBacklog(location: string, dir: string, parts: number): Promise<{ perSecond: number; load: number }> {
  const db = await openDatabase(location);
  const clock = new ManualClock('2026-03-10T13:00:00Z');
  for (let c = 0; c < COMPANIES; c++) {
    const company = await createCompany(db, { nit: String(800_000_000 + c), name: `Empresa ${c} SAS`, userName: 'Ana', ciiu: ['4719'] }, clock);
    await activateAgent(db, company.id, 'recent', 'bench', clock);
  }
  await db.destroy();
  const load = loadavg()[0]!;
  const start = performance.now();
  await Promise.all(Array.from({ length: parts }, (_, part) => runReceiver(['receive', dir, location, String(part), String(parts), String(DOCS), String(COMPANIES)])));
  const perSecond = DOCS / ((performance.now() - start) / 1000);
  const check = await openDatabase(location, { create: false });
  const pending = Number((await sql<{ n: number | string }>`select count(*) as n from inbox_document where status = 'pending'`.execute(check)).rows[0]!.n);
  await check.destroy();
  if (pending !== DOCS) throw new Error(`Se recibieron ${pending} documentos pendientes de ${DOCS}`);
  return { perSecond, load };
}

function runReceiver(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/office-receiver.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`office-receiver ${args[0]} terminó con ${code ?? signal}`))));
  });
}

/** Peak RSS of a live process (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function registerBacklog(label: string, location: string, workers: number, killOne: boolean): Promise<RunResult> {
  const db = await openDatabase(location);
  const count = async (query: string) => Number((await sql<{ n: number | string }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);
  const load = loadavg()[0]!;
  const children: ChildProcess[] = [];
  const peaks = new Map<number, number>();
  const start = performance.now();
  for (let w = 0; w < workers; w++) {
    const child = spawn(process.execPath, [join(ROOT, 'bin/agente.js'), '--db', location, 'serve', '--port', '0', '--no-watch', '--no-mailbox'], {
      cwd: ROOT,
      env: { ...process.env, AGENTE_COPIAS_DIAS: '0', AGENTE_RECLAMO_SEGUNDOS: '5' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
  }
  let killed: RunResult['killed'];
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      for (const child of children) if (child.exitCode === null && child.signalCode === null) peaks.set(child.pid!, Math.max(peaks.get(child.pid!) ?? 0, peakRssMb(child.pid)));
      const bills = await count('select count(*) as n from bill');
      if (killOne && !killed && bills >= DOCS / 2) {
        children[0]!.kill('SIGKILL');
        killed = { atBills: bills };
      }
      if ((await count(`select count(*) as n from inbox_document where status = 'pending'`)) === 0) break;
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) throw new Error(`${label}: todos los procesos terminaron antes del final del backlog`);
    }
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('close', r)))));
  }
  const wallSeconds = (performance.now() - start) / 1000;
  // Throughput from the first bill to the last (the processes' start-up is not registration).
  const span = (await sql<{ first: string; last: string }>`select min(registered_at) as first, max(registered_at) as last from bill`.execute(db)).rows[0]!;
  const seconds = (Date.parse(span.last) - Date.parse(span.first)) / 1000;
  const check = {
    bills: await count('select count(*) as n from bill'),
    notRegistered: await count(`select count(*) as n from inbox_document where status <> 'registered'`),
    doubled: await count('select count(*) as n from (select document_id from bill group by document_id having count(*) > 1) d'),
    unbalanced: await count('select count(*) as n from (select e.id from journal_entry e left join journal_line l on l.entry_id = e.id group by e.id having coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0) or coalesce(sum(l.debit), 0) = 0) u'),
  };
  await db.destroy();
  return { label, workers, billsPerSecond: check.bills / Math.max(seconds, 0.001), wallSeconds, peakRssMb: [...peaks.values()], load, ...(killed ? { killed } : {}), check };
}
