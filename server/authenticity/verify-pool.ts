import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AuthenticityResult } from '#shared/authenticity';
import type { ReadOutcome } from '#shared/dian-document';
import { signedTextsOf, type SignedTexts } from '../dian/signed-texts';
import { anchorFiles, defaultAnchors, type TrustAnchors } from './trust-anchors';
import { documentToVerify, type DocumentToVerify } from './verify-document';
import { purchaseDocument, verifySignedTexts } from './verify-outcome';

/**
 * Checking the two signatures of a received document costs several times reading it (DOM parse, C14N, RSA, all
 * synchronous), so the reception path runs them on a few threads (node:worker_threads): the main thread stays free
 * for the API and the sources, and documents arriving together are checked on every core. Each thread runs the very
 * same `verifySignedTexts` as the main thread; a thread that cannot start or dies sends its documents back to be
 * checked in the main thread, so a result is never lost nor different. Idle threads do not keep the process alive.
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

export type VerifyReply = { id: number; result: AuthenticityResult } | { id: number; error: string };

/**
 * The authenticity of each outcome, as `verifyOutcome` gives it (same results, same order), checked on the
 * verification threads. Never throws.
 */
export async function verifyOutcomes(outcomes: readonly ReadOutcome[], now: Date, options: { anchors?: TrustAnchors } = {}): Promise<(AuthenticityResult | undefined)[]> {
  return Promise.all(outcomes.map((outcome) => verifyOne(outcome, now, options)));
}

async function verifyOne(outcome: ReadOutcome, now: Date, options: { anchors?: TrustAnchors }): Promise<AuthenticityResult | undefined> {
  const document = purchaseDocument(outcome);
  if (!document) return undefined;
  const texts = signedTextsOf(document);
  const inThisThread = () => verifySignedTexts(document, texts, now, options);
  const pool = sharedPool();
  if (!pool || !texts) return inThisThread();
  let files: string[] | undefined;
  try {
    files = anchorFiles(options.anchors ?? defaultAnchors());
  } catch {
    // An unreadable anchors file: the main thread gives the same `unverifiable` it always gave.
    return inThisThread();
  }
  if (!files) return inThisThread();
  return (await pool.verify({ document: documentToVerify(document), texts, now, anchorFiles: files })) ?? inThisThread();
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
  resolve(result: AuthenticityResult | undefined): void;
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

  /** The result, or `undefined` when the threads could not give one (the caller checks in its own thread). */
  verify(task: Omit<VerifyTask, 'id'>): Promise<AuthenticityResult | undefined> {
    if (!this.usable) return Promise.resolve(undefined);
    const thread = this.pick();
    if (!thread) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      try {
        thread.worker.postMessage({ ...task, id } satisfies VerifyTask);
      } catch {
        resolve(undefined);
        return;
      }
      if (thread.pending.size === 0) thread.worker.ref();
      clearTimeout(thread.idleTimer);
      thread.pending.set(id, { resolve });
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
      worker = new Worker(workerEntry(), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
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
      pending.resolve('result' in reply ? reply.result : undefined);
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
