import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeVerifyThreads } from '../../server/authenticity';
import { readAndVerify, type ReadAndVerifyOptions } from '../../server/authenticity/read-and-verify';
import { readAndVerifyOnThread, type ThreadTask } from '../../server/authenticity/verify-pool';
import { MAX_ATTRIBUTES_PER_ELEMENT } from '../../server/authenticity/dom';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { invoiceSpec, SUPPLIER } from '../support/agent-harness';
import { supplierIdentity } from '../support/pki';
import { embeddedDocument, signUbl } from '../support/signing';
import { fixtureText } from '../support/fixtures';
import { buildUbl, unsignedUbl } from '../support/ubl';

/**
 * Hostile files on the reception path that reads on the verification threads (server/authenticity/verify-pool.ts
 * `readAndVerifyOnThread`): whatever arrives, the thread must answer exactly what the main thread's `readAndVerify`
 * answers on the same bytes (outcomes, their order, and which authenticity belongs to which document), including
 * when a thread dies half-way through the documents of a ZIP.
 */

const enc = new TextEncoder();
const now = new Date('2026-03-12T10:00:00Z');
const options: ReadAndVerifyOptions = { name: 'hostil.zip', maxDocuments: 50, now };
const generica = fixtureText('dian-toolkit__Generica.xml');

function zip(entries: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? enc.encode(content) : content;
  return zipSync(files, { level });
}

/** The same document with its payable amount changed after signing: its supplier signature no longer holds. */
function forged(ubl: string): string {
  const altered = ubl.replace('<cbc:PayableAmount currencyID="COP">1190000.00<', '<cbc:PayableAmount currencyID="COP">1190001.00<');
  expect(altered).not.toBe(ubl);
  return altered;
}

/** The main thread's answer and the thread's, on the same bytes (the thread gets its own copy). */
async function both(bytes: Uint8Array, opts = options) {
  const main = await readAndVerify(bytes, opts);
  const thread = await readAndVerifyOnThread(bytes, opts);
  expect(thread, 'the thread answered').toBeDefined();
  return { main, thread: thread! };
}

/** Eight invoices, the odd ones forged; a copy of every third one, forged when the first is genuine and vice versa. */
function interleaved(): { bytes: Uint8Array; expected: Record<string, string> } {
  const docs: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (let i = 0; i < 8; i++) {
    const number = `FE-${800 + i}`;
    const ubl = buildUbl(invoiceSpec(number, { issueDate: '2026-03-10' }));
    docs[`d${i}.xml`] = i % 2 ? forged(ubl) : ubl;
    // The reader keeps the first copy of a CUFE within a file: the copy must not lend its verdict to it.
    if (i % 3 === 0) docs[`d${i}-copia.xml`] = i % 2 ? ubl : forged(ubl);
    expected[number] = i % 2 ? 'supplier_signature_invalid' : 'verified';
  }
  return { bytes: zip(docs), expected };
}

function verdicts(read: { outcomes: { document?: { number: string } }[]; authenticity: ({ code: string } | undefined)[] }) {
  return Object.fromEntries(read.outcomes.map((o, i) => [o.document?.number, read.authenticity[i]?.code]));
}

describe('hostile files read on a verification thread answer as in the main thread', () => {
  afterEach(closeVerifyThreads);

  const cases: [string, () => Uint8Array][] = [
    ['200,000 levels of nesting in an element the reader reads', () => enc.encode(generica.replace('<cbc:Note>', '<cbc:Note>' + '<a>'.repeat(200_000) + 'x' + '</a>'.repeat(200_000)))],
    ['200,000 levels of nesting in a subtree kept as raw text', () => enc.encode(generica.replace('</cbc:Note>', '</cbc:Note><cac:Delivery>' + '<a>'.repeat(200_000) + '</a>'.repeat(200_000) + '</cac:Delivery>'))],
    ['a 9 MB attribute', () => enc.encode(generica.replace('<cbc:Note>', `<cbc:Note x="${'A'.repeat(9_000_000)}">`))],
    ['5,000 attributes on one element', () => enc.encode(generica.replace('<cbc:Note>', `<cbc:Note ${Array.from({ length: 5_000 }, (_, i) => `a${i}="1"`).join(' ')}>`))],
    ['ISO-8859-1', () => Uint8Array.from(Buffer.from(generica.replace('UTF-8', 'ISO-8859-1').replace('<cbc:Note>', '<cbc:Note>ñandú '), 'latin1'))],
    ['invalid UTF-8 bytes', () => Uint8Array.from([...enc.encode(generica.slice(0, 2000)), 0xff, 0xfe, 0xc3, ...enc.encode(generica.slice(2000))])],
    ['UTF-16 with BOM', () => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(generica.replace('UTF-8', 'UTF-16'), 'utf16le')]))],
    ['truncated', () => enc.encode(generica.slice(0, generica.length - 30))],
    ['DOCTYPE with entities', () => enc.encode(generica.replace('<Invoice ', '<!DOCTYPE Invoice [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><Invoice '))],
    ['ZIP bomb (50 MB of zeros)', () => zip({ 'a.xml': new Uint8Array(50 * 1024 * 1024) }, 9)],
    ['ZIP in ZIP in ZIP in ZIP', () => zip({ 'a.zip': zip({ 'b.zip': zip({ 'c.zip': zip({ 'fv.xml': generica }) }) }) })],
    ['400 tiny XML files', () => zip(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}.xml`, '<a/>'])))],
    ['every DIAN sample in one ZIP', () => zip(Object.fromEntries(readdirSync('/work/shared/dian-samples').filter((n) => n.endsWith('.xml')).map((n) => [n, readFileSync(`/work/shared/dian-samples/${n}`)])))],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const { main, thread } = await both(make());
      expect(main.outcomes.length).toBeGreaterThan(0);
      expect(thread).toEqual(main);
    }, 120_000);
  }

  it('forged and genuine invoices interleaved, with same-CUFE copies: each verdict stays with its own document', async () => {
    const { bytes, expected } = interleaved();
    const { main, thread } = await both(bytes);
    expect(verdicts(thread)).toEqual(expected);
    expect(thread).toEqual(main);
  }, 120_000);

  it('a thread that dies while checking the documents of a ZIP (after reading it) loses no verdict nor swaps any', async () => {
    const { bytes, expected } = interleaved();
    const main = await readAndVerify(bytes, options);
    let verifies = 0;
    const original = Worker.prototype.postMessage;
    const spy = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, transfer?: readonly Transferable[]) {
      original.call(this, message, transfer as never);
      const task = message as ThreadTask;
      // The third document handed to a thread: that thread dies with it and with whatever else it was given.
      if (task && typeof task === 'object' && 'id' in task && task.kind !== 'read' && ++verifies === 3) void this.terminate();
    });
    try {
      const thread = await readAndVerifyOnThread(bytes, options);
      expect(verifies).toBe(8);
      expect(thread).toBeDefined();
      expect(verdicts(thread!)).toEqual(expected);
      expect(thread).toEqual(main);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});

/** The document with `count` attributes on its `cbc:UBLVersionID`. */
function withAttributes(xml: string, count: number): string {
  const attributes = Array.from({ length: count }, (_, i) => `a${i}="1"`).join(' ');
  const changed = xml.replace('<cbc:UBLVersionID>', `<cbc:UBLVersionID ${attributes}>`);
  expect(changed).not.toBe(xml);
  return changed;
}

describe('an element with a great many attributes is not canonicalized (libxml2 sorts them in quadratic time)', () => {
  afterEach(closeVerifyThreads);

  it('a signature over an element with up to the limit still verifies; one more and the text is refused before parsing', () => {
    const spec = invoiceSpec('FE-900', { issueDate: '2026-03-10' });
    const identity = supplierIdentity(SUPPLIER.nit);
    const atLimit = checkSignature(signUbl(withAttributes(unsignedUbl(spec), MAX_ATTRIBUTES_PER_ELEMENT), identity));
    expect(atLimit.malformed).toBeFalsy();
    expect(atLimit.facts.valid).toBe(true);
    // Signed as it is: its signature is sound, and still it is not checked (it could hold a million).
    const over = checkSignature(signUbl(withAttributes(unsignedUbl(spec), MAX_ATTRIBUTES_PER_ELEMENT + 1), identity));
    expect(over.malformed).toBeFalsy();
    expect(over.costly).toBe(true);
    expect(over.facts.valid).toBe(false);
    expect(over.facts.problems[0]).toMatch(/más de 256 atributos/);
  });

  it('comments, CDATA and quoted values do not hide the attributes of an element from the count', () => {
    const spec = invoiceSpec('FE-901', { issueDate: '2026-03-10' });
    const hidden = withAttributes(unsignedUbl(spec), 300).replace('<cbc:UBLVersionID', `<!-- <x y=" --><![CDATA[ " ]]><cbc:UBLVersionID b="'>"`);
    expect(checkSignature(hidden).facts.problems[0]).toMatch(/más de 256 atributos/);
  });

  it('a received container whose invoice has 30,000 attributes on one element is answered at once, not verified, on the thread as in the main thread', async () => {
    const container = buildUbl(invoiceSpec('FE-902', { issueDate: '2026-03-10' }));
    const inner = embeddedDocument(container);
    const { main, thread } = await both(enc.encode(container.replace(inner, withAttributes(inner, 30_000))));
    // The reason says what happened: not checked, and why; it does not call a well-formed text malformed.
    expect(main.authenticity.map((a) => [a?.code, a?.reason])).toEqual([['supplier_signature_invalid', expect.stringMatching(/^No se comprobó la firma del proveedor\. Un elemento del XML trae más de 256 atributos/)]]);
    expect(thread).toEqual(main);
  }, 120_000);
});
