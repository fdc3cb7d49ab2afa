import type { AuthenticityResult } from '#shared/authenticity';
import type { IngestResult } from '#shared/inbox';
import type { TrustAnchors } from '../authenticity';
import type { Db } from '../db/database';
import type { LineClassifier } from '../matching/line-classifier';
import { SuggestionEngine } from '../matching/suggestion-engine';
import { systemClock, type Clock } from './clock';
import { ingestFile, recoverUnreadFiles, type IngestInput } from './ingest';
import { intakeLimitsFromEnv, type IntakeLimits } from './intake-limits';
import { Processor } from './processor';
import { announceWork } from '../workers/work-signal';
import type { DianCopyGateway } from '../radian/ports';
import { SecretBox } from '../secrets/secret-box';
import type { DianCopyChecker, DianCopyReport } from './dian-copy-check';
import { WorkLoop } from './work-loop';
import type { AgentDeps, BillListener } from './register-document';
import { reviewThreshold } from '../matching/calibration';

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
  /** Asking DIAN for its stored copy of received documents (dian-copy-check.ts); defaults from the environment. */
  dianCopy?: DianCopyOptions;
}

export interface DianCopyOptions {
  /** Default: `dianCopyGateway()` of server/radian/transports.ts (`AGENTE_DIAN_URL` or DIAN's own hosts). */
  gateway?: DianCopyGateway;
  /** Opens the company's certificate (default `SecretBox.fromEnv()`, on first need). */
  box?: SecretBox | (() => SecretBox);
  retryDelaysMs?: readonly number[];
  /** How often entries waiting for DIAN are looked at (default 60 s; each has its own next attempt time). */
  intervalMs?: number;
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
  private readonly dianCopyOptions: DianCopyOptions;
  private readonly dianCopyLoop: WorkLoop;
  private dianCopyChecker: Promise<DianCopyChecker> | undefined;

  constructor(db: Db, options: AgentOptions = {}) {
    this.trustAnchors = options.trustAnchors;
    this.dianCopyOptions = options.dianCopy ?? {};
    this.deps = {
      db,
      clock: options.clock ?? systemClock,
      classifier: options.classifier ?? new SuggestionEngine(db),
      confidenceThreshold: options.confidenceThreshold ?? confidenceThresholdFromEnv(),
      listeners: options.listeners ?? [],
    };
    this.intake = { ...intakeLimitsFromEnv(), ...options.intake };
    this.processor = new Processor(this.deps, { intervalMs: options.sweepIntervalMs ?? 3000 });
    this.dianCopyLoop = new WorkLoop(() => this.checkDianCopies(), {
      intervalMs: this.dianCopyOptions.intervalMs ?? 60_000,
      onError: (error) => console.error('Error al consultar la copia de la DIAN:', error),
    });
  }

  /**
   * Asks DIAN for its stored copy of every received document waiting for it and due now (only for companies whose
   * agent is active), and wakes the processor for those that may now register. The loop runs it on its own.
   */
  checkDianCopies(): Promise<DianCopyReport> {
    this.dianCopyChecker ??= this.makeDianCopyChecker();
    // One run at a time (the loop's and a caller's): an entry is never asked about twice at once.
    return this.dianCopyLoop.exclusive(() => this.dianCopyChecker!.then((checker) => checker.runDue()));
  }

  /** DIAN's copy of one document outside the inbox (`agente parse --copia-dian`): see DianCopyChecker.inspect. */
  async inspectDianCopy(companyId: string, cufe: string, received: string, result: AuthenticityResult): Promise<AuthenticityResult | undefined> {
    this.dianCopyChecker ??= this.makeDianCopyChecker();
    return (await this.dianCopyChecker).inspect(companyId, cufe, received, result);
  }

  /** Loaded on first use: an installation that never asks DIAN does not load the SOAP and certificate code. */
  private async makeDianCopyChecker(): Promise<DianCopyChecker> {
    const { DianCopyChecker } = await import('./dian-copy-check');
    const given = this.dianCopyOptions;
    let gateway = given.gateway;
    let box: SecretBox | undefined;
    const boxOption = given.box;
    return new DianCopyChecker({
      db: this.deps.db,
      clock: this.deps.clock,
      gateway: () => (gateway ??= lazyDianCopyGateway()),
      box: typeof boxOption === 'function' ? boxOption : () => (box ??= boxOption ?? SecretBox.fromEnv()),
      ...(given.retryDelaysMs ? { retryDelaysMs: given.retryDelaysMs } : {}),
      onReady: () => this.wakeProcessor(),
    });
  }

  private wakeProcessor(): void {
    this.processor.wake();
    // Other agent processes on the same PostgreSQL database are woken too.
    void announceWork(this.deps.db).catch((error) => console.error('No se pudo avisar a los demás procesos del agente:', error));
  }

  get db(): Db {
    return this.deps.db;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  async ingest(input: IngestInput): Promise<IngestResult> {
    const result = await ingestFile(this.deps.db, this.deps.clock, { ...(this.trustAnchors ? { anchors: this.trustAnchors } : {}), ...input }, this.intake);
    if (result.documents.some((d) => d.reasonCode === 'AWAITING_DIAN_COPY')) this.dianCopyLoop.wake();
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
        if (!this.stopped) {
          this.processor.start();
          this.dianCopyLoop.start();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.dianCopyLoop.stop();
    await this.processor.stop();
  }
}

/**
 * The "por verificar" threshold: `AGENTE_UMBRAL_CONFIANZA` (a number from 0 to 1); by default the one fitted with the
 * measured confidence (server/data/calibracion-confianza.csv, issue #13). A bill with a line suggested below it is
 * registered anyway, flagged for review and listed first in the panel.
 * @throws Error when the variable is set to something that is not a number from 0 to 1
 */
export function confidenceThresholdFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AGENTE_UMBRAL_CONFIANZA;
  if (raw === undefined || raw.trim() === '') return reviewThreshold();
  const value = Number(raw.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`AGENTE_UMBRAL_CONFIANZA debe ser un número entre 0 y 1 (por ejemplo 0.6), no «${raw}».`);
  }
  return value;
}

/** The composition root's DIAN-copy gateway (server/radian/transports.ts), loaded on the first question to DIAN. */
function lazyDianCopyGateway(): DianCopyGateway {
  let loaded: Promise<DianCopyGateway> | undefined;
  return {
    async storedCopy(documentKey, environment, credential) {
      loaded ??= import('../radian/transports').then(({ dianCopyGateway }) => dianCopyGateway());
      return (await loaded).storedCopy(documentKey, environment, credential);
    },
  };
}
