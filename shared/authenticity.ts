/**
 * Whether a received document is genuine: what the offline checks of its signatures found (server/authenticity),
 * recorded on every inbox entry and shown to the person, with the facts behind it.
 *
 * @module
 */

/**
 * - `verified`: the supplier's signature and DIAN's validation both hold, and both certificates come from a known
 *   certification authority.
 * - `supplier_signature_invalid`: the supplier's signature does not match the document: it was altered after signing.
 * - `dian_signature_invalid`: DIAN's response is missing its signature, its signature does not hold, or its signer
 *   is not DIAN.
 * - `cufe_mismatch`: DIAN's response is about another document (another CUFE/CUDE, or dated before the document).
 * - `unsigned`: the document carries no supplier signature.
 * - `no_dian_validation`: a bare document, without DIAN's response (ApplicationResponse).
 * - `certificate_not_supplier`: the signing certificate belongs to someone else (not the supplier's NIT/cédula).
 * - `unverifiable`: the signatures hold mathematically, but something cannot be decided offline (a certificate that
 *   chains to no known authority, or was not valid when it signed…); `reason` says what.
 */
export type AuthenticityCode =
  | 'verified'
  | 'supplier_signature_invalid'
  | 'dian_signature_invalid'
  | 'cufe_mismatch'
  | 'unsigned'
  | 'no_dian_validation'
  | 'certificate_not_supplier'
  | 'unverifiable';

export const AUTHENTICITY_CODES: readonly AuthenticityCode[] = [
  'verified',
  'supplier_signature_invalid',
  'dian_signature_invalid',
  'cufe_mismatch',
  'unsigned',
  'no_dian_validation',
  'certificate_not_supplier',
  'unverifiable',
];

/** Codes that mean the document may have been altered or forged: never registered, not even by hand. */
export const ALTERED_CODES: readonly AuthenticityCode[] = ['supplier_signature_invalid', 'dian_signature_invalid', 'cufe_mismatch', 'certificate_not_supplier'];

export function mayBeAltered(code: AuthenticityCode | string | undefined): boolean {
  return ALTERED_CODES.includes(code as AuthenticityCode);
}

/**
 * The offline code, or DIAN's stored copy (`dianCopy`), says the document may have been altered: a copy that differs
 * from what was received, or a CUFE DIAN does not know, weighs as much as a broken signature (the offline code is
 * kept as it was: it says what the signatures alone showed).
 */
export function resultMayBeAltered(result: Pick<AuthenticityResult, 'code' | 'dianCopy'> | undefined): boolean {
  if (!result) return false;
  return mayBeAltered(result.code) || result.dianCopy?.status === 'differs' || result.dianCopy?.status === 'unknown_to_dian';
}

/**
 * What DIAN answered when asked for its own copy of the document (`GetXmlByDocumentKey(CUFE)` with the company's
 * certificate; server/agent/dian-copy-check.ts):
 * - `matches`: DIAN's stored XML is the received document (same canonical XML, or the same valid signature);
 * - `differs`: DIAN holds another document under this CUFE: the received one was altered (and perhaps re-signed);
 * - `unknown_to_dian`: DIAN does not know the CUFE (code 404): it never validated this document;
 * - `not_authorized`: DIAN refused the query (code 401): the certificate's NIT is neither the sender nor the receiver;
 * - `unreachable`: no answer (network, timeout, DIAN down, an answer that could not be read): asked again later.
 */
export type DianCopyStatus = 'matches' | 'differs' | 'unknown_to_dian' | 'not_authorized' | 'unreachable';

export interface DianCopyFacts {
  status: DianCopyStatus;
  /** Spanish, for the accountant: what DIAN said and, when something is needed, what to do. */
  detail: string;
  /** When DIAN was last asked (ISO). */
  askedAt: string;
  /** How many times it has been asked. */
  attempts: number;
  /** Which DIAN: `produccion` (or `habilitacion`). */
  environment: string;
  /** DIAN's `Code` (100, 404, 401…) and `Message`, as it sent them. */
  dianCode?: string;
  dianMessage?: string;
  /** How the two texts compare (only when DIAN sent its copy). */
  comparison?: {
    /** Inclusive C14N 1.0 of both documents is the same. */
    canonicalEqual: boolean;
    /** The supplier's SignatureValue is the same in both. */
    sameSignatureValue: boolean;
    /** The digest of the document reference (URI="") is the same in both. */
    sameDocumentDigest: boolean;
    /** DIAN's copy carries a supplier signature that holds (checked only when the canonical forms differ). */
    dianCopySignatureValid?: boolean;
    /** SHA-256 (hex) of the text received and of DIAN's copy, as compared. */
    receivedSha256: string;
    dianSha256: string;
  };
  /** While DIAN is unreachable: when it will be asked again (absent when it will not). */
  nextAttemptAt?: string;
}

/** One `ds:Reference` of a signature and whether its digest matched. */
export interface ReferenceCheck {
  /** `document` (URI=""), `keyinfo`, `signed-properties` or `other`. */
  target: 'document' | 'keyinfo' | 'signed-properties' | 'other';
  uri: string;
  digestAlgorithm: string;
  ok: boolean;
}

export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** Serial number in hexadecimal, as certificate tools print it. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER certificate, hex. */
  sha256: string;
  /** Identification numbers found in the subject (serialNumber and GSE's NIT attribute). */
  identifiers: string[];
}

export interface ChainFacts {
  /** The chain ends at one of the trust anchors. */
  anchored: boolean;
  /** Subject of the anchor it ends at. */
  anchor?: string;
  /** Subjects from the signer up. */
  path: string[];
  /** Every certificate of the path was valid at the signing time. */
  validAtSigningTime: boolean;
  /** Spanish, when something failed. */
  problem?: string;
}

/** What the check of one signature found. */
export interface SignatureFacts {
  /** A `ds:Signature` was found where DIAN's rules put it. */
  present: boolean;
  /** All references, SignatureValue and the XAdES properties hold. */
  valid: boolean;
  signatureAlgorithm?: string;
  canonicalization?: string;
  references: ReferenceCheck[];
  signatureValueOk?: boolean;
  signingTime?: string;
  /** XAdES SigningCertificate: the digest and issuer/serial of the KeyInfo certificate match. */
  certDigestOk?: boolean;
  issuerSerialOk?: boolean;
  policy?: { identifier?: string; hashAlgorithm?: string; hashOk: boolean };
  certificate?: CertificateFacts;
  /** The certificate's subject carries the expected NIT (the supplier's, or DIAN's 800197268). */
  holderMatches?: boolean;
  chain?: ChainFacts;
  /** What failed, in Spanish, in the order found. */
  problems: string[];
}

export interface DianResponseFacts extends SignatureFacts {
  responseCode?: string;
  referencedCufe?: string;
  issueDate?: string;
}

export interface AuthenticityResult {
  code: AuthenticityCode;
  /** Spanish, for the accountant. */
  reason: string;
  /** When the checks ran (ISO). */
  checkedAt: string;
  supplier: SignatureFacts;
  /** Absent for a bare document. */
  dian?: DianResponseFacts;
  /**
   * For `unverifiable`: the signatures hold and DIAN's response is genuine; only the supplier's certificate chains
   * to no known authority. Such a document registers by itself, marked "por verificar".
   */
  onlySupplierChainUnknown?: boolean;
  /** Documents verified with DIAN's test (habilitación) environment. */
  environment?: 'production' | 'test';
  /** DIAN's own stored copy, when the company configured its certificate for it (server/agent/dian-copy-check.ts). */
  dianCopy?: DianCopyFacts;
  /**
   * DIAN's stored copy is identical to the received document: it confirms a document whose certificates chain to no
   * authority we ship (`unverifiable`), which then registers by itself; `reason` says so.
   */
  confirmedByDian?: boolean;
}
