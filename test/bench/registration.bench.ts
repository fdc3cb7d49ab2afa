import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BUILT_CLI } from '../../scripts/build-state.js';
import { openDatabase } from '../../server/db/database';
import { tempDir } from '../support/agent-harness';
import buildServerIfStale from '../support/build-server';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { TEST_ANCHOR_FILE } from '../support/pki';

/**
 * Registration throughput (issue #3): a backlog of 5,000 production invoices, built from DIAN's samples with new
 * CUFEs, numbers and suppliers, received into a fresh database file with the agent active, then registered exactly
 * as in production (one transaction per document). Targets on the 2-core reference machine: at least 300 invoices
 * per second, and peak memory (RSS) under 300 MB.
 *
 * What is measured is the agent people run: the compiled CLI in dist/ (`agente ingest <carpeta>`, then
 * `agente run`), each a process of its own, so the memory is the agent's alone — not the TypeScript compiler's
 * (tsx) nor the suppliers' side. Signing each invoice and DIAN's response with the test PKI is done first, untimed,
 * into a folder. The registration time is the whole `agente run` process, start-up and database opening included.
 */
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 5_000);
const SUPPLIERS = 250;
const COMPANY_NIT = '900123456';
const TARGET_PER_SECOND = 300;
const TARGET_RSS_MB = 300;
const AGENTE = fileURLToPath(new URL('../../bin/agente.js', import.meta.url));

const INVOICE_SAMPLES = fixtureNames().filter((n) => !n.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(n) && !n.startsWith('volt'));

export async function run(): Promise<void> {
  buildServerIfStale();
  const backlog = tempDir('agente-bench-acumulado-');
  const home = tempDir('agente-bench-');
  try {
    const templates = INVOICE_SAMPLES.map((name) => fixtureText(name));
    for (let i = 0; i < BACKLOG; i++) {
      const xml = retarget(templates[i % templates.length]!, {
        customerNit: COMPANY_NIT,
        cufeSeed: `bench-${i}`,
        number: `BN${String(i).padStart(6, '0')}`,
        supplierNit: String(900_000_000 + (i % SUPPLIERS)),
        issueDate: '2026-03-10',
      });
      writeFileSync(backlog.file(`bn${i}.xml`), encoder.encode(xml));
    }

    const dbFile = home.file('bench.db');
    const agente = (...args: string[]) => runMeasured(['--db', dbFile, ...args]);
    await agente('init');
    await agente('company', 'create', '--nit', COMPANY_NIT, '--name', 'Comercializadora Prueba SAS', '--user', 'Ana', '--ciiu', '4719');
    await agente('agent', 'activate');
    // What any command costs before doing anything: the registration time below includes it once.
    const idle = await agente('run');

    const ingest = await agente('ingest', backlog.dir);
    const received = JSON.parse(ingest.stdout) as { status: string; reason?: string }[];
    const notPending = received.filter((d) => d.status !== 'pending');
    if (received.length !== BACKLOG || notPending.length > 0) {
      throw new Error(`Recepción incompleta: ${received.length} documentos, ${notPending.length} no quedaron pendientes (${JSON.stringify(notPending.slice(0, 3))})`);
    }

    const loadBefore = loadavg()[0]!;
    const registration = await agente('run');
    const report = JSON.parse(registration.stdout) as { registered: number };

    // The figures only count if every invoice was registered once, with a balanced entry.
    const db = await openDatabase(dbFile);
    try {
      const bills = Number((await db.selectFrom('bill').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const pending = await db.selectFrom('inboxDocument').select('id').where('status', '!=', 'registered').execute();
      const totals = await db
        .selectFrom('journalLine')
        .innerJoin('journalEntry', 'journalEntry.id', 'journalLine.entryId')
        .select(['journalEntry.billId', (eb) => eb.fn.sum<number>('journalLine.debit').as('debit'), (eb) => eb.fn.sum<number>('journalLine.credit').as('credit')])
        .groupBy('journalEntry.billId')
        .execute();
      const wrong = totals.filter((e) => Number(e.debit) !== Number(e.credit) || Number(e.debit) <= 0).length;
      if (report.registered !== BACKLOG || bills !== BACKLOG || pending.length > 0 || totals.length !== BACKLOG || wrong > 0) {
        throw new Error(`Registro incompleto: ${JSON.stringify({ report, bills, pending: pending.length, entries: totals.length, wrong })}`);
      }

      const perSecond = BACKLOG / (registration.ms / 1000);
      const peakMb = Math.max(ingest.peakMb ?? 0, registration.peakMb ?? 0);
      const mb = (value: number | undefined) => (value === undefined ? 'n/d (sin /proc)' : `${value.toFixed(0)} MB`);
      const line = (label: string, value: string, verdict?: boolean) => process.stdout.write(`  ${label.padEnd(44)} ${value}${verdict === undefined ? '' : verdict ? '  ✓' : '  ✗'}\n`);
      line('agente medido', `el compilado (${BUILT_CLI.replace(/.*\/dist\//, 'dist/')}), un proceso por orden`);
      line('facturas en el backlog', `${BACKLOG} (de ${templates.length} muestras DIAN, ${SUPPLIERS} proveedores)`);
      line('recepción (agente ingest <carpeta>)', `${(BACKLOG / (ingest.ms / 1000)).toFixed(0)} documentos/s (${(ingest.ms / 1000).toFixed(2)} s)`);
      line('registro (agente run)', `${perSecond.toFixed(0)} facturas/s (meta ≥ ${TARGET_PER_SECOND})`, perSecond >= TARGET_PER_SECOND);
      line('tiempo de registro del backlog', `${(registration.ms / 1000).toFixed(2)} s, con el arranque del proceso (${(idle.ms / 1000).toFixed(2)} s sin nada pendiente)`);
      // Other processes on the machine slow the wall clock down; the load says how much the figure above was shared.
      line('carga de la máquina al empezar (1 min)', `${loadBefore.toFixed(2)} en ${cpus().length} núcleos`);
      const verdict = peakMb > 0 ? peakMb < TARGET_RSS_MB : undefined;
      line('memoria pico (RSS) del agente', `${peakMb > 0 ? peakMb.toFixed(0) : 'n/d'} MB (meta < ${TARGET_RSS_MB} MB)`, verdict);
      // Where the peak is: receiving (reading, the signature threads) or registering.
      line('  recepción / registro', `${mb(ingest.peakMb)} / ${mb(registration.peakMb)}`);
      line('asientos cuadrados', `${totals.length - wrong}/${BACKLOG}`, wrong === 0);
      if (perSecond < TARGET_PER_SECOND || verdict === false) process.exitCode = 1;
    } finally {
      await db.destroy();
    }
  } finally {
    backlog.remove();
    home.remove();
  }
}

interface Measured {
  stdout: string;
  ms: number;
  /** Peak resident memory of the process (Linux: VmHWM), or undefined where /proc does not exist. */
  peakMb: number | undefined;
}

/** Runs one `agente` command in a process of its own: its output, wall time and peak memory. */
function runMeasured(args: string[]): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [AGENTE, ...args], { env: { ...process.env, AGENTE_ANCLAS_CONFIANZA: TEST_ANCHOR_FILE }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // VmHWM is the high-water mark of the resident set (threads included); it only grows, so polling it until the
    // process ends loses at most the growth of its last few milliseconds.
    let peakKb: number | undefined;
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        if (kb > 0) peakKb = Math.max(peakKb ?? 0, kb);
      } catch {
        // Not Linux, or the process has just ended.
      }
    }, 10);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`agente ${args.slice(2).join(' ')} salió con ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`));
      else resolve({ stdout: Buffer.concat(out).toString('utf8'), ms, peakMb: peakKb === undefined ? undefined : peakKb / 1024 });
    });
  });
}
