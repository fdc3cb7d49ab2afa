import { Cron } from 'croner';
import { BOGOTA } from '#shared/bogota-time';
import { listCompanies } from '../companies/companies';
import type { Processor } from './processor';
import type { AgentDeps } from './register-document';
import { storeMissingSummaries } from './daily-summary';

export interface SummaryScheduler {
  /** Composes the days missed while the server was down (and registers what is pending first). */
  catchUp(): Promise<void>;
  /** No more runs; a run in progress ends after the day it is composing, and this resolves when it has. */
  stop(): Promise<void>;
}

/**
 * Stores yesterday's summary at 12:00 a. m. in Bogotá, for every company. Pending documents are registered first,
 * so a document that arrived at 23:59 counts as registered, not pending. On start, days missed while the server
 * was down are computed too — for an office with hundreds of companies that is minutes of work, so a run stops
 * between two days when the server is asked to stop (what is left is composed on the next start).
 */
export function startSummaryScheduler(deps: AgentDeps, processor: Processor): SummaryScheduler {
  let stopping = false;
  let running: Promise<void> = Promise.resolve();
  const compose = async () => {
    await processor.runPending();
    for (const company of await listCompanies(deps.db)) {
      if (stopping) return;
      await storeMissingSummaries(deps.db, company.id, deps.clock, { stopping: () => stopping });
    }
  };
  const run = () => {
    // One run at a time; a run that failed (reported by the caller) must not stop the next night's.
    running = running.catch(() => undefined).then(compose);
    return running;
  };
  const job = new Cron('0 0 * * *', { timezone: BOGOTA, protect: true, catch: (error) => console.error('Error en el resumen diario:', error) }, run);
  return {
    catchUp: run,
    stop: async () => {
      stopping = true;
      job.stop();
      await running.catch(() => undefined);
    },
  };
}
