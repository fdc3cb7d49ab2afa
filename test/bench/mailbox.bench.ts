import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activateAgent } from '../../server/agent/agent-switch';
import { Agent } from '../../server/agent/agent';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { SecretBox } from '../../server/secrets/secret-box';
import { saveMailboxConfig } from '../../server/sources/mailbox-config';
import { MailboxManager } from '../../server/sources/mailbox-manager';
import { startDovecot, type Dovecot, type DovecotUser } from '../support/dovecot';
import { dianMessage } from '../sources/mail-fixtures';

/**
 * Reception mailbox figures (issue #6), against a real Dovecot on 127.0.0.1:
 * 1. Latency: from the IMAP APPEND of a message (its arrival) to its bill being registered, with the watcher
 *    waiting in IDLE; messages arrive one at a time, 0.3–1.5 s apart. Target: p95 under 5 s.
 * 2. Backlog: 1,000 messages waiting when the watcher starts; messages per second received (each stored raw,
 *    its ZIP ingested, committed and marked), and per second registered end to end.
 */
const LATENCY_MESSAGES = 40;
const BACKLOG = 1_000;
const TARGET_P95_MS = 5_000;
const NIT = '900123456';

export async function run(): Promise<void> {
  const users: DovecotUser[] = [
    { user: 'latencia@empresa.test', password: 'secreto123' },
    { user: 'acumulado@empresa.test', password: 'secreto123' },
  ];
  const dovecot = await startDovecot({ users });
  const dir = mkdtempSync(join(tmpdir(), 'agente-bench-mailbox-'));
  try {
    await latency(dovecot, users[0]!, join(dir, 'latencia.db'));
    await backlog(dovecot, users[1]!, join(dir, 'acumulado.db'));
  } finally {
    await dovecot.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setup(dovecot: Dovecot, user: DovecotUser, file: string, onBill?: () => void) {
  const db = await openDatabase(file);
  const agent = new Agent(db, { listeners: [{ billRegistered: () => onBill?.() }] });
  const company = await createCompany(db, { nit: NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana' }, agent.clock);
  await activateAgent(db, company.id, 'recent', 'bench', { now: () => new Date(Date.now() - 60_000) });
  const box = SecretBox.fromKey(randomBytes(32));
  await saveMailboxConfig(db, box, company.id, { host: '127.0.0.1', port: dovecot.port, security: 'none', user: user.user, password: user.password }, agent.clock);
  const manager = new MailboxManager(agent, { box, pollIntervalMs: 10 * 60_000, log: () => undefined });
  return { agent, db, company, manager };
}

async function latency(dovecot: Dovecot, user: DovecotUser, file: string): Promise<void> {
  let registered: (() => void) | undefined;
  const { agent, db, manager } = await setup(dovecot, user, file, () => registered?.());
  agent.start();
  await manager.start();
  // Let the watcher connect and settle into IDLE.
  await waitUntil(async () => (await db.selectFrom('mailboxState').select('status').executeTakeFirst())?.status === 'listening');
  await sleep(500);

  const samples: number[] = [];
  for (let i = 0; i < LATENCY_MESSAGES; i++) {
    const { raw } = dianMessage({ customerNit: NIT, seed: `bench-latency-${i}` });
    const done = new Promise<void>((resolve) => (registered = resolve));
    const start = performance.now();
    await dovecot.append([raw], { user: user.user });
    await done;
    samples.push(performance.now() - start);
    await sleep(300 + Math.random() * 1_200);
  }
  await manager.stop();
  await agent.stop();
  await db.destroy();

  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  const p95 = p(0.95);
  console.log(`  Llegada al buzón → factura registrada (IDLE, ${LATENCY_MESSAGES} mensajes uno a uno):`);
  console.log(`    p50 ${ms(p(0.5))}   p95 ${ms(p95)}   máx ${ms(samples[samples.length - 1]!)}   mín ${ms(samples[0]!)}   (meta p95 < ${ms(TARGET_P95_MS)}: ${p95 < TARGET_P95_MS ? 'cumple' : 'NO CUMPLE'})`);
}

async function backlog(dovecot: Dovecot, user: DovecotUser, file: string): Promise<void> {
  const { agent, db, manager } = await setup(dovecot, user, file);

  // Deliver the backlog (4 IMAP connections in parallel), built on the fly.
  const appendStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const i = next++;
        if (i >= BACKLOG) return;
        await dovecot.append([dianMessage({ customerNit: NIT, seed: `bench-backlog-${i}` }).raw], { user: user.user });
      }
    }),
  );
  const appendSeconds = (performance.now() - appendStart) / 1000;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  agent.start();
  await manager.start();
  let receivedAt = 0;
  await waitUntil(async () => {
    const received = Number((await db.selectFrom('mailboxMessage').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'received').executeTakeFirstOrThrow()).n);
    if (received === BACKLOG && !receivedAt) receivedAt = performance.now();
    return receivedAt > 0;
  }, 600_000);
  await waitUntil(async () => Number((await db.selectFrom('bill').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) === BACKLOG, 600_000);
  const registeredAt = performance.now();
  clearInterval(sampler);
  await manager.stop();
  await agent.stop();
  await db.destroy();

  const receiveSeconds = (receivedAt - start) / 1000;
  const totalSeconds = (registeredAt - start) / 1000;
  console.log(`  Acumulado de ${BACKLOG.toLocaleString('es-CO')} mensajes esperando en el buzón (entregados por APPEND en ${appendSeconds.toFixed(1)} s):`);
  console.log(`    recibidos (copia cruda + ZIP ingresado + marca) en ${receiveSeconds.toFixed(1)} s: ${(BACKLOG / receiveSeconds).toFixed(0)} mensajes/s`);
  console.log(`    recibidos y registrados en ${totalSeconds.toFixed(1)} s: ${(BACKLOG / totalSeconds).toFixed(0)} mensajes/s   (RSS máx ${(peakRss / 1024 / 1024).toFixed(0)} MB)`);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Tiempo agotado en el benchmark del buzón.');
    await sleep(10);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function ms(value: number): string {
  return value < 1000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(2)} s`;
}
