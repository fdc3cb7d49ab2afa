import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { saveCertificate, MAX_P12_BYTES } from '../radian/company-certificate';
import { SecretBox } from '../secrets/secret-box';
import { cliActor, CliExit, companyOf, printJson, withAgent, type GlobalOptions } from './context';

/**
 * `agente radian certificado <archivo.p12>`: stores the company's signing certificate for its RADIAN events. The
 * password is read from standard input (`--password-stdin`) or `AGENTE_CERTIFICADO_PASSWORD`, never from the command
 * line, where other users of the machine could read it; it is stored sealed and never printed.
 */
export function radianCommand(global: () => GlobalOptions): Command {
  const command = new Command('radian').description('Eventos RADIAN del comprador (acuse, recibo, aceptación, reclamo): certificado de firma.');
  command
    .command('certificado <archivo>')
    .description('Guarda el certificado de firma de la empresa (.p12); la contraseña se lee de la entrada estándar o de AGENTE_CERTIFICADO_PASSWORD.')
    .option('--password-stdin', 'leer la contraseña del certificado de la entrada estándar')
    .action(async (file: string, flags: { passwordStdin?: boolean }) => {
      const password = flags.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : process.env.AGENTE_CERTIFICADO_PASSWORD;
      if (password === undefined) throw new CliExit('Falta la contraseña del certificado: usa --password-stdin o AGENTE_CERTIFICADO_PASSWORD.', 2);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new CliExit(`No se pudo leer ${file}: ${(error as Error).message}`, 2);
      }
      if (bytes.length > MAX_P12_BYTES) throw new CliExit(`${file} no parece un certificado .p12: es demasiado grande.`, 2);
      await withAgent(global(), async (agent) => {
        const company = await companyOf(agent, global());
        printJson(await saveCertificate(agent.db, SecretBox.fromEnv(), company, bytes, password, cliActor().name, agent.clock));
      });
    });
  return command;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
