import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { AuthenticityResult } from '#shared/authenticity';
import type { DianDocument } from '#shared/dian-document';
import { readDianFile, signedTextsOf, type SignedTexts } from '../dian';
import type { GlobalOptions } from './context';

/**
 * `agente parse <file-or-zip>...`: prints the typed record of every document found, as JSON (one object, or an
 * array when there are several), with `authenticity` (result code, reason and the facts of the signature checks)
 * for purchase documents. Exit code 0 when every input produced a document, 2 when anything was refused; the
 * reasons go to stderr. With `--copia-dian` (and the database of a company that configured its certificate for
 * DIAN's production environment), `authenticity.dianCopy` adds what DIAN's stored copy showed; nothing is stored.
 */
export function registerParseCommand(program: Command, setExitCode: (code: number) => void, global?: () => GlobalOptions): void {
  program
    .command('parse')
    .description('Lee archivos XML o ZIP de la DIAN e imprime cada documento como JSON.')
    .argument('<archivos...>', 'archivos XML o ZIP')
    .option('--copia-dian', 'compara además cada factura con la copia que guarda la DIAN (GetXmlByDocumentKey), con el certificado de la empresa configurado en Eventos RADIAN')
    .action(async (files: string[], flags: { copiaDian?: boolean }) => {
      if (flags.copiaDian && global) {
        // The database, the agent and the company's certificate only for this option: plain `parse` needs none.
        const { companyOf, withAgent } = await import('./context');
        await withAgent(global(), async (agent) => {
          const company = await companyOf(agent, global());
          const { wantsDianCopy } = await import('../agent/awaiting-dian-copy');
          await parseFiles(files, setExitCode, (document, texts, result) => (wantsDianCopy(result) ? agent.inspectDianCopy(company.id, document.cufe, texts.document, result) : Promise.resolve(undefined)));
        });
        return;
      }
      await parseFiles(files, setExitCode);
    });
}

type DianCopyInspector = (document: DianDocument, texts: SignedTexts, result: AuthenticityResult) => Promise<AuthenticityResult | undefined>;

async function parseFiles(files: string[], setExitCode: (code: number) => void, inspect?: DianCopyInspector): Promise<void> {
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
      let authenticity = await verifyOutcome(outcome, new Date());
      const texts = outcome.document ? signedTextsOf(outcome.document) : undefined;
      if (inspect && authenticity && outcome.ok && texts) authenticity = (await inspect(outcome.document, texts, authenticity)) ?? authenticity;
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
}
