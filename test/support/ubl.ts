import Decimal from 'decimal.js';
import { zipSync } from 'fflate';
import { computeDv } from '#shared/nit';
import { fakeCufe } from './fixtures';
import { containerFor, deliverable } from './signing';

/**
 * Writes realistic DIAN UBL 2.1 documents for tests that need amounts chosen by hand (withholding thresholds,
 * partial credit notes…). The structure follows DIAN's own samples (Anexo técnico 1.9): supplier and customer
 * with PartyTaxScheme/TaxLevelCode, lines with UNSPSC codes and their TaxTotal, document TaxTotal per tax and rate,
 * LegalMonetaryTotal (RequestedMonetaryTotal for debit notes). The agent reads these through the real DIAN reader.
 */

export interface PartySpec {
  nit: string;
  name: string;
  personType?: 'juridica' | 'natural';
  /** Responsabilidades fiscales, e.g. `['O-13']`, `['O-15']`, `['R-99-PN']`. */
  responsibilities?: string[];
  /** DIAN id type: `31` NIT (default), `13` cédula. */
  idType?: string;
  /** DV as written in the document (defaults to the correct one). */
  dv?: string;
  ciiu?: string[];
  address?: { municipalityCode: string; city: string; department: string; departmentCode: string; line: string; countryCode?: string };
  email?: string;
  tradeName?: string;
}

export interface TaxSpec {
  /** `01` IVA, `04` INC, `22` bolsas… */
  code: string;
  name: string;
  /** Percentage; for per-unit taxes leave undefined and give `perUnit`. */
  percent?: string;
  /** Per-unit tax amount (bolsas, IBUA…), multiplied by the line quantity. */
  perUnit?: string;
}

export interface LineSpec {
  description: string;
  quantity?: string;
  unitPrice: string;
  unitCode?: string;
  /** UNSPSC code (schemeID 001). */
  unspsc?: string;
  sellerCode?: string;
  /** IVA rate in percent (`'19'`), omitted = no IVA. */
  iva?: string;
  taxes?: TaxSpec[];
  /** Income received for third parties (line ID schemeID 1). */
  thirdParty?: boolean;
}

export interface DocumentSpec {
  kind?: 'invoice' | 'credit-note' | 'debit-note';
  number: string;
  /** CUFE/CUDE: 96 hex; defaults to one derived from the number and the supplier. */
  cufe?: string;
  issueDate: string;
  issueTime?: string;
  dueDate?: string;
  /** PaymentMeans `cbc:ID`: `2` crédito (default) or `1` contado. */
  paymentForm?: '1' | '2';
  environment?: 'production' | 'test';
  currency?: string;
  /** COP per unit of `currency` (PaymentExchangeRate/CalculationRate). */
  exchangeRate?: string;
  supplier: PartySpec;
  customer: PartySpec;
  lines: LineSpec[];
  /** Document-level allowances (descuentos) and charges (cargos). */
  allowanceCharges?: { charge: boolean; amount: string; reason?: string }[];
  prepaid?: string;
  /** The invoice a note adjusts. */
  billingReference?: { number: string; cufe?: string; issueDate?: string };
  discrepancy?: { code: string; description: string };
  /** Free-text notes of the document (`cbc:Note`): where suppliers often state the AIU. */
  notes?: string[];
}

const NS = {
  invoice: { root: 'Invoice', line: 'InvoiceLine', quantity: 'InvoicedQuantity', typeCode: 'InvoiceTypeCode', typeValue: '01', customization: '10', total: 'LegalMonetaryTotal' },
  'credit-note': { root: 'CreditNote', line: 'CreditNoteLine', quantity: 'CreditedQuantity', typeCode: 'CreditNoteTypeCode', typeValue: '91', customization: '20', total: 'LegalMonetaryTotal' },
  'debit-note': { root: 'DebitNote', line: 'DebitNoteLine', quantity: 'DebitedQuantity', typeCode: undefined, typeValue: undefined, customization: '30', total: 'RequestedMonetaryTotal' },
} as const;

const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

export interface BuiltLine {
  total: Decimal;
  taxes: { code: string; name: string; percent?: string; perUnit?: string; base: Decimal; amount: Decimal }[];
}

/** Line totals and taxes exactly as the builder writes them (for hand-computed expectations). */
export function computeLines(spec: DocumentSpec): BuiltLine[] {
  return spec.lines.map((line) => {
    const quantity = new Decimal(line.quantity ?? '1');
    const total = quantity.times(line.unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const taxes: BuiltLine['taxes'] = [];
    if (line.iva !== undefined) taxes.push({ code: '01', name: 'IVA', percent: line.iva, base: total, amount: total.times(line.iva).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) });
    for (const tax of line.taxes ?? []) {
      const amount = tax.perUnit !== undefined ? quantity.times(tax.perUnit) : total.times(tax.percent ?? '0').dividedBy(100);
      taxes.push({ code: tax.code, name: tax.name, ...(tax.percent ? { percent: tax.percent } : {}), ...(tax.perUnit ? { perUnit: tax.perUnit } : {}), base: total, amount: amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) });
    }
    return { total, taxes };
  });
}

/** The printed totals of a spec: subtotal, taxes, payable. */
export function computeTotals(spec: DocumentSpec) {
  const lines = computeLines(spec);
  const lineExtension = lines.reduce((a, l) => a.plus(l.total), new Decimal(0));
  const taxAmount = lines.reduce((a, l) => a.plus(l.taxes.reduce((b, t) => b.plus(t.amount), new Decimal(0))), new Decimal(0));
  const allowances = (spec.allowanceCharges ?? []).filter((a) => !a.charge).reduce((a, c) => a.plus(c.amount), new Decimal(0));
  const charges = (spec.allowanceCharges ?? []).filter((a) => a.charge).reduce((a, c) => a.plus(c.amount), new Decimal(0));
  const prepaid = new Decimal(spec.prepaid ?? '0');
  const inclusive = lineExtension.plus(taxAmount);
  return { lines, lineExtension, taxAmount, allowances, charges, prepaid, inclusive, payable: inclusive.minus(allowances).plus(charges).minus(prepaid) };
}

export function cufeFor(spec: Pick<DocumentSpec, 'number' | 'supplier' | 'cufe'>): string {
  return spec.cufe ?? fakeCufe(`${spec.supplier.nit}|${spec.number}`);
}

/**
 * An Invoice / CreditNote / DebitNote as a supplier delivers it: signed by the supplier (test PKI) inside an
 * AttachedDocument with DIAN's signed validation (02). {@link unsignedUbl} is the bare, unsigned text.
 */
export function buildUbl(spec: DocumentSpec): string {
  return deliverable(unsignedUbl(spec));
}

/** The bare document of {@link buildUbl}, unsigned (for tests about what is not signed, or to sign differently). */
export function unsignedUbl(spec: DocumentSpec): string {
  const kind = spec.kind ?? 'invoice';
  const n = NS[kind];
  const currency = spec.currency ?? 'COP';
  const totals = computeTotals(spec);
  const cur = `currencyID="${currency}"`;
  const env = spec.environment === 'test' ? '2' : '1';
  const cufe = cufeFor(spec);

  const taxGroups = new Map<string, { code: string; name: string; percent?: string; perUnit?: string; base: Decimal; amount: Decimal }>();
  for (const line of totals.lines) {
    for (const tax of line.taxes) {
      const key = `${tax.code}|${tax.percent ?? ''}|${tax.perUnit ?? ''}`;
      const group = taxGroups.get(key) ?? { ...tax, base: new Decimal(0), amount: new Decimal(0) };
      group.base = group.base.plus(tax.base);
      group.amount = group.amount.plus(tax.amount);
      taxGroups.set(key, group);
    }
  }
  const byCode = new Map<string, (typeof taxGroups extends Map<string, infer V> ? V : never)[]>();
  for (const group of taxGroups.values()) byCode.set(group.code, [...(byCode.get(group.code) ?? []), group]);
  const taxExclusive = [...taxGroups.values()].filter((g) => g.percent !== undefined).reduce((a, g) => a.plus(g.base), new Decimal(0));

  const taxTotal = (groups: { code: string; name: string; percent?: string; perUnit?: string; base: Decimal; amount: Decimal }[], quantity?: string) => `
  <cac:TaxTotal>
    <cbc:TaxAmount ${cur}>${money(groups.reduce((a, g) => a.plus(g.amount), new Decimal(0)))}</cbc:TaxAmount>${groups
      .map(
        (g) => `
    <cac:TaxSubtotal>${g.percent !== undefined ? `
      <cbc:TaxableAmount ${cur}>${money(g.base)}</cbc:TaxableAmount>` : ''}
      <cbc:TaxAmount ${cur}>${money(g.amount)}</cbc:TaxAmount>${g.perUnit !== undefined ? `
      <cbc:BaseUnitMeasure unitCode="94">${quantity ?? '1'}</cbc:BaseUnitMeasure>
      <cbc:PerUnitAmount ${cur}>${money(new Decimal(g.perUnit))}</cbc:PerUnitAmount>` : ''}
      <cac:TaxCategory>${g.percent !== undefined ? `
        <cbc:Percent>${new Decimal(g.percent).toFixed(2)}</cbc:Percent>` : ''}
        <cac:TaxScheme>
          <cbc:ID>${g.code}</cbc:ID>
          <cbc:Name>${g.name}</cbc:Name>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>`,
      )
      .join('')}
  </cac:TaxTotal>`;

  const lines = spec.lines
    .map((line, i) => {
      const built = totals.lines[i]!;
      const quantity = line.quantity ?? '1';
      return `
  <cac:${n.line}>
    <cbc:ID schemeID="${line.thirdParty ? '1' : '0'}">${i + 1}</cbc:ID>
    <cbc:${n.quantity} unitCode="${line.unitCode ?? '94'}">${quantity}</cbc:${n.quantity}>
    <cbc:LineExtensionAmount ${cur}>${money(built.total)}</cbc:LineExtensionAmount>
    <cbc:FreeOfChargeIndicator>false</cbc:FreeOfChargeIndicator>${built.taxes.length ? taxTotal(built.taxes, quantity) : ''}
    <cac:Item>
      <cbc:Description>${escapeXml(line.description)}</cbc:Description>${line.sellerCode ? `
      <cac:SellersItemIdentification>
        <cbc:ID>${line.sellerCode}</cbc:ID>
      </cac:SellersItemIdentification>` : ''}${line.unspsc ? `
      <cac:StandardItemIdentification>
        <cbc:ID schemeID="001" schemeName="UNSPSC" schemeAgencyID="10">${line.unspsc}</cbc:ID>
      </cac:StandardItemIdentification>` : ''}
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount ${cur}>${money(new Decimal(line.unitPrice))}</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="${line.unitCode ?? '94'}">1</cbc:BaseQuantity>
    </cac:Price>
  </cac:${n.line}>`;
    })
    .join('');

  const due = spec.dueDate ?? spec.issueDate;
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<${n.root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${n.root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sts="dian:gov:co:facturaelectronica:Structures-2-1">
  <ext:UBLExtensions>
    <ext:UBLExtension>
      <ext:ExtensionContent>
        <sts:DianExtensions>
          <sts:SoftwareProvider>
            <sts:ProviderID schemeAgencyID="195" schemeID="${computeDv(spec.supplier.nit) ?? ''}" schemeName="31">${spec.supplier.nit}</sts:ProviderID>
          </sts:SoftwareProvider>
        </sts:DianExtensions>
      </ext:ExtensionContent>
    </ext:UBLExtension>
  </ext:UBLExtensions>
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>${n.customization}</cbc:CustomizationID>
  <cbc:ProfileID>DIAN 2.1: Factura Electrónica de Venta</cbc:ProfileID>
  <cbc:ProfileExecutionID>${env}</cbc:ProfileExecutionID>
  <cbc:ID>${spec.number}</cbc:ID>
  <cbc:UUID schemeID="${env}" schemeName="${kind === 'invoice' ? 'CUFE-SHA384' : 'CUDE-SHA384'}">${cufe}</cbc:UUID>
  <cbc:IssueDate>${spec.issueDate}</cbc:IssueDate>
  <cbc:IssueTime>${spec.issueTime ?? '10:00:00-05:00'}</cbc:IssueTime>${kind === 'invoice' ? `
  <cbc:DueDate>${due}</cbc:DueDate>` : ''}${n.typeCode ? `
  <cbc:${n.typeCode}>${n.typeValue}</cbc:${n.typeCode}>` : ''}${(spec.notes ?? []).map((note) => `
  <cbc:Note>${escapeXml(note)}</cbc:Note>`).join('')}
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cbc:LineCountNumeric>${spec.lines.length}</cbc:LineCountNumeric>${spec.discrepancy ? `
  <cac:DiscrepancyResponse>
    <cbc:ReferenceID>${spec.billingReference?.number ?? ''}</cbc:ReferenceID>
    <cbc:ResponseCode>${spec.discrepancy.code}</cbc:ResponseCode>
    <cbc:Description>${escapeXml(spec.discrepancy.description)}</cbc:Description>
  </cac:DiscrepancyResponse>` : ''}${spec.billingReference ? `
  <cac:BillingReference>
    <cac:InvoiceDocumentReference>
      <cbc:ID>${spec.billingReference.number}</cbc:ID>${spec.billingReference.cufe ? `
      <cbc:UUID schemeName="CUFE-SHA384">${spec.billingReference.cufe}</cbc:UUID>` : ''}
      <cbc:IssueDate>${spec.billingReference.issueDate ?? spec.issueDate}</cbc:IssueDate>
    </cac:InvoiceDocumentReference>
  </cac:BillingReference>` : ''}
  <cac:AccountingSupplierParty>
    <cbc:AdditionalAccountID>${spec.supplier.personType === 'natural' ? '2' : '1'}</cbc:AdditionalAccountID>
${party(spec.supplier)}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cbc:AdditionalAccountID>${spec.customer.personType === 'natural' ? '2' : '1'}</cbc:AdditionalAccountID>
${party(spec.customer)}
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:ID>${spec.paymentForm ?? '2'}</cbc:ID>
    <cbc:PaymentMeansCode>42</cbc:PaymentMeansCode>
    <cbc:PaymentDueDate>${due}</cbc:PaymentDueDate>
  </cac:PaymentMeans>${spec.prepaid ? `
  <cac:PrepaidPayment>
    <cbc:ID>ANT-${spec.number}</cbc:ID>
    <cbc:PaidAmount ${cur}>${money(new Decimal(spec.prepaid))}</cbc:PaidAmount>
  </cac:PrepaidPayment>` : ''}${(spec.allowanceCharges ?? [])
    .map(
      (a, i) => `
  <cac:AllowanceCharge>
    <cbc:ID>${i + 1}</cbc:ID>
    <cbc:ChargeIndicator>${a.charge}</cbc:ChargeIndicator>${a.charge ? '' : `
    <cbc:AllowanceChargeReasonCode>11</cbc:AllowanceChargeReasonCode>`}
    <cbc:AllowanceChargeReason>${escapeXml(a.reason ?? (a.charge ? 'Cargo' : 'Descuento'))}</cbc:AllowanceChargeReason>
    <cbc:Amount ${cur}>${money(new Decimal(a.amount))}</cbc:Amount>
    <cbc:BaseAmount ${cur}>${money(totals.lineExtension)}</cbc:BaseAmount>
  </cac:AllowanceCharge>`,
    )
    .join('')}${spec.currency && spec.currency !== 'COP' ? `
  <cac:PaymentExchangeRate>
    <cbc:SourceCurrencyCode>${currency}</cbc:SourceCurrencyCode>
    <cbc:SourceCurrencyBaseRate>1.00</cbc:SourceCurrencyBaseRate>
    <cbc:TargetCurrencyCode>COP</cbc:TargetCurrencyCode>
    <cbc:TargetCurrencyBaseRate>1.00</cbc:TargetCurrencyBaseRate>
    <cbc:CalculationRate>${spec.exchangeRate ?? ''}</cbc:CalculationRate>
    <cbc:Date>${spec.issueDate}</cbc:Date>
  </cac:PaymentExchangeRate>` : ''}${[...byCode.values()].map((groups) => taxTotal(groups)).join('')}
  <cac:${n.total}>
    <cbc:LineExtensionAmount ${cur}>${money(totals.lineExtension)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount ${cur}>${money(taxExclusive)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount ${cur}>${money(totals.inclusive)}</cbc:TaxInclusiveAmount>
    <cbc:AllowanceTotalAmount ${cur}>${money(totals.allowances)}</cbc:AllowanceTotalAmount>
    <cbc:ChargeTotalAmount ${cur}>${money(totals.charges)}</cbc:ChargeTotalAmount>
    <cbc:PrepaidAmount ${cur}>${money(totals.prepaid)}</cbc:PrepaidAmount>
    <cbc:PayableAmount ${cur}>${money(totals.payable)}</cbc:PayableAmount>
  </cac:${n.total}>${lines}
</${n.root}>
`;
}

function party(p: PartySpec): string {
  const idType = p.idType ?? '31';
  const dv = p.dv ?? (idType === '31' ? computeDv(p.nit) : '') ?? '';
  const address = p.address
    ? `
        <cac:RegistrationAddress>
          <cbc:ID>${p.address.municipalityCode}</cbc:ID>
          <cbc:CityName>${escapeXml(p.address.city)}</cbc:CityName>
          <cbc:CountrySubentity>${escapeXml(p.address.department)}</cbc:CountrySubentity>
          <cbc:CountrySubentityCode>${p.address.departmentCode}</cbc:CountrySubentityCode>
          <cac:AddressLine>
            <cbc:Line>${escapeXml(p.address.line)}</cbc:Line>
          </cac:AddressLine>
          <cac:Country>
            <cbc:IdentificationCode>${p.address.countryCode ?? 'CO'}</cbc:IdentificationCode>
          </cac:Country>
        </cac:RegistrationAddress>`
    : '';
  return `    <cac:Party>${p.ciiu?.length ? `
      <cbc:IndustryClassificationCode>${p.ciiu.join(';')}</cbc:IndustryClassificationCode>` : ''}
      <cac:PartyName>
        <cbc:Name>${escapeXml(p.tradeName ?? p.name)}</cbc:Name>
      </cac:PartyName>
      <cac:PartyTaxScheme>
        <cbc:RegistrationName>${escapeXml(p.name)}</cbc:RegistrationName>
        <cbc:CompanyID schemeAgencyID="195" schemeAgencyName="CO, DIAN (Dirección de Impuestos y Aduanas Nacionales)" schemeID="${dv}" schemeName="${idType}">${p.nit}</cbc:CompanyID>
        <cbc:TaxLevelCode listName="48">${(p.responsibilities ?? ['R-99-PN']).join(';')}</cbc:TaxLevelCode>${address}
        <cac:TaxScheme>
          <cbc:ID>01</cbc:ID>
          <cbc:Name>IVA</cbc:Name>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${escapeXml(p.name)}</cbc:RegistrationName>
        <cbc:CompanyID schemeAgencyID="195" schemeID="${dv}" schemeName="${idType}">${p.nit}</cbc:CompanyID>
      </cac:PartyLegalEntity>${p.email ? `
      <cac:Contact>
        <cbc:ElectronicMail>${escapeXml(p.email)}</cbc:ElectronicMail>
      </cac:Contact>` : ''}
    </cac:Party>`;
}

/**
 * The AttachedDocument DIAN's reception flow e-mails to the buyer: the supplier-signed document in CDATA plus DIAN's
 * signed ApplicationResponse (`02` validated, `04` rejected), both under the test PKI (signing.ts). `innerXml` may
 * be a bare document (signed here as its supplier) or what `buildUbl` returns (its embedded document is reused).
 */
export function attachedDocument(innerXml: string, meta: { number: string; cufe: string; supplierNit: string; customerNit: string; issueDate: string; responseCode?: '02' | '04' }): string {
  return containerFor(innerXml, meta);
}

/** A DIAN-style ZIP (`z….zip`) with the given files. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return zipSync(entries);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
