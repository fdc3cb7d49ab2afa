import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readXmlDocumentOrThrow } from '../../server/dian';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { certificateNamesNit } from '../../server/authenticity/certificates';
import { checkChain, loadAnchors } from '../../server/authenticity/trust-anchors';
import { buildEventXml, eventCude, softwareSecurityCode, type EventInput } from '../../server/radian/event-document';
import { signEvent } from '../../server/radian/sign-event';
import { fixtureText } from '../support/fixtures';
import { supplierIdentity, TEST_ANCHOR_FILE } from '../support/pki';
import { credentialOf, SOFTWARE } from './support';
import { xmlsec } from '../support/xmlsec';

const person = { firstName: 'Laura', familyName: 'Gómez Ríos', idType: '13', idNumber: '52123456', jobTitle: 'Jefe de almacén', department: 'Logística' };

function input(overrides: Partial<EventInput> = {}): EventInput {
  return {
    code: '030',
    number: 'EV00000001',
    issueDate: '2026-03-11',
    issueTime: '09:30:00-05:00',
    software: SOFTWARE,
    sender: { name: 'Comercializadora Prueba SAS', nit: '900123456' },
    receiver: { name: 'Distribuidora del Norte SAS', nit: '900555111' },
    invoice: { number: 'FE-100', cufe: 'ab'.repeat(48) },
    person,
    ...overrides,
  };
}

const tag = (xml: string, name: string) => new RegExp(`<cbc:${name}[^>]*>([^<]*)</cbc:${name}>`).exec(xml.slice(xml.indexOf('</ext:UBLExtensions>')))?.[1];

describe('CUDE and SoftwareSecurityCode', () => {
  it('the CUDE is the SHA-384 of ID+date+time+sender NIT+receiver NIT+code+invoice ID+type+PIN, computed by hand', () => {
    const built = buildEventXml(input());
    const byHand = createHash('sha384').update('EV000000012026-03-1109:30:00-05:00900123456900555111030FE-1000120191').digest('hex');
    expect(built.cude).toBe(byHand);
    expect(built.xml).toContain(`<cbc:UUID schemeID="2" schemeName="CUDE-SHA384">${byHand}</cbc:UUID>`);
    // Any part changes it: another event code on the same invoice is another CUDE.
    expect(buildEventXml(input({ code: '032' })).cude).not.toBe(byHand);
  });

  it('DIAN’s 030 sample: its Note is the CUDE input and hashes to its UUID; its second Note gives its SoftwareSecurityCode', () => {
    const sample = fixtureText('dian-toolkit__RADIAN_030_-_Acuse_ReciboFEV.xml');
    const notes = [...sample.matchAll(/<cbc:Note>([^<]*)<\/cbc:Note>/g)].map((m) => m[1]!);
    expect(notes[0]).toBe('ACR00212020-12-1218:30:37-05:00900373987900373981030SETG9800003580120191');
    const cude = eventCude({ number: 'ACR0021', issueDate: '2020-12-12', issueTime: '18:30:37-05:00', senderNit: '900373987', receiverNit: '900373981', code: '030', invoiceNumber: 'SETG980000358', documentTypeCode: '01', pin: '20191' });
    expect(cude).toBe(createHash('sha384').update(notes[0]!).digest('hex'));
    expect(cude).toBe(tag(sample, 'UUID'));
    const code = /<sts:SoftwareSecurityCode[^>]*>([^<]+)</.exec(sample)![1];
    expect(softwareSecurityCode('fa326ca7-c1f8-40d3-a6fc-24d7c1040607', '20191', 'ACR0021')).toBe(code);
  });
});

describe('the event document', () => {
  it('030 carries DIAN’s extension, the header, sender = company, receiver = supplier, the invoice and the receiving person', () => {
    const { xml, softwareSecurityCode: ssc } = buildEventXml(input());
    expect(xml).toContain('<sts:SoftwareID schemeAgencyID="195"');
    expect(xml).toContain(`>${SOFTWARE.softwareId}</sts:SoftwareID>`);
    expect(xml).toContain(`>${ssc}</sts:SoftwareSecurityCode>`);
    expect(ssc).toBe(createHash('sha384').update(`${SOFTWARE.softwareId}20191EV00000001`).digest('hex'));
    expect(xml).toMatch(/<sts:AuthorizationProviderID schemeID="4" schemeName="31"[^>]*>800197268</);
    expect(xml).toContain(`<sts:QRCode>https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=${'ab'.repeat(48)}</sts:QRCode>`);
    expect(tag(xml, 'ProfileExecutionID')).toBe('2');
    expect(tag(xml, 'CustomizationID')).toBe('1');
    expect(tag(xml, 'ProfileID')).toBe('DIAN 2.1: ApplicationResponse de la Factura Electrónica de Venta');
    const sender = xml.slice(xml.indexOf('<cac:SenderParty>'), xml.indexOf('</cac:SenderParty>'));
    const receiver = xml.slice(xml.indexOf('<cac:ReceiverParty>'), xml.indexOf('</cac:ReceiverParty>'));
    expect(sender).toMatch(/schemeID="8" schemeName="31"[^>]*>900123456</);
    expect(receiver).toMatch(/>900555111</);
    expect(xml).toMatch(/<cac:DocumentReference>\s*<cbc:ID>FE-100<\/cbc:ID>\s*<cbc:UUID schemeName="CUFE-SHA384">(ab){48}<\/cbc:UUID>\s*<cbc:DocumentTypeCode>01</);
    expect(xml).toMatch(/<cbc:ID schemeID="\d" schemeName="13">52123456<\/cbc:ID>\s*<cbc:FirstName>Laura<\/cbc:FirstName>\s*<cbc:FamilyName>Gómez Ríos<\/cbc:FamilyName>\s*<cbc:JobTitle>Jefe de almacén<\/cbc:JobTitle>\s*<cbc:OrganizationDepartment>Logística</);
    // The PIN is a secret: it enters the hashes, never the text (DIAN's sample Note carries it; ours do not).
    expect(xml).not.toContain('20191');
  });

  it('production is ProfileExecutionID 1; 031 carries the claim concept and its name; 033 has no person', () => {
    const prod = buildEventXml(input({ software: { ...SOFTWARE, environment: 'produccion' } })).xml;
    expect(tag(prod, 'ProfileExecutionID')).toBe('1');
    expect(prod).toMatch(/<cbc:UUID schemeID="1" schemeName="CUDE-SHA384">/);
    const claim = buildEventXml(input({ code: '031', claim: '03' })).xml;
    expect(claim).toContain('<cbc:ResponseCode name="Mercancía entregada parcialmente" listID="03">031</cbc:ResponseCode>');
    expect(claim).toContain('<cbc:Description>Reclamo de la Factura Electrónica de Venta</cbc:Description>');
    expect(claim).not.toContain('<cac:IssuerParty>');
    expect(buildEventXml(input({ code: '033' })).xml).not.toContain('<cac:IssuerParty>');
    expect(() => buildEventXml(input({ code: '031' }))).toThrow(/motivo/);
    expect(() => buildEventXml(input({ code: '032', person: undefined }))).toThrow(/persona que recibe/);
  });

  it('the DIAN reader reads our event back as a RADIAN event about the invoice', () => {
    const signed = signEvent(buildEventXml(input({ code: '031', claim: '02' })).xml, credentialOf(supplierIdentity('900123456')), { signingTime: '2026-03-11T09:30:00.000-05:00' });
    const document = readXmlDocumentOrThrow(signed);
    expect(document.kind).toBe('radian-event');
    expect(document.response).toMatchObject({ code: '031', claimCode: '02', referencedDocument: { number: 'FE-100', uuid: 'ab'.repeat(48) } });
  });
});

describe('the signature', () => {
  const identity = supplierIdentity('900123456', 'Comercializadora Prueba SAS');
  const signed = signEvent(buildEventXml(input()).xml, credentialOf(identity), { signingTime: '2026-03-11T09:30:00.000-05:00' });

  it('our own verifier accepts it: three references, SignatureValue, XAdES properties and DIAN’s policy; the holder is the company; the chain reaches the test authority', async () => {
    const check = checkSignature(signed);
    expect(check.facts.problems).toEqual([]);
    expect(check.facts).toMatchObject({ present: true, valid: true, signatureValueOk: true, signatureAlgorithm: 'rsa-sha256', canonicalization: 'c14n', certDigestOk: true, issuerSerialOk: true });
    expect(check.facts.references.map((r) => [r.target, r.ok])).toEqual([
      ['document', true],
      ['keyinfo', true],
      ['signed-properties', true],
    ]);
    expect(check.facts.policy?.hashOk).toBe(true);
    expect(check.facts.signingTime).toBe('2026-03-11T09:30:00.000-05:00');
    expect(certificateNamesNit(check.facts.certificate!, '900123456')).toBe(true);
    const chain = await checkChain(check.signer!.cert, check.carried.map((c) => c.cert), loadAnchors([TEST_ANCHOR_FILE]), check.signingTime);
    expect(chain).toMatchObject({ anchored: true, validAtSigningTime: true });
  });

  it('xmlsec1 verifies it against the test authority', () => {
    const result = xmlsec(signed, TEST_ANCHOR_FILE);
    expect(result.ok, result.output).toBe(true);
  });

  it('a changed byte breaks it, for both verifiers', () => {
    const forged = signed.replace('<cbc:ID>FE-100</cbc:ID>', '<cbc:ID>FE-101</cbc:ID>');
    expect(forged).not.toBe(signed);
    expect(checkSignature(forged).facts.valid).toBe(false);
    expect(xmlsec(forged, TEST_ANCHOR_FILE).ok).toBe(false);
  });

  it('refuses a key that is not the certificate’s', () => {
    // Every test holder shares one key (pki.ts): a truly different key shows the refusal.
    const stranger = { ...credentialOf(identity), privateKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey };
    expect(() => signEvent(buildEventXml(input()).xml, stranger, { signingTime: '2026-03-11T09:30:00.000-05:00' })).toThrow(/llave privada no corresponde/);
  });
});
