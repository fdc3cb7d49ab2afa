import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import { downloadAuthorities, installAuthorities, judgeAuthorities, readCertificates, sha256Of, type PinnedRoot } from '../../server/authenticity/anchor-install';
import { x509 } from '../../server/authenticity/certificates';
import { BUNDLED_ANCHORS, defaultAnchors, loadAnchors } from '../../server/authenticity/trust-anchors';
import { invoiceSpec } from '../support/agent-harness';
import { runAgente } from '../support/cli';
import { rogueCa, testCa, toPem } from '../support/pki';
import { deliverable } from '../support/signing';
import { unsignedUbl } from '../support/ubl';

/**
 * Installing the authorities the bundle lacks (`agente anclas agregar / descargar`, server/authenticity/anchor-install.ts):
 * only a subordinate whose signature verifies under an anchor in use, or a root whose fingerprint is pinned with its
 * source; look-alikes, test authorities and end-entity certificates are refused with the reason.
 */

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const FROM = new Date('2020-01-01T00:00:00Z');
const TO = new Date('2040-01-01T00:00:00Z');

interface Authority {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

async function keys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function root(name: string): Promise<Authority> {
  const pair = await keys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name, notBefore: FROM, notAfter: TO, keys: pair, signingAlgorithm: ALGORITHM, extensions: [new x509.BasicConstraintsExtension(true, undefined, true)] });
  return { cert, keys: pair };
}

async function issued(issuer: Authority, name: string, options: { ca: boolean; aia?: string; keyId?: string; notAfter?: Date }): Promise<Authority> {
  const pair = await keys();
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca, undefined, true)];
  if (options.aia) extensions.push(new x509.AuthorityInfoAccessExtension({ caIssuers: options.aia }));
  if (options.keyId) extensions.push(new x509.SubjectKeyIdentifierExtension(options.keyId));
  const cert = await x509.X509CertificateGenerator.create({ serialNumber: '02', subject: name, issuer: issuer.cert.subject, notBefore: FROM, notAfter: options.notAfter ?? TO, publicKey: pair.publicKey, signingKey: issuer.keys.privateKey, signingAlgorithm: ALGORITHM, extensions });
  return { cert, keys: pair };
}

const pinOf = (a: Authority, nombre = 'Raíz de prueba'): PinnedRoot => ({ nombre, sha256: sha256Of(a.cert), fuente: 'fijada por la prueba' });

describe('judging an authority before installing it', () => {
  let gse: Authority;
  let sub: Authority;
  let lookAlike: Authority;
  let lookAlikeSub: Authority;
  beforeAll(async () => {
    gse = await root('CN=Autoridad Raiz GSE, O=GSE, C=CO');
    sub = await issued(gse, 'CN=Autoridad Subordinada 01 GSE, O=GSE, C=CO', { ca: true });
    // Anyone can make a root with the same name, and a subordinate under it.
    lookAlike = await root('CN=Autoridad Raiz GSE, O=GSE, C=CO');
    lookAlikeSub = await issued(lookAlike, 'CN=Autoridad Subordinada 01 GSE, O=GSE, C=CO', { ca: true });
  });

  it('accepts a subordinate whose signature verifies under an anchor in use, and a pinned root', async () => {
    const [verdict] = await judgeAuthorities([sub.cert], [gse.cert], []);
    expect(verdict).toMatchObject({ outcome: 'aceptada', subject: sub.cert.subject });
    expect(verdict!.reason).toContain('Autoridad Raiz GSE');
    const [pinned] = await judgeAuthorities([gse.cert], [], [pinOf(gse, 'Autoridad Raiz GSE')]);
    expect(pinned).toMatchObject({ outcome: 'aceptada' });
    expect(pinned!.reason).toContain('huella publicada');
  });

  it('accepts a root and its subordinate given together, in any order', async () => {
    const verdicts = await judgeAuthorities([sub.cert, gse.cert], [], [pinOf(gse)]);
    expect(verdicts.map((v) => v.outcome)).toEqual(['aceptada', 'aceptada']);
  });

  it('refuses a look-alike root (same name, other key) and what it issued, even next to the real one', async () => {
    const verdicts = await judgeAuthorities([lookAlike.cert, lookAlikeSub.cert], [gse.cert], [pinOf(gse)]);
    expect(verdicts.map((v) => v.outcome)).toEqual(['rechazada', 'rechazada']);
    expect(verdicts[0]!.reason).toContain('huella no está entre las publicadas');
    expect(verdicts[1]!.reason).toContain('No se encadena');
  });

  it('refuses an end-entity certificate, even one a trusted authority issued', async () => {
    const holder = await issued(sub, 'CN=Proveedor SAS, C=CO', { ca: false });
    const [verdict] = await judgeAuthorities([holder.cert], [gse.cert, sub.cert], []);
    expect(verdict).toMatchObject({ outcome: 'rechazada' });
    expect(verdict!.reason).toContain('entidad de certificación');
  });

  it('refuses an authority of the exclusion list (test authorities) although it chains to an anchor', async () => {
    // The key identifier of «CA ANDES SCD S.A. Clase II», whose test certificates' private keys are public.
    const claseII = await issued(gse, 'CN=CA ANDES SCD S.A. Clase II, O=Andes SCD, C=CO', { ca: true, keyId: 'a84bb4f40ba7b65bd4a02885109d041333c4a7f7' });
    const [verdict] = await judgeAuthorities([claseII.cert], [gse.cert], []);
    expect(verdict).toMatchObject({ outcome: 'rechazada' });
    expect(verdict!.reason).toContain('pruebas');
  });

  it('says what is already an anchor, and keeps an expired authority with a note (older documents need it)', async () => {
    const old = await issued(gse, 'CN=Subordinada vieja, C=CO', { ca: true, notAfter: new Date('2024-06-30T12:00:00Z') });
    const verdicts = await judgeAuthorities([gse.cert, old.cert], [gse.cert], [], new Date('2026-12-04T12:00:00Z'));
    expect(verdicts.map((v) => v.outcome)).toEqual(['ya_estaba', 'aceptada']);
    expect(verdicts[1]!.reason).toContain('Venció el 30/06/2024');
  });

  it('writes the accepted ones with their reasons, appends later ones, and the verifier reads them back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anclas-')), 'sub', 'anclas-instaladas.pem');
    expect(installAuthorities(file, await judgeAuthorities([gse.cert, lookAlike.cert], [], [pinOf(gse)]))).toBe(1);
    expect(installAuthorities(file, await judgeAuthorities([sub.cert], loadAnchors([file]).certificates, []))).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`# SHA-256 ${sha256Of(gse.cert)}`);
    expect(text).toContain('huella publicada');
    expect(readCertificates(Buffer.from(text)).map(sha256Of)).toEqual([sha256Of(gse.cert), sha256Of(sub.cert)]);
    expect(defaultAnchors({ AGENTE_ANCLAS_INSTALADAS: file }).certificates.map(sha256Of)).toEqual([...loadAnchors([BUNDLED_ANCHORS]).certificates.map(sha256Of), sha256Of(gse.cert), sha256Of(sub.cert)]);
    // Empty means none: the tests' own setting, so a developer's installed anchors never leak into them.
    expect(defaultAnchors({ AGENTE_ANCLAS_INSTALADAS: '' }).certificates).toHaveLength(loadAnchors([BUNDLED_ANCHORS]).certificates.length);
  });
});

describe('downloading the published authorities', () => {
  let server: Server;
  let base: string;
  let gse: Authority;
  let sub: Authority;
  let loop: Authority;
  let hits: string[];
  beforeAll(async () => {
    hits = [];
    server = createServer((request, response) => {
      hits.push(request.url!);
      if (request.url === '/CA_SUB01.crt') response.end(Buffer.from(sub.cert.rawData));
      else if (request.url === '/CA_ROOT.crt') response.end(toPem(Buffer.from(gse.cert.rawData)));
      else if (request.url === '/grande.crt') response.end(Buffer.alloc(200_000, 0x30));
      else if (request.url === '/pagina.html') response.end('<html>no es un certificado</html>');
      else if (request.url === '/bucle.crt') response.end(Buffer.from(loop.cert.rawData));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    gse = await root('CN=Autoridad Raiz GSE, O=GSE, C=CO');
    sub = await issued(gse, 'CN=Autoridad Subordinada 01 GSE, O=GSE, C=CO', { ca: true, aia: `${base}/CA_ROOT.crt` });
    loop = await issued(gse, 'CN=Apunta a sí misma, C=CO', { ca: true, aia: `${base}/bucle.crt` });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('follows the subordinate to its root (caIssuers) and the pair passes judgement with the root pinned', async () => {
    const downloaded = await downloadAuthorities([`${base}/CA_SUB01.crt`]);
    expect(downloaded.failures).toEqual([]);
    expect(downloaded.certificates.map((d) => d.url)).toEqual([`${base}/CA_SUB01.crt`, `${base}/CA_ROOT.crt`]);
    const verdicts = await judgeAuthorities(downloaded.certificates.map((d) => d.certificate), [], [pinOf(gse)]);
    expect(verdicts.map((v) => v.outcome)).toEqual(['aceptada', 'aceptada']);
    // Where it came from decides nothing: without the pin, the downloaded root is refused and so is its subordinate.
    expect((await judgeAuthorities(downloaded.certificates.map((d) => d.certificate), [], [])).map((v) => v.outcome)).toEqual(['rechazada', 'rechazada']);
  });

  it('refuses what is not a certificate, too large, missing, not http(s), and stops a loop of addresses', async () => {
    hits.length = 0;
    const downloaded = await downloadAuthorities([`${base}/grande.crt`, `${base}/pagina.html`, `${base}/no-existe.crt`, 'file:///etc/passwd', `${base}/bucle.crt`], { maxBytes: 64 * 1024 });
    expect(downloaded.failures.map((f) => f.url)).toEqual([`${base}/grande.crt`, `${base}/pagina.html`, `${base}/no-existe.crt`, 'file:///etc/passwd']);
    expect(downloaded.failures[0]!.motivo).toContain('bytes');
    expect(downloaded.failures[2]!.motivo).toContain('404');
    expect(downloaded.failures[3]!.motivo).toContain('http o https');
    expect(hits.filter((h) => h === '/bucle.crt')).toHaveLength(1);
    const limited = await downloadAuthorities([`${base}/CA_SUB01.crt`], { maxRequests: 1 });
    expect(limited.certificates).toHaveLength(1);
    expect(limited.failures[0]!.motivo).toContain('máximo de descargas');
  });
});

describe('npx agente anclas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anclas-cli-'));
  const installed = join(dir, 'anclas-instaladas.pem');
  const pins = join(dir, 'conocidas.json');
  const container = join(dir, 'factura.xml');
  const laterContainer = join(dir, 'en-pausa.xml');
  const db = join(dir, 'agente.db');
  // Nothing but the bundle and what `anclas` installs: not the tests' CA through AGENTE_ANCLAS_CONFIANZA.
  const env = { ...process.env, AGENTE_ANCLAS_CONFIANZA: '', AGENTE_ANCLAS_INSTALADAS: installed, AGENTE_ANCLAS_CONOCIDAS: pins };

  beforeAll(() => {
    writeFileSync(join(dir, 'ca.pem'), toPem(testCa().certDer));
    writeFileSync(join(dir, 'falsa.pem'), toPem(rogueCa().certDer));
    writeFileSync(pins, JSON.stringify({ raices: [{ nombre: 'Autoridad de pruebas', sha256: sha256Of(new x509.X509Certificate(Uint8Array.from(testCa().certDer))), fuente: 'la prueba' }], descargas: [] }));
    writeFileSync(container, deliverable(unsignedUbl(invoiceSpec('FE-ANCLA-1'))));
    writeFileSync(laterContainer, deliverable(unsignedUbl(invoiceSpec('FE-ANCLA-2'))));
  });

  const authenticityOf = async () => {
    const run = await runAgente(['parse', container], { env });
    expect(run.code, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { authenticity: AuthenticityResult }).authenticity.code;
  };

  const agente = async (...args: string[]) => {
    const run = await runAgente(['--db', db, ...args], { env });
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    return JSON.parse(run.stdout) as unknown;
  };
  const statusOf = async () => ((await agente('documents')) as { items: { number: string; status: string; reasonCode: string | null }[] }).items.map((d) => [d.number, d.status, d.reasonCode ?? null]).sort();

  it('a document signed under an authority the agent does not know is not verified; once installed, it is, and `documents recheck` lets what waited register (never what came while paused)', async () => {
    expect(await authenticityOf()).toBe('unverifiable');
    await agente('init');
    await agente('company', 'create', '--nit', '900123456', '--name', 'Comercializadora Prueba SAS', '--user', 'Ana');
    await agente('agent', 'activate');
    await agente('ingest', container);
    await agente('agent', 'pause');
    await agente('ingest', laterContainer);
    await agente('run');
    expect(await statusOf()).toEqual([
      ['FE-ANCLA-1', 'not_registered', 'AUTHENTICITY_UNCONFIRMED'],
      ['FE-ANCLA-2', 'not_registered', 'AUTHENTICITY_UNCONFIRMED'],
    ]);

    const notACertificate = await runAgente(['anclas', 'agregar', pins], { env });
    expect(notACertificate.code).toBe(1);
    expect(notACertificate.stderr).toContain('no trae ningún certificado');

    const forged = await runAgente(['anclas', 'agregar', join(dir, 'falsa.pem')], { env });
    expect(forged.code).toBe(2);
    expect(forged.stderr).toContain('✘ rechazada');
    expect(existsSync(installed)).toBe(false);

    const added = await runAgente(['anclas', 'agregar', join(dir, 'ca.pem')], { env });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain('Reinicia el agente');
    expect(JSON.parse(added.stdout)).toMatchObject({ instaladas: 1, archivo: installed });
    expect(await authenticityOf()).toBe('verified');

    const listed = JSON.parse((await runAgente(['anclas'], { env })).stdout) as { anclas: { origen: string }[] };
    expect(listed.anclas.filter((a) => a.origen.includes('instaladas'))).toHaveLength(1);
    const again = await runAgente(['anclas', 'agregar', join(dir, 'ca.pem')], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ instaladas: 0, certificados: [{ resultado: 'ya_estaba' }] });

    // What waited for its authenticity is judged again as at its arrival: the one that came while the agent was
    // active registers; the one that came during the pause stays out, as it would have been.
    const rechecked = (await agente('documents', 'recheck')) as { revisados: number; cambiaron: { number: string; authenticity: { after: string } }[] };
    expect(rechecked.revisados).toBe(2);
    expect(rechecked.cambiaron.map((d) => [d.number, d.authenticity.after]).sort()).toEqual([
      ['FE-ANCLA-1', 'verified'],
      ['FE-ANCLA-2', 'verified'],
    ]);
    await agente('agent', 'resume');
    await agente('run');
    expect(await statusOf()).toEqual([
      ['FE-ANCLA-1', 'registered', null],
      ['FE-ANCLA-2', 'arrived_while_paused', 'ARRIVED_WHILE_PAUSED'],
    ]);
    // Nothing left to change: a second pass changes nothing.
    expect(((await agente('documents', 'recheck')) as { cambiaron: unknown[] }).cambiaron).toEqual([]);
  }, 90_000); // about fifteen CLI processes, one after the other: on a loaded 2-core machine it neared the default 20 s
});
