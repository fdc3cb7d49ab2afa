import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, requestedCommand } from '../../server/cli/main';
import { runAgente } from '../support/cli';

/** main.ts lists every command with its description, and loads a command's module only when that command runs. */
describe('commands loaded on demand', () => {
  it('each listed description is the command’s own', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('agente');
      await entry.attach(program, () => ({}), () => {});
      const real = program.commands.find((command) => command.name() === entry.name);
      expect(real, entry.name).toBeDefined();
      expect(entry.description, entry.name).toBe(real!.description());
    }
  });

  it('finds the command after global options and in «help <comando>»', () => {
    expect(requestedCommand(['node', 'agente', '--db', 'x.db', '--company', '900', 'summary', '--today'])).toBe('summary');
    expect(requestedCommand(['node', 'agente', 'help', 'bills'])).toBe('bills');
    expect(requestedCommand(['node', 'agente', '--help'])).toBeUndefined();
    expect(requestedCommand(['node', 'agente', '--db', 'summary'])).toBeUndefined();
  });

  it('the help lists every command, and a command’s own help shows its options', async () => {
    const root = await runAgente(['--help']);
    expect(root.code).toBe(0);
    for (const entry of COMMANDS) expect(root.stdout).toContain(entry.name);
    const summary = await runAgente(['help', 'summary']);
    expect(summary.stdout).toContain('--today');
    const unknown = await runAgente(['sumary']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('summary');
  });
});
