import type { Db } from '../db/database';
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
 * a time, oldest arrival first, each in its own transaction.
 */
export class Processor {
  private readonly loop: WorkLoop;

  constructor(
    private readonly deps: AgentDeps,
    options: { intervalMs?: number; onReport?: (report: ProcessReport) => void } = {},
  ) {
    this.loop = new WorkLoop(
      async () => {
        const report = await this.runPending();
        if (report.registered + report.notRegistered + report.failed > 0) options.onReport?.(report);
      },
      { intervalMs: options.intervalMs ?? 3000, onError: (error) => console.error('Error en el procesamiento de documentos:', error) },
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Something arrived: process now (or right after the current run). */
  wake(): void {
    this.loop.wake();
  }

  /** Processes everything pending now and resolves when the queue is empty. */
  runPending(companyId?: string): Promise<ProcessReport> {
    return this.loop.exclusive(() => drain(this.deps, companyId));
  }
}

async function drain(deps: AgentDeps, companyId?: string): Promise<ProcessReport> {
  const report: ProcessReport = { registered: 0, notRegistered: 0, failed: 0 };
  const failedIds = new Set<string>();
  for (;;) {
    const batch = await pendingBatch(deps.db, companyId, failedIds);
    if (batch.length === 0) return report;
    for (const id of batch) {
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

async function pendingBatch(db: Db, companyId: string | undefined, exclude: Set<string>): Promise<string[]> {
  let query = db.selectFrom('inboxDocument').select('id').where('status', '=', 'pending');
  if (companyId) query = query.where('companyId', '=', companyId);
  if (exclude.size) query = query.where('id', 'not in', [...exclude]);
  const rows = await query.orderBy('arrivedAt').orderBy('createdAt').limit(100).execute();
  return rows.map((r) => r.id);
}
