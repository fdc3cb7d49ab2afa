import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DianDocument, ReadOutcome } from '#shared/dian-document';
import { readDianFile, type FileReadResult } from '../../server/dian';
import { fixtureText } from '../support/fixtures';
import { encoder, READ_ERROR_CODES } from './read-helpers';

/**
 * Property-based tests: real samples mutated at random (byte flips, truncations, inserted fragments, deleted and
 * duplicated elements, ZIP wrapping) must only ever produce well-formed records or typed errors — never a throw,
 * never `INTERNAL_ERROR`. Seeds are fixed so a failure replays identically; numRuns keeps the file near 5 s.
 */

const SAMPLES = [
  'dian-toolkit__Generica.xml',
  'dian-toolkit__CreditNote.xml',
  'dian-toolkit__DebitNote.xml',
  'dian-toolkit__Consumidor_Final.xml',
  'dian-toolkit__ejemplificacionIBUA-3.xml',
  'dian-toolkit__Ejemplificacion_otra_Moneda_UBLExtension-CustomTagGneral-InvoiceLine.xml',
  'dian-toolkit__Ejemplificacion_nota_credito_sin_referencia_a_factura.xml',
  'dian-toolkit__RADIAN_031_-_Reclamo_de_la_factura_Electronica_de_Venta.xml',
  'volt__example.js.AttachedDocument.xml',
];
const TEXTS = new Map(SAMPLES.map((name) => [name, fixtureText(name)]));

/** Fixed so that failures replay; `DIAN_PROPERTY_SEED` / `DIAN_PROPERTY_RUNS` explore further by hand. */
const SEED = Number(process.env['DIAN_PROPERTY_SEED'] ?? 20_240_501);
const RUNS = Number(process.env['DIAN_PROPERTY_RUNS'] ?? 1);
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['invoice', 'credit-note', 'debit-note', 'application-response', 'radian-event'];
const ERROR_CODES: readonly string[] = READ_ERROR_CODES;

// ---------------------------------------------------------------------------------------------------------------
// What every outcome must look like

function checkResult(result: FileReadResult): void {
  expect(Array.isArray(result.outcomes)).toBe(true);
  for (const outcome of result.outcomes) checkOutcome(outcome);
  for (const attachment of result.attachments) {
    expect(['pdf', 'other']).toContain(attachment.kind);
    expect(attachment.size).toBe(attachment.bytes.length);
  }
}

function checkOutcome(outcome: ReadOutcome): void {
  expect(outcome.source.length).toBeGreaterThanOrEqual(1);
  for (const part of outcome.source) expect(typeof part).toBe('string');
  if (outcome.ok) {
    checkDocument(outcome.document);
    return;
  }
  expect(ERROR_CODES).toContain(outcome.error.code);
  expect(outcome.error.code).not.toBe('INTERNAL_ERROR');
  expect(typeof outcome.error.message).toBe('string');
  expect(outcome.error.message.length).toBeGreaterThan(10);
  if (outcome.document) checkDocument(outcome.document);
}

function checkDocument(d: DianDocument): void {
  expect(KINDS).toContain(d.kind);
  for (const value of [d.cufe, d.number, d.issueDate, d.currency]) {
    expect(typeof value).toBe('string');
    expect(value.length).toBeGreaterThan(0);
  }
  expect(d.issueDate).toMatch(DATE);
  if (d.dueDate !== undefined) expect(d.dueDate).toMatch(DATE);
  expect(['production', 'test']).toContain(d.environment);
  for (const party of [d.supplier, d.customer]) {
    expect(typeof party.nit).toBe('string');
    expect(party.nit.length).toBeGreaterThan(0);
    expect(typeof party.name).toBe('string');
    for (const list of [party.tradeNames, party.responsibilities, party.ciiu]) for (const item of list) expect(typeof item).toBe('string');
  }
  for (const line of d.lines) {
    expect(typeof line.id).toBe('string');
    expect(typeof line.description).toBe('string');
    expect(Number.isInteger(line.position)).toBe(true);
    expect(line.quantity).toMatch(DECIMAL);
    expect(line.lineTotal).toMatch(DECIMAL);
    for (const optional of [line.unitPrice, line.priceAmount, line.baseQuantity, line.referencePrice?.amount]) {
      if (optional !== undefined) expect(optional).toMatch(DECIMAL);
    }
    checkTaxes(line.taxes);
    checkTaxes(line.withholdings);
    for (const ac of line.allowanceCharges) expect(ac.amount).toMatch(DECIMAL);
  }
  checkTaxes(d.taxes);
  checkTaxes(d.withholdings);
  for (const ac of d.allowanceCharges) expect(ac.amount).toMatch(DECIMAL);
  for (const value of Object.values(d.totals)) expect(value).toMatch(DECIMAL);
  expect(Object.keys(d.totals).sort()).toEqual(['allowances', 'charges', 'lineExtension', 'payable', 'prepaid', 'rounding', 'taxExclusive', 'taxInclusive']);
  for (const prepaid of d.prepaidPayments) expect(prepaid.amount).toMatch(DECIMAL);
  if (d.exchangeRate) expect(d.exchangeRate.rate).toMatch(DECIMAL);
  for (const warning of d.warnings) {
    expect(typeof warning.code).toBe('string');
    expect(typeof warning.message).toBe('string');
  }
  // The record travels as JSON (CLI, inbox): it must serialise.
  expect(() => JSON.stringify(d)).not.toThrow();
}

function checkTaxes(entries: DianDocument['taxes']): void {
  for (const t of entries) {
    expect(typeof t.code).toBe('string');
    expect(t.amount).toMatch(DECIMAL);
    for (const optional of [t.rate, t.base, t.perUnit?.amount, t.perUnit?.quantity]) if (optional !== undefined) expect(optional).toMatch(DECIMAL);
  }
}

function read(bytes: Uint8Array, name = 'mutado.xml'): FileReadResult {
  let result: FileReadResult | undefined;
  expect(() => (result = readDianFile(bytes, { name }))).not.toThrow();
  checkResult(result!);
  return result!;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations

/** A sample by name (counterexamples stay short); `text` is looked up once per run. */
const sample = fc.constantFrom(...SAMPLES).map((name) => ({ name, text: TEXTS.get(name)! }), (value) => (value as { name: string }).name);
/**
 * A uniform position in [0, 1) (fast-check's default bias towards extremes would put most edits at offset 0), mapped
 * onto the whole text or, with `focusBody`, onto the part after the signature block.
 */
const ratio = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

function position(text: string, r: number, focusBody: boolean): number {
  const bodyStart = focusBody ? Math.max(0, text.lastIndexOf('</ext:UBLExtensions>')) : 0;
  return bodyStart + Math.floor(r * (text.length - bodyStart));
}

const ELEMENT_NAMES = [
  'cbc:ID', 'cbc:UUID', 'cbc:IssueDate', 'cbc:Note', 'cbc:PayableAmount', 'cbc:TaxAmount', 'cbc:Percent', 'cbc:CompanyID',
  'cac:InvoiceLine', 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:LegalMonetaryTotal', 'cac:AccountingSupplierParty', 'cac:Party',
  'cbc:Description', 'cac:DocumentResponse', 'cbc:ResponseCode', 'Invoice', 'AttachedDocument', 'ext:UBLExtensions',
];

const fragment = fc.oneof(
  fc.constantFrom(
    '<', '>', '&', '</', '/>', '"', "'", '\u0000', '\uFEFF', 'ñ', '💥', ']]>', '<![CDATA[', '<!--', '-->', '<?xml version="1.0"?>', '<?pi x?>',
    '<!DOCTYPE x>', '<!ENTITY e "x">', '&amp;', '&lt;', '&#0;', '&#x1F600;', '&#1114112;', '&#xD800;', '&unknown;', '&e;',
    '<cbc:PayableAmount currencyID="COP">NaN</cbc:PayableAmount>', '<cbc:IssueDate>2019-02-30</cbc:IssueDate>', '<cbc:DueDate>2019-13-01</cbc:DueDate>',
    '<cbc:UUID>zz</cbc:UUID>', '<x:y xmlns:x="urn:x"/>', '<cbc:InvoicedQuantity>0</cbc:InvoicedQuantity>', '<cac:InvoiceLine/>',
    '<cbc:LineExtensionAmount currencyID="COP">-1e400</cbc:LineExtensionAmount>', '<cbc:ProfileExecutionID>9</cbc:ProfileExecutionID>',
  ),
  fc.tuple(fc.constantFrom(...ELEMENT_NAMES), fc.boolean(), fc.constantFrom('', ' a="1"', ' currencyID="COP"', ' schemeID=">"')).map(
    ([name, closing, attrs]) => (closing ? `</${name}>` : `<${name}${attrs}>`),
  ),
  fc.tuple(fc.constantFrom(...ELEMENT_NAMES), fc.string({ maxLength: 12 })).map(([name, value]) => `<${name}>${value}</${name}>`),
  fc.integer({ min: 0, max: 0x10ffff }).map((n) => `&#${n};`),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Start and end offsets of the elements `<prefix:Name …>…</prefix:Name>` in the text (first matching close). */
function elementSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/<((?:cac|cbc):[A-Za-z]+)[\s>]/g)) {
    const close = `</${match[1]}>`;
    const end = text.indexOf(close, match.index);
    if (end > 0) spans.push({ start: match.index, end: end + close.length });
  }
  return spans;
}

const flips = fc.array(fc.tuple(ratio, fc.integer({ min: 0, max: 255 }), fc.boolean()), { minLength: 1, maxLength: 12 });
const insertions = fc.array(fc.tuple(ratio, fragment, fc.boolean()), { minLength: 1, maxLength: 6 });
const picks = fc.array(ratio, { minLength: 1, maxLength: 5 });

function flipBytes(text: string, changes: [number, number, boolean][]): Uint8Array {
  const bytes = encoder.encode(text);
  for (const [r, value, focus] of changes) bytes[position(text, r, focus) % bytes.length] = value;
  return bytes;
}

function insert(text: string, inserts: [number, string, boolean][]): string {
  let out = text;
  for (const [r, piece, focus] of inserts) {
    const at = position(out, r, focus);
    out = out.slice(0, at) + piece + out.slice(at);
  }
  return out;
}

function deleteElements(text: string, choices: number[]): string {
  let out = text;
  for (const r of choices) {
    const spans = elementSpans(out);
    if (spans.length === 0) break;
    const { start, end } = spans[Math.floor(r * spans.length)]!;
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
}

function duplicateElements(text: string, choices: number[]): string {
  let out = text;
  for (const r of choices) {
    const spans = elementSpans(out);
    if (spans.length === 0) break;
    const { start, end } = spans[Math.floor(r * spans.length)]!;
    out = out.slice(0, end) + out.slice(start, end) + out.slice(end);
  }
  return out;
}

const ENTRY_NAMES = ['fv.xml', 'ad0900.xml', 'anexo.zip', 'a/b/c.xml', '../x.xml', '/etc/x.xml', 'C:\\x.xml', 'leeme.pdf', 'ñandú.xml'];

function wrap(bytes: Uint8Array, depth: number, names: string[], level: 0 | 6): Uint8Array {
  let out = bytes;
  for (let i = 0; i < depth; i++) out = zipSync({ [names[i % names.length]!]: out }, { level });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

describe('muestras reales mutadas: solo registros bien formados o errores tipados', () => {
  const options = { seed: SEED, numRuns: 500 * RUNS };

  it('bytes cambiados al azar', () => {
    fc.assert(
      fc.property(sample, flips, (s, changes) => {
        read(flipBytes(s.text, changes));
      }),
      options,
    );
  }, 30_000);

  it('truncados en cualquier punto', () => {
    fc.assert(
      fc.property(sample, ratio, fc.boolean(), (s, r, fromStart) => {
        const at = Math.floor(r * s.text.length);
        const cut = fromStart ? s.text.slice(at) : s.text.slice(0, at);
        const result = read(encoder.encode(cut));
        // Cutting anything but trailing whitespace off the end loses the root's closing tag.
        if (!fromStart && s.text.slice(at).trim() !== '') expect(result.outcomes.every((o) => !o.ok)).toBe(true);
      }),
      options,
    );
  }, 30_000);

  it('fragmentos, etiquetas y entidades insertados', () => {
    fc.assert(
      fc.property(sample, insertions, (s, inserts) => {
        read(encoder.encode(insert(s.text, inserts)));
      }),
      options,
    );
  }, 30_000);

  it('elementos borrados', () => {
    fc.assert(
      fc.property(sample, picks, (s, choices) => {
        read(encoder.encode(deleteElements(s.text, choices)));
      }),
      options,
    );
  }, 30_000);

  it('elementos duplicados', () => {
    fc.assert(
      fc.property(sample, picks, (s, choices) => {
        read(encoder.encode(duplicateElements(s.text, choices)));
      }),
      options,
    );
  }, 30_000);

  it('envueltos en ZIP (anidados, con nombres hostiles), mutados o no', () => {
    fc.assert(
      fc.property(
        sample,
        fc.integer({ min: 1, max: 5 }),
        fc.shuffledSubarray(ENTRY_NAMES, { minLength: 1 }),
        fc.option(flips, { nil: undefined }),
        fc.option(flips, { nil: undefined }),
        (s, depth, names, inner, outer) => {
          const xml = inner ? flipBytes(s.text, inner) : encoder.encode(s.text);
          let zipped = wrap(xml, depth, names, 0);
          if (outer) {
            zipped = zipped.slice();
            for (const [r, value] of outer) zipped[Math.floor(r * zipped.length)] = value;
          }
          read(zipped, 'z.zip');
        },
      ),
      { seed: SEED, numRuns: 250 * RUNS },
    );
  }, 30_000);

  it('varias mutaciones combinadas dentro de un ZIP con otros documentos', () => {
    fc.assert(
      fc.property(sample, sample, insertions, picks, (a, b, inserts, choices) => {
        const mutated = encoder.encode(duplicateElements(deleteElements(insert(a.text, inserts), choices.slice(0, 2)), choices.slice(2)));
        const zipped = zipSync({ 'a.xml': mutated, 'b.xml': encoder.encode(b.text), 'c.pdf': encoder.encode('%PDF-1.4') }, { level: 0 });
        const result = read(zipped, 'z.zip');
        // The intact document is always read, whatever happened to its neighbour.
        expect(result.outcomes.some((o) => o.ok && o.source[1] === 'b.xml') || result.outcomes.some((o) => o.ok && o.document.cufe === readCufe(b.text))).toBe(true);
      }),
      { seed: SEED, numRuns: 250 * RUNS },
    );
  }, 30_000);
});

/** The CUFE of an intact sample, to recognise it after deduplication. */
function readCufe(text: string): string {
  const outcome = readDianFile(encoder.encode(text)).outcomes[0]!;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.document.cufe;
}
