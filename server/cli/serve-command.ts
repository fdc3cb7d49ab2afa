import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { Agent } from '../agent/agent';
import { AlegraPusher } from '../alegra/push-queue';
import { SecretBox } from '../secrets/secret-box';
import { RadianEvents } from '../radian/radian-events';
import { attachRadian, dianCopyGateway, radianTransports } from '../radian/transports';
import { startSummaryScheduler } from '../agent/summary-scheduler';
import { listCompanies } from '../companies/companies';
import { startApiServer } from '../api/serve';
import { createToken, hasActiveToken } from '../api/tokens';
import { backupDaysFromEnv, startBackupScheduler } from '../db/backup';
import { backupDirFor, locateDatabase, openDatabase, schemaCreatedNow } from '../db/database';
import { describeLocation, isPostgresUrl } from '../db/engine';
import { startFolderWatcher } from '../sources/folder-watcher';
import { startMailboxWatchers } from '../sources/mailbox-manager';
import { folderSourceKey, runWhileLeased } from '../workers/source-lease';
import { listenForWork } from '../workers/work-signal';
import type { GlobalOptions } from './context';
import { defaultAnchors, describeAnchors } from '../authenticity/trust-anchors';
import { recheckWhereAnchorsChanged } from '../agent/recheck-authenticity';

interface ServeFlags {
  port: string;
  host: string;
  inbox: string;
  watch: boolean;
  mailbox: boolean;
}

/**
 * `agente serve` (what `npm start` runs): the API for the extension on 127.0.0.1, continuous registration, the
 * watched `./inbox/` folder and the midnight summary. Stops cleanly on Ctrl+C.
 */
export function serveCommand(global: () => GlobalOptions): Command {
  return new Command('serve')
    .description('Arranca el agente: API para la extensión, registro continuo, carpeta vigilada y resumen diario.')
    .option('--port <puerto>', 'puerto de la API', process.env.AGENTE_PORT ?? '8787')
    .option('--host <dirección>', 'dirección de escucha (solo local por defecto)', process.env.AGENTE_HOST ?? '127.0.0.1')
    .option('--inbox <carpeta>', 'carpeta vigilada para XML/ZIP', process.env.AGENTE_INBOX ?? './inbox')
    .option('--no-watch', 'no vigilar la carpeta')
    .option('--no-mailbox', 'no leer los buzones de correo configurados')
    .action(async (flags: ServeFlags) => {
      // Listen for Ctrl+C / SIGTERM from the very start: a signal during start-up must stop cleanly too, not kill
      // the process between two writes.
      const stopRequested = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      // The first start creates the database (and says where); every start checks it is whole before using it.
      const { file, from } = locateDatabase(global().db);
      const postgres = isPostgresUrl(file);
      const shown = describeLocation(file);
      const db = await openDatabase(file, { check: file !== ':memory:' && existsSync(file) });
      const created = file !== ':memory:' && schemaCreatedNow(db);
      process.stdout.write(created ? `Base de datos creada en ${shown} (${from}): es la primera vez que arranca el agente.\n` : `Base de datos: ${shown} (${from})\n`);
      // Bills of a company connected to Alegra are pushed there after registration (asynchronously, retried).
      const alegra = new AlegraPusher(db, () => SecretBox.fromEnv());
      // The buyer's RADIAN events (030/032 by themselves when the company asks): the transports come from one factory.
      const radian = new RadianEvents({ db, box: () => SecretBox.fromEnv(), transports: radianTransports() });
      // On PostgreSQL the processor is woken by NOTIFY from whichever process received (LISTEN on a connection of its
      // own); its sweep then is only a safety net, every 30 s. On SQLite it sweeps every 3 s for other processes' work.
      // «La copia de la DIAN»: received documents are compared with DIAN's stored copy when the company configured its
      // certificate (same host and certificate as the events).
      const agent = new Agent(db, { listeners: [alegra, radian.listener], sweepIntervalMs: postgres ? 30_000 : 3_000, dianCopy: { gateway: dianCopyGateway(), box: () => SecretBox.fromEnv() } });
      attachRadian(agent, radian);
      // Events DIAN never answered are sent again, as they are, every 15 minutes (only for active agents).
      const radianRetry = setInterval(() => radian.retryPendingSoon(), 15 * 60_000);
      radianRetry.unref();
      const workListener = postgres ? await listenForWork(file, () => agent.processor.wake()) : undefined;
      // The first start creates the first administrator (administrador of every company) and prints their token.
      if (!(await hasActiveToken(db, agent.clock))) {
        const token = await createToken(db, 'primer inicio', agent.clock);
        process.stdout.write(`\nToken de la API del primer administrador (cópielo en la extensión; no se volverá a mostrar):\n\n  ${token}\n\n`);
      }
      const server = await startApiServer(agent, { port: Number(flags.port), hostname: flags.host });
      agent.start();
      alegra.start();
      const scheduler = startSummaryScheduler(agent.deps, agent.processor);
      // Days missed while the server was down are composed in the background (for an office, minutes): the API
      // answers meanwhile, and Ctrl+C stops it between two days instead of waiting for the last company.
      const catchingUp = scheduler.catchUp().catch((error) => console.error('No se pudieron calcular los resúmenes pendientes:', error));
      // Anchors installed since the last start (`agente anclas`): what waited because its authenticity could not be
      // confirmed is checked again under them, in the background; what now verifies is judged as at its arrival.
      const anchors = defaultAnchors();
      const rechecking = recheckWhereAnchorsChanged(db, agent.clock, anchors)
        .then((results) => {
          for (const { company, checked, changed } of results) {
            if (checked === 0) continue;
            const ready = changed.filter((d) => d.status.after === 'pending').length;
            console.log(`Anclas de confianza nuevas: ${company.name}: se volvieron a comprobar ${checked} documentos que esperaban por su autenticidad; cambiaron ${changed.length}${ready ? `, ${ready} se registran ahora solos` : ''}.`);
          }
        })
        .catch((error) => console.error('No se pudieron volver a comprobar los documentos que esperaban por su autenticidad:', error));
      const keepDays = backupDaysFromEnv();
      // PostgreSQL is backed up by its own tools (pg_dump), on the database server's schedule: README.
      const backups = keepDays > 0 && file !== ':memory:' && !postgres ? startBackupScheduler(db, file, { keepDays, clock: agent.clock }) : undefined;
      await backups?.catchUp().catch((error) => console.error('No se pudo hacer la copia de seguridad diaria:', error));
      // Several `agente serve` on one database (issue #15): the folder is read by whichever holds its lease.
      const watcher = flags.watch
        ? runWhileLeased(db, folderSourceKey(resolve(flags.inbox)), () => startFolderWatcher(agent, { dir: flags.inbox }), { log: (m) => console.log(m) })
        : undefined;
      await watcher?.firstTry;
      const mailboxes = flags.mailbox ? await startMailboxWatchers(agent, { log: (m) => console.log(m) }) : undefined;
      const companies = await listCompanies(db);
      process.stdout.write(
        [
          `Agente de Gastos escuchando en ${server.url} (base de datos ${shown})`,
          postgres
            ? 'Copias de seguridad: en PostgreSQL se hacen con pg_dump (ver «Para una oficina contable» en el README)'
            : backups
              ? `Copias de seguridad diarias: ${backupDirFor(file)} (se guardan ${keepDays} días)`
              : 'Copias de seguridad diarias: desactivadas (AGENTE_COPIAS_DIAS=0)',
          watcher ? `Carpeta vigilada: ${flags.inbox}${watcher.holding ? '' : ' (la lee otro proceso del agente; este la tomará si ese se detiene)'}` : 'Carpeta vigilada: desactivada',
          describeAnchors(anchors),
          mailboxes ? `Buzones de correo: ${mailboxes.size || 'ninguno configurado (`npx agente mailbox set …` o desde el panel)'}` : 'Buzones de correo: desactivados',
          companies.length
            ? `Empresas: ${companies.map((c) => `${c.name} (NIT ${c.nit})`).join(', ')}`
            : 'Aún no hay empresa: créala desde la extensión o con `npx agente company create --nit … --name … --user …`.',
          '',
        ].join('\n'),
      );
      await stopRequested;
      process.stdout.write('Deteniendo el agente…\n');
      // Stops the catch-up (and any midnight run) and the registration loop together; each ends after what is in hand.
      const schedulerStopped = scheduler.stop();
      clearInterval(radianRetry);
      backups?.stop();
      await watcher?.stop();
      await mailboxes?.stop();
      await server.close();
      await alegra.stop();
      await workListener?.close();
      await agent.stop();
      await schedulerStopped;
      await catchingUp;
      await rechecking;
      await radian.idle();
      await db.destroy();
    });
}
