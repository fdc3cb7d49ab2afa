import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { backupDatabase } from '../db/backup';
import { locateDatabase, openDatabase, schemaCreatedNow } from '../db/database';
import { describeLocation } from '../db/engine';
import { printJson, withAgent, type GlobalOptions } from './context';

/** `agente init`: creates the database (the only command besides `serve` that does), and says where. */
export function initCommand(global: () => GlobalOptions): Command {
  return new Command('init').description('Crea la base de datos (si no existe) y dice dónde quedó. `npm start` la crea también la primera vez.').action(async () => {
    const { file, from } = locateDatabase(global().db);
    // On PostgreSQL the (empty) database exists already: creating it means creating the agent's tables in it.
    const db = await openDatabase(file, { check: file !== ':memory:' && existsSync(file) });
    const created = schemaCreatedNow(db);
    await db.destroy();
    const shown = describeLocation(file);
    process.stderr.write(created ? `Base de datos creada en ${shown} (${from}).\n` : `La base de datos ya existía en ${shown} (${from}); quedó al día.\n`);
    printJson({ database: shown, created });
  });
}

/**
 * `agente backup <archivo>`: a consistent copy of the database while the agent runs (SQLite online backup API),
 * checked before it is kept. Restore is copying it back with the agent stopped (README).
 */
export function backupCommand(global: () => GlobalOptions): Command {
  return new Command('backup')
    .description('Copia de seguridad de la base de datos en <archivo>, aunque el agente esté corriendo. Para restaurar, ver el README.')
    .argument('<archivo>', 'archivo de destino (no debe existir)')
    .action((destination: string) =>
      withAgent(global(), async (agent) => {
        const result = await backupDatabase(agent.db, destination);
        process.stderr.write(`Copia de seguridad guardada en ${result.file}.\n`);
        printJson({ database: describeLocation(locateDatabase(global().db).file), backup: result.file, bytes: result.bytes });
      }),
    );
}
