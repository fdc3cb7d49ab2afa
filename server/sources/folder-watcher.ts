import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Agent } from '../agent/agent';
import { findCompanyByNit, listCompanies } from '../companies/companies';

export const PROCESSED_DIR = 'procesados';

export interface FolderWatcherOptions {
  /** The watched folder (`./inbox` by default). */
  dir: string;
  /** Where ingested files go, inside `dir`. */
  processedDir?: string;
  /** How long a file must stay the same size before it is read (partial writes are never read half-way). */
  stableMs?: number;
  log?: (message: string) => void;
}

/**
 * Watches a folder for dropped XML/ZIP files: each is ingested once, then moved to `procesados/` (with the
 * arrival date in its path, so names never collide). Files directly in the folder belong to the only company;
 * with several companies, drop them in a sub-folder named after the company's NIT (`inbox/900123456/…`).
 */
export async function startFolderWatcher(agent: Agent, options: FolderWatcherOptions): Promise<{ close(): Promise<void>; ready: Promise<void> }> {
  const processed = join(options.dir, options.processedDir ?? PROCESSED_DIR);
  await mkdir(processed, { recursive: true });
  const log = options.log ?? ((m: string) => console.log(m));
  const inFlight = new Set<string>();

  const watcher: FSWatcher = watch(options.dir, {
    ignoreInitial: false,
    depth: 1,
    ignored: (path) => path.startsWith(processed) || basename(path).startsWith('.'),
    awaitWriteFinish: { stabilityThreshold: options.stableMs ?? 500, pollInterval: 100 },
  });

  const handle = async (path: string) => {
    if (inFlight.has(path)) return;
    inFlight.add(path);
    try {
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return;
      const company = await companyFor(agent, options.dir, path);
      if (!company) {
        log(`${path}: no se sabe de qué empresa es; póngalo en una carpeta con el NIT de la empresa (${options.dir}${sep}<NIT>${sep}).`);
        return;
      }
      const bytes = await readFile(path);
      const result = await agent.ingest({ companyId: company.id, bytes, channel: 'folder', sourceRef: basename(path), metadata: { path } });
      const target = join(processed, new Date().toISOString().slice(0, 10), `${Date.now()}-${basename(path)}`);
      await mkdir(dirname(target), { recursive: true });
      await rename(path, target);
      log(`${basename(path)}: ${result.documents.map((d) => `${d.number ?? 'documento'} ${d.status}${d.reason ? ` (${d.reason})` : ''}`).join('; ') || 'sin documentos'}`);
    } catch (error) {
      // Left in place: the next start (or a new event) tries again. Nothing is lost.
      log(`${path}: no se pudo ingresar (${(error as Error).message}); se reintentará.`);
    } finally {
      inFlight.delete(path);
    }
  };
  watcher.on('add', (path) => void handle(path));
  watcher.on('change', (path) => void handle(path));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close(), ready };
}

async function companyFor(agent: Agent, root: string, path: string) {
  const parts = relative(root, path).split(sep);
  if (parts.length > 1) return findCompanyByNit(agent.db, parts[0]!);
  const companies = await listCompanies(agent.db);
  return companies.length === 1 ? companies[0] : undefined;
}
