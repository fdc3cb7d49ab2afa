import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { downloadAuthorities, installAuthorities, judgeAuthorities, knownAuthorities, readCertificates, sha256Of, type AuthorityVerdict } from '../authenticity/anchor-install';
import { x509 } from '../authenticity/certificates';
import { ANCHORS_VARIABLE, BUNDLED_ANCHORS, INSTALLED_ANCHORS_VARIABLE, installedAnchorsFile, loadAnchors } from '../authenticity/trust-anchors';
import { CliExit, printJson } from './context';

const RESTART = 'Reinicia el agente (`npm start`) para que las use. Los documentos que ya esperan porque no se pudo confirmar su autenticidad se vuelven a comprobar con `npx agente documents recheck` (uno por empresa: `--company <nit>`).';

/**
 * `agente anclas`: the certification authorities a signature must chain to. Lists them; `agregar` installs the
 * missing ones from files downloaded by hand, `descargar` fetches them from the entities' published addresses —
 * both only after checking each one (anchor-install.ts). Works without a database: anchors belong to the
 * installation, not to a company.
 */
export function anchorsCommand(): Command {
  const command = new Command('anclas')
    .description('Entidades de certificación con que se comprueban las firmas: ver las que usa el agente, agregar o descargar las que faltan (solo si se pueden comprobar).')
    .action(() => printJson(listAnchors()));

  command
    .command('agregar')
    .description('Instala certificados de entidades de certificación (PEM o DER) descargados de sus páginas oficiales: solo los que se encadenan a un ancla o son raíces con huella publicada.')
    .argument('<archivos...>', 'archivos .crt, .cer o .pem')
    .action(async (files: string[]) => {
      const candidates: x509.X509Certificate[] = [];
      for (const file of files) {
        try {
          const found = readCertificates(readFileSync(resolve(file)));
          if (found.length === 0) throw new Error('no trae ningún certificado');
          candidates.push(...found);
        } catch (error) {
          throw new CliExit(`No se pudo leer ${file} como certificado (PEM o DER): ${(error as Error).message}`, 1);
        }
      }
      finish(await install(candidates), []);
    });

  command
    .command('descargar')
    .description('Descarga los certificados de autoridad que publican las entidades (GSE, Andes SCD, Certicámara) y sus raíces, e instala los que se pueden comprobar.')
    .action(async () => {
      const downloaded = await downloadAuthorities(knownAuthorities().descargas.map((d) => d.url));
      finish(await install(downloaded.certificates.map((d) => d.certificate)), downloaded.failures);
    });
  return command;
}

/** The anchors in use, with where each comes from. */
function listAnchors() {
  const installed = installedAnchorsFile();
  const extra = process.env[ANCHORS_VARIABLE]?.trim();
  const sources: { file: string; origen: string }[] = [{ file: BUNDLED_ANCHORS, origen: 'las que trae el agente' }];
  if (installed && existsSync(installed)) sources.push({ file: installed, origen: 'instaladas con `agente anclas`' });
  if (extra) sources.push({ file: extra, origen: ANCHORS_VARIABLE });
  const anclas = sources.flatMap(({ file, origen }) =>
    loadAnchors([file]).certificates.map((c) => ({ sujeto: c.subject, origen, vigencia: { desde: c.notBefore.toISOString(), hasta: c.notAfter.toISOString() }, sha256: sha256Of(c) })),
  );
  return { anclas, instaladasEn: installed ?? null };
}

async function install(candidates: x509.X509Certificate[]): Promise<{ verdicts: AuthorityVerdict[]; file: string | undefined; installed: number }> {
  const file = installedAnchorsFile();
  const inUse = [BUNDLED_ANCHORS, ...(file && existsSync(file) ? [file] : [])];
  const verdicts = await judgeAuthorities(candidates, loadAnchors(inUse).certificates, knownAuthorities().raices);
  if (!file) {
    if (verdicts.some((v) => v.outcome === 'aceptada')) throw new CliExit(`No hay dónde instalarlas: ${INSTALLED_ANCHORS_VARIABLE} está vacía. Dale la ruta de un archivo o quítala (por defecto, data/anclas-instaladas.pem en la carpeta del proyecto).`, 1);
    return { verdicts, file, installed: 0 };
  }
  return { verdicts, file, installed: installAuthorities(file, verdicts) };
}

function finish(result: { verdicts: AuthorityVerdict[]; file: string | undefined; installed: number }, failures: { url: string; motivo: string }[]): void {
  const { verdicts, file, installed } = result;
  for (const v of verdicts) process.stderr.write(`${v.outcome === 'aceptada' ? '✔ instalada' : v.outcome === 'ya_estaba' ? '· ya estaba' : '✘ rechazada'}: ${v.subject}\n    ${v.reason}\n`);
  for (const f of failures) process.stderr.write(`✘ ${f.url}\n    ${f.motivo}\n`);
  if (installed > 0) process.stderr.write(`${installed === 1 ? 'Quedó instalada 1 entidad' : `Quedaron instaladas ${installed} entidades`} en ${file}. ${RESTART}\n`);
  printJson({
    instaladas: installed,
    archivo: file ?? null,
    certificados: verdicts.map((v) => ({ sujeto: v.subject, sha256: v.sha256, resultado: v.outcome, motivo: v.reason })),
    ...(failures.length > 0 ? { descargasFallidas: failures } : {}),
  });
  const refused = verdicts.filter((v) => v.outcome === 'rechazada').length;
  if (refused > 0 || (verdicts.length === 0 && failures.length > 0)) throw new CliExit('', 2);
}
