import { Command, CommanderError } from 'commander';
import { DISK_FULL_MESSAGE, isDiskFull } from '../errors';
import { CliExit, type GlobalOptions } from './context';

/** Adds the real command to the program. */
type Attach = (program: Command, global: () => GlobalOptions, setExitCode: (code: number) => void) => Promise<void>;

const from =
  <M>(load: () => Promise<M>, make: (module: M) => (global: () => GlobalOptions) => Command): Attach =>
  async (program, global) => {
    program.addCommand(make(await load())(global));
  };

/**
 * Every command, in the order the help lists them. A command's module (and with it the database, the agent, the
 * API…) is loaded only when that command runs: `agente --help` and `agente summary` must answer at once (issue 17),
 * and loading everything for every command took most of a second. The descriptions are the commands' own; a test
 * (test/cli/lazy-commands.test.ts) keeps both copies equal.
 */
export const COMMANDS: { name: string; description: string; attach: Attach }[] = [
  { name: 'parse', description: 'Lee archivos XML o ZIP de la DIAN e imprime cada documento como JSON.', attach: async (program, global, setExitCode) => (await import('./parse-command')).registerParseCommand(program, setExitCode, global) },
  { name: 'company', description: 'Crea, muestra o actualiza el perfil de la empresa.', attach: from(() => import('./company-command'), (m) => m.companyCommand) },
  { name: 'ingest', description: 'Recibe archivos XML/ZIP (o carpetas con ellos) en el buzón de recepción. Sale con 0 si recibió todo, 2 si alguna ruta no se pudo leer, 3 si no recibió nada.', attach: from(() => import('./agent-commands'), (m) => m.ingestCommand) },
  { name: 'agent', description: 'Activa, pausa o reanuda el agente, o muestra su estado.', attach: from(() => import('./agent-commands'), (m) => m.agentCommand) },
  { name: 'run', description: 'Registra ahora los documentos pendientes.', attach: from(() => import('./agent-commands'), (m) => m.runCommand) },
  { name: 'bills', description: 'Facturas registradas (las «por verificar» primero), en JSON, por páginas: { items, total, limit, offset, nextOffset }.', attach: from(() => import('./agent-commands'), (m) => m.billsCommand) },
  { name: 'documents', description: 'Documentos recibidos: listarlos, ver uno, o registrar uno a mano.', attach: from(() => import('./agent-commands'), (m) => m.documentsCommand) },
  { name: 'summary', description: 'Resumen diario (por defecto, el de ayer en Bogotá): registradas, tiempo ahorrado, no registradas (la lista, por páginas).', attach: from(() => import('./summary-command'), (m) => m.summaryCommand) },
  { name: 'token', description: 'Tokens de la API. Sin subcomando: genera un token nuevo del primer administrador (revoca sus tokens de instalación anteriores). create, list y revoke: tokens personales que vencen.', attach: from(() => import('./token-commands'), (m) => m.tokenCommand) },
  { name: 'users', description: 'Personas que usan el agente y su rol en cada empresa (administrador, contador, auxiliar).', attach: from(() => import('./token-commands'), (m) => m.usersCommand) },
  { name: 'mailbox', description: 'Buzón de correo de recepción de facturas DIAN (IMAP): configurar, probar, ver estado.', attach: from(() => import('./mailbox-command'), (m) => m.mailboxCommand) },
  { name: 'alegra', description: 'Conexión con Alegra: conectar, probar, sincronizar datos y enviar las facturas registradas.', attach: from(() => import('./alegra-command'), (m) => m.alegraCommand) },
  { name: 'serve', description: 'Arranca el agente: API para la extensión, registro continuo, carpeta vigilada y resumen diario.', attach: from(() => import('./serve-command'), (m) => m.serveCommand) },
  { name: 'import', description: 'Importa el catálogo de ítems, el plan de cuentas, el historial de compras o las correcciones que ya hizo la empresa (CSV o JSON).', attach: from(() => import('./import-command'), (m) => m.importCommand) },
  { name: 'init', description: 'Crea la base de datos (si no existe) y dice dónde quedó. `npm start` la crea también la primera vez.', attach: from(() => import('./database-commands'), (m) => m.initCommand) },
  { name: 'backup', description: 'Copia de seguridad de la base de datos en <archivo>, aunque el agente esté corriendo. Para restaurar, ver el README.', attach: from(() => import('./database-commands'), (m) => m.backupCommand) },
  { name: 'reglas', description: 'UVT por año, conceptos y tarifas de retención; recálculo de facturas.', attach: from(() => import('./rules-command'), (m) => m.rulesCommand) },
  { name: 'proveedor', description: 'Proveedores: persona natural o jurídica y si es declarante de renta.', attach: from(() => import('./rules-command'), (m) => m.supplierCommand) },
  { name: 'anclas', description: 'Entidades de certificación con que se comprueban las firmas: ver las que usa el agente, agregar o descargar las que faltan (solo si se pueden comprobar).', attach: from(() => import('./anchors-command'), (m) => () => m.anchorsCommand()) },
  { name: 'radian', description: 'Eventos RADIAN del comprador (acuse, recibo, aceptación, reclamo): certificado de firma.', attach: from(() => import('./radian-command'), (m) => m.radianCommand) },
  { name: 'factura', description: 'Cambios de una factura registrada.', attach: from(() => import('./rules-command'), (m) => m.billConceptCommand) },
];

/** Global options that take a value: the word after them is not the command's name. */
const VALUE_OPTIONS = new Set(['--db', '--company', '--usuario']);

/** The command a command line asks for (`agente --db x summary`, `agente help summary`), before Commander parses it. */
export function requestedCommand(argv: string[]): string | undefined {
  const words = argv.slice(2);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (VALUE_OPTIONS.has(word)) i++;
    else if (word === 'help') return words[i + 1];
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/**
 * `npx agente <command>`: everything the agent does, without the browser. Each command lives in its own file;
 * errors print their Spanish message and exit with 1 (2 for refused inputs in `parse`).
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('agente')
    .description('Agente de Gastos: registra automáticamente las facturas de compra electrónicas DIAN.')
    .option('--db <archivo|url>', 'base de datos: archivo SQLite o postgres://… (por defecto AGENTE_DB, DATABASE_URL o ./data/agente.db; una ruta relativa se toma desde la carpeta del proyecto)')
    .option('--company <nit>', 'empresa sobre la que actúa el comando (si hay varias)')
    .option('--usuario <usuario>', 'persona en cuyo nombre actúa el comando, para el registro de auditoría (sin él: «consola (usuario del sistema)»)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const global = () => program.opts<GlobalOptions>();
  let exitCode = 0;
  const wanted = requestedCommand(argv);
  try {
    for (const entry of COMMANDS) {
      // The others stay names with a description: enough for the help and for Commander's «¿quisiste decir…?».
      if (entry.name !== wanted) program.addCommand(new Command(entry.name).description(entry.description));
      else await entry.attach(program, global, (code) => (exitCode = code));
    }
    inSpanish(program);
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliExit) {
      if (error.message) process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (isDiskFull(error)) {
      process.stderr.write(`Error: ${DISK_FULL_MESSAGE}\n`);
      return 1;
    }
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    return 1;
  }
  return exitCode;
}

const TITLES: Record<string, string> = { 'Usage:': 'Uso:', 'Options:': 'Opciones:', 'Commands:': 'Comandos:', 'Arguments:': 'Argumentos:', 'Global Options:': 'Opciones generales:' };

/** Commander writes its help in English; the people who read it here read Spanish. */
function inSpanish(command: Command): void {
  command.helpOption('-h, --help', 'muestra esta ayuda');
  if (command.commands.length > 0) command.helpCommand('help [comando]', 'muestra la ayuda de un comando');
  command.configureHelp({ styleTitle: (title) => TITLES[title] ?? title });
  for (const sub of command.commands) inSpanish(sub);
}
