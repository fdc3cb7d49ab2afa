import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../server/agent/agent';
import { activateAgent } from '../../server/agent/agent-switch';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { tempDir } from '../support/agent-harness';

/**
 * The measured part of the registration benchmark (registration.bench.ts), in a process of its own: it receives the
 * backlog that the benchmark signed beforehand into a folder, then registers it. Signing the test invoices
 * (xml-crypto, ≈ 10 MB of garbage per invoice) is the suppliers' work, not the agent's; done in the measured process
 * it grew the heap that the memory figure then charged to the agent.
 *
 *   node --expose-gc --import tsx test/bench/registration-backlog.ts <folder> <samples> <suppliers> <buyer's NIT>
 */
const TARGET_PER_SECOND = 300;
const TARGET_RSS_MB = 300;
const [backlogDir, templates, SUPPLIERS, COMPANY_NIT] = process.argv.slice(2) as [string, string, string, string];
const BACKLOG = readdirSync(backlogDir).length;
await measure(backlogDir, Number(templates));

async function measure(backlogDir: string, templates: number): Promise<void> {
  const tmp = tempDir('agente-bench-');
  let peakSampled = process.memoryUsage().rss;
  const sample = () => (peakSampled = Math.max(peakSampled, process.memoryUsage().rss));
  // Timers do not fire while the processor chains promises without I/O; the listener samples after every commit.
  const sampler = setInterval(sample, 25);

  try {
    const db = await openDatabase(tmp.file('bench.db'));
    const clock = new ManualClock('2026-03-10T13:00:00Z');
    let registeredEvents = 0;
    const agent = new Agent(db, { clock, listeners: [{ billRegistered: () => void (++registeredEvents % 50 === 0 && sample()) }] });
    const company = await createCompany(db, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana', ciiu: ['4719'] }, clock);
    await activateAgent(db, company.id, 'recent', 'bench', clock);
    clock.advance(1000);

    // Receive the backlog, one file at a time (as a watched folder would), so the corpus never sits in memory.
    let ingestMs = 0;
    for (let i = 0; i < BACKLOG; i++) {
      const bytes = readFileSync(join(backlogDir, `bn${i}.xml`));
      const start = performance.now();
      const result = await agent.ingest({ companyId: company.id, bytes, channel: 'folder', sourceRef: `bn${i}.xml` });
      ingestMs += performance.now() - start;
      if (result.documents.length !== 1 || result.documents[0]!.status !== 'pending') {
        throw new Error(`La factura ${i} no quedó pendiente: ${JSON.stringify(result.documents.map((d) => [d.status, d.reason]))}`);
      }
      clock.advance(10);
      if (i % 250 === 0) sample();
    }
    const ingestPeak = sample();
    globalThis.gc?.();
    const rssBeforeRegistering = process.memoryUsage().rss;
    peakSampled = rssBeforeRegistering;

    // Register the backlog.
    const loadBefore = loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const report = await agent.processor.runPending();
    const registerMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    sample();

    // The figures only count if every invoice was registered once, with a balanced entry.
    const bills = Number((await db.selectFrom('bill').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const pending = await db.selectFrom('inboxDocument').select('id').where('status', '!=', 'registered').execute();
    const unbalanced = await db
      .selectFrom('journalLine')
      .innerJoin('journalEntry', 'journalEntry.id', 'journalLine.entryId')
      .select(['journalEntry.billId', (eb) => eb.fn.sum<number>('journalLine.debit').as('debit'), (eb) => eb.fn.sum<number>('journalLine.credit').as('credit')])
      .groupBy('journalEntry.billId')
      .execute();
    const entries = unbalanced.length;
    const wrong = unbalanced.filter((e) => Number(e.debit) !== Number(e.credit) || Number(e.debit) <= 0).length;
    if (report.registered !== BACKLOG || bills !== BACKLOG || pending.length > 0 || entries !== BACKLOG || wrong > 0) {
      throw new Error(`Registro incompleto: ${JSON.stringify({ report, bills, pending: pending.length, entries, wrong })}`);
    }

    await agent.stop();
    await db.destroy();

    const perSecond = BACKLOG / (registerMs / 1000);
    const registerPeak = peakSampled;
    const peakMb = Math.max(ingestPeak, registerPeak, process.resourceUsage().maxRSS * 1024) / (1024 * 1024);
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
    const line = (label: string, value: string, verdict?: boolean) => process.stdout.write(`  ${label.padEnd(44)} ${value}${verdict === undefined ? '' : verdict ? '  ✓' : '  ✗'}\n`);
    line('facturas en el backlog', `${BACKLOG} (de ${templates} muestras DIAN, ${SUPPLIERS} proveedores)`);
    line('recepción (guardar, leer, clasificar llegada)', `${(BACKLOG / (ingestMs / 1000)).toFixed(0)} documentos/s`);
    line('registro (factura + asiento, 1 transacción c/u)', `${perSecond.toFixed(0)} facturas/s (meta ≥ ${TARGET_PER_SECOND})`, perSecond >= TARGET_PER_SECOND);
    line('tiempo de registro del backlog', `${(registerMs / 1000).toFixed(2)} s (CPU de este proceso: ${(cpuMs / 1000).toFixed(2)} s → ${(BACKLOG / (cpuMs / 1000)).toFixed(0)} facturas por segundo de CPU)`);
    // Other processes on the machine slow the wall clock down; the load says how much the figure above was shared.
    line('carga de la máquina al empezar (1 min)', `${loadBefore.toFixed(2)} en ${cpus().length} núcleos`);
    line('memoria pico (RSS)', `${peakMb.toFixed(0)} MB (meta < ${TARGET_RSS_MB} MB)`, peakMb < TARGET_RSS_MB);
    // Where the peak is: receiving (reading, the signature checks) or registering.
    line('  recepción / registro', `${mb(ingestPeak)} / ${mb(rssBeforeRegistering)} → ${mb(registerPeak)} (muestreada)`);
    line('asientos cuadrados', `${entries - wrong}/${BACKLOG}`, wrong === 0);
    if (perSecond < TARGET_PER_SECOND || peakMb >= TARGET_RSS_MB) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    tmp.remove();
  }
}
