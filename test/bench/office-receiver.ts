import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from '../../server/agent/agent';
import { ManualClock } from '../../server/agent/clock';
import { listCompanies } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * One of the processes that prepare and receive the office benchmark's backlog (office.bench.ts starts them; not a
 * benchmark of its own). The backlog is split by company: process `part` of `parts` takes the documents of every
 * company `c` with `c % parts === part`.
 *
 *   prepare <dir> <part> <parts> <docs> <companies>        signs its documents as their suppliers would (test PKI)
 *                                                         and writes them to <dir>/<i>.xml
 *   receive <dir> <location> <part> <parts> <docs> <companies>
 *                                                         receives them with the agent's own reception (`Agent.ingest`,
 *                                                         the folder channel), each one checked to wait as pending
 *
 * Preparing is the test's work, not the agent's: it is done once, before, and shared by both engines.
 */
const SUPPLIERS = 250;
const INVOICE_SAMPLES = fixtureNames().filter((n) => !n.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(n) && !n.startsWith('volt'));

const [mode, dir, ...rest] = process.argv.slice(2);
const numbers = rest.map(Number);

function mine(part: number, parts: number, docs: number, companies: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < docs; i++) if ((i % companies) % parts === part) out.push(i);
  return out;
}

if (mode === 'prepare') {
  const [part, parts, docs, companies] = numbers as [number, number, number, number];
  const templates = INVOICE_SAMPLES.map((name) => fixtureText(name));
  mkdirSync(dir!, { recursive: true });
  for (const i of mine(part, parts, docs, companies)) {
    const xml = retarget(templates[i % templates.length]!, {
      customerNit: String(800_000_000 + (i % companies)),
      cufeSeed: `oficina-${i}`,
      number: `OF${String(i).padStart(6, '0')}`,
      supplierNit: String(900_000_000 + (i % SUPPLIERS)),
      issueDate: '2026-03-10',
    });
    writeFileSync(join(dir!, `${i}.xml`), xml);
  }
} else if (mode === 'receive') {
  const location = rest[0]!;
  const [part, parts, docs, companies] = rest.slice(1).map(Number) as [number, number, number, number];
  const db = await openDatabase(location, { create: false });
  // Arrivals follow the companies' activation (13:00:00), 10 ms apart in each process.
  const clock = new ManualClock('2026-03-10T13:00:01Z');
  const agent = new Agent(db, { clock });
  const byNit = new Map((await listCompanies(db)).map((c) => [c.nit, c.id]));
  for (const i of mine(part, parts, docs, companies)) {
    const companyId = byNit.get(String(800_000_000 + (i % companies)));
    if (!companyId) throw new Error(`No existe la empresa ${800_000_000 + (i % companies)}`);
    const result = await agent.ingest({ companyId, bytes: readFileSync(join(dir!, `${i}.xml`)), channel: 'folder', sourceRef: `of${i}.xml` });
    if (result.documents.length !== 1 || result.documents[0]!.status !== 'pending') throw new Error(`La factura ${i} no quedó pendiente: ${JSON.stringify(result.documents.map((d) => [d.status, d.reason]))}`);
    clock.advance(10);
  }
  await agent.stop();
  await db.destroy();
} else {
  throw new Error(`Modo desconocido: ${mode}`);
}
