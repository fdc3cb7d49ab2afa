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
}
