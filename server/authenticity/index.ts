/**
 * Authenticity of received documents, checked offline: XAdES signatures (xml-crypto), certificates and their
 * chains to the trust anchors (@peculiar/x509). docs/authenticity-and-events.md Part A.
 * @module
 */
export { verifyAuthenticity, type SignedTexts, type VerifyOptions } from './verify-document';
export { defaultAnchors, loadAnchors, ANCHORS_VARIABLE, BUNDLED_ANCHORS, type TrustAnchors } from './trust-anchors';
export { verifyOutcome } from './verify-outcome';
export { verifyOutcomes, closeVerifyThreads, readyVerifyThreads, THREADS_VARIABLE } from './verify-pool';
