import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import { PAUSE_EFFECT, type PauseResult } from '#shared/agent';
import { DOCUMENT_STATUSES, type DocumentStatus } from '#shared/inbox';
import { activateAgent, currentAgentState, listAgentEvents, pauseAgent, resumeAgent } from '../agent/agent-switch';
import { pageBills } from '../agent/bills';
import { getDocumentOrThrow, pageDocuments } from '../agent/inbox-documents';
import { registerByHand } from '../agent/manual-registration';
import { recheckUnconfirmed } from '../agent/recheck-authenticity';
import { PAGE_SIZES, parsePage } from '../agent/pagination';
import { CliExit, cliActor, companyOf, printJson, printJsonList, withAgent, type GlobalOptions } from './context';

/**
 * `agente ingest <archivos|zips|carpetas>…`: into the reception inbox; one JSON result per document.
 * Exit code: 0 when every path was received, 2 when some could not be read (each said on stderr; the rest were
 * received), 3 when nothing could be received at all.
 */
export function ingestCommand(global: () => GlobalOptions): Command {
  return new Command('ingest')
    .description('Recibe archivos XML/ZIP (o carpetas con ellos) en el buzón de recepción. Sale con 0 si recibió todo, 2 si alguna ruta no se pudo leer, 3 si no recibió nada.')
    .argument('<rutas...>', 'archivos o carpetas')
    .action(async (paths: string[]) => {
      const { files, problems } = await expand(paths);
      for (const problem of problems) process.stderr.write(`${problem}\n`);
      if (files.length === 0) throw new CliExit(problems.length ? 'No se recibió ningún archivo.' : 'No hay archivos que recibir en las carpetas indicadas.', 3);
      await withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const results = [];
        for (const file of files) {
          let bytes: Buffer;
          try {
            bytes = await readFile(file);
          } catch (error) {
            problems.push(describeFsError(file, error));
            process.stderr.write(`${problems.at(-1)}\n`);
            continue;
          }
          const result = await agent.ingest({ companyId: company.id, bytes, channel: 'cli', sourceRef: basename(file), metadata: { path: file } });
          if (result.repeated) process.stderr.write(`${file}: ya se había recibido y rechazado este mismo archivo; se cuenta en su entrada anterior.\n`);
          results.push(...result.documents.map((d) => ({ file, ...d })));
        }
        printJsonList(results);
        if (problems.length) throw new CliExit(results.length ? `${problems.length} ruta(s) no se pudieron leer; el resto se recibió.` : 'No se recibió ningún archivo.', results.length ? 2 : 3);
      });
    });
}

/** `agente agent activate|pause|resume|status`. */
export function agentCommand(global: () => GlobalOptions): Command {
  const command = new Command('agent').description('Activa, pausa o reanuda el agente, o muestra su estado.');
  command
    .command('activate')
    .description('Activa el agente con «Registrar los más recientes»: registra lo que llegue desde ahora.')
    .action(() => withAgent(global(), async (agent) => printJson(await activateAgent(agent.db, (await companyOf(agent, global())).id, 'recent', cliActor(), agent.clock))));
  command
    .command('pause')
    .description('Pausa el agente: deja de registrar, también lo que ya estaba en espera (se registra al reactivarlo); lo que llegue en pausa no se registra, ni al reactivarlo.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const result: PauseResult = { ...(await pauseAgent(agent.db, (await companyOf(agent, global())).id, cliActor(), agent.clock)), notice: PAUSE_EFFECT };
        printJson(result);
      }),
    );
  command
    .command('resume')
    .description('Reactiva el agente: registra lo que estaba en espera antes de la pausa y lo que llegue desde ahora.')
    .action(() => withAgent(global(), async (agent) => printJson(await resumeAgent(agent.db, (await companyOf(agent, global())).id, cliActor(), agent.clock))));
  command
    .command('status')
    .description('Estado del agente y su historial de cambios.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson({ ...(await currentAgentState(agent.db, company.id, agent.clock)), events: await listAgentEvents(agent.db, company.id, 20) });
      }),
    );
  return command;
}

/** `agente run`: registers what is pending now. */
export function runCommand(global: () => GlobalOptions): Command {
  return new Command('run').description('Registra ahora los documentos pendientes.').action(() =>
    withAgent(global(), async (agent) => {
      const company = await companyOf(agent, global());
      printJson(await agent.processor.runPending(company.id));
    }),
  );
}

export function billsCommand(global: () => GlobalOptions): Command {
  return new Command('bills')
    .description('Facturas registradas (las «por verificar» primero), en JSON, por páginas: { items, total, limit, offset, nextOffset }.')
    .option('--review', 'solo las que están por verificar')
    .option('--limit <n>', `cuántas por página (por defecto ${PAGE_SIZES.bills.default})`)
    .option('--offset <n>', 'desde cuál (0 es la primera; usa el nextOffset de la página anterior)')
    .action((flags: { review?: boolean; limit?: string; offset?: string }) => {
      const page = parsePage('bills', flags);
      return withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await pageBills(agent.db, company.id, flags.review ? { needsReview: true } : {}, page, agent.clock.now()));
      });
    });
}

export function documentsCommand(global: () => GlobalOptions): Command {
  const command = new Command('documents').description('Documentos recibidos: listarlos, ver uno, o registrar uno a mano.');
  command
    .command('list', { isDefault: true })
    .description(`Documentos recibidos, en JSON, por páginas: { items, total, limit, offset, nextOffset } (hasta ${PAGE_SIZES.documents.max} por página). Estados: ${DOCUMENT_STATUSES.join(', ')}.`)
    .option('--status <estados>', 'filtra por estado (separados por coma)')
    .option('--limit <n>', `cuántos por página (por defecto ${PAGE_SIZES.documents.default})`)
    .option('--offset <n>', 'desde cuál (0 es el primero; usa el nextOffset de la página anterior)')
    .action((flags: { status?: string; limit?: string; offset?: string }) => {
      const page = parsePage('documents', flags);
      const status = flags.status?.split(',').map((s) => s.trim()) as DocumentStatus[] | undefined;
      const unknown = status?.filter((s) => !DOCUMENT_STATUSES.includes(s));
      if (unknown?.length) throw new Error(`Estado desconocido: ${unknown.join(', ')}. Usa: ${DOCUMENT_STATUSES.join(', ')}.`);
      return withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await pageDocuments(agent.db, company.id, status ? { status } : {}, page));
      });
    });
  command
    .command('show')
    .description('Un documento recibido, con su estado, su motivo y el documento leído completo.')
    .argument('<id>', 'identificador del documento (el "id" de `agente documents`)')
    .action((id: string) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await getDocumentOrThrow(agent.db, company.id, id));
      }),
    );
  command
    .command('register')
    .description('Registra a mano un documento que el agente no registra solo (como «Registrar ahora» en el panel), después de revisarlo.')
    .argument('<id>', 'identificador del documento')
    .action((id: string) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const result = await registerByHand(agent.deps, company.id, id, cliActor());
        printJson(result);
        if (result.outcome.status !== 'registered') throw new Error(`No se registró: ${'reason' in result.outcome ? result.outcome.reason : result.outcome.status}`);
      }),
    );
  command
    .command('recheck')
    .description('Vuelve a comprobar las firmas de los documentos que esperan porque no se pudo confirmar su autenticidad (después de instalar anclas con `agente anclas`); los que ahora se confirman se juzgan como al llegar.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const result = await recheckUnconfirmed(agent.db, agent.clock, company);
        const pending = result.changed.filter((d) => d.status.after === 'pending').length;
        process.stderr.write(
          `Revisados ${result.checked} documentos que esperaban por su autenticidad; cambiaron ${result.changed.length}.` +
            (pending ? ` ${pending} ya se pueden registrar solos: el agente lo hace en segundos si está corriendo, o ahora con \`npx agente run\`.` : '') +
            '\n',
        );
        printJson({ revisados: result.checked, cambiaron: result.changed });
      }),
    );
  return command;
}

/** Files under the given paths, recursively; hidden files skipped. A path that cannot be read is said, in Spanish. */
async function expand(paths: string[]): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const entries = await readdir(path);
        const inner = await expand(entries.filter((e) => !e.startsWith('.')).map((e) => join(path, e)));
        files.push(...inner.files);
        problems.push(...inner.problems);
      } else files.push(path);
    } catch (error) {
      problems.push(describeFsError(path, error));
    }
  }
  return { files, problems };
}

function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = resolve(path);
  if (code === 'ENOENT') return `${path}: no existe (se buscó en ${where}).`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: no hay permiso para leerlo.`;
  if (code === 'EISDIR') return `${path}: es una carpeta que no se pudo recorrer.`;
  return `${path}: no se pudo leer (${code ?? (error as Error).message}).`;
}
