import type { Agent } from '../agent/agent';
import { resolveCompanyOrThrow } from '../companies/companies';
import { locateDatabase, openDatabase, type Db } from '../db/database';
import type { CompanyProfile } from '#shared/company';

export interface GlobalOptions {
  db?: string;
  company?: string;
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
    return await run(db);
  } finally {
    await db.destroy();
  }
}

export function companyOf(agent: Agent, options: GlobalOptions): Promise<CompanyProfile> {
  return resolveCompanyOrThrow(agent.db, options.company);
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

/** JSON on stdout, two-space indented: what scripts read. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Who is acting from the command line, for the audit trail. */
export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'usuario'}`;
}
