import { sql } from 'kysely';
import type { Db } from '../db/database';
import { redactUrl } from '../db/engine';
import { runsOnPostgres } from '../db/engine';

/** The PostgreSQL channel on which a process says «there are documents to register». */
export const WORK_CHANNEL = 'agente_trabajo';

/**
 * Tells every agent process on the database that documents are waiting: `NOTIFY` on PostgreSQL. Called inside the
 * transaction that inserts them (reception does): PostgreSQL delivers a notification when that transaction commits
 * and drops it if it rolls back, so a listener never wakes before the documents are there, and no extra round trip
 * is spent. On SQLite nothing crosses processes: the process that received wakes its own processor, and the others
 * find the work on their sweep.
 */
export async function announceWork(db: Db): Promise<void> {
  if (!runsOnPostgres(db)) return;
  await sql`select pg_notify(${WORK_CHANNEL}, '')`.execute(db);
}

export interface WorkListener {
  close(): Promise<void>;
}

/**
 * Wakes `onWork` whenever any process announces work (`LISTEN`). A dedicated connection, not one of the pool's: a
 * pooled connection is handed to queries and back, and would lose the LISTEN. A lost connection is opened again
 * (every second, then up to every 30 s), and `onWork` runs on every reconnection: what was announced meanwhile is
 * not lost, it is looked for. The slow sweep of the processor stays as the last safety net.
 */
export async function listenForWork(url: string, onWork: () => void, log: (message: string) => void = (m) => console.error(m)): Promise<WorkListener> {
  const { default: pg } = await import('pg');
  let closed = false;
  let client: InstanceType<typeof pg.Client> | undefined;
  let retryMs = 1_000;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'agente-de-gastos (avisos)' });
    next.on('notification', (message) => {
      if (message.channel === WORK_CHANNEL) onWork();
    });
    next.on('error', (error) => {
      log(`Avisos de trabajo (${redactUrl(url)}): se perdió la conexión (${error.message}); se reconecta.`);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${WORK_CHANNEL}`);
    client = next;
    retryMs = 1_000;
  };
  const reconnect = (dead: InstanceType<typeof pg.Client>) => {
    if (closed || client !== dead) return;
    client = undefined;
    dead.end().catch(() => undefined);
    const attempt = () => {
      timer = undefined;
      if (closed) return;
      connect()
        .then(() => onWork())
        .catch((error: Error) => {
          log(`Avisos de trabajo: no se pudo reconectar (${error.message}); se reintenta en ${Math.round(retryMs / 1000)} s.`);
          retryMs = Math.min(retryMs * 2, 30_000);
          timer = setTimeout(attempt, retryMs);
          timer.unref?.();
        });
    };
    timer = setTimeout(attempt, retryMs);
    timer.unref?.();
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
