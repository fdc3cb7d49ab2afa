import { Command, CommanderError } from 'commander';
import { backupCommand, initCommand } from './database-commands';
import { agentCommand, billsCommand, documentsCommand, ingestCommand, runCommand, summaryCommand, tokenCommand } from './agent-commands';
import { alegraCommand } from './alegra-command';
import { companyCommand } from './company-command';
import { importCommand } from './import-command';
import { DISK_FULL_MESSAGE, isDiskFull } from '../errors';
import { CliExit, type GlobalOptions } from './context';
import { mailboxCommand } from './mailbox-command';
import { registerParseCommand } from './parse-command';
import { serveCommand } from './serve-command';

/**
 * `npx agente <command>`: everything the agent does, without the browser. Each command lives in its own file;
 * errors print their Spanish message and exit with 1 (2 for refused inputs in `parse`).
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('agente')
    .description('Agente de Gastos: registra automáticamente las facturas de compra electrónicas DIAN.')
    .option('--db <archivo>', 'base de datos SQLite (por defecto AGENTE_DB o ./data/agente.db; una ruta relativa se toma desde la carpeta del proyecto)')
    .option('--company <nit>', 'empresa sobre la que actúa el comando (si hay varias)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const global = () => program.opts<GlobalOptions>();
  let exitCode = 0;
  registerParseCommand(program, (code) => (exitCode = code));
  for (const make of [companyCommand, ingestCommand, agentCommand, runCommand, billsCommand, documentsCommand, summaryCommand, tokenCommand, mailboxCommand, alegraCommand, serveCommand, importCommand, initCommand, backupCommand]) {
    program.addCommand(make(global));
  }
  inSpanish(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliExit) {
      if (error.message) process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (isDiskFull(error)) {
      process.stderr.write(`Error: ${DISK_FULL_MESSAGE}\n`);
      return 1;
    }
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    return 1;
  }
  return exitCode;
}

const TITLES: Record<string, string> = { 'Usage:': 'Uso:', 'Options:': 'Opciones:', 'Commands:': 'Comandos:', 'Arguments:': 'Argumentos:', 'Global Options:': 'Opciones generales:' };

/** Commander writes its help in English; the people who read it here read Spanish. */
function inSpanish(command: Command): void {
  command.helpOption('-h, --help', 'muestra esta ayuda');
  if (command.commands.length > 0) command.helpCommand('help [comando]', 'muestra la ayuda de un comando');
  command.configureHelp({ styleTitle: (title) => TITLES[title] ?? title });
  for (const sub of command.commands) inSpanish(sub);
}
