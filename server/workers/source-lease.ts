import { hostname } from 'node:os';
import type { Db } from '../db/database';
import { PROCESS_ID } from './process-id';

export interface LeaseTiming {
  /** How long a lease holds without renewal: a dead holder's source is taken over after at most this. */
  ttlMs: number;
  /** How often the holder renews it, and how often the others try to take it. Well under `ttlMs`. */
  renewMs: number;
}

export const DEFAULT_LEASE: LeaseTiming = { ttlMs: 15_000, renewMs: 5_000 };

/** `AGENTE_LEASE_SEGUNDOS` (how long a reader's lease holds; renewed every third of it). */
export function leaseTimingFromEnv(env: NodeJS.ProcessEnv = process.env): LeaseTiming {
  const seconds = Number(env.AGENTE_LEASE_SEGUNDOS ?? '');
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_LEASE;
  return { ttlMs: seconds * 1000, renewMs: Math.max(50, Math.round((seconds * 1000) / 3)) };
}

/** The lease key of a watched folder: the machine and the absolute path (another machine's `./inbox` is another folder). */
export function folderSourceKey(absoluteDir: string): string {
  return `carpeta:${hostname()}:${absoluteDir}`;
}

/** The lease key of a company's reception mailbox. */
export function mailboxSourceKey(companyId: string): string {
  return `buzon:${companyId}`;
}

/**
 * Takes the lease of a source for `holder` if it is free, expired, or already ours (then it is renewed). One
 * statement on both engines (`INSERT … ON CONFLICT DO UPDATE … WHERE`), so two processes racing for it cannot both
 * win: the row is written by one, and the other's condition is false.
 */
export async function acquireLease(db: Db, key: string, timing: LeaseTiming, holder: string = PROCESS_ID, now: Date = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + timing.ttlMs).toISOString();
  await db
    .insertInto('sourceLease')
    .values({ sourceKey: key, holderId: holder, acquiredAt: at, expiresAt })
    .onConflict((oc) =>
      oc
        .column('sourceKey')
        .doUpdateSet((eb) => ({
          holderId: eb.ref('excluded.holderId'),
          // A renewal keeps the time it was first taken.
          acquiredAt: eb.case().when('sourceLease.holderId', '=', holder).then(eb.ref('sourceLease.acquiredAt')).else(eb.ref('excluded.acquiredAt')).end(),
          expiresAt: eb.ref('excluded.expiresAt'),
        }))
        .where((eb) => eb.or([eb('sourceLease.holderId', '=', holder), eb('sourceLease.expiresAt', '<', at)])),
    )
    .execute();
  const row = await db.selectFrom('sourceLease').select('holderId').where('sourceKey', '=', key).executeTakeFirst();
  return row?.holderId === holder;
}

/** Lets the source go at once (a clean stop): another process takes it on its next try instead of after the expiry. */
export async function releaseLease(db: Db, key: string, holder: string = PROCESS_ID): Promise<void> {
  await db.deleteFrom('sourceLease').where('sourceKey', '=', key).where('holderId', '=', holder).execute();
}

export interface LeasedSource {
  /** True while this process holds the lease and its reader runs. */
  readonly holding: boolean;
  /** Resolves after the first try to take the lease (and start the reader, if taken). */
  readonly firstTry: Promise<void>;
  /** Stops the reader (if running) and gives the lease back. */
  stop(): Promise<void>;
}

/**
 * Runs a source's reader only while this process holds the source's lease: tries to take it every `renewMs`, starts
 * the reader when it does, renews it while it runs, and stops the reader as soon as a renewal fails (the lease
 * expired because this process stalled, and another took it over). The reader's own dedupe (Message-ID and keyword
 * for mail, name and SHA-256 for the folder) covers the moment two readers might overlap at a hand-over.
 */
export function runWhileLeased(
  db: Db,
  key: string,
  start: () => Promise<{ close(): Promise<void> }>,
  options: { timing?: LeaseTiming; holder?: string; log?: (message: string) => void } = {},
): LeasedSource {
  const timing = options.timing ?? leaseTimingFromEnv();
  const holder = options.holder ?? PROCESS_ID;
  const log = options.log ?? (() => undefined);
  let reader: { close(): Promise<void> } | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let heldSince = 0;

  const stopReader = async () => {
    const running = reader;
    reader = undefined;
    await running?.close();
  };

  const tick = async () => {
    let held = false;
    try {
      held = await acquireLease(db, key, timing, holder);
    } catch (error) {
      log(`${key}: no se pudo renovar el turno de lectura (${(error as Error).message}).`);
      // The database is unreachable: keep reading only while the lease we last wrote still holds.
      held = reader !== undefined && Date.now() - heldSince < timing.ttlMs;
    }
    if (held) heldSince = Date.now();
    if (stopped) return;
    if (held && !reader) {
      try {
        reader = await start();
        log(`${key}: este proceso lee la fuente.`);
      } catch (error) {
        log(`${key}: no se pudo empezar a leer (${(error as Error).message}); se reintentará.`);
        await releaseLease(db, key, holder).catch(() => undefined);
      }
    } else if (!held && reader) {
      log(`${key}: otro proceso tomó la fuente; este deja de leerla.`);
      await stopReader();
    }
  };

  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (stopped) return;
      timer = setTimeout(loop, timing.renewMs);
      timer.unref?.();
    });
  };
  loop();
  const firstTry = current;

  return {
    firstTry,
    get holding() {
      return reader !== undefined;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
      const had = reader !== undefined;
      await stopReader();
      if (had) await releaseLease(db, key, holder).catch(() => undefined);
    },
  };
}
