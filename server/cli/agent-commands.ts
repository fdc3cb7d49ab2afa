import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { PAUSE_EFFECT, type PauseResult } from '#shared/agent';
import { DOCUMENT_STATUSES, type DocumentStatus } from '#shared/inbox';
import { activateAgent, currentAgentState, listAgentEvents, pauseAgent, resumeAgent } from '../agent/agent-switch';
import { listBills } from '../agent/bills';
import { listDocuments } from '../agent/inbox-documents';
import { hasActiveToken, rotateToken } from '../api/tokens';
import { cliActor, companyOf, printJson, withAgent, type GlobalOptions } from './context';

/** `agente ingest <archivos|zips|carpetas>…`: into the reception inbox; one JSON result per document. */
export function ingestCommand(global: () => GlobalOptions): Command {
  return new Command('ingest')
    .description('Recibe archivos XML/ZIP (o carpetas con ellos) en el buzón de recepción.')
    .argument('<rutas...>', 'archivos o carpetas')
    .action(async (paths: string[]) => {
      await withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const results = [];
        for (const file of await expand(paths)) {
          const result = await agent.ingest({ companyId: company.id, bytes: await readFile(file), channel: 'cli', sourceRef: basename(file), metadata: { path: file } });
          results.push(...result.documents.map((d) => ({ file, ...d })));
        }
        printJson(results);
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
    .description('Facturas registradas (las «por verificar» primero), en JSON.')
    .option('--review', 'solo las que están por verificar')
    .option('--limit <n>', 'cuántas', '50')
    .action((flags: { review?: boolean; limit: string }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await listBills(agent.db, company.id, { ...(flags.review ? { needsReview: true } : {}), limit: Number(flags.limit) }));
      }),
    );
}

export function documentsCommand(global: () => GlobalOptions): Command {
  return new Command('documents')
    .description(`Documentos recibidos, en JSON. Estados: ${DOCUMENT_STATUSES.join(', ')}.`)
    .option('--status <estados>', 'filtra por estado (separados por coma)')
    .option('--limit <n>', 'cuántos', '100')
    .action((flags: { status?: string; limit: string }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const status = flags.status?.split(',').map((s) => s.trim()) as DocumentStatus[] | undefined;
        const unknown = status?.filter((s) => !DOCUMENT_STATUSES.includes(s));
        if (unknown?.length) throw new Error(`Estado desconocido: ${unknown.join(', ')}`);
        printJson(await listDocuments(agent.db, company.id, { ...(status ? { status } : {}), limit: Number(flags.limit) }));
      }),
    );
}

export function tokenCommand(global: () => GlobalOptions): Command {
  return new Command('token')
    .description('Genera un token nuevo para la API (revoca los anteriores). Se muestra una sola vez.')
    .option('--label <nombre>', 'para qué es el token', 'extensión')
    .action((flags: { label: string }) =>
      withAgent(global(), async (agent) => {
        const replaced = await hasActiveToken(agent.db);
        const token = await rotateToken(agent.db, flags.label, agent.clock);
        process.stdout.write(`${token}\n`);
        process.stderr.write(`${replaced ? 'Los tokens anteriores quedaron revocados. ' : ''}Guárdelo: no se volverá a mostrar.\n`);
      }),
    );
}

/** Files under the given paths, recursively; hidden files skipped. */
async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const entries = await readdir(path);
      files.push(...(await expand(entries.filter((e) => !e.startsWith('.')).map((e) => join(path, e)))));
    } else files.push(path);
  }
  return files;
}
