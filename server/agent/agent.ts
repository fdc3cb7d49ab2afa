import type { IngestResult } from '#shared/inbox';
import type { TrustAnchors } from '../authenticity';
import type { Db } from '../db/database';
import type { LineClassifier } from '../matching/line-classifier';
import { SuggestionEngine } from '../matching/suggestion-engine';
import { systemClock, type Clock } from './clock';
import { ingestFile, recoverUnreadFiles, type IngestInput } from './ingest';
import { intakeLimitsFromEnv, type IntakeLimits } from './intake-limits';
import { Processor } from './processor';
import type { AgentDeps, BillListener } from './register-document';

export interface AgentOptions {
  clock?: Clock;
  classifier?: LineClassifier;
  confidenceThreshold?: number;
  /** How often the processor sweeps for work added by other processes. */
  sweepIntervalMs?: number;
  listeners?: BillListener[];
  /** Trust anchors for the signature checks of received documents (default: the bundle plus `AGENTE_ANCLAS_CONFIANZA`). */
  trustAnchors?: TrustAnchors;
  /** How much one file or message may add, and how much refused junk is kept (`intakeLimitsFromEnv()` by default). */
  intake?: Partial<IntakeLimits>;
}

/**
 * The running agent for one database: receiving (every channel calls `ingest`) wakes the processor, so a new
 * arrival is registered within moments. The API, the CLI and the reception channels share one instance.
 */
export class Agent {
  readonly deps: AgentDeps;
  readonly processor: Processor;
  private readonly trustAnchors: TrustAnchors | undefined;
  readonly intake: IntakeLimits;

  constructor(db: Db, options: AgentOptions = {}) {
    this.trustAnchors = options.trustAnchors;
    this.deps = {
      db,
      clock: options.clock ?? systemClock,
      classifier: options.classifier ?? new SuggestionEngine(db),
      confidenceThreshold: options.confidenceThreshold ?? confidenceThresholdFromEnv(),
      listeners: options.listeners ?? [],
    };
    this.intake = { ...intakeLimitsFromEnv(), ...options.intake };
    this.processor = new Processor(this.deps, { intervalMs: options.sweepIntervalMs ?? 3000 });
  }

  get db(): Db {
    return this.deps.db;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  async ingest(input: IngestInput): Promise<IngestResult> {
    const result = await ingestFile(this.deps.db, this.deps.clock, { ...(this.trustAnchors ? { anchors: this.trustAnchors } : {}), ...input }, this.intake);
    // Other agent processes on the same PostgreSQL database were told by the recording transaction itself.
    if (result.documents.some((d) => d.status === 'pending')) this.processor.wake();
    return result;
  }

  /**
   * Reads a file that was stored and never read (its reader died in between: another process, or this one before a
   * restart). Recording is idempotent: a file already read is left as it is.
   */
  async recoverFile(receivedFileId: string): Promise<void> {
    if (await recoverUnreadFiles(this.deps.db, this.deps.clock, this.intake, this.trustAnchors, { fileId: receivedFileId })) this.processor.wake();
  }

  private starting: Promise<void> | undefined;
  private stopped = false;

  /** Starts continuous registration, after reading any file a previous run stored but did not get to read. */
  start(): void {
    this.stopped = false;
    this.starting = recoverUnreadFiles(this.deps.db, this.deps.clock, this.intake, this.trustAnchors)
      .catch((error) => console.error('No se pudieron leer los archivos pendientes de una ejecución anterior:', error))
      .then(() => {
        if (!this.stopped) this.processor.start();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.processor.stop();
  }
}

/**
 * The "por verificar" threshold: `AGENTE_UMBRAL_CONFIANZA` (a number from 0 to 1), 0.6 by default. A bill with a line
 * suggested below it is registered anyway, flagged for review and listed first in the panel.
 * @throws Error when the variable is set to something that is not a number from 0 to 1
 */
export function confidenceThresholdFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AGENTE_UMBRAL_CONFIANZA;
  if (raw === undefined || raw.trim() === '') return 0.6;
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`AGENTE_UMBRAL_CONFIANZA debe ser un número entre 0 y 1 (por ejemplo 0.6), no «${raw}».`);
  }
  return value;
}
