import type { Agent } from '../agent/agent';
import { resolveCompanyOrThrow } from '../companies/companies';
import { locateDatabase, openDatabase, type Db } from '../db/database';
import type { CompanyProfile } from '#shared/company';
import { consoleActor, type Actor } from '../users/actor';
import { findUserOrThrow, roleIn, type User } from '../users/users';

export interface GlobalOptions {
  db?: string;
  company?: string;
  /** `--usuario <usuario>`: the person the audit trail names for what this command does. */
  usuario?: string;
}

/** The person named with `--usuario`, once the database is open (one command per process). */
let actingUser: User | undefined;

/** Looks up `--usuario` (an unknown user stops the command before it does anything). */
async function identify(db: Db, options: GlobalOptions): Promise<void> {
  actingUser = options.usuario ? await findUserOrThrow(db, options.usuario) : undefined;
}

/**
 * Opens the existing database (running migrations) and hands an agent to a command; closes it afterwards. Only
 * `serve` (`npm start`) and `init` create a database: any other command on a missing one says where it looked.
 */
export async function withAgent<T>(options: GlobalOptions, run: (agent: Agent) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: the agent brings the whole server with it, which commands that only read the
  // database (`summary`) need not load (issue 17: the CLI answers at once).
  const { Agent } = await import('../agent/agent');
  const db = await openDatabase(locateDatabase(options.db).file, { create: false });
  const agent = new Agent(db);
  try {
    await identify(db, options);
    return await run(agent);
  } finally {
    await agent.stop();
    await db.destroy();
  }
}

/** Opens the database (running migrations) for a command that only reads or writes rows; closes it afterwards. */
export async function withDatabase<T>(options: GlobalOptions, run: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(locateDatabase(options.db).file, { create: false });
  try {
    await identify(db, options);
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** The company a command acts on; with `--usuario`, it must be one of that person's. */
export async function companyOf(agent: Agent, options: GlobalOptions): Promise<CompanyProfile> {
  const company = await resolveCompanyOrThrow(agent.db, options.company);
  if (actingUser && !(await roleIn(agent.db, actingUser, company.id))) {
    throw new Error(`${actingUser.login} no trabaja en ${company.name} (NIT ${company.nit}): dale un rol con \`npx agente users grant ${actingUser.login} --empresa ${company.nit} --rol …\` o actúa sin --usuario.`);
  }
  return company;
}

/** Ends a command with this exit code (documented per command) and, when not empty, this message on stderr. */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * A settings or connection change made at the console, for the company's audit trail (the API's guard records its
 * own): which command, which options (never their values), by whom.
 */
export async function auditSettings(agent: Agent, companyId: string, commandName: string, fields: string[]): Promise<void> {
  const { recordAudit } = await import('../users/audit');
  await recordAudit(agent.db, { companyId, type: 'settings_changed', details: { command: commandName, fields: [...fields].sort() }, actor: cliActor(), at: agent.clock.now() });
}

/** JSON on stdout, two-space indented: what scripts read. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** How many items of a list {@link printJsonList} turns into text at a time. */
const LIST_CHUNK = 256;

/**
 * The very text `printJson(items)` writes, a few hundred items at a time: the 5,000 results of a backlog's
 * `agente ingest` as one string added ≈ 15 MB to the process at its very end, when its memory is highest
 * (test/bench/registration.bench.ts). Nothing is written before the list is complete, as before.
 */
export function printJsonList(items: readonly unknown[], write: (text: string) => void = (text) => process.stdout.write(text)): void {
  if (items.length === 0) return write('[]\n');
  write('[\n');
  for (let start = 0; start < items.length; start += LIST_CHUNK) {
    const end = Math.min(start + LIST_CHUNK, items.length);
    // Inside the list each item is indented two more spaces; JSON text has no raw line breaks inside strings.
    const piece = items.slice(start, end).map((item) => `  ${(JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', '\n  ')}`);
    write(`${piece.join(',\n')}${end < items.length ? ',' : ''}\n`);
  }
  write(']\n');
}

/**
 * Who is acting from the command line, for the audit trail: the person named with `--usuario`, else
 * «consola (<usuario del sistema>)».
 */
export function cliActor(): Actor {
  return actingUser ? { id: actingUser.id, name: actingUser.displayName ?? actingUser.login } : consoleActor();
}
