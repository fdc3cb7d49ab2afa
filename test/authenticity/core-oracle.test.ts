import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SignatureFacts } from '#shared/authenticity';
import { serialized, withXmlDocument } from '../../server/authenticity/libxml';
import { checkCore, checkSignature } from '../../server/authenticity/xml-signature';
import { parseCertificate } from '../../server/authenticity/certificates';
import { readDianFile, signedTextsOf } from '../../server/dian';
import { invoiceSpec } from '../support/agent-harness';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { identityUnder, rogueCa, supplierIdentity, testCa } from '../support/pki';
import { containerFor, dianResponse, embeddedDocument, embeddedResponse, signUbl } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';
import { xmlCryptoCore } from '../support/xml-crypto-core';

/**
 * The XMLDSig core moved from xml-crypto (over @xmldom/xmldom) to libxml2's canonicalization with node:crypto
 * (server/authenticity/xml-signature.ts `checkCore`). xml-crypto stays as the oracle: on every real sample, every
 * fixture as the tests deliver it, and every tampering the authenticity tests make (plus a few aimed at the core
 * itself), both must give the same verdict for each reference and for SignatureValue.
 */

const SAMPLES_DIR = '/work/shared/dian-samples/';
testCa();

/** The signed texts of a file: the file itself, and the embedded document and DIAN response when it is a container. */
function signedTexts(xml: string): string[] {
  const out = [xml];
  for (const outcome of readDianFile(encoder.encode(xml)).outcomes) {
    const texts = outcome.document && signedTextsOf(outcome.document);
    if (texts) out.push(texts.document, ...(texts.applicationResponse !== undefined ? [texts.applicationResponse] : []));
  }
  return [...new Set(out)];
}

type Verdict = { references: [string, string, boolean][]; signatureValueOk: boolean | undefined } | undefined;

function ours(facts: SignatureFacts): Verdict {
  return { references: facts.references.map((r) => [r.uri, r.target, r.ok]), signatureValueOk: facts.signatureValueOk };
}

function oracle(xml: string): Verdict {
  const core = xmlCryptoCore(xml);
  return core && { references: core.references.map((r) => [r.uri, r.target, r.ok]), signatureValueOk: core.signatureValueOk };
}

/** Same verdicts, and says which way the text went (`held` when every reference and SignatureValue hold). */
function agree(xml: string, label: string): 'held' | 'failed' | 'no core' {
  const check = checkSignature(xml);
  const expected = oracle(xml);
  // No core to compare: not well-formed, no signature (or two), no certificate, or an algorithm DIAN refuses, which
  // the new path refuses before the core (xml-crypto would have refused the digest too, with its own tables).
  const reachedCore = check.facts.references.length > 0 || check.facts.signatureValueOk !== undefined;
  if (!reachedCore) {
    if (expected && check.facts.present && check.signer) {
      expect(check.facts.problems.join(' '), label).toMatch(/no permitid|no trae|referencias/);
    }
    return 'no core';
  }
  expect(ours(check.facts), label).toEqual(expected);
  return expected!.signatureValueOk && expected!.references.every((r) => r[2]) ? 'held' : 'failed';
}

describe('the libxml2 core gives xml-crypto’s verdicts', () => {
  it('on every real sample (../shared/dian-samples), as files and as the texts the reader keeps', () => {
    const names = readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.xml'));
    expect(names.length).toBeGreaterThan(30);
    const tally = { held: 0, failed: 0, 'no core': 0 };
    for (const name of names) for (const text of signedTexts(readFileSync(`${SAMPLES_DIR}${name}`, 'utf8'))) tally[agree(text, name)]++;
    // Most of DIAN's toolkit samples were edited after signing (their document digest fails, the rest holds).
    expect(tally.held).toBeGreaterThanOrEqual(3);
    expect(tally.failed).toBeGreaterThan(20);
  });

  it('on every fixture, as it is and delivered as the tests deliver it (supplier signature + DIAN’s response)', () => {
    let held = 0;
    fixtureNames().forEach((name, i) => {
      for (const text of signedTexts(fixtureText(name))) agree(text, name);
      const delivered = retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `oracle-${name}`, number: `OR${i}`, issueDate: '2026-03-10' });
      for (const text of signedTexts(delivered)) if (agree(text, `${name} entregado`) === 'held') held++;
    });
    expect(held).toBeGreaterThan(fixtureNames().length);
  });

  const spec = invoiceSpec('FE-900', { issueDate: '2026-03-09' });
  const container = buildUbl(spec);
  const inner = embeddedDocument(container).trim();
  const response = embeddedResponse(container).trim();
  const meta = { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate };

  /** The authenticity tests' tamperings (verify.test.ts and the like), then some aimed at the core. */
  const tamperings: [string, string, 'held' | 'failed' | 'no core'][] = [
    ['intact document', inner, 'held'],
    ['intact DIAN response', response, 'held'],
    ['one digit of an amount', inner.replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190001.00<'), 'failed'],
    ['response code edited 04 → 02', embeddedResponse(containerFor(inner, { ...meta, responseCode: '04' })).trim().replace('<cbc:ResponseCode>04</cbc:ResponseCode>', '<cbc:ResponseCode>02</cbc:ResponseCode>'), 'failed'],
    ['response from another document', embeddedResponse(buildUbl(invoiceSpec('FE-901', { issueDate: '2026-03-09' }))).trim(), 'held'],
    ['signature removed', inner.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''), 'no core'],
    ['re-signed with another NIT', signUbl(unsignedUbl(spec), supplierIdentity('900999999')), 'held'],
    ['response signed by a supplier', dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: spec.issueDate }, supplierIdentity(spec.supplier.nit)), 'held'],
    ['self-made "DIAN"', dianResponse({ number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, issueDate: spec.issueDate }, identityUnder(rogueCa(), '800197268', 'U.A.E. DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES')), 'held'],
    ['stray closing tag', inner.replace('<cac:Price>', '</cac:Item><cac:Price>'), 'no core'],
    ['a DOCTYPE (refused before any parser differs)', inner.replace(/^(<\?xml[^>]*\?>\s*)?/, '$1<!DOCTYPE x>'), 'no core'],
    ['NEL (U+0085) in a text (refused before any parser differs)', inner.replace('<cbc:PayableAmount currencyID="COP">', '<cbc:PayableAmount currencyID="COP">\u0085'), 'no core'],
    ['a closing tag written with a space (same document)', inner.replace('</cbc:PayableAmount>', '</cbc:PayableAmount >'), 'held'],
    ['comment added (not signed content)', inner.replace(/(<\/[^<]+>)$/, '<!-- después de firmar -->$1'), 'held'],
    ['element added at the end', inner.replace(/(<\/[^<]+>)$/, '<cbc:Note xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">añadida</cbc:Note>$1'), 'failed'],
    ['SigningTime edited (SignedProperties)', inner.replace(/(<xades:SigningTime>)[^<]*/, '$12026-03-01T00:00:00-05:00'), 'failed'],
    ['a DigestValue in SignedInfo edited', inner.replace(/(<ds:DigestValue>)(.)/, (_m, tag: string, c: string) => `${tag}${c === 'A' ? 'B' : 'A'}`), 'failed'],
    ['SignatureValue edited', inner.replace(/(<ds:SignatureValue[^>]*>)(.)/, (_m, tag: string, c: string) => `${tag}${c === 'A' ? 'B' : 'A'}`), 'failed'],
    ['a Reference URI pointing nowhere', inner.replace(/(<ds:Reference[^>]*URI=")#[^"]*/, '$1#nada'), 'failed'],
    ['an unused namespace declared on the root (inherited by SignedInfo)', inner.replace(/^(<\?xml[^>]*\?>\s*)?(<[\w:]+)/, '$1$2 xmlns:otro="urn:otro"'), 'failed'],
    ['root attributes reordered and quoted otherwise (same canonical form)', reorderRootAttributes(inner), 'held'],
    ['an empty element written open/close, a character reference (same canonical form)', inner.replace(/<([\w:]+)([^<>]*)\/>/, '<$1$2></$1>').replace('<cbc:PayableAmount currencyID="COP">1', '<cbc:PayableAmount currencyID="COP">&#x31;'), 'held'],
    ['SignedProperties copied (same Id) into another extension: wrapping', wrapSignedProperties(inner), 'failed'],
    ['the KeyInfo Id given to a second element: wrapping', inner.replace(/(<cbc:UBLVersionID)/, `$1 Id="${/<ds:KeyInfo[^>]*Id="([^"]+)"/.exec(inner)?.[1]}"`), 'failed'],
  ];

  it('on every tampering the authenticity tests make, and on tamperings aimed at the core', () => {
    for (const [label, text, expected] of tamperings) {
      expect(text === inner && label !== 'intact document', `${label}: la alteración no cambió nada`).toBe(false);
      expect(agree(text, label), label).toBe(expected);
    }
  });

  it('verifying leaves libxml2’s document as it was (the enveloped signature is put back where it was)', () => {
    withXmlDocument(inner, (doc) => {
      const before = serialized(doc);
      const signature = doc.get('//ds:Signature', { ds: 'http://www.w3.org/2000/09/xmldsig#' });
      const certificate = /<ds:X509Certificate>([^<]+)</.exec(inner)![1]!;
      const core = checkCore(doc, signature as never, parseCertificate(certificate));
      expect(core.references.map((r) => r.ok)).toEqual([true, true, true]);
      expect(core.signatureValueOk).toBe(true);
      expect(serialized(doc)).toBe(before);
      // And checking again on the same document gives the same.
      expect(checkCore(doc, signature as never, parseCertificate(certificate)).references.every((r) => r.ok)).toBe(true);
    });
  });
});

describe('where the libxml2 core is stricter than xml-crypto, on purpose', () => {
  const inner = embeddedDocument(buildUbl(invoiceSpec('FE-902', { issueDate: '2026-03-09' }))).trim();

  it('a second element with the referenced value in `ID` or `id` (xml-crypto looked at `Id` only): wrapping, refused', () => {
    const keyInfoId = /<ds:KeyInfo[^>]*Id="([^"]+)"/.exec(inner)![1]!;
    const forged = inner.replace(/(<cbc:UBLVersionID)/, `$1 ID="${keyInfoId}"`);
    // The attribute changes the document (its digest fails either way); the KeyInfo reference is the point.
    expect(oracle(forged)?.references.find((r) => r[1] === 'keyinfo')?.[2]).toBe(true);
    const facts = checkSignature(forged).facts;
    expect(facts.references.find((r) => r.target === 'keyinfo')?.ok).toBe(false);
    expect(facts.problems.join(' ')).toMatch(/mismo Id/);
  });

  it('a processing instruction added before the root is part of `URI=""` (the whole document, as xmlsec1 reads it)', () => {
    const forged = inner.replace(/^(<\?xml[^>]*\?>\s*)?/, '$1<?otra instruccion?>');
    expect(oracle(forged)?.references.every((r) => r[2])).toBe(true);
    const facts = checkSignature(forged).facts;
    expect(facts.references.find((r) => r.target === 'document')?.ok).toBe(false);
  });
});

function reorderRootAttributes(xml: string): string {
  return xml.replace(/^(<\?xml[^>]*\?>\s*)?<([\w:]+)((?:\s+[\w:.-]+="[^"]*")+)\s*>/, (_m, decl: string | undefined, name: string, attrs: string) => {
    const list = [...attrs.matchAll(/\s+([\w:.-]+)="([^"]*)"/g)].map((a) => ` ${a[1]}='${a[2]}'`).reverse();
    return `${decl ?? ''}<${name}${list.join('')}>`;
  });
}

function wrapSignedProperties(xml: string): string {
  const signedProperties = /<xades:SignedProperties[\s\S]*?<\/xades:SignedProperties>/.exec(xml)![0];
  const copy = signedProperties.replace(/<xades:SignedProperties/, '<xades:SignedProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"');
  return xml.replace(/<ext:UBLExtension>/, `<ext:UBLExtension><ext:ExtensionContent>${copy}</ext:ExtensionContent></ext:UBLExtension><ext:UBLExtension>`);
}
