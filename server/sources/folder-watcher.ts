import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { bogotaDate } from '#shared/bogota-time';
import type { Agent } from '../agent/agent';
import { findCompanyByNit, listCompanies } from '../companies/companies';

export const PROCESSED_DIR = 'procesados';

/** Same limit as an upload through the API. */
export const MAX_FOLDER_FILE_BYTES = 25 * 1024 * 1024;

export interface FolderWatcherOptions {
  /** The watched folder (`./inbox` by default in `npm start`). */
  dir: string;
  /** Where ingested files go: a name inside `dir` (`procesados`) or an absolute path. */
  processedDir?: string;
  /** How long a file must stay the same size before it is read (partial writes are never read half-way). */
  stableMs?: number;
  /** Larger files are left where they are, with a message. */
  maxFileBytes?: number;
  /** How long a file that still looks cut off (a ZIP without its directory, an XML without its last `>`) is waited for. */
  incompleteGraceMs?: number;
  /** A file that could not be ingested (database busy…) is tried again after this long. */
  retryMs?: number;
  log?: (message: string) => void;
}

export interface FolderWatcher {
  close(): Promise<void>;
  /** Resolves once the files already in the folder have been seen (not necessarily ingested). */
  ready: Promise<void>;
  /** Resolves when no file is being handled or waiting for a re-check (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Watches a folder for dropped XML/ZIP files: each is ingested once, then moved to `procesados/<fecha>/` (with a
 * timestamp in its name, so names never collide). Files directly in the folder belong to the only company; with
 * several companies, drop them in a sub-folder named after the company's NIT (`inbox/900123456/…`).
 *
 * A file is read only after its size stayed put for `stableMs` and its bytes look whole; temporary names used while
 * copying (`.part`, `.crdownload`, `~$…`, dot-files) are never read. If the agent stops between ingesting a file
 * and moving it, the next start recognizes the same file (name and SHA-256) and only moves it.
 */
export async function startFolderWatcher(agent: Agent, options: FolderWatcherOptions): Promise<FolderWatcher> {
  const root = resolve(options.dir);
  const processed = options.processedDir && isAbsolute(options.processedDir) ? options.processedDir : join(root, options.processedDir ?? PROCESSED_DIR);
  await mkdir(processed, { recursive: true });
  const log = options.log ?? ((m: string) => console.log(m));
  const stableMs = options.stableMs ?? 500;
  const maxBytes = options.maxFileBytes ?? MAX_FOLDER_FILE_BYTES;
  const inFlight = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const warned = new Set<string>();
  let closed = false;

  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log(message);
  };
  const later = (path: string, ms: number) => {
    if (closed) return;
    clearTimeout(timers.get(path));
    const timer = setTimeout(() => {
      timers.delete(path);
      schedule(path);
    }, ms);
    timer.unref?.();
    timers.set(path, timer);
  };

  const handle = async (path: string) => {
    const before = await stat(path).catch(() => undefined);
    if (!before?.isFile() || closed) return;
    const name = basename(path);
    if (before.size > maxBytes) {
      warnOnce(`${path}|${before.size}|${before.mtimeMs}`, `${name}: pesa ${megabytes(before.size)}, más de los ${megabytes(maxBytes)} permitidos; no se ingresa (queda en la carpeta).`);
      return;
    }
    const company = await companyFor(agent, root, path);
    if (!company) {
      warnOnce(path, `${path}: no se sabe de qué empresa es; póngalo en una carpeta con el NIT de la empresa (${options.dir}${sep}<NIT>${sep}).`);
      return;
    }
    const bytes = await readFile(path);
    const after = await stat(path).catch(() => undefined);
    if (!after || after.size !== bytes.length || after.mtimeMs !== before.mtimeMs) return later(path, stableMs);
    if (!looksWhole(bytes) && Date.now() - after.mtimeMs < (options.incompleteGraceMs ?? 60_000)) return later(path, Math.max(stableMs, 250) * 2);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const previous = await agent.db
      .selectFrom('receivedFile')
      .select(['id', 'receivedAt'])
      .where('companyId', '=', company.id)
      .where('channel', '=', 'folder')
      .where('sha256', '=', sha256)
      .where('sourceRef', '=', name)
      .executeTakeFirst();
    let summary: string;
    if (previous) {
      // Ingested before the agent stopped, not yet moved: moving it now is all that is left — and reading it, when
      // the process that stored it died before reading it (another `agente serve` that held this folder).
      await agent.recoverFile(previous.id);
      summary = `ya se había recibido el ${previous.receivedAt.slice(0, 10)}; solo se mueve a ${PROCESSED_DIR}`;
    } else {
      const result = await agent.ingest({ companyId: company.id, bytes, channel: 'folder', sourceRef: name, metadata: { path } });
      summary = result.documents.map((d) => `${d.number ?? 'documento'} ${d.status}${d.reason ? ` (${d.reason})` : ''}`).join('; ') || 'sin documentos';
    }
    const now = agent.clock.now();
    await move(path, join(processed, bogotaDate(now), `${now.getTime()}-${name}`));
    log(`${name}: ${summary}`);
  };

  const schedule = (path: string) => {
    if (closed || inFlight.has(path)) return;
    const run = handle(path)
      .catch((error) => {
        // Left in place and tried again later: nothing is lost.
        log(`${path}: no se pudo ingresar (${(error as Error).message}); se reintentará.`);
        later(path, options.retryMs ?? 30_000);
      })
      .finally(() => inFlight.delete(path));
    inFlight.set(path, run);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: false,
    depth: 1,
    ignored: (path) => isInside(path, processed) || isTemporaryName(basename(path)),
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.min(100, stableMs) },
  });
  watcher.on('add', schedule);
  watcher.on('change', schedule);
  watcher.on('error', (error) => log(`Carpeta vigilada ${options.dir}: ${(error as Error).message}`));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const idle = async () => {
    while (inFlight.size > 0 || timers.size > 0) {
      await Promise.all(inFlight.values());
      if (inFlight.size === 0 && timers.size > 0) await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    ready,
    idle,
    close: async () => {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await watcher.close();
      await Promise.all(inFlight.values());
    },
  };
}

async function companyFor(agent: Agent, root: string, path: string) {
  const parts = relative(root, path).split(sep);
  if (parts.length > 1) return findCompanyByNit(agent.db, parts[0]!);
  const companies = await listCompanies(agent.db);
  return companies.length === 1 ? companies[0] : undefined;
}

/** Names that copy tools, browsers and editors use while a file is still being written. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name.endsWith('~') || /\.(part|partial|crdownload|download|tmp|temp|swp|filepart)$/i.test(name);
}

/**
 * A ZIP is whole when its end-of-central-directory record is there; an XML when its last non-blank byte is `>`.
 * Anything else (a PDF dropped by mistake…) is taken as it is: the reader says what it is.
 */
export function looksWhole(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const from = Math.max(0, bytes.length - (22 + 65_535));
    for (let i = bytes.length - 22; i >= from; i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
    }
    return false;
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && isBlank(bytes[start]!)) start++;
  if (bytes[start] !== 0x3c) return true;
  let end = bytes.length - 1;
  while (end > start && (isBlank(bytes[end]!) || bytes[end] === 0)) end--;
  return bytes[end] === 0x3e;
}

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function move(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // The processed folder is on another disk.
    await copyFile(from, to);
    await unlink(from);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('es-CO', { maximumFractionDigits: 1 })} MB`;
}
