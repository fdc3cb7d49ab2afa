import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Bill } from '#shared/bill';
import type { InboxDocument, Page } from '#shared/inbox';
import type { DailySummary } from '#shared/summary';
import { bogotaDate } from '#shared/bogota-time';
import { Agent } from '../../server/agent/agent';
import { startApiServer } from '../../server/api/serve';
import { openDatabase } from '../../server/db/database';
import { entryFacts, invoiceXml, SUPPLIER, tempDir } from '../support/agent-harness';
import { zipOf } from '../support/ubl';
import { ROOT, runAgente } from '../support/cli';


interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function agente(db: string, ...args: string[]): Promise<Run> {
  return runAgente(['--db', db, ...args], { env: { ...process.env, USER: 'contadora' } });
}

async function ok<T>(db: string, ...args: string[]): Promise<T> {
  const run = await agente(db, ...args);
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function fails(db: string, message: RegExp, ...args: string[]): Promise<void> {
  const run = await agente(db, ...args);
  expect(run.code, args.join(' ')).not.toBe(0);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
}

describe('command line (npx agente …)', { timeout: 120_000 }, () => {
  const tmp = tempDir('agente-cli-');
  const db = tmp.file('agente.db');
  let arrivalDay: string | undefined;
  afterAll(() => tmp.remove());

  it('creates and shows the company profile', async () => {
    await fails(db, /No hay base de datos en .*agente\.db.*npm start.*agente init/, 'company', 'show');
    expect(existsSync(db)).toBe(false);
    const init = await agente(db, 'init');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toEqual({ database: db, created: true });
    await fails(db, /NO_COMPANY|Todavía no hay empresa configurada/, 'company', 'show');
    const created = await ok<Record<string, unknown>>(db, 'company', 'create', '--nit', '900123456', '--name', 'Comercializadora Prueba SAS', '--user', 'Ana', '--ciiu', '4719,4711', '--gran-contribuyente', '--reteica', '11.04');
    expect(created).toMatchObject({ nit: '900123456', dv: '8', name: 'Comercializadora Prueba SAS', userName: 'Ana', ciiu: ['4719', '4711'], largeTaxpayer: true, icaRatePerMille: '11.04', withholdingAgent: true });
    expect(await ok(db, 'company', 'show')).toEqual(created);
    await fails(db, /Ya existe una empresa con NIT 900123456/, 'company', 'create', '--nit', '900123456', '--name', 'Otra');
    await fails(db, /Falta --name/, 'company', 'create', '--nit', '800111222');
  });

  it('switches the agent and keeps who did it', async () => {
    expect(await ok(db, 'agent', 'status')).toEqual({ status: 'inactive', events: [] });
    await fails(db, /Error: El agente no está activo/, 'agent', 'pause');
    expect(await ok(db, 'agent', 'activate')).toMatchObject({ status: 'active', mode: 'recent' });
    expect(await ok(db, 'agent', 'pause')).toMatchObject({ status: 'paused' });
    expect(await ok(db, 'agent', 'resume')).toMatchObject({ status: 'active' });
    const status = await ok<{ status: string; events: { type: string; actor: string }[] }>(db, 'agent', 'status');
    expect(status.status).toBe('active');
    expect(status.events.map((e) => [e.type, e.actor])).toEqual([['resumed', 'consola (contadora)'], ['paused', 'consola (contadora)'], ['activated', 'consola (contadora)']]);
  });

  it('ingests files and directories, registers with run, and lists documents and bills', async () => {
    const today = bogotaDate(new Date());
    const dir = tmp.file('buzon');
    mkdirSync(`${dir}/sub`, { recursive: true });
    writeFileSync(`${dir}/a.xml`, invoiceXml('CLI-1', { issueDate: today }));
    writeFileSync(`${dir}/sub/b.zip`, zipOf({ 'b.xml': invoiceXml('CLI-2', { issueDate: today }) }));
    writeFileSync(`${dir}/.oculto.xml`, invoiceXml('CLI-X', { issueDate: today }));
    const single = tmp.file('suelta.xml');
    writeFileSync(single, invoiceXml('CLI-3', { issueDate: today, customer: { nit: '811000111', name: 'Otra SAS' } }));

    const ingested = await ok<(InboxDocument & { file: string })[]>(db, 'ingest', dir, single);
    arrivalDay = bogotaDate(new Date(ingested[0]!.arrivedAt));
    expect(ingested.map((d) => [d.number, d.status, d.channel])).toEqual([
      ['CLI-1', 'pending', 'cli'],
      ['CLI-2', 'pending', 'cli'],
      ['CLI-3', 'not_registered', 'cli'],
    ]);
    expect(await ok(db, 'run')).toEqual({ registered: 2, notRegistered: 0, failed: 0 });

    const registered = await ok<Page<InboxDocument>>(db, 'documents', '--status', 'registered');
    expect(registered).toMatchObject({ total: 2, offset: 0, nextOffset: null });
    expect(registered.items.map((d) => d.number).sort()).toEqual(['CLI-1', 'CLI-2']);
    expect((await ok<Page<InboxDocument>>(db, 'documents', '--status', 'not_registered')).items[0]).toMatchObject({ number: 'CLI-3', reasonCode: 'NOT_FOR_COMPANY' });
    await fails(db, /Estado desconocido: perdido/, 'documents', '--status', 'perdido');

    const bills = (await ok<Page<Bill>>(db, 'bills')).items;
    expect(bills).toHaveLength(2);
    for (const bill of bills) {
      const { debits, credits } = entryFacts(bill);
      expect(debits).toBe(credits);
      expect(bill.supplier.nit).toBe(SUPPLIER.nit);
    }
    const toReview = (await ok<Page<Bill>>(db, 'bills', '--review')).items;
    expect(toReview.every((b) => b.needsReview)).toBe(true);
    expect(toReview.length).toBe(bills.filter((b) => b.needsReview).length);
  });

  it('prints the daily summary as JSON, for a date or today so far', async () => {
    // The CLI runs on the real clock: the day is the Bogotá date the documents arrived (robust across midnight).
    const day = arrivalDay!;
    const summary = await ok<DailySummary>(db, 'summary', '--date', day);
    expect(summary).toMatchObject({ date: day, registered: 2, timeSavedMinutes: 6, notRegistered: 1, agentStatus: 'active' });
    expect(summary.final).toBe(bogotaDate(new Date()) !== day);
    expect(summary.notRegisteredDocuments[0]).toMatchObject({ number: 'CLI-3', reasonCode: 'NOT_FOR_COMPANY', reason: expect.stringMatching(/no a Comercializadora Prueba SAS/) });
    const today = await ok<DailySummary>(db, 'summary', '--today');
    expect(today.final).toBe(false);
    expect(today.registered).toBe(today.date === day ? 2 : 0);
    const yesterday = await ok<DailySummary>(db, 'summary');
    expect(yesterday.final).toBe(true);
    expect(yesterday.registered).toBe(yesterday.date === day ? 2 : 0);
    await fails(db, /Fecha inválida «ayer»: usa AAAA-MM-DD/, 'summary', '--date', 'ayer');
    await fails(db, /La fecha «2026-02-30» no existe/, 'summary', '--date', '2026-02-30');
    await fails(db, /todavía no ha llegado/, 'summary', '--date', '2999-01-01');
  });

  it('prints a token that authenticates against the API, and rotating revokes the previous one', async () => {
    const first = await agente(db, 'token');
    expect(first.code).toBe(0);
    const token = first.stdout.trim();
    expect(token).toMatch(/^ag_[A-Za-z0-9_-]{40,}$/);
    expect(first.stderr).toMatch(/no se volverá a mostrar/);

    const check = async (candidate: string) => {
      const database = await openDatabase(db);
      const server = await startApiServer(new Agent(database), { port: 0 });
      try {
        return (await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${candidate}` } })).status;
      } finally {
        await server.close();
        await database.destroy();
      }
    };
    expect(await check(token)).toBe(200);
    const second = await agente(db, 'token', '--label', 'otra');
    expect(second.stderr).toMatch(/tokens de instalación anteriores quedaron revocados/);
    expect(await check(token)).toBe(401);
    expect(await check(second.stdout.trim())).toBe(200);
  });

  it('asks which company when there are several (--company)', async () => {
    await ok(db, 'company', 'create', '--nit', '800111222', '--name', 'Otra Empresa SAS', '--user', 'Beto');
    await fails(db, /Hay 2 empresas: di cuál con su NIT/, 'bills');
    expect((await ok<Page<Bill>>(db, '--company', '800111222', 'bills')).items).toEqual([]);
    expect((await ok<Page<Bill>>(db, '--company', '900123456', 'bills')).items).toHaveLength(2);
    await fails(db, /No hay ninguna empresa con NIT 811000111/, '--company', '811000111', 'bills');
    await fails(db, /unknown command|desconocid/i, 'volar');
  });

  it('serve: listens on 127.0.0.1, shows the first token once, and stops on SIGTERM', async () => {
    const fresh = tmp.file('serve.db');
    const serve = () =>
      new Promise<{ token?: string; url: string; output: string; stop: () => Promise<number | null> }>((resolve, reject) => {
        const child = spawn(process.execPath, ['bin/agente.js', '--db', fresh, 'serve', '--port', '0', '--no-watch'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        const timer = setTimeout(() => reject(new Error(`serve no arrancó: ${out}`)), 90_000);
        child.stdout.on('data', (d) => {
          out += d;
          const url = /escuchando en (http:\/\/\S+)/.exec(out)?.[1];
          if (!url) return;
          clearTimeout(timer);
          const token = /\n\s+(ag_\S+)\n/.exec(out)?.[1];
          resolve({ url, output: out, ...(token ? { token } : {}), stop: () => new Promise((done) => (child.once('close', done), child.kill('SIGTERM'))) });
        });
        child.on('error', reject);
      });
    const first = await serve();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.token).toMatch(/^ag_/);
    // The first start creates the database, says where, and makes the day's backup beside it.
    expect(first.output).toContain(`Base de datos creada en ${fresh}`);
    expect(first.output).toMatch(/Copias de seguridad diarias: .*backups \(se guardan 14 días\)/);
    // Which certification authorities signatures are checked against (the bundle's two roots, at least).
    expect(first.output).toMatch(/Anclas de confianza: 2 del agente/);
    expect(existsSync(`${tmp.file('backups')}/agente-${bogotaDate(new Date())}.db`)).toBe(true);
    expect((await fetch(`${first.url}/api/v1/companies`, { headers: { Authorization: `Bearer ${first.token}` } })).status).toBe(200);
    expect(await first.stop()).toBe(0);
    const second = await serve();
    expect(second.token).toBeUndefined();
    expect(second.output).toContain(`Base de datos: ${fresh} (--db)`);
    expect(await second.stop()).toBe(0);
  });
});
