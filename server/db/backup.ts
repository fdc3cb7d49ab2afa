import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Cron } from 'croner';
import { BOGOTA, bogotaDate, shiftDate } from '#shared/bogota-time';
import type { Clock } from '../agent/clock';
import { backupDirFor, engineOf, rawConnectionOf, type Db } from './database';

/** `agente backup` on PostgreSQL: the server's own tools make a consistent copy while the agent works. */
export const POSTGRES_BACKUP =
  'La base de datos es PostgreSQL: la copia de seguridad se hace con pg_dump, no con `agente backup`. ' +
  'Por ejemplo: pg_dump --format=custom --file=agente-AAAA-MM-DD.dump "$DATABASE_URL" (se puede hacer con el agente corriendo); ' +
  'para restaurar, en una base vacía creada con orden C: pg_restore --no-owner --dbname="$DATABASE_URL" agente-AAAA-MM-DD.dump. ' +
  'Ver «Para una oficina contable» en el README.';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Copies the open database to `destination` with SQLite's online backup API (better-sqlite3 `backup()`): a
 * consistent copy while the agent keeps working. It is written under a temporary name, checked with
 * `PRAGMA quick_check`, and only then renamed into place, so a half-written copy never looks like a good one.
 * @throws Error (Spanish) when the destination exists or the copy does not check out
 */
export async function backupDatabase(db: Db, destination: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  if (engineOf(db) === 'postgres') throw new Error(POSTGRES_BACKUP);
  const file = resolve(destination);
  if (existsSync(file) && !options.overwrite) throw new Error(`Ya existe ${file}: elige otro nombre (una copia nunca reemplaza otra).`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = join(dirname(file), `.${basename(file)}.parcial`);
  rmSync(partial, { force: true });
  try {
    await rawConnectionOf(db).backup(partial);
    const copy = new SqliteDatabase(partial, { readonly: true, fileMustExist: true });
    try {
      const rows = copy.pragma('quick_check') as { quick_check: string }[];
      if (rows.some((r) => r.quick_check !== 'ok')) throw new Error(`La copia ${file} no pasó la verificación de integridad; no se guardó.`);
    } finally {
      copy.close();
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { file, bytes: statSync(file).size };
}

const DAILY = /^agente-(\d{4}-\d{2}-\d{2})\.db$/;

/** `AGENTE_COPIAS_DIAS`: how many daily backups are kept (14 by default; 0 turns the daily backup off). */
export function backupDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AGENTE_COPIAS_DIAS;
  if (raw === undefined || raw.trim() === '') return 14;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0) throw new Error(`AGENTE_COPIAS_DIAS debe ser un número entero de días (0 desactiva la copia diaria), no «${raw}».`);
  return value;
}

/**
 * Today's copy (`backups/agente-AAAA-MM-DD.db`, Bogotá date) when it is missing, then the daily copies older than
 * `keepDays` are deleted. Copies with other names (made by hand with `agente backup`) are never touched.
 */
export async function runDailyBackup(db: Db, databaseFile: string, keepDays: number, clock: Clock): Promise<{ created?: string; removed: string[] }> {
  const dir = backupDirFor(databaseFile);
  const today = bogotaDate(clock.now());
  const target = join(dir, `agente-${today}.db`);
  const created = existsSync(target) ? undefined : (await backupDatabase(db, target)).file;
  const oldest = shiftDate(today, -(keepDays - 1));
  const removed: string[] = [];
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const date = DAILY.exec(name)?.[1];
    if (date && date < oldest) {
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return { ...(created ? { created } : {}), removed };
}

/**
 * The daily backup of `npm start`: at 1:00 a. m. in Bogotá (after the midnight summary), and once at start when
 * today's copy is missing (the machine was off at night).
 */
export function startBackupScheduler(db: Db, databaseFile: string, options: { keepDays: number; clock: Clock; log?: (message: string) => void }): { stop(): void; catchUp(): Promise<void> } {
  const log = options.log ?? ((m: string) => console.log(m));
  const run = async () => {
    const result = await runDailyBackup(db, databaseFile, options.keepDays, options.clock);
    if (result.created) log(`Copia de seguridad diaria: ${result.created}`);
  };
  const job = new Cron('0 1 * * *', { timezone: BOGOTA, protect: true, catch: (error) => console.error('No se pudo hacer la copia de seguridad diaria:', error) }, run);
  return { stop: () => job.stop(), catchUp: run };
}
