import { describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import { BUNDLED_ANCHORS, loadAnchors, verifyOutcome, type TrustAnchors } from '../../server/authenticity';
import { serialized, withXmlDocument } from '../../server/authenticity/libxml';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { readDianFile, signedTextsOf } from '../../server/dian';
import { encoder, fixtureText } from '../support/fixtures';
import { invoiceSpec } from '../support/agent-harness';
import { identityUnder, rogueCa, supplierIdentity, TEST_ANCHOR_FILE, testCa } from '../support/pki';
import { containerFor, deliverable, dianResponse, embeddedDocument, embeddedResponse, signAsSupplier, signUbl } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';
import { xmlsec } from '../support/xmlsec';

/**
 * Offline authenticity checks (server/authenticity), real world first: DIAN's own samples and a real production
 * container, then every tampering we could think of on documents signed under the tests' own PKI.
 */

const PRODUCTION = loadAnchors([BUNDLED_ANCHORS]);
testCa();
const WITH_TEST_CA = loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]);
const NOW = new Date('2026-03-10T15:00:00Z');

async function check(xml: string, anchors: TrustAnchors = WITH_TEST_CA): Promise<AuthenticityResult> {
  const [outcome] = readDianFile(encoder.encode(xml)).outcomes;
  expect(outcome?.document, outcome && !outcome.ok ? outcome.error.message : '').toBeDefined();
  const result = await verifyOutcome(outcome!, NOW, { anchors });
  expect(result).toBeDefined();
  return result!;
}

const refs = (r: AuthenticityResult['supplier']) => Object.fromEntries(r.references.map((x) => [x.target, x.ok]));

describe('real documents', () => {
  it('ubl21dian__invoice_signed_dian_v2.xml: the signature holds (three references and SignatureValue), xmlsec1 agrees; a test-environment document whose certificate chains to no production authority', async () => {
    const xml = fixtureText('ubl21dian__invoice_signed_dian_v2.xml');
    const result = await check(xml, PRODUCTION);
    expect(refs(result.supplier)).toEqual({ document: true, keyinfo: true, 'signed-properties': true });
    expect(result.supplier).toMatchObject({ present: true, valid: true, signatureValueOk: true, signatureAlgorithm: 'rsa-sha256', canonicalization: 'c14n', certDigestOk: true, issuerSerialOk: true });
    expect(result.supplier.policy).toMatchObject({ identifier: 'https://facturaelectronica.dian.gov.co/politicadefirma/v1/politicadefirmav2.pdf', hashOk: true });
    expect(result.supplier.signingTime).toBe('2019-06-21T19:09:35.993-05:00');
    expect(result.supplier.certificate?.issuer).toMatch(/CA ANDES SCD S\.A\. Clase II/);
    expect(result.supplier.chain).toMatchObject({ anchored: false });
    expect(result.supplier.chain?.problem).toMatch(/ninguna entidad de certificación conocida/);
    expect(result.environment).toBe('test');
    // A bare document: without DIAN's response it is never `verified`.
    expect(result.code).toBe('no_dian_validation');
    const independent = xmlsec(xml);
    expect(independent.ok, independent.output).toBe(true);
    expect(independent.output).toMatch(/SignedInfo References \(ok\/all\): 3\/3/);
  });

  it('volt__example.js.AttachedDocument.xml (anonymised after signing) comes out altered: document and KeyInfo digests fail, SignedProperties and SignatureValue hold', async () => {
    const result = await check(fixtureText('volt__example.js.AttachedDocument.xml'), PRODUCTION);
    expect(result.code).toBe('supplier_signature_invalid');
    expect(result.reason).toMatch(/Puede haber sido alterado/);
    expect(refs(result.supplier)).toEqual({ document: false, keyinfo: false, 'signed-properties': true });
    expect(result.supplier.signatureValueOk).toBe(true);
    expect(result.supplier.certificate?.subject).toMatch(/NELSON DE JESUS CARDENAS GONZALEZ/);
  });

  it('DIAN’s Generica.xml, edited by DIAN after signing (PayableAmount), fails only on the document digest', async () => {
    const result = await check(fixtureText('dian-toolkit__Generica.xml'), PRODUCTION);
    expect(result.code).toBe('supplier_signature_invalid');
    expect(refs(result.supplier)).toEqual({ document: false, keyinfo: true, 'signed-properties': true });
  });

  it('the SHA-384 samples (Consumidor_Final) verify too', async () => {
    const result = await check(fixtureText('dian-toolkit__Consumidor_Final.xml'), PRODUCTION);
    expect(result.supplier.valid).toBe(true);
    expect(result.supplier.references.map((r) => r.digestAlgorithm)).toContain('sha384');
  });
});

describe('documents signed under the test authority', () => {
  const spec = invoiceSpec('FE-900', { issueDate: '2026-03-09' });
  const container = buildUbl(spec);

  it('a supplier-signed document with DIAN’s signed response is verified, and xmlsec1 agrees on both signatures', async () => {
    const result = await check(container);
    expect(result.code).toBe('verified');
    expect(result.reason).toMatch(/Firma del proveedor verificada/);
    expect(result.supplier.chain).toMatchObject({ anchored: true, validAtSigningTime: true });
    expect(result.dian).toMatchObject({ valid: true, holderMatches: true, responseCode: '02', referencedCufe: cufeFor(spec) });
    expect(result.dian?.chain?.anchored).toBe(true);
    for (const part of [embeddedDocument(container), embeddedResponse(container)]) {
      const independent = xmlsec(part, TEST_ANCHOR_FILE);
      expect(independent.ok, independent.output).toBe(true);
    }
  });

  it('checking a signature leaves its parsed document as it was (the enveloped signature is put back), and comments are not signed content', () => {
    const text = embeddedDocument(container).trim();
    // `read` runs on libxml2's document after every check: what it serializes is the document as verified.
    const checked = checkSignature(text, (_root, doc) => serialized(doc));
    expect(checked.facts.valid, checked.facts.problems.join(' ')).toBe(true);
    expect(checked.read).toBe(withXmlDocument(text, serialized));
    expect(checkSignature(checked.read!).facts.valid).toBe(true);
    const root = text.slice(text.lastIndexOf('</'));
    const commented = checkSignature(text.replace(root, `<!-- comentario añadido después de firmar -->${root}`));
    expect(commented.facts.valid, commented.facts.problems.join(' ')).toBe(true);
    const altered = checkSignature(text.replace(root, `<cbc:Note xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">añadida</cbc:Note>${root}`));
    expect(refs(altered.facts)).toMatchObject({ document: false, keyinfo: true, 'signed-properties': true });
    expect(altered.facts.signatureValueOk).toBe(true);
  });

  it('the reader keeps the exact texts the signatures cover', () => {
    const [outcome] = readDianFile(encoder.encode(container)).outcomes;
    const texts = signedTextsOf(outcome!.document!);
    expect(texts?.document).toBe(embeddedDocument(container).trim());
    expect(texts?.applicationResponse).toBe(embeddedResponse(container).trim());
  });

  it('without the test authority among the anchors it is unverifiable, never verified', async () => {
    const result = await check(container, PRODUCTION);
    expect(result.code).toBe('unverifiable');
    expect(result.onlySupplierChainUnknown).toBeUndefined();
    expect(result.reason).toMatch(/respuesta sea de la DIAN/);
  });

  it('one digit of an amount changed in the embedded invoice (xmlsec1 refuses it too)', async () => {
    const forged = container.replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190001.00<');
    expect(forged).not.toBe(container);
    const result = await check(forged);
    expect(result.code).toBe('supplier_signature_invalid');
    expect(refs(result.supplier)).toEqual({ document: false, keyinfo: true, 'signed-properties': true });
    expect(xmlsec(embeddedDocument(forged), TEST_ANCHOR_FILE).ok).toBe(false);
  });

  it('DIAN’s response swapped in from another document', async () => {
    const other = buildUbl(invoiceSpec('FE-901', { issueDate: '2026-03-09' }));
    const forged = container.replace(embeddedResponse(container), embeddedResponse(other));
    const result = await check(forged);
    expect(result.code).toBe('cufe_mismatch');
    expect(result.dian?.valid).toBe(true);
  });

  it('DIAN’s response code edited (04 → 02, in the response and in the container)', async () => {
    const rejected = containerFor(container, { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate, responseCode: '04' });
    const forged = rejected.replace(/<cbc:ResponseCode>04<\/cbc:ResponseCode>/, '<cbc:ResponseCode>02</cbc:ResponseCode>').replace('<cbc:ValidationResultCode>04<', '<cbc:ValidationResultCode>02<');
    const result = await check(forged);
    expect(result.code).toBe('dian_signature_invalid');
    expect(refs(result.dian!).document).toBe(false);
  });

  it('a stray closing tag, which the signature’s parser ignores but the reader does not, is refused: what is verified is what is read', async () => {
    const inner = embeddedDocument(container);
    // Inside the first line: the reader would end the line there and read its price as the invoice's.
    const line = inner.indexOf('<cac:Price>', inner.indexOf('<cac:InvoiceLine>'));
    expect(line).toBeGreaterThan(0);
    const forged = container.replace(inner, `${inner.slice(0, line)}</cac:Item>${inner.slice(line)}`);
    const result = await check(forged);
    expect(result.code).toBe('supplier_signature_invalid');
    expect(result.reason).toMatch(/^Puede haber sido alterado: el documento no es XML bien formado/);
    expect(result.supplier.valid).toBe(false);
    // libxml2 names the tags it could not match, the stray one by its local name.
    expect(result.supplier.problems.join(' ')).toMatch(/no está bien formado: Opening and ending tag mismatch: .*\bItem\b/);
  });

  it('the supplier’s signature removed', async () => {
    const inner = embeddedDocument(container);
    const forged = container.replace(inner, inner.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
    expect((await check(forged)).code).toBe('unsigned');
  });

  it('re-signed with the certificate of another NIT', async () => {
    const inner = signUbl(unsignedUbl(spec), supplierIdentity('900999999'));
    const forged = containerFor(inner, { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate });
    const result = await check(forged);
    expect(result.code).toBe('certificate_not_supplier');
    expect(result.supplier.valid).toBe(true);
    expect(result.reason).toMatch(/9009999995|900999999/);
  });

  it('DIAN’s response signed by someone who is not DIAN (a supplier’s certificate under a known authority)', async () => {
    const response = dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: spec.issueDate }, supplierIdentity(spec.supplier.nit));
    const forged = container.replace(embeddedResponse(container), response);
    const result = await check(forged);
    expect(result.code).toBe('dian_signature_invalid');
    expect(result.dian?.holderMatches).toBe(false);
  });

  it('a self-made "DIAN" certificate (serialNumber 8001972684) under no anchor is not accepted as DIAN', async () => {
    const fakeDian = identityUnder(rogueCa(), '800197268', 'U.A.E. DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES');
    const response = dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: spec.issueDate }, fakeDian);
    const result = await check(container.replace(embeddedResponse(container), response));
    expect(result.code).toBe('unverifiable');
    expect(result.dian?.chain?.anchored).toBe(false);
    expect(result.onlySupplierChainUnknown).toBeUndefined();
  });

  it('DIAN’s response dated before the invoice', async () => {
    const response = dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: '2026-03-01' });
    const result = await check(container.replace(embeddedResponse(container), response));
    expect(result.code).toBe('cufe_mismatch');
  });

  it('a supplier certificate from an unknown authority, DIAN genuine: unverifiable, only the supplier chain unknown', async () => {
    const inner = signUbl(unsignedUbl(spec), identityUnder(rogueCa(), spec.supplier.nit, 'Proveedor con otra autoridad'));
    const result = await check(containerFor(inner, { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate }));
    expect(result.code).toBe('unverifiable');
    expect(result.onlySupplierChainUnknown).toBe(true);
    expect(result.dian?.chain?.anchored).toBe(true);
  });

  it('a bare signed document is no_dian_validation; its response beside it in the same ZIP makes it verified', async () => {
    const bare = signAsSupplier(unsignedUbl(spec));
    expect((await check(bare)).code).toBe('no_dian_validation');
    const { zipOf } = await import('../support/ubl');
    const response = dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: spec.issueDate });
    const [outcome] = readDianFile(zipOf({ 'fv.xml': bare, 'ar.xml': response })).outcomes;
    expect((await verifyOutcome(outcome!, NOW, { anchors: WITH_TEST_CA }))?.code).toBe('verified');
  });

  it('every builder delivers verified documents (what the rest of the suite relies on)', async () => {
    expect((await check(deliverable(unsignedUbl({ ...spec, kind: 'credit-note', number: 'NC-9', billingReference: { number: 'FE-900' } })))).code).toBe('verified');
  });
});
