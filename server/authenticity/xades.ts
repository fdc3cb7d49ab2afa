import type { ReferenceCheck, SignatureFacts } from '#shared/authenticity';
import { digestBase64, shortAlgorithm } from './algorithms';
import { commonName, type ParsedCertificate } from './certificates';
import { NS } from './dom';
import { attrOf, xchild as child, xchildren as children, xpath as path, xtext as textOf, type XNode } from './libxml';

/**
 * DIAN's signature policy (politicadefirmav2.pdf): the identifier has been published under /v1/ and /v2/ with the
 * same file, and its hash is of that one PDF (docs/authenticity-and-events.md A1; both values seen in the samples).
 */
const POLICY_IDENTIFIERS = [
  'https://facturaelectronica.dian.gov.co/politicadefirma/v2/politicadefirmav2.pdf',
  'https://facturaelectronica.dian.gov.co/politicadefirma/v1/politicadefirmav2.pdf',
];
const POLICY_HASHES: Record<string, string> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'dMoMvtcG5aIzgYo0tIsSQeVJBDnUnfSOfBpxXrmor0Y=',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'EQC0kiWPaAME6IsEZ7WuaTWJ97Zmf6hIO69rMCVURmQxBB9ebgLrjhL5BArQ0a0l',
};

export interface XadesCheck {
  facts: Pick<SignatureFacts, 'signingTime' | 'certDigestOk' | 'issuerSerialOk' | 'policy'>;
  problems: string[];
  signingTime?: Date;
}

/**
 * The XAdES-EPES properties libraries do not check: SigningTime present, SigningCertificate naming the KeyInfo
 * certificate (digest of its DER and issuer/serial), DIAN's policy identifier and hash. Read from the
 * SignedProperties element the signature's own reference covers, so they are signed content.
 */
export function checkXadesProperties(signature: XNode, signer: ParsedCertificate, references: ReferenceCheck[]): XadesCheck {
  const problems: string[] = [];
  const facts: XadesCheck['facts'] = {};
  const properties = children(child(signature, 'Object', NS.ds), 'QualifyingProperties', NS.xades).flatMap((q) => children(q, 'SignedProperties', NS.xades));
  const covered = references.find((r) => r.target === 'signed-properties');
  // An element without `Id` is never the one a `#…` reference points at.
  const signed = properties.find((p) => covered && attrOf(p, 'Id') !== undefined && `#${attrOf(p, 'Id')}` === covered.uri);
  if (!signed) {
    problems.push('La firma no trae las propiedades XAdES (SignedProperties) que exige la DIAN.');
    return { facts, problems };
  }
  const sigProps = child(signed, 'SignedSignatureProperties', NS.xades);

  const signingTimeText = textOf(child(sigProps, 'SigningTime', NS.xades));
  let signingTime: Date | undefined;
  if (!signingTimeText) problems.push('La firma no dice cuándo se firmó (SigningTime).');
  else {
    facts.signingTime = signingTimeText;
    signingTime = new Date(signingTimeText);
    if (Number.isNaN(signingTime.getTime())) {
      problems.push(`La fecha de firma «${signingTimeText}» no es válida.`);
      signingTime = undefined;
    }
  }

  // SigningCertificate: the KeyInfo certificate must be one of the listed ones (some signers list the chain too).
  const certs = children(child(sigProps, 'SigningCertificate', NS.xades), 'Cert', NS.xades);
  const own = certs.find((cert) => {
    const digest = attrOf(path(cert, 'CertDigest', 'DigestMethod'), 'Algorithm') ?? '';
    return digestBase64(digest, signer.der) === textOf(path(cert, 'CertDigest', 'DigestValue'));
  });
  facts.certDigestOk = !!own;
  if (!own) problems.push('La huella del certificado en las propiedades firmadas (CertDigest) no es la del certificado que firmó.');
  else {
    const serial = textOf(path(own, 'IssuerSerial', 'X509SerialNumber'));
    const issuerName = textOf(path(own, 'IssuerSerial', 'X509IssuerName')) ?? '';
    const cn = commonName(signer.cert.issuerName);
    const serialOk = serial !== undefined && /^\d+$/.test(serial) && BigInt(serial) === BigInt(`0x${signer.cert.serialNumber}`);
    // Signers write the issuer name in different DN formats; its CN is compared, the serial exactly.
    const issuerOk = !cn || issuerName.toLowerCase().includes(cn.toLowerCase());
    facts.issuerSerialOk = serialOk && issuerOk;
    if (!facts.issuerSerialOk) problems.push('El emisor o el número de serie del certificado en las propiedades firmadas (IssuerSerial) no son los del certificado que firmó.');
  }

  const policyId = path(sigProps, 'SignaturePolicyIdentifier', 'SignaturePolicyId');
  const identifier = textOf(path(policyId, 'SigPolicyId', 'Identifier'));
  const hashAlgorithm = attrOf(path(policyId, 'SigPolicyHash', 'DigestMethod'), 'Algorithm');
  const hashValue = textOf(path(policyId, 'SigPolicyHash', 'DigestValue'));
  const identifierOk = !!identifier && POLICY_IDENTIFIERS.includes(identifier);
  const hashOk = !!hashAlgorithm && POLICY_HASHES[hashAlgorithm] === hashValue;
  facts.policy = { ...(identifier ? { identifier } : {}), ...(hashAlgorithm ? { hashAlgorithm: shortAlgorithm(hashAlgorithm)! } : {}), hashOk: identifierOk && hashOk };
  if (!identifierOk) problems.push(`La firma no sigue la política de firma de la DIAN (identificador «${identifier ?? 'ninguno'}»).`);
  else if (!hashOk) problems.push('La huella de la política de firma de la DIAN no es la publicada.');

  return { facts, problems, ...(signingTime ? { signingTime } : {}) };
}
