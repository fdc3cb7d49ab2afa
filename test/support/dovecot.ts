import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

/**
 * A real Dovecot IMAP server for tests (docs: ingestion-channels.md §3): private config in a temp dir, IMAP only,
 * bound to 127.0.0.1 on a free port, plain-text login, maildir storage. As root it runs fully unprivileged as
 * `nobody` (through runuser); otherwise as the current user. Stopped by the master's pid, waiting until the master
 * and every process of its session are gone, so no dovecot is ever left behind.
 */
export interface DovecotUser {
  user: string;
  password: string;
}

export interface AppendOptions {
  user?: string;
  folder?: string;
  flags?: string[];
  /** INTERNALDATE the server records (when the message "arrived"). */
  internalDate?: Date;
}

export interface Dovecot {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dir: string;
  readonly users: DovecotUser[];
  /** Master pid while running. */
  readonly pid: number | undefined;
  /** A connected, logged-in imapflow client (close it with `logout()`). */
  client(user?: string): Promise<ImapFlow>;
  /** Delivers messages by IMAP APPEND; returns their UIDs. */
  append(messages: (Buffer | string)[], options?: AppendOptions): Promise<number[]>;
  /** Flags of every message in the folder, by UID. */
  flags(options?: { user?: string; folder?: string }): Promise<Map<number, Set<string>>>;
  /** Removes flags from messages (as a person, or a crash before marking, would leave them). */
  removeFlags(uids: number[], flags: string[], options?: { user?: string; folder?: string }): Promise<void>;
  /** The server's log (auth failures, logins…). */
  log(): Promise<string>;
  /** Stops the server (mail is kept) and resolves when every one of its processes has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same mail. */
  start(): Promise<void>;
  /** Stops it and deletes its directory. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);

/** The dovecot binary: /usr/sbin/dovecot or whatever PATH finds. */
export function findDovecot(): string | undefined {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('sin puerto'))));
    });
  });
}

export const DEFAULT_USER: DovecotUser = { user: 'facturas@empresa.test', password: 'secreto123' };

export async function startDovecot(options: { users?: DovecotUser[] } = {}): Promise<Dovecot> {
  const binary = findDovecot();
  if (!binary) throw new Error('No se encontró dovecot: instale dovecot-imapd (apt-get install dovecot-imapd), como hace .ci/run.');
  const users = options.users ?? [DEFAULT_USER];
  const asRoot = process.getuid?.() === 0;
  const identity = asRoot ? await nobody() : currentUser();
  // As root the server runs as nobody, who must reach the directory: /tmp is world-traversable, a private TMPDIR may not be.
  const dir = await mkdtemp(join(asRoot ? '/tmp' : tmpdir(), 'agente-dovecot-'));
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  for (const sub of ['run', 'state', 'mail']) await mkdir(join(dir, sub));
  await writeFile(join(dir, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.password}`).join('\n') + '\n');
  await writeFile(conf, config(dir, port, identity));
  if (asRoot) await chownTree(dir, identity.uid, identity.gid);

  let pid: number | undefined;

  const start = async () => {
    const command = asRoot ? ['runuser', ['-u', identity.user, '--', binary, '-c', conf]] as const : [binary, ['-c', conf]] as const;
    // dovecot daemonizes: wait for the launcher to exit, not for its stdio (the daemon would keep pipes open).
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command[0], [...command[1]], { stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`dovecot no arrancó (código ${code}):\n${await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '')}`);
    // The pidfile appears slightly after dovecot returns (recipe pitfall 1).
    const pidFile = join(dir, 'run', 'master.pid');
    pid = await waitFor(async () => Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || undefined, 10_000, 'master.pid de dovecot');
    await waitFor(() => canConnect(port), 10_000, `dovecot escuchando en 127.0.0.1:${port}`);
  };

  const stop = async () => {
    if (pid === undefined) return;
    const master = pid;
    pid = undefined;
    const session = sessionMembers(master);
    signal(master, 'SIGTERM');
    const gone = () => [master, ...session].every((p) => !alive(p));
    const deadline = Date.now() + 20_000;
    while (!gone() && Date.now() < deadline) await sleep(50);
    if (!gone()) {
      for (const p of [master, ...session]) signal(p, 'SIGKILL');
      await waitFor(async () => gone() || undefined, 5_000, 'fin de los procesos de dovecot');
    }
  };

  await start();

  const withClient = async <T>(user: string | undefined, use: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = await connectClient(port, users.find((u) => u.user === (user ?? users[0]!.user)) ?? users[0]!);
    try {
      return await use(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };

  return {
    host: '127.0.0.1',
    port,
    dir,
    users,
    get pid() {
      return pid;
    },
    client: (user) => connectClient(port, users.find((u) => u.user === (user ?? users[0]!.user)) ?? users[0]!),
    append: (messages, opts = {}) =>
      withClient(opts.user, async (client) => {
        const uids: number[] = [];
        for (const message of messages) {
          const result = await client.append(opts.folder ?? 'INBOX', message, opts.flags ?? [], opts.internalDate);
          if (!result || !result.uid) throw new Error('APPEND sin UID');
          uids.push(result.uid);
        }
        return uids;
      }),
    flags: (opts = {}) =>
      withClient(opts.user, async (client) => {
        const lock = await client.getMailboxLock(opts.folder ?? 'INBOX', { readOnly: true });
        try {
          const result = new Map<number, Set<string>>();
          if (!client.mailbox || client.mailbox.exists === 0) return result;
          for (const m of await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true })) result.set(m.uid, m.flags ?? new Set());
          return result;
        } finally {
          lock.release();
        }
      }),
    removeFlags: (uids, flags, opts = {}) =>
      withClient(opts.user, async (client) => {
        const lock = await client.getMailboxLock(opts.folder ?? 'INBOX');
        try {
          await client.messageFlagsRemove(uids, flags, { uid: true });
        } finally {
          lock.release();
        }
      }),
    log: () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
    stop,
    start,
    destroy: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function connectClient(port: number, user: DovecotUser): Promise<ImapFlow> {
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: user.user, pass: user.password }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

interface Identity {
  user: string;
  group: string;
  uid: number;
  gid: number;
}

async function nobody(): Promise<Identity> {
  const uid = Number((await run('id', ['-u', 'nobody'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'nobody'])).stdout.trim());
  const group = (await run('id', ['-gn', 'nobody'])).stdout.trim();
  return { user: 'nobody', group, uid, gid };
}

function currentUser(): Identity {
  const info = userInfo();
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { user: info.username, group, uid: info.uid, gid: info.gid };
}

/** Unprivileged config (recipe §3.2): every service as `identity`, no chroot, loopback only, verbose auth log. */
function config(dir: string, port: number, identity: Identity): string {
  return `# Dovecot for tests: IMAP only, loopback, plain text, maildir in a temp dir
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
default_internal_user = ${identity.user}
default_login_user = ${identity.user}
default_internal_group = ${identity.group}
first_valid_uid = ${Math.min(identity.uid, 500)}
mail_location = maildir:${dir}/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${identity.uid} gid=${identity.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

/** Processes of the master's session (dovecot calls setsid), read from /proc: the children to wait for. */
function sessionMembers(master: number): number[] {
  const members: number[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return members;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === master) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp session …; comm may contain spaces, so split after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[3]) === master) members.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function canConnect(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Tiempo agotado esperando ${what}.`);
    await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds (or throws after `timeoutMs`, saying what was awaited). */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Tiempo agotado esperando: ${what}`);
    await sleep(25);
  }
}
