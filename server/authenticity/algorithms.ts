import { createHash } from 'node:crypto';

/**
 * The algorithms DIAN's signature policy allows (Anexo técnico 1.9 §6.5.10, docs/authenticity-and-events.md A1):
 * RSA with SHA-256/384/512, SHA-256/384/512 digests, inclusive C14N 1.0. Anything else is refused, not tried.
 */
export const ALLOWED_SIGNATURE_ALGORITHMS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': 'sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

export const ALLOWED_DIGESTS: Record<string, string> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

export const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** Short names for the facts shown to people: `rsa-sha256`, `sha384`, `c14n`. */
export function shortAlgorithm(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  if (uri === INCLUSIVE_C14N) return 'c14n';
  return uri.slice(uri.lastIndexOf('#') + 1);
}

/** Hash of bytes as base64 with a DIAN digest URI; `undefined` for a digest DIAN does not allow. */
export function digestBase64(algorithmUri: string, bytes: Uint8Array): string | undefined {
  const node = ALLOWED_DIGESTS[algorithmUri];
  return node ? createHash(node).update(bytes).digest('base64') : undefined;
}
