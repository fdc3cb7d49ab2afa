import { Cron } from 'croner';
import { BOGOTA } from '#shared/bogota-time';
import { listCompanies } from '../companies/companies';
import type { Processor } from './processor';
import type { AgentDeps } from './register-document';
import { storeMissingSummaries } from './daily-summary';

/**
 * Stores yesterday's summary at 12:00 a. m. in Bogotá, for every company. Pending documents are registered first,
 * so a document that arrived at 23:59 counts as registered, not pending. On start, days missed while the server
 * was down are computed too.
 */
export function startSummaryScheduler(deps: AgentDeps, processor: Processor): { stop(): void; catchUp(): Promise<void> } {
  const run = async () => {
    await processor.runPending();
    for (const company of await listCompanies(deps.db)) await storeMissingSummaries(deps.db, company.id, deps.clock);
  };
  const job = new Cron('0 0 * * *', { timezone: BOGOTA, protect: true, catch: (error) => console.error('Error en el resumen diario:', error) }, run);
  return {
    stop: () => job.stop(),
    catchUp: run,
  };
}
