import { Command } from 'commander';
import { isIsoDate } from '#shared/bogota-time';
import { alegraStatus, runAlegraSync } from '../alegra/alegra-status';
import { connectAlegra, disconnectAlegra, testAlegraConnection } from '../alegra/connection';
import { alegraBillStatus } from '../alegra/push-status';
import { AlegraPusher, requeueBill } from '../alegra/push-queue';
import { SecretBox } from '../secrets/secret-box';
import { auditSettings, cliActor, companyOf, printJson, withAgent, type GlobalOptions } from './context';

/**
 * `agente alegra connect|test|sync|status|push|disconnect`: the company's Alegra account. The API token is read from
 * standard input or `ALEGRA_TOKEN` (never from the command line, where other users and the shell history would see
 * it), stored encrypted, and never printed.
 */
export function alegraCommand(global: () => GlobalOptions): Command {
  const command = new Command('alegra').description('Conexión con Alegra: conectar, probar, sincronizar datos y enviar las facturas registradas.');

  command
    .command('connect')
    .description('Conecta la empresa con su cuenta de Alegra (token de Configuración › Integraciones › API; se lee de la entrada estándar o de ALEGRA_TOKEN y se guarda cifrado).')
    .requiredOption('--email <correo>', 'correo del usuario de Alegra')
    .option('--token-stdin', 'leer el token de la entrada estándar')
    .option('--url <dirección>', 'dirección de la API (por defecto ALEGRA_API_URL o https://api.alegra.com/api/v1)')
    .option('--no-sync', 'no sincronizar los datos de Alegra después de conectar')
    .action((flags: { email: string; tokenStdin?: boolean; url?: string; sync: boolean }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const token = flags.tokenStdin ? await readStdin() : process.env.ALEGRA_TOKEN;
        if (!token) throw new Error('Falta el token de Alegra: páselo por la entrada estándar con --token-stdin o en la variable ALEGRA_TOKEN.');
        const box = SecretBox.fromEnv();
        const result = await connectAlegra(agent.db, box, company.id, { email: flags.email, token, ...(flags.url ? { baseUrl: flags.url } : {}) }, cliActor().name, agent.clock);
        await auditSettings(agent, company.id, 'alegra connect', ['email', ...(flags.url ? ['baseUrl'] : []), 'token']);
        const sync = flags.sync ? await runAlegraSync(agent.db, box, company.id, { clock: agent.clock, learn: (lines) => agent.deps.classifier.learn(lines) }) : undefined;
        printJson({ ...result, ...(sync ? { sync } : {}) });
      }),
    );

  command
    .command('test')
    .description('Prueba la conexión guardada (credenciales, plan, permisos) y explica cualquier problema.')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const report = await testAlegraConnection(agent.db, SecretBox.fromEnv(), company.id, agent.clock);
        printJson(report);
        if (!report.ok) throw new Error(report.message);
      }),
    );

  command
    .command('sync')
    .description('Trae de Alegra proveedores, ítems, catálogo de cuentas, impuestos, retenciones y facturas recientes.')
    .option('--full', 'recorrer todas las páginas (por defecto solo lo nuevo)')
    .option('--since <AAAA-MM-DD>', 'facturas de Alegra desde esta fecha')
    .option('--adopt-chart', 'usar el catálogo de cuentas de Alegra como plan de cuentas de la empresa en el agente (reemplaza el importado)')
    .action((flags: { full?: boolean; since?: string; adoptChart?: boolean }) =>
      withAgent(global(), async (agent) => {
        if (flags.since && !isIsoDate(flags.since)) throw new Error(`Fecha inválida «${flags.since}»: usa AAAA-MM-DD.`);
        const company = await companyOf(agent, global());
        const report = await runAlegraSync(agent.db, SecretBox.fromEnv(), company.id, {
          clock: agent.clock,
          ...(flags.full ? { full: true } : {}),
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.adoptChart ? { adoptChart: { actor: cliActor().name } } : {}),
          learn: (lines) => agent.deps.classifier.learn(lines),
        });
        printJson(report);
        if (!report.ok) throw new Error('La sincronización con Alegra no se completó: vea el error de cada recurso arriba.');
      }),
    );

  command
    .command('status')
    .description('Estado de la conexión, de la sincronización y de las facturas enviadas a Alegra (o de una con --bill).')
    .option('--bill <id>', 'estado de una factura registrada')
    .action((flags: { bill?: string }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(flags.bill ? await alegraBillStatus(agent.db, company.id, flags.bill) : await alegraStatus(agent.db, company.id));
      }),
    );

  command
    .command('push')
    .description('Envía ya a Alegra las facturas pendientes (o una con --bill, también si se registró antes de conectar o falló).')
    .option('--bill <id>', 'factura registrada a enviar')
    .option('--recreate', 'con --bill: crearla de nuevo en Alegra (fue eliminada allá)')
    .action((flags: { bill?: string; recreate?: boolean }) =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const pusher = new AlegraPusher(agent.db, SecretBox.fromEnv(), { clock: agent.clock });
        if (flags.bill) await requeueBill(agent.db, company.id, flags.bill, agent.clock, { ...(flags.recreate ? { recreate: true } : {}) });
        const report = await pusher.drain({ companyId: company.id, ...(flags.bill ? { billId: flags.bill } : {}) });
        printJson(flags.bill ? { ...report, bill: await alegraBillStatus(agent.db, company.id, flags.bill) } : report);
        if (report.failed > 0) throw new Error(`${report.failed} factura(s) no se pudieron registrar en Alegra: vea el motivo con \`npx agente alegra status\`.`);
      }),
    );

  command
    .command('disconnect')
    .description('Olvida el correo y el token de Alegra (los datos sincronizados y el estado de las facturas se conservan).')
    .action(() =>
      withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        const result = await disconnectAlegra(agent.db, company.id);
        await auditSettings(agent, company.id, 'alegra disconnect', []);
        printJson(result);
      }),
    );

  return command;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').trim();
}
