import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { AuthenticityResult } from '#shared/authenticity';
import type { DianDocument } from '#shared/dian-document';
import { readDianFile } from '../dian';

/**
 * `agente parse <file-or-zip>...`: prints the typed record of every document found, as JSON (one object, or an
 * array when there are several), with `authenticity` (result code, reason and the facts of the signature checks)
 * for purchase documents. Exit code 0 when every input produced a document, 2 when anything was refused; the
 * reasons go to stderr.
 */
export function registerParseCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('parse')
    .description('Lee archivos XML o ZIP de la DIAN e imprime cada documento como JSON.')
    .argument('<archivos...>', 'archivos XML o ZIP')
    .action(async (files: string[]) => {
      const { verifyOutcome } = await import('../authenticity');
      const documents: (DianDocument & { source: string; authenticity?: AuthenticityResult })[] = [];
      let refused = false;
      for (const file of files) {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (error) {
          process.stderr.write(`${file}: no se pudo leer el archivo (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
          refused = true;
          continue;
        }
        const { outcomes } = readDianFile(bytes, { name: basename(file) });
        for (const outcome of outcomes) {
          const where = [file, ...outcome.source.slice(1)].join(' › ');
          const authenticity = await verifyOutcome(outcome, new Date());
          if (outcome.ok) documents.push({ source: where, ...outcome.document, ...(authenticity ? { authenticity } : {}) });
          else {
            refused = true;
            const note = authenticity ? ` (autenticidad: ${authenticity.code}: ${authenticity.reason})` : '';
            process.stderr.write(`${where}: ${outcome.error.code}: ${outcome.error.message}${note}\n`);
          }
        }
      }
      process.stdout.write(`${JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2)}\n`);
      setExitCode(refused ? 2 : 0);
    });
}
