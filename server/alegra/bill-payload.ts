import type { DianDocument, DocumentLine } from '#shared/dian-document';
import type { BillLineRow, BillRow } from '../db/schema';
import { Dec } from '../dian/decimal';
import { allocate, toCentavos } from '../ledger/money';
import { pesosNumber } from './alegra-values';
import { categoryForAccount, isMatchableTax, retentionFor, taxFor, type SyncedCategory, type SyncedRate, type WithholdingKind } from './mapping';

/** A bill the agent cannot send as it is; `reason` says what to do, in Spanish. Not retried until something changes. */
export class PushRefusal extends Error {
  override readonly name = 'PushRefusal';

  constructor(
    readonly code: 'NOT_SUPPORTED' | 'ACCOUNT_NOT_IN_ALEGRA' | 'TAX_NOT_IN_ALEGRA' | 'RETENTION_NOT_IN_ALEGRA' | 'NOTHING_TO_SEND',
    message: string,
  ) {
    super(message);
  }
}

export interface BillForPush {
  bill: Pick<BillRow, 'kind' | 'number' | 'cufe' | 'issueDate' | 'dueDate' | 'currency' | 'exchangeRate'>;
  supplier: { nit: string; name: string };
  lines: Pick<BillLineRow, 'position' | 'description' | 'quantity' | 'amount' | 'accountCode' | 'itemId' | 'thirdPartyIncome'>[];
  withholdings: { kind: string; concept: string | null; rate: string; amount: number }[];
  document: Pick<DianDocument, 'lines' | 'allowanceCharges'>;
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

const MAX_OBSERVATIONS = 1000;
const MAX_LINE_TEXT = 250;

/** The reference written into every bill the agent creates, so it can be recognised in Alegra later. */
export function agentReference(idempotencyKey: string): string {
  return `Agente de Gastos ref. ${idempotencyKey}`;
}

/**
 * Builds the Alegra bill for one registered bill, with the company's own Alegra ids: each line as an item (when
 * the line's item is one of the company's Alegra items) or as an account (`purchases.categories`, the PUC code
 * matched to a movement account of the synced chart), percentage taxes by type and percentage, withholdings as
 * Alegra retentions by kind and percentage, the CUFE and the agent's reference in the observations.
 *
 * Amounts are the books' COP centavos. Taxes with no Alegra equivalent (bolsas, IBUA, ICL… per-unit taxes) are part
 * of the line's cost, as in the books. Document-level discounts lower the lines' prices proportionally; document-
 * level charges go as one more line, untaxed, to the account of the largest line.
 *
 * @throws PushRefusal when something has no counterpart in the company's Alegra (an account, a tax, a retention)
 */
export function buildBillPayload(input: BillForPush, providerId: string, idempotencyKey: string, catalog: AlegraCatalog): { payload: AlegraBillPayload; notes: string[] } {
  const { bill, document } = input;
  if (bill.kind !== 'invoice') {
    throw new PushRefusal('NOT_SUPPORTED', `Las ${bill.kind === 'credit-note' ? 'notas crédito' : 'notas débito'} de proveedor todavía no se envían a Alegra: regístrela en Alegra a mano (Gastos › Notas de débito).`);
  }
  const rate = bill.exchangeRate ?? '1';
  const notes: string[] = [];
  const own = input.lines.filter((l) => {
    if (l.thirdPartyIncome === 1) {
      notes.push(`La línea ${l.position} es un ingreso recibido para terceros: no se envió como compra.`);
      return false;
    }
    if (l.amount <= 0) {
      notes.push(`La línea ${l.position} («${short(l.description, 60)}») no tiene valor (muestra o regalo): no se envió.`);
      return false;
    }
    return true;
  });
  if (own.length === 0) throw new PushRefusal('NOTHING_TO_SEND', 'La factura no tiene líneas de compra con valor para enviar a Alegra.');

  // Document-level discounts lower the lines' taxable prices; charges (freight, tips…) go as their own line.
  const allowances = document.allowanceCharges.filter((c) => !c.isCharge).reduce((a, c) => a + toCentavos(c.amount, rate), 0);
  const charges = document.allowanceCharges.filter((c) => c.isCharge).reduce((a, c) => a + toCentavos(c.amount, rate), 0);
  const discounts = allowances > 0 ? allocate(-allowances, own.map((l) => l.amount)) : own.map(() => 0);

  const items: AlegraBillLine[] = [];
  const categories: AlegraBillLine[] = [];
  let largest: { categoryId: string; amount: number } | undefined;
  own.forEach((line, i) => {
    const source = document.lines.find((d) => d.position === line.position);
    const { taxIds, extraCost } = lineTaxes(source, rate, catalog.taxes, line.position, notes);
    const base = line.amount + extraCost + discounts[i]!;
    const observations = short(line.description, MAX_LINE_TEXT);
    const asItem = line.itemId ? catalog.itemIds.has(line.itemId) : false;
    if (line.itemId && !asItem) notes.push(`El ítem ${line.itemId} de la línea ${line.position} no está en Alegra: la línea se envió a su cuenta ${line.accountCode}.`);
    const account = categoryForAccount(catalog.categories, line.accountCode);
    if (asItem) {
      items.push({ id: line.itemId!, ...priceAndQuantity(base, line.quantity, true), ...(taxIds.length ? { tax: taxIds.map((id) => ({ id })) } : {}), observations });
    } else {
      if (!account.ok) throw new PushRefusal('ACCOUNT_NOT_IN_ALEGRA', `Línea ${line.position} («${short(line.description, 60)}»): ${account.reason}`);
      if (account.note) notes.push(account.note);
      categories.push({ id: account.value.remoteId, ...priceAndQuantity(base, line.quantity, false), ...(taxIds.length ? { tax: taxIds.map((id) => ({ id })) } : {}), observations });
    }
    if (account.ok && (!largest || line.amount > largest.amount)) largest = { categoryId: account.value.remoteId, amount: line.amount };
  });
  if (charges > 0) {
    if (!largest) throw new PushRefusal('ACCOUNT_NOT_IN_ALEGRA', 'Los cargos del documento no tienen una cuenta de Alegra a la cual llevarse.');
    categories.push({ id: largest.categoryId, price: pesosNumber(charges), quantity: 1, observations: 'Cargos del documento (fletes, propinas u otros)' });
  }

  const retentions = input.withholdings.map((w) => {
    const match = retentionFor(catalog.retentions, w.kind as WithholdingKind, w.rate, w.concept);
    if (!match.ok) throw new PushRefusal('RETENTION_NOT_IN_ALEGRA', match.reason);
    return { id: match.value.remoteId, amount: pesosNumber(w.amount) };
  });

  const currencyNote = bill.currency !== 'COP' ? ` Moneda original ${bill.currency}, tasa ${rate}; valores en pesos.` : '';
  const head = `${agentReference(idempotencyKey)}. Factura electrónica ${bill.number} de ${input.supplier.name} (NIT ${input.supplier.nit}). CUFE: ${bill.cufe}.${currencyNote}`;
  const observations = [head, ...notes].join(' ').slice(0, Math.max(MAX_OBSERVATIONS, head.length));

  return {
    payload: {
      date: bill.issueDate,
      dueDate: bill.dueDate,
      provider: { id: providerId },
      numberTemplate: { number: bill.number },
      observations,
      purchases: { ...(items.length ? { items } : {}), ...(categories.length ? { categories } : {}) },
      ...(retentions.length ? { retentions } : {}),
    },
    notes,
  };
}

/** The Alegra tax ids of one line (percentage IVA and INC), and the COP cost of taxes Alegra has no tax for. */
function lineTaxes(line: DocumentLine | undefined, rate: string, taxes: readonly SyncedRate[], position: number, notes: string[]): { taxIds: string[]; extraCost: number } {
  const taxIds: string[] = [];
  let extraCost = 0;
  for (const tax of line?.taxes ?? []) {
    const percentage = tax.rate !== undefined && !tax.perUnit && !tax.perMille ? tax.rate : undefined;
    if (isMatchableTax(tax.code) && percentage !== undefined) {
      if (new Dec(percentage).isZero()) continue;
      const match = taxFor(taxes, tax.code, percentage);
      if (!match.ok) throw new PushRefusal('TAX_NOT_IN_ALEGRA', `Línea ${position}: ${match.reason}`);
      if (!taxIds.includes(match.value.remoteId)) taxIds.push(match.value.remoteId);
    } else {
      const amount = toCentavos(tax.amount, rate);
      if (amount === 0) continue;
      extraCost += amount;
      notes.push(`El impuesto ${tax.name ?? tax.code} de la línea ${position} se sumó al valor de la línea (costo, como en los libros).`);
    }
  }
  return { taxIds, extraCost };
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
