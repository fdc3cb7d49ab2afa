import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CertificateView } from '#shared/radian';
import { COMPANY_NIT, tempDir } from '../support/agent-harness';
import { runAgente } from '../support/cli';
import { supplierIdentity } from '../support/pki';
import { p12For } from './support';

describe('agente radian certificado <archivo.p12>', { timeout: 120_000 }, () => {
  const tmp = tempDir('agente-radian-cli-');
  afterAll(() => tmp.remove());
  const env = (password: string) => ({ ...process.env, USER: 'contadora', AGENTE_SECRET_KEY: randomBytes(32).toString('base64'), AGENTE_CERTIFICADO_PASSWORD: password });

  it('stores the company’s certificate, prints what it says and never the password; refuses another NIT', async () => {
    const db = tmp.file('agente.db');
    expect((await runAgente(['--db', db, 'init'])).code).toBe(0);
    expect((await runAgente(['--db', db, 'company', 'create', '--nit', COMPANY_NIT, '--name', 'Comercializadora Prueba SAS'])).code).toBe(0);
    writeFileSync(tmp.file('empresa.p12'), p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave-secreta'));
    const run = await runAgente(['--db', db, 'radian', 'certificado', tmp.file('empresa.p12')], { env: env('clave-secreta') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('clave-secreta');
    expect(JSON.parse(run.stdout) as CertificateView).toMatchObject({ nit: COMPANY_NIT, uploadedBy: 'consola (contadora)' });

    writeFileSync(tmp.file('otro.p12'), p12For(supplierIdentity('900555111'), 'x'));
    const other = await runAgente(['--db', db, 'radian', 'certificado', tmp.file('otro.p12')], { env: env('x') });
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/es de otra persona/);
  });
});
