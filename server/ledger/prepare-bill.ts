import type { Classification } from '#shared/classification';
import type { CompanyProfile } from '#shared/company';
import type { DianDocument, DocumentLine } from '#shared/dian-document';
import type { Centavos } from '#shared/money';
import { formatPesos } from '#shared/money';
import { balanceEntryOrThrow, type BalancedEntry, type EntryLine } from './balance-entry';
import type { Chart } from './chart';
import { computeWithholdings, type WithholdingLine } from './compute-withholdings';
import { allocate, shareInPesos, toCentavos } from './money';
import { RegistrationRefusal } from './registration-refusal';
import { isAiuComponent, readAiu } from './aiu';
import { CONCEPT_NAMES, conceptForLine, isGoodsConcept, isWithholdingConcept, NO_WITHHOLDING, type WithholdingConcept } from './withholding-concepts';
import { loadWithholdingRules, retefuenteRuleFor, type WithholdingRules } from './withholding-rules';

export interface SupplierFacts {
  nit: string;
  name: string;
  responsibilities: string[];
  personType?: 'juridica' | 'natural';
  declarante?: boolean | null;
  countryCode?: string;
  /** CIIU codes the document gives for the supplier. */
  ciiu?: string[];
  /** Base of the purchases already registered from this supplier in the document's year, in centavos. */
  paidThisYear?: Centavos;
}

/** What a credit or debit note needs from the bill it adjusts. */
export interface ReferencedBill {
  id: string;
  number: string;
  subtotal: Centavos;
  withholdings: { account: string; amount: Centavos; kind: WithholdingLine['kind'] }[];
  /** What earlier credit notes left of the base and of each withholding: a new credit note reverses at most that. */
  remaining: { subtotal: Centavos; withholdings: ReferencedBill['withholdings'] };
  supplierAccount: string;
}

export interface PrepareBillInput {
  document: DianDocument;
  company: CompanyProfile;
  supplier: SupplierFacts;
  /** One classification per document line, same order. */
  classifications: Classification[];
  chart: Chart;
  referencedBill?: ReferencedBill;
  /** The rules table with the UVT values entered in the database (default: the shipped file only). */
  rules?: WithholdingRules;
  /** A person's withholding concept per document line (same order), or `ninguno` for no retención. */
  conceptOverrides?: (string | undefined)[];
}

export interface PreparedLine {
  line: DocumentLine;
  classification: Classification;
  /** Net amount of the line in COP centavos (LineExtensionAmount converted). */
  amount: Centavos;
  /** Non-deductible taxes and document charges/discounts added to the line's cost. */
  capitalizedTaxes: Centavos;
  charges: Centavos;
  /** IVA that goes to 240810. */
  deductibleIva: Centavos;
  /** All the IVA charged on the line, deductible or not (the base of ReteIVA). */
  ivaCharged: Centavos;
  /** Third-party income: not our cost. */
  thirdParty: boolean;
  /** Retención concept of the line (undefined: not subject), why, and who chose it. */
  concept?: WithholdingConcept;
  conceptExplanation: string;
  conceptSource: 'agent' | 'user';
  /** Part of `charges` that is not part of the price (propina): in the cost, in no withholding base. */
  tip: Centavos;
  /** IVA of a fixed asset or licence taken to 135530 as an income-tax discount (ET art. 258-1). */
  assetIvaDiscount: Centavos;
}

export interface PreparedBill {
  lines: PreparedLine[];
  subtotal: Centavos;
  taxes: Centavos;
  withholdings: WithholdingLine[];
  total: Centavos;
  payable: Centavos;
  exchangeRate?: string;
  supplierAccount: string;
  entry: BalancedEntry;
  /** Things a person should check: the bill is registered but flagged "por verificar". */
  reviewNotes: string[];
  /** Facts worth keeping with the bill that need no review (why no retención was practised…). */
  infoNotes: string[];
}

const IVA = '01';

/**
 * Turns a read document into the purchase bill and its balanced journal entry (accounting-co.md §2):
 * each line to its account, IVA descontable to 2408, non-deductible taxes (INC, bolsas, IBUA…) into the line's
 * cost, the buyer's withholdings, anticipos against 1330, and the rest to proveedores (2205) or costos y gastos
 * por pagar (2335). Credit notes produce the mirror entry. Pure: no I/O.
 *
 * @throws RegistrationRefusal when the document cannot be booked honestly (no exchange rate, totals that do not
 *   reconcile…), with a Spanish reason for the inbox.
 */
export function prepareBill(input: PrepareBillInput): PreparedBill {
  const { document, company, chart } = input;
  const reviewNotes: string[] = [];
  const infoNotes: string[] = [];
  const rate = exchangeRateFor(document);
  const cop = (amount: string) => toCentavos(amount, rate);

  const lines: PreparedLine[] = document.lines.map((line, i) => ({
    line,
    classification: input.classifications[i]!,
    amount: cop(line.lineTotal),
    capitalizedTaxes: 0,
    charges: 0,
    deductibleIva: 0,
    ivaCharged: 0,
    thirdParty: line.thirdPartyIncome,
    conceptExplanation: '',
    conceptSource: 'agent' as const,
    tip: 0,
    assetIvaDiscount: 0,
  }));
  const own = lines.filter((l) => !l.thirdParty);
  if (own.length === 0) throw new RegistrationRefusal('TOTALS_DO_NOT_RECONCILE', 'El documento solo trae ingresos recibidos para terceros; no hay compra propia que registrar.');
  const thirdPartyLines = lines.filter((l) => l.thirdParty);
  const thirdPartyIncluded = thirdPartyLines.length > 0 && thirdPartyInPayable(document, lines, cop);

  // Taxes: each scheme's document total is spread over the lines by the line-level amounts of that scheme. When the
  // payable includes income collected for third parties, the taxes on those lines travel with them (they are the
  // third party's, neither our IVA descontable nor our cost); otherwise only our own lines carry the document's taxes.
  const taxed = thirdPartyIncluded ? lines : own;
  const taxTotals = new Map<string, Centavos>();
  for (const tax of document.taxes) taxTotals.set(tax.code, (taxTotals.get(tax.code) ?? 0) + cop(tax.amount));
  for (const [code, total] of taxTotals) {
    if (total === 0) continue;
    const weights = taxed.map((l) => l.line.taxes.filter((t) => t.code === code).reduce((a, t) => a + cop(t.amount), 0));
    const byLineTax = weights.some((w) => w > 0);
    const targets = byLineTax ? taxed : own;
    const parts = allocate(total, byLineTax ? weights : own.map((l) => l.amount));
    targets.forEach((l, i) => {
      const part = parts[i]!;
      if (l.thirdParty) {
        l.capitalizedTaxes += part;
        return;
      }
      if (code === IVA) l.ivaCharged += part;
      // IVA is descontable for a responsable de IVA, except on fixed assets and intangible licences (ET art. 491):
      // then it is cost, or an income-tax discount (ET art. 258-1) when the company's policy says so.
      const asset = isCapitalAsset(l.classification.accountCode);
      if (code === IVA && asset && company.fixedAssetIva === 'discount') l.assetIvaDiscount += part;
      else if (code === IVA && company.ivaResponsible && !asset) l.deductibleIva += part;
      else l.capitalizedTaxes += part;
    });
  }

  // Document-level discounts and charges (tips, freight…) are spread over the lines' cost. A tip (propina) is the
  // workers' income, not part of the price (Ley 1935 de 2018): it is in the cost but in no withholding base.
  const isTip = (c: { reason?: string }) => /propina/i.test(c.reason ?? '');
  const netCharges = document.allowanceCharges.filter((c) => !isTip(c)).reduce((a, c) => a + (c.isCharge ? cop(c.amount) : -cop(c.amount)), 0);
  if (netCharges !== 0) allocate(netCharges, own.map((l) => l.amount)).forEach((part, i) => (own[i]!.charges += part));
  const tips = document.allowanceCharges.filter((c) => c.isCharge && isTip(c)).reduce((a, c) => a + cop(c.amount), 0);
  if (tips !== 0) {
    allocate(tips, own.map((l) => l.amount)).forEach((part, i) => {
      own[i]!.charges += part;
      own[i]!.tip += part;
    });
    infoNotes.push(`La propina de ${formatPesos(tips)} va al gasto y no hace parte de la base de retención (no es ingreso del proveedor, Ley 1935 de 2018).`);
  }

  const ownBase = own.reduce((a, l) => a + l.amount + l.charges, 0);
  for (const l of thirdPartyLines) {
    reviewNotes.push(
      thirdPartyIncluded
        ? `La línea ${l.line.position} («${l.line.description}») es un ingreso recibido para terceros: se llevó a ${thirdPartyAccount(chart)} y no al costo.`
        : `La línea ${l.line.position} («${l.line.description}») es un ingreso recibido para terceros: no se registra como costo.`,
    );
  }

  const isCredit = document.kind === 'credit-note';
  for (const l of own) {
    const override = input.conceptOverrides?.[lines.indexOf(l)];
    if (override === NO_WITHHOLDING || (override && isWithholdingConcept(override))) {
      l.concept = override === NO_WITHHOLDING ? undefined : (override as WithholdingConcept);
      l.conceptSource = 'user';
      l.conceptExplanation = override === NO_WITHHOLDING ? 'Sin retención, por decisión de una persona.' : `${CONCEPT_NAMES[l.concept!]}, por decisión de una persona.`;
      continue;
    }
    const choice = conceptForLine({
      description: l.line.description,
      ...(l.line.standardCode?.scheme === 'UNSPSC' ? { unspsc: l.line.standardCode.id } : {}),
      supplierCiiu: input.supplier.ciiu ?? [],
      accountCode: l.classification.accountCode,
    });
    l.concept = choice.concept;
    l.conceptExplanation = choice.explanation;
  }
  // The A, I and U lines of an AIU service are part of that service, whatever account they landed on.
  const rulesInForce = input.rules ?? loadWithholdingRules();
  const aiuService = own.find((l) => l.concept && retefuenteRuleFor(rulesInForce, l.concept, document.issueDate)?.aiu);
  if (aiuService) {
    for (const l of own) {
      if (l === aiuService || l.conceptSource === 'user' || l.concept === aiuService.concept || !isAiuComponent(l.line.description)) continue;
      l.concept = aiuService.concept;
      l.conceptExplanation = `«${l.line.description}» es parte del AIU de ${CONCEPT_NAMES[aiuService.concept!]}.`;
    }
  }
  const concepts = own.map((l) => l.concept);
  // The rules table names the PUC subcuentas (236540, 236701…); a company chart may use its own auxiliaries below them.
  const withholdings = (
    isCredit || document.kind === 'debit-note'
      ? proportionalWithholdings(input.referencedBill, ownBase, isCredit)
      : withholdingsForInvoice(input, own, concepts, reviewNotes, infoNotes)
  ).map((w) => ({ ...w, account: chart.firstPostable(w.account, w.account.slice(0, 4)) ?? w.account }));
  const withheld = withholdings.reduce((a, w) => a + w.amount, 0);

  const supplierAccount = input.referencedBill?.supplierAccount ?? supplierAccountFor(chart, own, concepts, input.supplier);
  const total = cop(document.totals.payable);
  let prepaid = cop(document.totals.prepaid);

  const debits: EntryLine[] = own.map((l) => ({
    accountCode: l.classification.accountCode,
    description: l.line.description,
    debit: l.amount + l.capitalizedTaxes + l.charges,
    credit: 0,
  }));
  if (thirdPartyIncluded) {
    // A person who chose an account for the line (a correction) is followed; otherwise it waits in 138095.
    for (const l of thirdPartyLines) {
      const account = l.classification.source === 'user' ? l.classification.accountCode : thirdPartyAccount(chart);
      debits.push({ accountCode: account, description: `Ingreso para terceros: ${l.line.description}`, debit: l.amount + l.capitalizedTaxes, credit: 0 });
    }
  }
  const deductibleIva = own.reduce((a, l) => a + l.deductibleIva, 0);
  if (deductibleIva) debits.push({ accountCode: chart.firstPostable('240810', '2408') ?? '240810', description: 'IVA descontable', debit: deductibleIva, credit: 0 });
  const assetIva = own.reduce((a, l) => a + l.assetIvaDiscount, 0);
  if (assetIva) {
    const account = (input.rules ?? loadWithholdingRules()).fixedAssetIvaDiscount.account;
    debits.push({ accountCode: chart.firstPostable(account, '1355') ?? account, description: 'IVA de activos fijos, descuento en renta (ET art. 258-1)', debit: assetIva, credit: 0 });
  }

  // Reconcile what we debit with what the document says we owe (plus advances already paid).
  const debitTotal = debits.reduce((a, l) => a + l.debit, 0);
  let difference = debitTotal - (total + prepaid);
  if (difference !== 0 && prepaid > 0 && difference === -prepaid) {
    reviewNotes.push(`El total a pagar no descuenta el anticipo de ${formatPesos(prepaid)}: se registra el total del documento y el anticipo no se aplica.`);
    prepaid = 0;
    difference = 0;
  }
  const roundingTolerance = 100 + (rate === '1' ? 0 : lines.length + document.taxes.length + 2);
  if (difference !== 0) {
    if (Math.abs(difference) > roundingTolerance) {
      throw new RegistrationRefusal(
        'TOTALS_DO_NOT_RECONCILE',
        `Los valores del documento no cuadran: líneas, cargos e impuestos suman ${formatPesos(debitTotal)} y el total a pagar más anticipos es ${formatPesos(total + prepaid)} (diferencia ${formatPesos(difference)}).`,
      );
    }
    const largest = debits.slice(0, own.length).reduce((best, l, i) => (l.debit > debits[best]!.debit ? i : best), 0);
    debits[largest]!.debit -= difference;
    own[largest]!.charges -= difference;
    infoNotes.push(`Ajuste de redondeo de ${formatPesos(-difference)} en la línea «${own[largest]!.line.description}».`);
  }

  const credits: EntryLine[] = [
    ...withholdings.map((w) => ({ accountCode: w.account, description: w.description, debit: 0, credit: w.amount })),
    ...(prepaid ? [{ accountCode: chart.firstPostable('133005', '1330') ?? '133005', description: 'Anticipo aplicado', debit: 0, credit: prepaid }] : []),
    { accountCode: supplierAccount, description: `${input.supplier.name} ${document.number}`, debit: 0, credit: total - withheld, thirdPartyNit: input.supplier.nit },
  ];
  const entryLines = [...debits, ...credits].map((l) => (isCredit ? { ...l, debit: l.credit, credit: l.debit } : l));
  // Postable accounts only: never book to a cuenta mayor or to a code the company's chart does not have.
  const unpostable = [...new Set(entryLines.filter((l) => l.debit !== l.credit && !chart.isPostable(l.accountCode)).map((l) => l.accountCode))];
  if (unpostable.length > 0) {
    throw new RegistrationRefusal(
      'REGISTRATION_FAILED',
      `El plan de cuentas de la empresa no tiene, o no acepta movimientos en, ${unpostable.length === 1 ? 'la cuenta' : 'las cuentas'} ${unpostable.join(', ')}: agrégala${unpostable.length === 1 ? '' : 's'} al plan de cuentas y registra el documento a mano.`,
    );
  }

  return {
    lines,
    // After any rounding adjustment, so the stored subtotal is what the entry debits.
    subtotal: own.reduce((a, l) => a + l.amount + l.charges, 0),
    taxes: [...taxTotals.values()].reduce((a, b) => a + b, 0),
    withholdings,
    total,
    payable: total - withheld,
    ...(rate === '1' ? {} : { exchangeRate: rate }),
    supplierAccount,
    entry: balanceEntryOrThrow(entryLines),
    reviewNotes,
    infoNotes,
  };
}

/**
 * COP per unit of the document's currency. Documents in pesos ignore any declared rate (DIAN's own samples declare
 * COP→USD on COP invoices); foreign-currency documents need `PaymentExchangeRate`.
 */
function exchangeRateFor(document: DianDocument): string {
  if (document.currency === 'COP') return '1';
  const rate = document.exchangeRate?.rate;
  if (!rate || rate === '0') {
    throw new RegistrationRefusal('EXCHANGE_RATE_MISSING', `El documento está en ${document.currency} y no trae la tasa de cambio a pesos; no se puede registrar.`);
  }
  return rate;
}

function withholdingsForInvoice(
  input: PrepareBillInput,
  own: PreparedLine[],
  concepts: (WithholdingConcept | undefined)[],
  reviewNotes: string[],
  infoNotes: string[],
): WithholdingLine[] {
  const rules = input.rules ?? loadWithholdingRules();
  const rate = exchangeRateFor(input.document);
  const aiu = readAiu(
    input.document,
    own.map((l, i) => ({ description: l.line.description, amount: l.amount + l.charges - l.tip, aiu: concepts[i] !== undefined && retefuenteRuleFor(rules, concepts[i]!, input.document.issueDate)?.aiu === true })),
    (amount) => toCentavos(amount, rate),
  );
  if (aiu.explanation) infoNotes.push(aiu.explanation);
  const result = computeWithholdings(
    {
      date: input.document.issueDate,
      company: input.company,
      supplier: { ...input.supplier, ...(input.supplier.ciiu ? {} : { ciiu: input.document.supplier.ciiu }) },
      bases: own.map((l, i) => ({
        concept: concepts[i],
        amount: l.amount + l.charges - l.tip,
        ...(aiu.bases[i] !== undefined ? { aiuBase: aiu.bases[i] } : {}),
        label: `línea ${l.line.position} («${l.line.description}»)`,
      })),
      // ReteIVA is on all the IVA charged on our lines, also when it was capitalised (non-responsible buyer, fixed assets).
      iva: own.reduce((a, l) => a + l.ivaCharged, 0),
    },
    rules,
  );
  reviewNotes.push(...result.notes);
  infoNotes.push(...result.info);
  return result.lines;
}

/**
 * A note adjusts the bill it references: its withholdings move in proportion to the base it changes. A credit note
 * reverses a share of what earlier credit notes left, so several of them never reverse more than was withheld.
 */
function proportionalWithholdings(referenced: ReferencedBill | undefined, base: Centavos, isCredit: boolean): WithholdingLine[] {
  if (!referenced) return [];
  const { subtotal, withholdings } = isCredit ? referenced.remaining : referenced;
  if (subtotal <= 0) return [];
  const share = isCredit ? Math.min(base, subtotal) : base;
  return withholdings
    .map((w) => ({
      kind: w.kind,
      account: w.account,
      base,
      rate: '',
      amount: shareInPesos(w.amount, share, subtotal),
      description: `${isCredit ? 'Reversión' : 'Ajuste'} proporcional de retención (factura ${referenced.number})`,
    }))
    .filter((w) => w.amount > 0);
}

/** Goods are owed to proveedores (2205, 2210 abroad); services to costos y gastos por pagar (2335) by concept. */
function supplierAccountFor(chart: Chart, own: PreparedLine[], concepts: (WithholdingConcept | undefined)[], supplier: SupplierFacts): string {
  const byConcept = new Map<string, Centavos>();
  own.forEach((l, i) => {
    const key = concepts[i] ?? (l.classification.accountCode.match(/^5[12]35(25|30|55)/) ? 'servicios_publicos' : 'otros');
    byConcept.set(key, (byConcept.get(key) ?? 0) + l.amount);
  });
  const dominant = [...byConcept.entries()].sort((a, b) => b[1] - a[1])[0]![0] as WithholdingConcept | 'servicios_publicos' | 'otros';
  const foreign = supplier.countryCode !== undefined && supplier.countryCode !== 'CO';
  if (isGoodsConcept(dominant as WithholdingConcept)) {
    return (foreign ? chart.firstPostable('221005', '2210') : chart.firstPostable('220505', '2205')) ?? '220505';
  }
  const candidates: Record<string, string> = { honorarios: '233525', arrendamiento_inmuebles: '233540', arrendamiento_muebles: '233540', servicios_publicos: '233550' };
  return chart.firstPostable(candidates[dominant] ?? '233595', '233595', '2335') ?? '233595';
}

/** Fixed assets (15xx) and intangible licences (1635): their IVA is never descontable (ET art. 491). */
function isCapitalAsset(accountCode: string): boolean {
  return accountCode.startsWith('15') || accountCode.startsWith('1635');
}

function thirdPartyAccount(chart: Chart): string {
  return chart.firstPostable('138095', '1380') ?? '138095';
}

/**
 * Whether the supplier's payable includes the third-party lines. DIAN's "ingresos terceros" sample leaves them out of
 * LineExtensionAmount; some vendors put them in. We follow the document.
 */
function thirdPartyInPayable(document: DianDocument, lines: PreparedLine[], cop: (a: string) => Centavos): boolean {
  const declared = cop(document.totals.lineExtension);
  const own = lines.filter((l) => !l.thirdParty).reduce((a, l) => a + l.amount, 0);
  const all = lines.reduce((a, l) => a + l.amount, 0);
  return Math.abs(all - declared) < Math.abs(own - declared);
}
