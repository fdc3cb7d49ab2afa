import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AuthenticityResult } from '#shared/authenticity';
import type { DianDocument, ReadOutcome } from '#shared/dian-document';
import { signedTextsOf, type SignedTexts } from '../dian/signed-texts';
// Only light modules here: this file runs in the main thread, which hands the work to the threads. The XML,
// signature and certificate libraries are loaded there (verify-worker.ts), and in the main thread only when it must
// check a document itself (`inThisThread`).
import { anchorFiles, defaultAnchorFiles } from './anchor-files';
import type { ReadAndVerifyOptions, ReceivedFileRead } from './read-and-verify';
import { documentToVerify, purchaseDocument, type DocumentToVerify } from './to-verify';
import type { TrustAnchors } from './trust-anchors';

/**
 * Checking the two signatures of a received document costs several times reading it (DOM parse, C14N, RSA, all
 * synchronous), so the reception path runs them on a few threads (node:worker_threads): the main thread stays free
 * for the API and the sources, and documents arriving together are checked on every core. Reception sends the whole
 * received file (`readAndVerifyOnThread`): the thread reads it too, so the main thread never holds the garbage of
 * parsing it. Each thread runs the very same `readDianFile` and `verifySignedTexts` as the main thread; a thread that
 * cannot start, fails or dies gives its work back to be done in the main thread, so a result is never lost nor
 * different. Idle threads do not keep the process alive.
 *
 * `AGENTE_HILOS_FIRMAS` sets how many threads (default: one per core; `0` checks in the main thread).
 */
export const THREADS_VARIABLE = 'AGENTE_HILOS_FIRMAS';

/** What a verification thread receives: everything `verifySignedTexts` needs, as structured-clone data. */
export interface VerifyTask {
  id: number;
  /** Only what the checks read: cloning the whole document (every line) to the thread cost more than it used. */
  document: DocumentToVerify;
  texts: SignedTexts;
  now: Date;
  /** Anchors are passed as the files they were read from: certificate objects do not cross threads. */
  anchorFiles: string[];
}

/** What a thread receives to read a whole received file and check its documents (`readAndVerify`). */
export interface ReadTask extends Omit<ReadAndVerifyOptions, 'anchors'> {
  id: number;
  kind: 'read';
  /** A copy of the file's bytes, moved (not copied again) to the thread. */
  bytes: Uint8Array;
  anchorFiles: string[];
}

export type ThreadTask = (VerifyTask & { kind?: 'verify' }) | ReadTask;

/**
 * What a thread answers to a read task: the file checked, or (several purchase documents in it) the outcomes with the
 * texts each document's signatures cover, for the main thread to hand each document to a thread of its own.
 */
export type ThreadRead = ReceivedFileRead | { outcomes: ReadOutcome[]; texts: (SignedTexts | undefined)[] };

export type VerifyReply = { id: number; result: AuthenticityResult } | { id: number; read: ThreadRead } | { id: number; error: string };

/**
 * The authenticity of each outcome, as `verifyOutcome` gives it (same results, same order), checked on the
 * verification threads. `textsOf` gives each document's signed texts (a thread that read the file sends them cut
 * already). Never throws.
 */
export async function verifyOutcomes(outcomes: readonly ReadOutcome[], now: Date, options: { anchors?: TrustAnchors } = {}, textsOf: (document: DianDocument) => SignedTexts | undefined = signedTextsOf): Promise<(AuthenticityResult | undefined)[]> {
  return Promise.all(outcomes.map((outcome) => verifyOne(outcome, now, options, textsOf)));
}

async function verifyOne(outcome: ReadOutcome, now: Date, options: { anchors?: TrustAnchors }, textsOf: (document: DianDocument) => SignedTexts | undefined): Promise<AuthenticityResult | undefined> {
  const document = purchaseDocument(outcome);
  if (!document) return undefined;
  const texts = textsOf(document);
  const inThisThread = async () => (await import('./verify-outcome')).verifySignedTexts(document, texts, now, options);
  const pool = sharedPool();
  if (!pool || !texts) return inThisThread();
  const files = filesOf(options.anchors);
  if (!files) return inThisThread();
  return (await pool.run<AuthenticityResult>({ document: documentToVerify(document), texts, now, anchorFiles: files })) ?? inThisThread();
}

/**
 * The files the threads read the anchors from: the caller's set when it was read from files, else the default files
 * (named here, read by each thread: the main thread never parses them). `undefined` when the threads cannot have
 * them: the main thread then checks, with the very same anchors, and says why when they cannot be read.
 */
function filesOf(anchors: TrustAnchors | undefined): string[] | undefined {
  try {
    return anchors ? anchorFiles(anchors) : defaultAnchorFiles();
  } catch {
    return undefined;
  }
}

/**
 * Reads a received file and checks the signatures of its documents (`readAndVerify`) on a verification thread, so
 * the main thread neither parses it nor holds the garbage of parsing it. `undefined` when no thread can (none
 * configured or able to start, anchors not read from files, the thread failed or died with the file): the caller
 * then reads and checks it in its own thread, as it always could, with the same result. The file itself is stored
 * before this is asked (server/agent/ingest.ts), so nothing is lost whatever happens to the thread.
 */
export async function readAndVerifyOnThread(bytes: Uint8Array, options: Omit<ReadAndVerifyOptions, 'anchors'> & { anchors?: TrustAnchors | undefined }): Promise<ReceivedFileRead | undefined> {
  const pool = sharedPool();
  if (!pool) return undefined;
  const files = filesOf(options.anchors);
  if (!files) return undefined;
  // Its own buffer, moved to the thread: the caller's bytes stay usable, and a view into a larger buffer (a mail
  // message) does not send the whole of it.
  const copy = new Uint8Array(bytes);
  const task: Omit<ReadTask, 'id'> = { kind: 'read', bytes: copy, name: options.name, maxDocuments: options.maxDocuments, now: options.now, anchorFiles: files, ...(options.limits ? { limits: options.limits } : {}) };
  const read = await pool.run<ThreadRead>(task, [copy.buffer]);
  if (!read || 'authenticity' in read) return read;
  // Several documents (a ZIP of invoices): each is checked on a thread of its own, so they use every core, as when
  // the main thread read them.
  const texts = new Map(read.outcomes.map((outcome, i) => [outcome.document, read.texts[i]]));
  return { outcomes: read.outcomes, authenticity: await verifyOutcomes(read.outcomes, options.now, options.anchors ? { anchors: options.anchors } : {}, (document) => texts.get(document)) };
}

/** Stops the verification threads (the next verification starts them again). Idle threads never hold the process. */
export async function closeVerifyThreads(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/** How many verification threads are running and loaded (for tests and status: 0 means the main thread checks). */
export function readyVerifyThreads(): number {
  return shared?.ready ?? 0;
}

let shared: VerifyPool | undefined;

function sharedPool(): VerifyPool | undefined {
  if (shared) return shared.usable ? shared : undefined;
  const configured = process.env[THREADS_VARIABLE]?.trim();
  const size = configured ? Number(configured) : availableParallelism();
  if (!Number.isInteger(size) || size < 1) return undefined;
  shared = new VerifyPool(Math.min(size, 16));
  return shared;
}

interface Pending {
  resolve(result: AuthenticityResult | ThreadRead | undefined): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Stops the thread when it has stayed without work for IDLE_MS. */
  idleTimer?: NodeJS.Timeout;
  /** Its modules are loaded ('ready' received): a failure before that means the threads cannot work here. */
  online: boolean;
}

/**
 * The worker's file: `verify-worker.js` beside the bundle when running from dist/ (scripts/build-server.js); from
 * the TypeScript sources (tests, benchmarks, `tsx`), a small module that loads tsx in the thread first.
 */
function workerEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './verify-worker-tsx.mjs' : './verify-worker.js', import.meta.url);
}

/**
 * Each check leaves ≈ 3 MB of short-lived garbage (the DOM, the canonical texts). With V8's default young generation
 * (up to 48 MB) a busy thread kept most of that reserved, ≈ 40 MB of resident memory per thread more than this size,
 * at no measurable gain in speed (test/bench/authenticity.bench.ts, alternate runs).
 */
const YOUNG_GENERATION_MB = 8;

/**
 * Not a limit any received file reaches (a 9.3 MB invoice of 7,000 lines is read in under 128 MB; the reader refuses
 * XML over 10 MB and ZIPs over 60 MB expanded), but what tells V8 to grow the old generation sparingly: with the
 * main thread's multi-gigabyte default it lets a thread's heap grow to 4× what it holds before collecting, and the
 * garbage of reading files (which the threads do since reception sends them whole) took a thread's old generation to
 * 37–67 MB over a 5,000-file backlog for ≈ 12 MB in use; with this cap (V8 grows by ≈ 1.4× below 2 GB) it stayed at
 * 19–25 MB, at the same speed. A file that did reach it would end the thread (ERR_WORKER_OUT_OF_MEMORY), not the
 * process: like any thread that dies, its work is done in the main thread instead.
 */
const OLD_GENERATION_MB = 512;

/**
 * A thread idle this long is stopped: each keeps ≈ 70 MB (its own V8 heap with the XML, signature and certificate
 * libraries loaded), which a server that receives a batch and then registers it, or waits for the next mail, should
 * not hold. Starting one again costs a fraction of a second, paid once per burst of arrivals, not per document.
 */
const IDLE_MS = 5_000;

class VerifyPool {
  private readonly threads: Thread[] = [];
  private nextId = 1;
  /** False once a thread failed to start: from then on everything is checked in the main thread. */
  usable = true;
  private closed = false;

  constructor(private readonly size: number) {}

  get ready(): number {
    return this.threads.filter((t) => t.online).length;
  }

  /** The result, or `undefined` when the threads could not give one (the caller does the work in its own thread). */
  run<T>(task: Omit<VerifyTask, 'id'> | Omit<ReadTask, 'id'>, transfer: ArrayBuffer[] = []): Promise<T | undefined> {
    if (!this.usable) return Promise.resolve(undefined);
    const thread = this.pick();
    if (!thread) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      try {
        thread.worker.postMessage({ ...task, id } satisfies ThreadTask, transfer);
      } catch {
        resolve(undefined);
        return;
      }
      if (thread.pending.size === 0) thread.worker.ref();
      clearTimeout(thread.idleTimer);
      thread.pending.set(id, { resolve: resolve as Pending['resolve'] });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads.splice(0);
    for (const t of threads) clearTimeout(t.idleTimer);
    await Promise.all(threads.map((t) => t.worker.terminate()));
    for (const t of threads) this.settleAll(t);
  }

  /** The least busy thread; a new one while there are fewer than `size` and all are busy. */
  private pick(): Thread | undefined {
    let best: Thread | undefined;
    for (const t of this.threads) if (!best || t.pending.size < best.pending.size) best = t;
    if ((!best || best.pending.size > 0) && this.threads.length < this.size) return this.start() ?? best;
    return best;
  }

  private start(): Thread | undefined {
    let worker: Worker;
    try {
      worker = new Worker(workerEntry(), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } });
    } catch (error) {
      this.giveUp(error as Error);
      return undefined;
    }
    worker.unref();
    const thread: Thread = { worker, pending: new Map(), online: false };
    this.threads.push(thread);
    worker.on('message', (reply: VerifyReply | 'ready') => {
      if (reply === 'ready') {
        thread.online = true;
        return;
      }
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) {
        worker.unref();
        this.retireWhenIdle(thread);
      }
      pending.resolve('result' in reply ? reply.result : 'read' in reply ? reply.read : undefined);
    });
    const gone = (error?: Error) => {
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      if (!thread.online && !this.closed) this.giveUp(error ?? new Error('el hilo terminó al arrancar'));
      this.settleAll(thread);
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    return thread;
  }

  private retireWhenIdle(thread: Thread): void {
    clearTimeout(thread.idleTimer);
    thread.idleTimer = setTimeout(() => {
      if (thread.pending.size > 0) return;
      // Out of the list first, so no new document is given to it while it stops.
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      void thread.worker.terminate();
    }, IDLE_MS);
    thread.idleTimer.unref();
  }

  private settleAll(thread: Thread): void {
    for (const pending of thread.pending.values()) pending.resolve(undefined);
    thread.pending.clear();
  }

  private giveUp(error: Error): void {
    if (!this.usable) return;
    this.usable = false;
    process.emitWarning(`Los hilos de verificación de firmas no arrancaron (${error.message}); las firmas se comprueban en el hilo principal.`);
  }
}
