import { createHash } from 'node:crypto';
import type { DianDocument, DocumentLine, TaxEntry } from '#shared/dian-document';
import type { BillLineRow, BillRow } from '../db/schema';
import { Dec } from '../dian/decimal';
import { toCentavos } from '../ledger/money';
import { checkFigures, describeFigures, type ExpectedFigures, type FiguresCheck } from './alegra-totals';
import { pesosNumber } from './alegra-values';
import { categoryForAccount, isMatchableTax, retentionFor, taxFor, type SyncedCategory, type SyncedRate, type WithholdingKind } from './mapping';

/** A bill the agent cannot send as it is; `reason` says what to do, in Spanish. Not retried until something changes. */
export class PushRefusal extends Error {
  override readonly name = 'PushRefusal';

  constructor(
    readonly code: 'NOT_SUPPORTED' | 'ACCOUNT_NOT_IN_ALEGRA' | 'TAX_NOT_IN_ALEGRA' | 'RETENTION_NOT_IN_ALEGRA' | 'NOTHING_TO_SEND' | 'TOTALS_DIFFER',
    message: string,
    /** For `TOTALS_DIFFER`: the figures compared, kept with the bill. */
    readonly figures?: FiguresCheck,
  ) {
    super(message);
  }
}

export interface BillForPush {
  bill: Pick<BillRow, 'kind' | 'number' | 'cufe' | 'issueDate' | 'dueDate' | 'currency' | 'exchangeRate'>;
  supplier: { nit: string; name: string };
  /** The entry's lines: `amount` net, `capitalizedTaxes` (non-deductible taxes + document charges/discounts + rounding), `iva` deductible. */
  lines: (Pick<BillLineRow, 'position' | 'description' | 'quantity' | 'amount' | 'accountCode' | 'itemId' | 'thirdPartyIncome'> &
    Partial<Pick<BillLineRow, 'capitalizedTaxes' | 'iva' | 'itemName'>>)[];
  withholdings: { kind: string; concept: string | null; rate: string; amount: number }[];
  document: Pick<DianDocument, 'lines' | 'allowanceCharges'> & Partial<Pick<DianDocument, 'taxes' | 'totals'>>;
}

/** What Alegra has of the company's own setup, from the last sync. */
export interface AlegraCatalog {
  categories: readonly SyncedCategory[];
  taxes: readonly SyncedRate[];
  retentions: readonly SyncedRate[];
  /** Ids of the company's Alegra items (a line whose item is one of them goes as an item line). */
  itemIds: ReadonlySet<string>;
}

export interface AlegraBillLine {
  id: string;
  price: number;
  quantity: number;
  tax?: { id: string }[];
  observations?: string;
}

/**
 * `POST /bills` body. Field names from Alegra's bill object (alegra-cli `testdata/spec/schemas.json`, copied from
 * developer.alegra.com) and from public clients; see the README table for which are documented and which assumed.
 */
export interface AlegraBillPayload {
  date: string;
  dueDate: string;
  provider: { id: string };
  numberTemplate: { number: string };
  observations: string;
  purchases: { items?: AlegraBillLine[]; categories?: AlegraBillLine[] };
  retentions?: { id: string; amount: number }[];
}

/** «Longitud máxima permitida: 500» (developer.alegra.com, observations of sales invoices; bills share the field). */
export const MAX_OBSERVATIONS = 500;
const MAX_LINE_TEXT = 250;

/**
 * The mark the agent writes into every record it creates, so it can recognise it in Alegra after a lost answer. A
 * short digest of the push's idempotency key: opaque, stable, and no internal id of the books.
 */
export function agentReference(idempotencyKey: string): string {
  return `Agente de Gastos AG-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 12).toUpperCase()}`;
}

/** Earlier formats of the mark, still recognised (bills pushed before issue #14). */
export function agentReferences(idempotencyKey: string): string[] {
  return [agentReference(idempotencyKey), `Agente de Gastos ref. ${idempotencyKey}`];
}

/**
 * `POST /debit-notes` body: how Alegra records a supplier's credit note («Si tu proveedor te entrega una nota de
 * crédito, puedes registrarla como una nota débito en Alegra», developer.alegra.com/docs/debit-notes). Required:
 * `client: {id}` (the supplier), `date`, at least one line under `purchases.items`/`purchases.categories`;
 * optional `bills: [{id, amount}]` — the credit applied to the supplier's bill — and `retentions`
 * (developer.alegra.com/reference/debit-notes-create_debit_note). Numbered by Alegra: the supplier's number goes in
 * the observations.
 */
export interface AlegraDebitNotePayload {
  date: string;
  client: { id: string };
  observations: string;
  purchases: { items?: AlegraBillLine[]; categories?: AlegraBillLine[] };
  bills?: { id: string; amount: number }[];
  retentions?: { id: string; amount: number }[];
}

export interface BuiltBill {
  payload: AlegraBillPayload | AlegraDebitNotePayload;
  notes: string[];
  /** Alegra's figures (worst rounding reading) next to the entry's: within $1 on every figure, or this is thrown. */
  figures: FiguresCheck;
}

/**
 * Builds the Alegra bill for one registered bill so that what Alegra computes equals the entry in the books:
 *
 * - each purchase line at its net amount (`LineExtensionAmount` in pesos), as an item (when the line's item is one
 *   of the company's Alegra items) or as an account (`purchases.categories`), with the account's IVA — and INC when
 *   the account has it — by type and percentage: Alegra computes IVA on exactly the base the supplier did;
 * - every other tax of the line (bolsas, IBUA, ICUI, ICL, combustibles, INC when Alegra has no INC of that rate…) as
 *   its own line on the same account, without tax: in the books it is cost of that account, and no IVA is computed
 *   on it (folding it into the taxed line's price would make Alegra charge IVA on a tax);
 * - a line worth nothing (a free sample) sends no line, but its per-unit taxes still go;
 * - what the entry adds to the cost beyond that — document charges (propina, fletes), document discounts, the
 *   entry's rounding — as one line without tax, negative for a net discount, on the account of the largest line:
 *   a discount spread over the lines' prices would lower Alegra's IVA below the document's;
 * - withholdings as the account's retentions by kind and percentage, with the entry's amounts.
 *
 * Then the figures Alegra will compute from this body (subtotal, each tax, total) are compared with the entry's;
 * more than one peso apart on any of them and the bill is not sent.
 *
 * Amounts are the books' COP centavos (a foreign-currency bill goes in pesos at the document's rate).
 *
 * @throws PushRefusal when something has no counterpart in the company's Alegra, or the figures would differ
 */
export function buildBillPayload(input: BillForPush, providerId: string, idempotencyKey: string, catalog: AlegraCatalog, originalRemoteId?: string): BuiltBill {
  const { bill, document } = input;
  if (bill.kind === 'debit-note') {
    // Alegra's «notas débito» are the buyer's document (returns to a supplier); for a supplier's debit note no public
    // source says what to create. It stays in the agent's books only.
    throw new PushRefusal(
      'NOT_SUPPORTED',
      'Las notas débito de proveedor no se envían a Alegra: ningún documento público de Alegra dice cómo registrarlas por la API. Regístrala en Alegra a mano (por ejemplo, como factura de proveedor por el mayor valor); en el agente quedó registrada.',
    );
  }
  if (bill.kind !== 'invoice' && bill.kind !== 'credit-note') throw new PushRefusal('NOT_SUPPORTED', `Los documentos de tipo ${bill.kind} no se envían a Alegra.`);
  const rate = bill.exchangeRate ?? '1';
  const cop = (amount: string) => toCentavos(amount, rate);
  const notes: string[] = [];
  const own = input.lines.filter((l) => {
    if (l.thirdPartyIncome === 1) {
      notes.push(`La línea ${l.position} es un ingreso recibido para terceros: no se envió como compra.`);
      return false;
    }
    return true;
  });

  const items: AlegraBillLine[] = [];
  const categories: AlegraBillLine[] = [];
  const expectedTaxes: Record<string, number> = {};
  const percentages = new Map<string, string>();
  const taxNames = new Map<string, string>();
  let sent = 0;
  let largest: { categoryId: string; amount: number } | undefined;
  const taxed: TaxedLine[] = [];
  const ivaIds = new Set<string>();

  own.forEach((line) => {
    const source = document.lines.find((d) => d.position === line.position);
    const observations = short(line.description, MAX_LINE_TEXT);
    const asItem = line.itemId ? catalog.itemIds.has(line.itemId) : false;
    if (line.itemId && !asItem) notes.push(`El ítem «${short(line.itemName ?? line.description, 60)}» de la línea ${line.position} no está en Alegra: la línea se envió a su cuenta ${line.accountCode}.`);
    const account = categoryForAccount(catalog.categories, line.accountCode);
    const needAccount = () => {
      if (!account.ok) throw new PushRefusal('ACCOUNT_NOT_IN_ALEGRA', `Línea ${line.position} («${short(line.description, 60)}»): ${account.reason}`);
      return account.value.remoteId;
    };
    if (account.ok && account.note && !asItem) notes.push(account.note);

    const { alegraTaxes, asLines } = splitTaxes(source, catalog.taxes, line.position);
    for (const tax of alegraTaxes) {
      percentages.set(tax.id, tax.percentage);
      taxNames.set(tax.id, tax.name);
      if (tax.code === '01') ivaIds.add(tax.id);
    }
    const taxRefs = [...new Set(alegraTaxes.map((t) => t.id))].map((id) => ({ id }));
    if (line.amount > 0) {
      const entry: AlegraBillLine = { id: asItem ? line.itemId! : needAccount(), ...priceAndQuantity(line.amount, line.quantity, asItem), ...(taxRefs.length ? { tax: taxRefs } : {}), observations };
      (asItem ? items : categories).push(entry);
      if (taxRefs.length === 1 && account.ok) taxed.push({ entry, amount: line.amount, quantity: line.quantity, asItem, accountId: account.value.remoteId, taxId: taxRefs[0]!.id });
      sent += line.amount;
      for (const tax of alegraTaxes) expectedTaxes[tax.id] = (expectedTaxes[tax.id] ?? 0) + cop(tax.amount);
    } else if (alegraTaxes.some((t) => cop(t.amount) !== 0)) {
      // IVA on a free line (on its reference price) has no base Alegra could compute it on: the check below stops it.
      for (const tax of alegraTaxes) expectedTaxes[tax.id] = (expectedTaxes[tax.id] ?? 0) + cop(tax.amount);
    } else {
      notes.push(`La línea ${line.position} («${short(line.description, 60)}») no tiene valor (muestra o regalo): no se envió${asLines.length ? ', pero sí sus impuestos' : ''}.`);
    }
    for (const tax of asLines) {
      const amount = cop(tax.amount);
      if (amount === 0) continue;
      categories.push({ id: needAccount(), price: pesosNumber(amount), quantity: 1, observations: short(`${taxLabel(tax)} de la línea ${line.position} (${line.description})`, MAX_LINE_TEXT) });
      sent += amount;
    }
    if (account.ok && (!largest || line.amount > largest.amount)) largest = { categoryId: account.value.remoteId, amount: line.amount };
  });
  // The entry's IVA is the document's IVA total (TaxTotal), not the sum of its lines': with one IVA rate, that is what
  // Alegra must show. (A document whose total disagrees with its lines is then stopped by the check.)
  const documentIva = document.taxes?.filter((t) => t.code === '01').reduce((a, t) => a + cop(t.amount), 0);
  if (documentIva !== undefined && ivaIds.size === 1) {
    const thirdPartyIva = input.lines
      .filter((l) => l.thirdPartyIncome === 1)
      .flatMap((l) => document.lines.find((d) => d.position === l.position)?.taxes ?? [])
      .filter((t) => t.code === '01')
      .reduce((a, t) => a + cop(t.amount), 0);
    const [id] = [...ivaIds];
    expectedTaxes[id!] = documentIva - thirdPartyIva;
  }
  if (bill.currency !== 'COP') adjustConvertedBases(taxed, expectedTaxes, percentages, rate, categories, notes);
  // The entry's own figures: its debits for these lines (cost, capitalised taxes, charges, rounding, deductible IVA).
  const hasEntryDetail = own.every((l) => l.capitalizedTaxes !== undefined && l.iva !== undefined);
  // Without the entry's detail (older callers) the document's totals stand in for it.
  const expectedTotal = hasEntryDetail
    ? own.reduce((a, l) => a + l.amount + (l.capitalizedTaxes ?? 0) + (l.iva ?? 0), 0)
    : sent + Object.values(expectedTaxes).reduce((a, b) => a + b, 0) + netCharges(document, cop);
  const taxTotal = Object.values(expectedTaxes).reduce((a, b) => a + b, 0);
  // Charges, discounts and the entry's rounding: whatever the entry debits beyond lines, taxes and tax lines.
  const adjustment = expectedTotal - taxTotal - sent;
  if (adjustment !== 0) {
    if (!largest) throw new PushRefusal('ACCOUNT_NOT_IN_ALEGRA', 'Los cargos y descuentos del documento no tienen una cuenta de Alegra a la cual llevarse.');
    categories.push({ id: largest.categoryId, price: pesosNumber(adjustment), quantity: 1, observations: adjustmentLabel(document, adjustment) });
  }

  const retentions = input.withholdings.map((w) => {
    const match = retentionFor(catalog.retentions, w.kind as WithholdingKind, w.rate, w.concept);
    if (!match.ok) throw new PushRefusal('RETENTION_NOT_IN_ALEGRA', match.reason);
    return { id: match.value.remoteId, amount: pesosNumber(w.amount) };
  });

  const prepaid = document.totals?.prepaid ? cop(document.totals.prepaid) : 0;
  if (prepaid > 0) notes.push(`El documento trae un anticipo de ${pesosText(prepaid)}: en Alegra la factura queda por el total; aplícale el anticipo allá.`);

  // Nothing at all to send (only third-party income, or only free lines without taxes): nothing for Alegra.
  if (items.length === 0 && categories.length === 0 && expectedTotal === 0) throw new PushRefusal('NOTHING_TO_SEND', 'La factura no tiene líneas de compra con valor para enviar a Alegra.');
  const expected: ExpectedFigures = { subtotal: expectedTotal - taxTotal, taxes: expectedTaxes, total: expectedTotal };
  const figures = checkFigures(expected, [...items, ...categories], percentages, taxNames);
  if (!figures.ok) {
    throw new PushRefusal(
      'TOTALS_DIFFER',
      `No se envió a Alegra: lo que Alegra calcularía no coincide con el asiento por más de $ 1 (${describeFigures(figures)}). Revisa los impuestos del documento o regístrala a mano.`,
      figures,
    );
  }

  const unique = [...new Set(notes)];
  if (bill.kind === 'credit-note') {
    const credited = expectedTotal - input.withholdings.reduce((a, w) => a + w.amount, 0);
    return {
      payload: {
        date: bill.issueDate,
        client: { id: providerId },
        observations: observationsFor(input, rate, unique, idempotencyKey),
        purchases: { ...(items.length ? { items } : {}), ...(categories.length ? { categories } : {}) },
        ...(originalRemoteId ? { bills: [{ id: originalRemoteId, amount: pesosNumber(credited) }] } : {}),
        ...(retentions.length ? { retentions } : {}),
      },
      notes: unique,
      figures,
    };
  }
  return {
    payload: {
      date: bill.issueDate,
      dueDate: bill.dueDate,
      provider: { id: providerId },
      numberTemplate: { number: bill.number },
      observations: observationsFor(input, rate, unique, idempotencyKey),
      purchases: { ...(items.length ? { items } : {}), ...(categories.length ? { categories } : {}) },
      ...(retentions.length ? { retentions } : {}),
    },
    notes: unique,
    figures,
  };
}

/**
 * The bill's observations, within Alegra's 500 characters: the CUFE and the supplier's number first (what a person
 * searches by), then the currency and the notes, cut if needed, and the agent's mark last (always whole).
 */
export function observationsFor(input: BillForPush, rate: string, notes: string[], idempotencyKey: string): string {
  const { bill, supplier } = input;
  const mark = ` ${agentReference(idempotencyKey)}.`;
  const currency = bill.currency !== 'COP' ? ` Moneda ${bill.currency}, tasa ${rate}; valores en pesos.` : '';
  const what = bill.kind === 'credit-note' ? 'Nota crédito' : 'Factura';
  const head = `${bill.kind === 'credit-note' ? 'CUDE' : 'CUFE'} ${bill.cufe}. ${what} ${bill.number} de ${short(supplier.name, 80)}, NIT ${supplier.nit}.`;
  const middle = [currency, ...notes.map((n) => ` ${n}`)].join('');
  const room = MAX_OBSERVATIONS - head.length - mark.length;
  const body = middle.length <= room ? middle : `${middle.slice(0, Math.max(room - 1, 0))}…`;
  return `${head}${room > 0 ? body : ''}${mark}`.slice(0, MAX_OBSERVATIONS);
}

interface TaxedLine {
  entry: AlegraBillLine;
  amount: number;
  quantity: string;
  asItem: boolean;
  accountId: string;
  taxId: string;
}

/**
 * A foreign-currency document's taxes were rounded in its own currency, line by line, then converted: the IVA in
 * pesos is not exactly 19 % of the base in pesos (a cent of a dollar is ~40 pesos). Alegra only computes a tax as a
 * percentage of a base, so the base of the largest taxed line is moved by the few pesos that make Alegra's tax the
 * document's, and the same pesos go back as an untaxed line on the same account: subtotal, tax and total stay the
 * entry's. Only for differences the conversion can explain (one cent of the document's currency per line); anything
 * larger is left for the check to stop.
 */
function adjustConvertedBases(taxed: TaxedLine[], expected: Record<string, number>, percentages: Map<string, string>, rate: string, categories: AlegraBillLine[], notes: string[]): void {
  const cent = toCentavos('0.01', rate);
  for (const [taxId, wanted] of Object.entries(expected)) {
    const lines = taxed.filter((t) => t.taxId === taxId);
    const percentage = percentages.get(taxId);
    if (lines.length === 0 || !percentage || new Dec(percentage).isZero()) continue;
    const computed = lines.reduce((a, l) => a.plus(new Dec(l.amount).times(percentage).dividedBy(100)), new Dec(0));
    const difference = new Dec(wanted).minus(computed);
    if (difference.abs().lessThan(1) || difference.abs().greaterThan(cent * lines.length)) continue;
    const shift = difference.times(100).dividedBy(percentage).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
    if (shift === 0) continue;
    const target = lines.reduce((best, l) => (l.amount > best.amount ? l : best));
    Object.assign(target.entry, priceAndQuantity(target.amount + shift, target.asItem ? target.quantity : '1', target.asItem));
    categories.push({ id: target.accountId, price: pesosNumber(-shift), quantity: 1, observations: 'Ajuste de la base del impuesto por la conversión de moneda' });
    notes.push(`La base del impuesto de la línea «${target.entry.observations ?? ''}» se ajustó en ${pesosText(shift)} para que Alegra calcule el impuesto del documento (redondeado en su moneda); el valor total no cambia.`);
  }
}

interface AlegraLineTax {
  id: string;
  /** DIAN code (`01` IVA, `04` INC). */
  code: string;
  name: string;
  percentage: string;
  amount: string;
}

/**
 * The line's taxes Alegra computes itself (IVA; INC when the account has one of that rate) and the ones that go as
 * lines of their own. IVA without its Alegra tax is a refusal: it must stay IVA in Alegra.
 */
function splitTaxes(line: DocumentLine | undefined, taxes: readonly SyncedRate[], position: number): { alegraTaxes: AlegraLineTax[]; asLines: TaxEntry[] } {
  const alegraTaxes: AlegraLineTax[] = [];
  const asLines: TaxEntry[] = [];
  for (const tax of line?.taxes ?? []) {
    const percentage = tax.rate !== undefined && !tax.perUnit && !tax.perMille ? tax.rate : undefined;
    if (isMatchableTax(tax.code) && percentage !== undefined) {
      if (new Dec(percentage).isZero()) continue;
      const match = taxFor(taxes, tax.code, percentage);
      if (match.ok) {
        alegraTaxes.push({ id: match.value.remoteId, code: tax.code, name: match.value.name, percentage: match.value.percentage ?? percentage, amount: tax.amount });
        continue;
      }
      if (tax.code === '01') throw new PushRefusal('TAX_NOT_IN_ALEGRA', `Línea ${position}: ${match.reason}`);
    }
    asLines.push(tax);
  }
  return { alegraTaxes, asLines };
}

const TAX_NAMES: Record<string, string> = { '02': 'IC', '04': 'INC', '22': 'Impuesto a las bolsas', '32': 'ICL', '33': 'INPP', '34': 'IBUA', '35': 'ICUI', '36': 'ADV' };

function taxLabel(tax: TaxEntry): string {
  return tax.name?.trim() || TAX_NAMES[tax.code] || `Impuesto ${tax.code}`;
}

function netCharges(document: BillForPush['document'], cop: (a: string) => number): number {
  return document.allowanceCharges.reduce((a, c) => a + (c.isCharge ? cop(c.amount) : -cop(c.amount)), 0);
}

function adjustmentLabel(document: BillForPush['document'], adjustment: number): string {
  const charges = document.allowanceCharges.some((c) => c.isCharge);
  const discounts = document.allowanceCharges.some((c) => !c.isCharge);
  if (charges && discounts) return 'Cargos y descuentos del documento (no cambian el IVA)';
  if (charges) return 'Cargos del documento (propina, fletes u otros)';
  if (discounts) return 'Descuento del documento (no cambia el IVA)';
  return adjustment > 0 ? 'Ajuste al peso del asiento' : 'Ajuste al peso del asiento (menor valor)';
}

function pesosText(centavos: number): string {
  return `$ ${new Dec(centavos).dividedBy(100).toFixed(2)}`;
}

/**
 * Quantity and unit price whose product is the line's amount: the document's quantity when the unit price comes out
 * in whole centavos; otherwise quantity 1 at the line's amount for account lines (exact total), and the document's
 * quantity with a 6-decimal price for item lines (inventory needs the real quantity).
 */
function priceAndQuantity(centavos: number, quantity: string, item: boolean): { price: number; quantity: number } {
  const q = safeDecimal(quantity);
  if (q && q.greaterThan(0)) {
    const unit = new Dec(centavos).dividedBy(100).dividedBy(q);
    if (unit.decimalPlaces() <= 2) return { price: Number(unit.toFixed(2)), quantity: Number(q.toString()) };
    if (item) return { price: Number(unit.toDecimalPlaces(6).toString()), quantity: Number(q.toString()) };
  }
  return { price: pesosNumber(centavos), quantity: 1 };
}

function safeDecimal(text: string): Dec | undefined {
  try {
    return new Dec(text);
  } catch {
    return undefined;
  }
}

function short(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
