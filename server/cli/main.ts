import { Command, CommanderError } from 'commander';
import { registerParseCommand } from './parse-command';

/**
 * `npx agente <command>`: everything the agent does, without the browser. Each command lives in its own file and
 * returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('agente')
    .description('Agente de Gastos: registra automáticamente las facturas de compra electrónicas DIAN.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  registerParseCommand(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    return 1;
  }
  return exitCode;
}
