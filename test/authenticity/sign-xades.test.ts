import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signXadesEpes } from '../../server/authenticity/sign-xades';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { invoiceSpec } from '../support/agent-harness';
import { supplierIdentity, TEST_ANCHOR_FILE, testCa } from '../support/pki';
import { unsignedUbl } from '../support/ubl';
import { xmlsec } from '../support/xmlsec';

/** The one XAdES-EPES signer (server/authenticity/sign-xades.ts): the shape our verifier and xmlsec1 accept. */

const identity = supplierIdentity('900555111', 'Distribuidora del Norte SAS');
// An invoice with the empty UBLExtension a signature goes into, after DIAN's extensions.
const bare = unsignedUbl(invoiceSpec('FE-700', { issueDate: '2026-03-11' })).replace('</ext:UBLExtensions>', '<ext:UBLExtension><ext:ExtensionContent/></ext:UBLExtension></ext:UBLExtensions>');

describe('signXadesEpes', () => {
  const signed = signXadesEpes(bare, { certificateDer: identity.certDer, privateKey: identity.key, chainDer: [testCa().certDer] }, { signingTime: '2026-03-11T09:30:00.000-05:00', id: 'firma-1' });

  it('our verifier accepts it: three references, DIAN’s policy, the signing time, the certificate and the chain it carries', () => {
    const check = checkSignature(signed);
    expect(check.facts.problems).toEqual([]);
    expect(check.facts).toMatchObject({ valid: true, signatureValueOk: true, signatureAlgorithm: 'rsa-sha256', canonicalization: 'c14n', certDigestOk: true, issuerSerialOk: true, signingTime: '2026-03-11T09:30:00.000-05:00' });
    expect(check.facts.references.map((r) => [r.target, r.ok])).toEqual([
      ['document', true],
      ['keyinfo', true],
      ['signed-properties', true],
    ]);
    expect(check.facts.policy?.hashOk).toBe(true);
    expect(check.carried.map((c) => c.der.equals(testCa().certDer))).toEqual([true]);
    expect(signed).toMatch(/<ext:ExtensionContent><ds:Signature [^>]*Id="firma-1"/);
    expect(signed).toContain('<xades:ClaimedRole>supplier</xades:ClaimedRole>');
  });

  it('xmlsec1 verifies it against the test authority, and refuses it after one changed byte', () => {
    expect(xmlsec(signed, TEST_ANCHOR_FILE).ok).toBe(true);
    const forged = signed.replace(/<cbc:PayableAmount([^>]*)>([\d.]+)</, (_, attrs: string, amount: string) => `<cbc:PayableAmount${attrs}>${amount}1<`);
    expect(forged).not.toBe(signed);
    expect(xmlsec(forged, TEST_ANCHOR_FILE).ok).toBe(false);
    expect(checkSignature(forged).facts.valid).toBe(false);
  });

  it('takes a PEM key as well, and the role it is given', () => {
    const other = signXadesEpes(bare, { certificateDer: identity.certDer, privateKey: identity.keyPem }, { signingTime: '2026-03-11T09:30:00.000-05:00', role: 'third party' });
    expect(checkSignature(other).facts.valid).toBe(true);
    expect(other).toContain('<xades:ClaimedRole>third party</xades:ClaimedRole>');
  });

  it('refuses a document with no empty ExtensionContent, and a key that is not the certificate’s', () => {
    expect(() => signXadesEpes('<Invoice/>', { certificateDer: identity.certDer, privateKey: identity.key }, { signingTime: '2026-03-11T09:30:00.000-05:00' })).toThrow(/dónde llevar la firma/);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signXadesEpes(bare, { certificateDer: identity.certDer, privateKey: stranger }, { signingTime: '2026-03-11T09:30:00.000-05:00' })).toThrow(/llave privada no corresponde/);
  });
});
