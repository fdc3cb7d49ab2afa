import { claimOptionsFromEnv, claimPending, releaseClaims, type ClaimOptions } from '../workers/claims';
import { isAgentActive } from './agent-switch';
import { registerDocument, type AgentDeps } from './register-document';
import { WorkLoop } from './work-loop';

export interface ProcessReport {
  registered: number;
  notRegistered: number;
  failed: number;
}

/**
 * Registers pending documents continuously: woken as soon as something arrives, and sweeping every few seconds
 * anyway (another process, like `npx agente ingest`, may have added work to the same database). One document at
 * a time, oldest arrival first, each in its own transaction; only while the company's agent is active.
 */
export class Processor {
  private readonly loop: WorkLoop;
  private readonly claims: ClaimOptions;
  /** Set by `stop()`: a drain in progress ends after the document in hand (Ctrl+C must not wait for a whole backlog). */
  private stopping = false;

  constructor(
    private readonly deps: AgentDeps,
    options: { intervalMs?: number; onReport?: (report: ProcessReport) => void; claims?: ClaimOptions } = {},
  ) {
    this.claims = options.claims ?? claimOptionsFromEnv();
    this.loop = new WorkLoop(
      async () => {
        const report = await this.runPending();
        if (report.registered + report.notRegistered + report.failed > 0) options.onReport?.(report);
      },
      { intervalMs: options.intervalMs ?? 3000, onError: (error) => console.error('Error en el procesamiento de documentos:', error) },
    );
  }

  start(): void {
    this.stopping = false;
    this.loop.start();
  }

  /** Stops after the document being registered now; what is left stays pending for the next start or another worker. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.loop.stop();
  }

  /** Something arrived: process now (or right after the current run). */
  wake(): void {
    this.loop.wake();
  }

  /** Processes everything pending now and resolves when the queue is empty. */
  runPending(companyId?: string): Promise<ProcessReport> {
    return this.loop.exclusive(() => drain(this.deps, this.claims, companyId, () => this.stopping));
  }
}

async function drain(deps: AgentDeps, claims: ClaimOptions, companyId: string | undefined, stopping: () => boolean): Promise<ProcessReport> {
  try {
    return await drainClaimed(deps, claims, companyId, stopping);
  } finally {
    // What this run claimed and left pending (a company paused, a failure to retry) is free for any worker again.
    await releaseClaims(deps.db).catch((error) => console.error('No se pudieron liberar los documentos reclamados:', error));
  }
}

async function drainClaimed(deps: AgentDeps, claims: ClaimOptions, companyId: string | undefined, stopping: () => boolean): Promise<ProcessReport> {
  const report: ProcessReport = { registered: 0, notRegistered: 0, failed: 0 };
  const failedIds = new Set<string>();
  const stopped = new Set<string>(); // companies found paused during this run
  for (;;) {
    if (stopping()) return report;
    const batch = await pendingBatch(deps, claims, companyId, failedIds, stopped);
    if (batch.length === 0) return report;
    for (const { id, companyId: owner } of batch) {
      // Each document is its own transaction: stopping between two leaves nothing half-registered.
      if (stopping()) return report;
      // Pause means stop (issue 17): checked before every document, so «Desactivar» takes effect at once, even in
      // the middle of a batch. What was waiting stays pending and is registered when the agent is active again.
      if (stopped.has(owner)) continue;
      if (!(await isAgentActive(deps.db, owner, deps.clock))) {
        stopped.add(owner);
        continue;
      }
      const outcome = await registerDocument(deps, id);
      if (outcome.status === 'registered') report.registered++;
      else if (outcome.status === 'not_registered') report.notRegistered++;
      else if (outcome.status === 'failed') {
        report.failed++;
        failedIds.add(id); // retried on the next sweep, up to the attempt limit
      } else if (outcome.status === 'skipped') failedIds.add(id); // another process took it: never loop on it
    }
  }
}

/** The next pending documents, oldest arrival first, of companies whose agent is active now (claimed, on PostgreSQL). */
async function pendingBatch(deps: AgentDeps, claims: ClaimOptions, companyId: string | undefined, exclude: Set<string>, stopped: Set<string>): Promise<{ id: string; companyId: string }[]> {
  const { db, clock } = deps;
  let owners = db.selectFrom('inboxDocument').select('companyId').distinct().where('status', '=', 'pending');
  if (companyId) owners = owners.where('companyId', '=', companyId);
  const active: string[] = [];
  for (const { companyId: owner } of await owners.execute()) {
    if (!stopped.has(owner) && (await isAgentActive(db, owner, clock))) active.push(owner);
  }
  return claimPending(db, clock, active, exclude, claims);
}
