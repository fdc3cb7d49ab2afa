import type { Db } from '../db/database';
import { registerDocument, type AgentDeps } from './register-document';

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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<ProcessReport> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: AgentDeps,
    private readonly options: { intervalMs?: number; onReport?: (report: ProcessReport) => void } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Something arrived: process now (or right after the current run). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Processes everything pending now and resolves when the queue is empty. */
  async runPending(companyId?: string): Promise<ProcessReport> {
    while (this.running) await this.running;
    this.running = drain(this.deps, companyId);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      do {
        this.again = false;
        const report = await this.runPending();
        if (report.registered + report.notRegistered + report.failed > 0) this.options.onReport?.(report);
      } while (this.again && !this.stopped);
    } catch (error) {
      console.error('Error en el procesamiento de documentos:', error);
    }
    if (!this.stopped) this.schedule(this.options.intervalMs ?? 3000);
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
