import type { Clock } from '../agent/clock';
import type { Db } from '../db/database';
import type { ImportResult } from '../matching/import-data';
import type { LearnedLine } from '../matching/line-classifier';
import { adoptAlegraChart } from './adopt-chart';
import type { SecretBox } from '../secrets/secret-box';
import { alegraClientOrThrow, getAlegraConnection, type AlegraConnectionView, type ClientTuning } from './connection';
import { failedPushes, pushCounts } from './push-status';
import { syncAlegra, syncCursors, type SyncReport, type SyncResource } from './sync';

export interface AlegraStatus {
  connection: AlegraConnectionView;
  sync: { running: boolean; resources: Awaited<ReturnType<typeof syncCursors>>; lastReport?: SyncReport; lastError?: string };
  pushes: Record<'pending' | 'pushed' | 'failed', number>;
  failed: Awaited<ReturnType<typeof failedPushes>>;
}

/** Syncs in progress in this process, per company (one at a time per company). */
const running = new Map<string, Promise<SyncReport>>();
const lastRun = new Map<string, { report?: SyncReport; error?: string }>();

export interface RunSyncOptions {
  clock: Clock;
  full?: boolean;
  since?: string;
  resources?: readonly SyncResource[];
  learn?: (lines: LearnedLine[]) => Promise<void>;
  /** After syncing, make Alegra's chart the company's chart in the agent (who asked, for the import record). */
  adoptChart?: { actor: string };
  tuning?: ClientTuning;
}

/**
 * Runs a sync for the company with its stored connection; a second request while one runs joins it instead of
 * starting another. @throws NotFoundError when not connected
 */
export async function runAlegraSync(db: Db, box: SecretBox, companyId: string, options: RunSyncOptions): Promise<SyncReport & { chart?: ImportResult }> {
  const current = running.get(companyId);
  if (current) return current;
  const client = await alegraClientOrThrow(db, box, companyId, options.tuning);
  const run = (async () => {
    const report: SyncReport & { chart?: ImportResult } = await syncAlegra(db, client, companyId, {
      clock: options.clock,
      ...(options.full ? { full: true } : {}),
      ...(options.since ? { since: options.since } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
      ...(options.learn ? { learn: options.learn } : {}),
    });
    if (options.adoptChart && !report.resources.categories?.error) report.chart = await adoptAlegraChart(db, companyId, options.adoptChart.actor, options.clock.now());
    return report;
  })();
  running.set(companyId, run);
  try {
    const report = await run;
    lastRun.set(companyId, { report });
    return report;
  } catch (error) {
    lastRun.set(companyId, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    running.delete(companyId);
  }
}

export function syncRunning(companyId: string): boolean {
  return running.has(companyId);
}

/** Connection (never the token), where each synced list stands, and how the bills' trip to Alegra goes. */
export async function alegraStatus(db: Db, companyId: string): Promise<AlegraStatus> {
  const [connection, resources, pushes, failed] = await Promise.all([getAlegraConnection(db, companyId), syncCursors(db, companyId), pushCounts(db, companyId), failedPushes(db, companyId)]);
  const last = lastRun.get(companyId);
  return {
    connection,
    sync: { running: running.has(companyId), resources, ...(last?.report ? { lastReport: last.report } : {}), ...(last?.error ? { lastError: last.error } : {}) },
    pushes,
    failed,
  };
}
