import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL server for the tests, from the Debian `postgresql` package (`.ci/run` installs it): `initdb` in a
 * temporary folder (UTF8, locale C, as the agent requires), listening on a free loopback port with its unix socket
 * in the same folder, stopped and removed afterwards. One per test run (test/support/postgres-global.ts); each test
 * gets its own database copied from a migrated template (test/support/engines.ts).
 *
 * initdb and postgres refuse to run as root: as root (this machine, CI containers) they run as the `postgres`
 * system user the package creates (through `setpriv`), in a folder given to it; otherwise as the current user.
 */

export interface RunningPostgres {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  stop(): Promise<void>;
}

export const POSTGRES_MISSING =
  'Faltan los programas de PostgreSQL (initdb y postgres en /usr/lib/postgresql/<versión>/bin): instala el paquete Debian `postgresql` ' +
  '(sudo apt-get install postgresql) o indica la carpeta con AGENTE_PG_BIN. Las pruebas del agente sobre PostgreSQL no se saltan.';

/** The newest /usr/lib/postgresql/<version>/bin that has initdb and postgres (or AGENTE_PG_BIN). */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.AGENTE_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(options: { durable?: boolean } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'agente-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const prefix: string[] = [];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    // setpriv execs the program itself (runuser would stay in between and not pass our SIGINT on).
    prefix.push('setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--');
  }
  const run = (program: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(bin, program), ...args];
    return { command: command!, args: rest };
  };
  const init = run('initdb', ['-D', data, '-U', 'agente', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  try {
    execFileSync(init.command, init.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: Buffer };
    throw new Error(`initdb falló: ${e.stderr?.toString() ?? String(error)}`);
  }
  const port = await freePort();
  // Durability is pointless for throw-away test data: no fsync makes CREATE DATABASE and commits fast.
  // (`durable`: the benchmarks measure a server as it runs in an office, with fsync on every commit.)
  const server = run('postgres', [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']), '-c', 'max_connections=300',
  ]);
  const child: ChildProcess = spawn(server.command, server.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const adminUrl = `postgres://agente@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL no arrancó: ${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { adminUrl, stop };
}

/** `postgres://…/name` → the same server, another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
