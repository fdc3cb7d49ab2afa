import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Argument, Command } from 'commander';
import { importFile, type ImportKind } from '../matching/import-data';
import { cliActor, companyOf, printJson, withAgent, type GlobalOptions } from './context';

/**
 * `agente import items|accounts|history|corrections <archivo.csv|json>`: brings the company's catalog, chart of
 * accounts, past bills or past corrections, so suggestions start from what the company already knows (formats in
 * the README). Prints the result as JSON (with warnings: columns not recognised, accounts added to the chart…); a
 * file with invalid rows is refused whole unless `--omitir-errores`.
 */
export function importCommand(global: () => GlobalOptions): Command {
  return new Command('import')
    .description('Importa el catálogo de ítems, el plan de cuentas, el historial de compras o las correcciones que ya hizo la empresa (CSV o JSON).')
    .addArgument(new Argument('<tipo>', 'qué se importa').choices(['items', 'accounts', 'history', 'corrections']))
    .argument('<archivo>', 'archivo CSV (separado por coma, punto y coma o tabulador) o JSON')
    .option('--formato <formato>', 'csv o json (por defecto, según la extensión del archivo)')
    .option('--omitir-errores', 'importa las filas válidas y reporta las demás, en vez de rechazar el archivo')
    .action(async (kind: ImportKind, file: string, flags: { formato?: string; omitirErrores?: boolean }) => {
      await withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const text = await readFile(file, 'utf8');
        const result = await importFile(agent.db, company.id, kind, text, {
          fileName: basename(file),
          actor: cliActor().name,
          now: agent.clock.now(),
          ...(flags.omitirErrores ? { skipInvalid: true } : {}),
          ...(flags.formato ? { format: flags.formato } : {}),
        });
        printJson(result);
      });
    });
}
