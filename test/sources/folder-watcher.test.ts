import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../server/agent/agent';
import { createCompany } from '../../server/companies/companies';
import { looksWhole, startFolderWatcher, type FolderWatcher } from '../../server/sources/folder-watcher';
import { encoder } from '../support/fixtures';
import { agentWithCompany, COMPANY_NIT } from './agent-setup';
import { invoiceXml, invoiceZip } from './mail-fixtures';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup.length = 0;
});

async function setup(options: { processedDir?: string; maxFileBytes?: number } = {}) {
  const { agent, company } = await agentWithCompany({ activateAt: new Date(Date.now() - 60_000) });
  const dir = await mkdtemp(join(tmpdir(), 'agente-inbox-'));
  const logs: string[] = [];
  const start = async () => {
    const watcher = await startFolderWatcher(agent, { dir, stableMs: 150, incompleteGraceMs: 5_000, retryMs: 200, log: (m) => logs.push(m), ...options });
    await watcher.ready;
    cleanup.push(() => watcher.close());
    return watcher;
  };
  cleanup.push(async () => {
    await agent.db.destroy();
    await rm(dir, { recursive: true, force: true });
  });
  return { agent, company, dir, logs, start };
}

async function until(check: () => Promise<boolean> | boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('tiempo agotado');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function receivedFiles(agent: Agent) {
  return agent.db.selectFrom('receivedFile').selectAll().where('channel', '=', 'folder').execute();
}

async function processedFiles(dir: string): Promise<string[]> {
  const root = join(dir, 'procesados');
  const out: string[] = [];
  for (const day of await readdir(root)) for (const f of await readdir(join(root, day))) out.push(f.replace(/^\d+-/, ''));
  return out.sort();
}

describe('folder watcher', () => {
  it('ingests dropped XML and ZIP files once and moves them to procesados/<fecha>/', async () => {
    const { agent, dir, start } = await setup();
    const watcher = await start();
    await writeFile(join(dir, 'FE1.xml'), invoiceXml(COMPANY_NIT, 'folder-1'));
    await writeFile(join(dir, 'FE2.zip'), invoiceZip(invoiceXml(COMPANY_NIT, 'folder-2')));
    await until(async () => (await receivedFiles(agent)).length === 2 && !existsSync(join(dir, 'FE1.xml')) && !existsSync(join(dir, 'FE2.zip')));
    await watcher.idle();
    expect(await processedFiles(dir)).toEqual(['FE1.xml', 'FE2.zip']);
    const docs = await agent.db.selectFrom('inboxDocument').select(['status', 'channel']).execute();
    expect(docs).toEqual([
      { status: 'pending', channel: 'folder' },
      { status: 'pending', channel: 'folder' },
    ]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await receivedFiles(agent)).toHaveLength(2);
  });

  it('never reads a partial write: a ZIP written in two halves is ingested once, whole', async () => {
    const { agent, dir, start } = await setup();
    const watcher = await start();
    const zip = invoiceZip(invoiceXml(COMPANY_NIT, 'partial'));
    const path = join(dir, 'lento.zip');
    await writeFile(path, zip.subarray(0, Math.floor(zip.length / 2)));
    // Longer than the stability threshold: the half-file looks finished by size, but not by content.
    await new Promise((r) => setTimeout(r, 700));
    expect(await receivedFiles(agent)).toHaveLength(0);
    await appendFile(path, zip.subarray(Math.floor(zip.length / 2)));
    await until(async () => (await receivedFiles(agent)).length === 1);
    // The file is stored first; its documents are recorded once its signatures are checked (on another thread).
    await watcher.idle();
    const [file] = await receivedFiles(agent);
    expect(file!.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    const [doc] = await agent.db.selectFrom('inboxDocument').select('status').execute();
    expect(doc!.status).toBe('pending');
  });

  it('ignores temporary names while copying, then ingests the renamed file', async () => {
    const { agent, dir, start } = await setup();
    await start();
    await writeFile(join(dir, 'FE3.xml.part'), invoiceXml(COMPANY_NIT, 'temp'));
    await writeFile(join(dir, '.FE3.xml.swp'), 'x');
    await new Promise((r) => setTimeout(r, 500));
    expect(await receivedFiles(agent)).toHaveLength(0);
    await rename(join(dir, 'FE3.xml.part'), join(dir, 'FE3.xml'));
    await until(async () => (await receivedFiles(agent)).length === 1 && !existsSync(join(dir, 'FE3.xml')));
    expect((await receivedFiles(agent))[0]!.sourceRef).toBe('FE3.xml');
    expect(existsSync(join(dir, '.FE3.xml.swp'))).toBe(true);
  });

  it('after a stop between ingesting and moving, the next start only moves the file', async () => {
    const { agent, company, dir, start } = await setup();
    const bytes = encoder.encode(invoiceXml(COMPANY_NIT, 'crash'));
    await agent.ingest({ companyId: company.id, bytes, channel: 'folder', sourceRef: 'FE4.xml' });
    await writeFile(join(dir, 'FE4.xml'), bytes);
    const watcher = await start();
    await until(() => !existsSync(join(dir, 'FE4.xml')));
    await watcher.idle();
    expect(await receivedFiles(agent)).toHaveLength(1);
    expect(await agent.db.selectFrom('inboxDocument').selectAll().execute()).toHaveLength(1);
    expect(await processedFiles(dir)).toEqual(['FE4.xml']);
  });

  it('with several companies, routes by NIT sub-folder and leaves unattributable files in place', async () => {
    const { agent, dir, logs, start } = await setup();
    const other = await createCompany(agent.db, { nit: '811000111', name: 'Otra Empresa SAS' }, agent.clock);
    await mkdir(join(dir, '811000111'));
    const watcher = await start();
    await writeFile(join(dir, '811000111', 'FE5.xml'), invoiceXml('811000111', 'other'));
    await writeFile(join(dir, 'sin-empresa.xml'), invoiceXml(COMPANY_NIT, 'nowhere'));
    await until(async () => (await receivedFiles(agent)).length === 1 && logs.some((l) => l.includes('no se sabe de qué empresa')));
    await watcher.idle();
    expect((await receivedFiles(agent))[0]!.companyId).toBe(other.id);
    expect(existsSync(join(dir, 'sin-empresa.xml'))).toBe(true);
  });

  it('leaves files over the size limit in place, saying why', async () => {
    const { agent, dir, logs, start } = await setup({ maxFileBytes: 1_000 });
    const watcher = await start();
    await writeFile(join(dir, 'grande.xml'), invoiceXml(COMPANY_NIT, 'big'));
    await until(() => logs.some((l) => l.includes('grande.xml') && l.includes('permitidos')));
    await watcher.idle();
    expect(await receivedFiles(agent)).toHaveLength(0);
    expect(existsSync(join(dir, 'grande.xml'))).toBe(true);
  });

  it('moves to a configured processed folder elsewhere', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'agente-procesados-'));
    cleanup.push(() => rm(elsewhere, { recursive: true, force: true }));
    const { agent, dir, start } = await setup({ processedDir: elsewhere });
    const watcher: FolderWatcher = await start();
    await writeFile(join(dir, 'FE6.xml'), invoiceXml(COMPANY_NIT, 'elsewhere'));
    await until(async () => (await receivedFiles(agent)).length === 1 && !existsSync(join(dir, 'FE6.xml')));
    await watcher.idle();
    const [day] = await readdir(elsewhere);
    expect((await readdir(join(elsewhere, day!))).some((f) => f.endsWith('-FE6.xml'))).toBe(true);
  });
});

describe('looksWhole', () => {
  it('needs the ZIP directory and the XML closing bracket', () => {
    const zip = invoiceZip('<Invoice/>');
    expect(looksWhole(zip)).toBe(true);
    expect(looksWhole(zip.subarray(0, zip.length - 10))).toBe(false);
    expect(looksWhole(encoder.encode('<?xml version="1.0"?><Invoice></Invoice>\n'))).toBe(true);
    expect(looksWhole(encoder.encode('<?xml version="1.0"?><Invoice><cbc:ID>FE'))).toBe(false);
    expect(looksWhole(encoder.encode('%PDF-1.4'))).toBe(true);
    expect(looksWhole(new Uint8Array())).toBe(false);
  });
});
