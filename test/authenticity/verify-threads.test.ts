import { afterAll, describe, expect, it } from 'vitest';
import type { AuthenticityResult } from '#shared/authenticity';
import type { ReadOutcome } from '#shared/dian-document';
import { BUNDLED_ANCHORS, closeVerifyThreads, loadAnchors, readyVerifyThreads, THREADS_VARIABLE, verifyOutcome, verifyOutcomes, type TrustAnchors } from '../../server/authenticity';
import { readDianFile } from '../../server/dian';
import { invoiceSpec } from '../support/agent-harness';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';
import { identityUnder, rogueCa, supplierIdentity, TEST_ANCHOR_FILE, testCa } from '../support/pki';
import { containerFor, dianResponse, embeddedDocument, embeddedResponse, signUbl } from '../support/signing';
import { buildUbl, cufeFor, unsignedUbl } from '../support/ubl';

/**
 * Reception checks signatures on worker threads (server/authenticity/verify-pool.ts). Whatever the thread, the
 * result must be the very one the main thread gives: every real sample, every forgery, both sets of anchors.
 */

testCa();
const WITH_TEST_CA = loadAnchors([BUNDLED_ANCHORS, TEST_ANCHOR_FILE]);
const PRODUCTION = loadAnchors([BUNDLED_ANCHORS]);
const NOW = new Date('2026-03-10T15:00:00Z');

const spec = invoiceSpec('FE-900', { issueDate: '2026-03-10' });
const container = buildUbl(spec);
const inner = embeddedDocument(container);
const facts = { number: spec.number, cufe: cufeFor(spec), supplierNit: spec.supplier.nit, customerNit: spec.customer.nit, issueDate: spec.issueDate };

/** Genuine and forged containers, with the code each must get under the test authority. */
const cases: [string, string, AuthenticityResult['code']][] = [
  ['genuine', container, 'verified'],
  ['amount changed', container.replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190001.00<'), 'supplier_signature_invalid'],
  ['response of another document', container.replace(embeddedResponse(container), embeddedResponse(buildUbl(invoiceSpec('FE-901', { issueDate: '2026-03-09' })))), 'cufe_mismatch'],
  ['signature removed', container.replace(inner, inner.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')), 'unsigned'],
  ['signed by another NIT', containerFor(signUbl(unsignedUbl(spec), supplierIdentity('900999999')), facts), 'certificate_not_supplier'],
  ['response signed by a supplier', container.replace(embeddedResponse(container), dianResponse(facts, supplierIdentity(spec.supplier.nit))), 'dian_signature_invalid'],
  ['self-made DIAN', container.replace(embeddedResponse(container), dianResponse(facts, identityUnder(rogueCa(), '800197268', 'U.A.E. DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES'))), 'unverifiable'],
];

function outcomeOf(xml: string): ReadOutcome {
  const [outcome] = readDianFile(encoder.encode(xml)).outcomes;
  return outcome!;
}

afterAll(() => closeVerifyThreads());

describe('verification on worker threads', () => {
  it('gives, for every forgery and with either set of anchors, exactly what the main thread gives', async () => {
    const outcomes = cases.map(([, xml]) => outcomeOf(xml));
    for (const anchors of [WITH_TEST_CA, PRODUCTION]) {
      const onThreads = await verifyOutcomes(outcomes, NOW, { anchors });
      // They did come from the threads, not from the main thread standing in for them (asked before the threads
      // could retire for being idle).
      expect(readyVerifyThreads()).toBeGreaterThan(0);
      const inMain = await Promise.all(outcomes.map((o) => verifyOutcome(o, NOW, { anchors })));
      expect(onThreads).toEqual(inMain);
      if (anchors === WITH_TEST_CA) expect(onThreads.map((r) => r?.code)).toEqual(cases.map(([, , code]) => code));
    }
  }, 60_000);

  it('gives the main thread’s result on every real sample, as reception delivers them', async () => {
    const names = fixtureNames().filter((name) => !/volt/.test(name));
    const outcomes = names.filter((_, i) => i % 4 === 0).flatMap((name, i) => readDianFile(encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `threads-${name}`, number: `TH${i}` }))).outcomes);
    const samples = names.flatMap((name) => readDianFile(encoder.encode(fixtureText(name))).outcomes);
    const all = [...outcomes, ...samples];
    const onThreads = await verifyOutcomes(all, NOW, { anchors: WITH_TEST_CA });
    const inMain = await Promise.all(all.map((o) => verifyOutcome(o, NOW, { anchors: WITH_TEST_CA })));
    expect(onThreads).toEqual(inMain);
    // Not a vacuous comparison: purchase documents were checked, and real samples failed for real reasons.
    expect(onThreads.filter((r) => r?.code === 'verified').length).toBeGreaterThan(3);
    expect(new Set(onThreads.map((r) => r?.code)).size).toBeGreaterThan(2);
  }, 60_000);

  it('idle threads stop and give their memory back; the next document starts them again, same result', async () => {
    const outcome = outcomeOf(container);
    const first = await verifyOutcomes([outcome], NOW, { anchors: WITH_TEST_CA });
    expect(readyVerifyThreads()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(readyVerifyThreads()).toBe(0);
    const again = await verifyOutcomes([outcome], NOW, { anchors: WITH_TEST_CA });
    expect(readyVerifyThreads()).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(again[0]?.code).toBe('verified');
  }, 30_000);

  it('anchors not read from files, or no threads at all: checked in the main thread, same result', async () => {
    const outcome = outcomeOf(container);
    const handMade: TrustAnchors = { ...WITH_TEST_CA };
    expect((await verifyOutcomes([outcome], NOW, { anchors: handMade }))[0]?.code).toBe('verified');
    const before = process.env[THREADS_VARIABLE];
    process.env[THREADS_VARIABLE] = '0';
    try {
      await closeVerifyThreads();
      expect(await verifyOutcomes([outcome], NOW, { anchors: PRODUCTION })).toEqual([await verifyOutcome(outcome, NOW, { anchors: PRODUCTION })]);
      expect(readyVerifyThreads()).toBe(0);
    } finally {
      if (before === undefined) delete process.env[THREADS_VARIABLE];
      else process.env[THREADS_VARIABLE] = before;
      await closeVerifyThreads();
    }
  });
});
