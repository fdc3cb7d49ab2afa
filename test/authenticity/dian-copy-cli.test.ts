import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import { ManualClock } from '../../server/agent/clock';
import { createCompany } from '../../server/companies/companies';
import { openDatabase } from '../../server/db/database';
import { saveCertificate } from '../../server/radian/company-certificate';
import { saveRadianSettings } from '../../server/radian/radian-settings';
import { SecretBox } from '../../server/secrets/secret-box';
import { COMPANY_NIT, invoiceSpec, tempDir } from '../support/agent-harness';
import { runAgente } from '../support/cli';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { supplierIdentity } from '../support/pki';
import { containerFor, embeddedDocument, signAsSupplier } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';
import { p12For } from '../radian/support';

/** `agente parse --copia-dian`: the same facts as reception, from the command line, with the company's certificate. */
describe('agente parse --copia-dian', { timeout: 120_000 }, () => {
  const tmp = tempDir('agente-copia-dian-');
  const key = randomBytes(32);
  const db = tmp.file('agente.db');
  let dian: DianImitation;

  beforeAll(async () => {
    dian = await startDianImitation({ software: {} });
    const clock = new ManualClock('2026-03-10T15:00:00Z');
    const database = await openDatabase(db);
    const company = await createCompany(database, { nit: COMPANY_NIT, name: 'Comercializadora Prueba SAS', userName: 'Ana' }, clock);
    const box = SecretBox.fromKey(key);
    await saveRadianSettings(database, box, company, { software: { softwareId: 'software-pruebas', pin: '12345', environment: 'produccion' } }, 'ana', clock);
    await saveCertificate(database, box, company, p12For(supplierIdentity(COMPANY_NIT, 'Comercializadora Prueba SAS'), 'clave'), 'clave', 'ana', clock);
    await database.destroy();
  });
  afterAll(async () => {
    await dian?.close();
    tmp.remove();
  });

  it('adds what DIAN’s copy shows (here: an altered invoice re-signed with the old CUFE); plain parse asks nobody', async () => {
    const original = invoiceSpec('FE-CLI', {}, '1000000');
    dian.storeDocument(embeddedDocument(buildUbl(original)));
    const altered = invoiceSpec('FE-CLI', {}, '2000000');
    const meta = { number: altered.number, cufe: cufeFor(altered), supplierNit: altered.supplier.nit, customerNit: altered.customer.nit, issueDate: altered.issueDate };
    writeFileSync(tmp.file('alterada.xml'), containerFor(signAsSupplier(unsignedUbl(altered)), meta));
    writeFileSync(tmp.file('original.xml'), buildUbl(original));
    const env = { ...process.env, AGENTE_SECRET_KEY: key.toString('base64'), AGENTE_DIAN_URL: dian.url };

    const plain = await runAgente(['parse', tmp.file('alterada.xml')], { env });
    expect(plain.code, plain.stderr).toBe(0);
    expect((JSON.parse(plain.stdout) as { authenticity: AuthenticityResult }).authenticity).toMatchObject({ code: 'verified' });
    expect((JSON.parse(plain.stdout) as { authenticity: AuthenticityResult }).authenticity.dianCopy).toBeUndefined();
    expect(dian.calls).toEqual([]);

    const run = await runAgente(['--db', db, 'parse', '--copia-dian', tmp.file('alterada.xml'), tmp.file('original.xml')], { env });
    expect(run.code, run.stderr).toBe(0);
    const [first, second] = JSON.parse(run.stdout) as { authenticity: AuthenticityResult }[];
    expect(first!.authenticity).toMatchObject({ code: 'verified', dianCopy: { status: 'differs', dianCode: '100' } });
    expect(first!.authenticity.reason).toMatch(/Puede haber sido alterado: la copia que la DIAN guarda de este CUFE no es igual/);
    expect(second!.authenticity).toMatchObject({ code: 'verified', dianCopy: { status: 'matches' } });
    expect(dian.calls.map((c) => c.statusCode)).toEqual(['100', '100']);
  });
});
