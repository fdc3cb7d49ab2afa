import { afterAll, describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import { BUNDLED_ANCHORS, closeVerifyThreads, loadAnchors, verifyOutcome, verifyOutcomes } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { invoiceSpec } from '../support/agent-harness';
import { encoder } from '../support/fixtures';
import { identityUnder, identityWithOwnKey, lookalikeCa, supplierIdentity, TEST_ANCHOR_FILE, testCa, type TestIdentity } from '../support/pki';
import { containerFor, signUbl } from '../support/signing';
import { cufeFor, unsignedUbl } from '../support/ubl';

/**
 * Each thread keeps the certificates it parsed and the chains it built (server/authenticity/certificates.ts,
 * trust-anchors.ts): DIAN's certificate is on every container and suppliers repeat. A kept certificate or chain must
 * never carry one document's verdict into another's: validity is decided at each document's own signing time, and a
 * certificate is known by its exact bytes, never by its names. Every sequence runs in one process, in the main
 * thread and on the verification threads, so the second document always finds the first one's entries kept.
 */

testCa();
const ANCHORS = loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]);
const NOW = new Date('2026-03-10T15:00:00Z');
const spec = invoiceSpec('FE-CACHE', { issueDate: '2026-03-09' });
const meta = { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate };
const holderName = `Proveedor de pruebas ${spec.supplier.nit}`;
const genuine = supplierIdentity(spec.supplier.nit);

function signedBy(identity: TestIdentity, signingTime?: string): string {
  return containerFor(signUbl(unsignedUbl(spec), identity, signingTime ? { signingTime } : {}), meta);
}

/** The results of the containers checked one after the other, in the main thread and then on the threads. */
async function inSequence(containers: string[]): Promise<AuthenticityResult[][]> {
  const outcomes = containers.map((xml) => readDianFile(encoder.encode(xml)).outcomes[0]!);
  const main: AuthenticityResult[] = [];
  for (const outcome of outcomes) main.push((await verifyOutcome(outcome, NOW, { anchors: ANCHORS }))!);
  const threads: AuthenticityResult[] = [];
  for (const outcome of outcomes) threads.push((await verifyOutcomes([outcome], NOW, { anchors: ANCHORS }))[0]!);
  return [main, threads];
}

afterAll(closeVerifyThreads);

describe('kept certificates and chains never decide for another document', () => {
  it('the same certificate, valid at one signing time, is not valid at a signing time after it expired or before it began', async () => {
    const expired = signedBy(genuine, '2045-06-01T10:00:00.000-05:00');
    const early = signedBy(genuine, '2014-06-01T10:00:00.000-05:00');
    for (const results of await inSequence([signedBy(genuine), expired, signedBy(genuine), early, signedBy(genuine)])) {
      expect(results.map((r) => r.code)).toEqual(['verified', 'unverifiable', 'verified', 'unverifiable', 'verified']);
      // One certificate throughout: the kept entries were used, and the verdict still followed each signing time.
      expect(new Set(results.map((r) => r.supplier.certificate?.sha256)).size).toBe(1);
      for (const at of [1, 3]) {
        expect(results[at]!.supplier.chain).toMatchObject({ anchored: true, validAtSigningTime: false });
        expect(results[at]!.reason).toMatch(/no estaba vigente al firmar/);
      }
    }
  });

  it('a certificate with the same names from a look-alike authority is not trusted because the genuine one was', async () => {
    const lookalike = identityUnder(lookalikeCa(), spec.supplier.nit, holderName);
    for (const results of await inSequence([signedBy(genuine), signedBy(lookalike), signedBy(genuine)])) {
      expect(results.map((r) => r.code)).toEqual(['verified', 'unverifiable', 'verified']);
      expect(results[1]!.supplier.certificate?.subject).toBe(results[0]!.supplier.certificate?.subject);
      expect(results[1]!.supplier.certificate?.sha256).not.toBe(results[0]!.supplier.certificate?.sha256);
      expect(results[1]!.supplier.chain?.anchored).toBe(false);
      expect(results[1]!.onlySupplierChainUnknown).toBe(true);
    }
  });

  it('a certificate with the same names and another key: its own signatures hold, the other key’s do not', async () => {
    const ownKey = identityWithOwnKey(testCa(), spec.supplier.nit, holderName);
    // Signed with the other key, the genuine certificate put in its KeyInfo afterwards.
    const ownSigned = signUbl(unsignedUbl(spec), ownKey);
    const swapped = ownSigned.replace(/(<ds:X509Certificate>)[^<]+/, `$1${genuine.certDer.toString('base64')}`);
    expect(swapped).not.toBe(ownSigned);
    const mismatched = containerFor(swapped, meta);
    for (const results of await inSequence([signedBy(genuine), signedBy(ownKey), mismatched, signedBy(genuine), signedBy(ownKey)])) {
      expect(results.map((r) => r.code)).toEqual(['verified', 'verified', 'supplier_signature_invalid', 'verified', 'verified']);
      expect(results[1]!.supplier.certificate?.subject).toBe(results[0]!.supplier.certificate?.subject);
      expect(results[1]!.supplier.certificate?.sha256).not.toBe(results[0]!.supplier.certificate?.sha256);
      expect(results[2]!.supplier.signatureValueOk).toBe(false);
    }
  });
});
