import type { AuthenticityResult, SignatureFacts } from '#shared/authenticity';

/**
 * An `unverifiable` result that DIAN's copy can confirm: every signature holds mathematically, the supplier's
 * certificate is the supplier's, DIAN's signed response says 02 about this very CUFE, and the only thing missing is
 * a certification authority we ship (for the supplier's certificate, DIAN's, or both), each valid when it signed.
 * Anything else (a certificate expired at signing, no DIAN response…) is not what DIAN's copy answers.
 */
const UNKNOWN_ANCHOR = 'El certificado no viene de ninguna entidad de certificación conocida';

export function confirmableByDian(result: AuthenticityResult): boolean {
  if (result.code !== 'unverifiable' || !result.dian) return false;
  // trust-anchors.ts `checkChain`: a chain that ends at no anchor says so in `problem`; any other problem (an
  // issuer that is no authority, a certificate not valid at signing) is not an unknown anchor.
  const onlyAnchorMissing = (facts: SignatureFacts) =>
    facts.present && facts.valid && !!facts.chain && facts.chain.validAtSigningTime && (facts.chain.anchored || !!facts.chain.problem?.startsWith(UNKNOWN_ANCHOR));
  return onlyAnchorMissing(result.supplier) && onlyAnchorMissing(result.dian) && result.dian.holderMatches === true && result.dian.responseCode === '02' && !!result.dian.referencedCufe;
}
