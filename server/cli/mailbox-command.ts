import { Command } from 'commander';
import { SecretBox } from '../secrets/secret-box';
import { createImapClient, describeImapError, testMailboxConnection } from '../sources/imap-client';
import { accountOf, getMailboxViewOrThrow, loadMailboxCredentials, openPassword, removeMailboxConfig, saveMailboxConfig, type MailboxSecurity } from '../sources/mailbox-config';
import { PAGE_SIZES, parsePage } from '../agent/pagination';
import { listMailboxMessages, MAILBOX_MESSAGE_STATUSES, pageMailboxMessages } from '../sources/mailbox-messages';
import { syncMailbox } from '../sources/mailbox-sync';
import { auditSettings, companyOf, printJson, withAgent, type GlobalOptions } from './context';

interface SetFlags {
  host: string;
  user: string;
  port?: string;
  security: MailboxSecurity;
  folder: string;
  passwordStdin?: boolean;
  disable?: boolean;
  test: boolean;
}

/**
 * `agente mailbox set|show|test|sync|messages|remove`: the company's DIAN reception mailbox (IMAP). The password
 * is read from standard input or `AGENTE_MAILBOX_PASSWORD` (never from the command line, where other users and
 * the shell history would see it) and is stored encrypted; nothing ever prints it. `npm start` picks up changes
 * within seconds.
 */
export function mailboxCommand(global: () => GlobalOptions): Command {
  const command = new Command('mailbox').description('Buzón de correo de recepción de facturas DIAN (IMAP): configurar, probar, ver estado.');

  command
    .command('set')
    .description('Guarda el buzón de la empresa (la contraseña se lee de la entrada estándar o de AGENTE_MAILBOX_PASSWORD y se guarda cifrada).')
    .requiredOption('--host <servidor>', 'servidor IMAP, p. ej. imap.gmail.com')
    .requiredOption('--user <usuario>', 'usuario, normalmente la dirección de correo')
    .option('--port <puerto>', 'puerto (993 con TLS, 143 con STARTTLS)')
    .option('--security <tipo>', 'tls | starttls | none (none solo para un servidor en este equipo)', 'tls')
    .option('--folder <carpeta>', 'carpeta a leer', 'INBOX')
    .option('--password-stdin', 'leer la contraseña (o contraseña de aplicación) de la entrada estándar')
    .option('--disable', 'guardar el buzón sin leerlo por ahora')
    .option('--no-test', 'no probar la conexión después de guardar')
    .action((flags: SetFlags) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const password = flags.passwordStdin ? await readStdin() : process.env.AGENTE_MAILBOX_PASSWORD || undefined;
        const box = SecretBox.fromEnv();
        const view = await saveMailboxConfig(
          agent.db,
          box,
          company.id,
          {
            host: flags.host,
            user: flags.user,
            security: flags.security,
            folder: flags.folder,
            enabled: !flags.disable,
            ...(flags.port ? { port: Number(flags.port) } : {}),
            ...(password ? { password } : {}),
          },
          agent.clock,
        );
        await auditSettings(agent, company.id, 'mailbox set', ['host', 'user', 'security', 'folder', 'enabled', ...(flags.port ? ['port'] : []), ...(password ? ['password'] : [])]);
        const test = flags.test ? await testStored(agent.db, box, company.id) : undefined;
        printJson({ ...view, ...(test ? { test } : {}) });
        if (test && !test.ok) throw new Error(`El buzón se guardó, pero la prueba de conexión falló: ${test.error?.message}`);
      }),
    );

  command
    .command('show')
    .description('Muestra el buzón (sin la contraseña), su estado y los últimos mensajes leídos.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const view = await getMailboxViewOrThrow(agent.db, company.id, { now: agent.clock.now(), floodThreshold: agent.intake.floodThreshold });
        if (view.flood.message) process.stderr.write(`Atención: ${view.flood.message}\n`);
        printJson({ ...view, latestMessages: await listMailboxMessages(agent.db, company.id, { limit: 5 }) });
      }),
    );

  command
    .command('test')
    .description('Prueba la conexión con el buzón guardado sin cambiar nada en él.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const result = await testStored(agent.db, SecretBox.fromEnv(), company.id);
        printJson(result);
        if (!result.ok) throw new Error(result.error?.message ?? 'La prueba de conexión falló.');
      }),
    );

  command
    .command('sync')
    .description('Lee ahora los mensajes nuevos del buzón, una vez (sin dejar el agente corriendo).')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const credentials = await loadMailboxCredentials(agent.db, company.id);
        if (!credentials) await getMailboxViewOrThrow(agent.db, company.id);
        const { settings, passwordSealed } = credentials!;
        const client = createImapClient(settings, openPassword(SecretBox.fromEnv(), passwordSealed));
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.mailboxOpen(settings.folder);
          const report = await syncMailbox(client, { agent, companyId: company.id, account: accountOf(settings), folder: settings.folder });
          await client.logout();
          printJson(report);
        } catch (error) {
          throw new Error(describeImapError(error, settings).message, { cause: error });
        } finally {
          client.close();
        }
      }),
    );

  command
    .command('messages')
    .description('Últimos mensajes leídos del buzón y qué pasó con cada uno.')
    .option('--limit <n>', `cuántos por página (por defecto ${PAGE_SIZES.mailboxMessages.default}, hasta ${PAGE_SIZES.mailboxMessages.max})`)
    .option('--offset <n>', 'desde cuál (0 es el más reciente; usa el nextOffset de la página anterior)')
    .option('--status <estado>', MAILBOX_MESSAGE_STATUSES.join(' | '))
    .action((flags: { limit?: string; offset?: string; status?: string }) => {
      const page = parsePage('mailboxMessages', flags);
      if (flags.status && !(MAILBOX_MESSAGE_STATUSES as readonly string[]).includes(flags.status)) throw new Error(`Estado desconocido: ${flags.status}. Usa: ${MAILBOX_MESSAGE_STATUSES.join(', ')}.`);
      return withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await pageMailboxMessages(agent.db, company.id, flags.status ? { status: flags.status } : {}, page));
      });
    });

  command
    .command('remove')
    .description('Olvida el buzón y su contraseña (los mensajes ya recibidos se conservan).')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        if (!(await removeMailboxConfig(agent.db, company.id))) await getMailboxViewOrThrow(agent.db, company.id);
        await auditSettings(agent, company.id, 'mailbox remove', []);
        printJson({ removed: true });
      }),
    );

  return command;
}

async function testStored(db: Parameters<typeof loadMailboxCredentials>[0], box: SecretBox, companyId: string) {
  const credentials = await loadMailboxCredentials(db, companyId);
  if (!credentials) {
    await getMailboxViewOrThrow(db, companyId);
    throw new Error('unreachable');
  }
  return testMailboxConnection(credentials.settings, openPassword(box, credentials.passwordSealed));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
