/**
 * The typed record the DIAN reader (`server/dian`) produces for every electronic document a buyer receives.
 *
 * Amounts are exact decimal strings, never JS numbers: money keeps at least two decimals as DIAN writes it
 * ("12600.06", "0.00"), quantities and rates are written without trailing zeros ("1", "19", "2.5").
 * Codes keep their leading zeros ("01", "0145", "05001").
 *
 * @module
 */

/** An exact decimal number written as text, e.g. `"12600.06"`. */
export type Decimal = string;

export type DocumentKind =
  | 'invoice'
  | 'credit-note'
  | 'debit-note'
  /** DIAN's own validation result (ResponseCode 02 validated / 04 rejected). */
  | 'application-response'
  /** A RADIAN event between buyer and seller (ResponseCode 030…034). */
  | 'radian-event';

export type Environment = 'production' | 'test';

export interface DocumentWarning {
  /** Stable machine code, e.g. `PAYABLE_MISMATCH`. */
  code: WarningCode;
  /** What a person reads, in Spanish. */
  message: string;
}

export type WarningCode =
  | 'LINES_TOTAL_MISMATCH'
  | 'TAX_TOTAL_MISMATCH'
  | 'TAX_RATE_MISMATCH'
  | 'TAX_INCLUSIVE_MISMATCH'
  | 'PAYABLE_MISMATCH'
  | 'LINE_AMOUNT_MISMATCH'
  | 'LINE_COUNT_MISMATCH'
  | 'DUPLICATE_LINE_ID'
  | 'DUE_DATE_CONFLICT'
  | 'DUE_DATE_BEFORE_ISSUE'
  | 'DUE_DATE_MISSING'
  | 'DV_MISMATCH'
  | 'DV_INCONSISTENT'
  | 'UUID_FORMAT'
  | 'EXCHANGE_RATE_DIRECTION'
  | 'EXCHANGE_RATE_MISSING'
  | 'DIAN_VALIDATION_ABSENT'
  | 'ENCODING_FALLBACK'
  | 'MOJIBAKE'
  | 'ZERO_QUANTITY';

export interface Address {
  /** DIVIPOLA municipality code, e.g. `11001` (Bogotá). */
  municipalityCode?: string;
  city?: string;
  department?: string;
  departmentCode?: string;
  line?: string;
  postalZone?: string;
  countryCode?: string;
}

export interface Party {
  /** Identification number without check digit (NIT, cédula…). */
  nit: string;
  /** Check digit (DV) exactly as the document sends it; absent or empty in some documents. */
  dvSent?: string;
  /** Check digit computed with DIAN's modulo-11 rule (only for NITs, ID type 31). */
  dvComputed?: string;
  /** DIAN identification type code (`31` NIT, `13` cédula…) and its name. */
  idType?: string;
  idTypeName?: string;
  /** `juridica` (AdditionalAccountID 1) or `natural` (2). */
  personType?: 'juridica' | 'natural';
  /** Razón social (`RegistrationName`), or the person's or trade name when there is none. */
  name: string;
  /** Nombres comerciales (`PartyName/Name`), in document order. */
  tradeNames: string[];
  /** Responsabilidades fiscales (`TaxLevelCode`), e.g. `O-13`, `O-15`, `R-99-PN`. */
  responsibilities: string[];
  /** Tax scheme of the party (`01` IVA, `ZZ` no aplica…). */
  taxScheme?: { id: string; name?: string };
  /** CIIU economic-activity codes, as strings with leading zeros. */
  ciiu: string[];
  address?: Address;
  email?: string;
  phone?: string;
  contactName?: string;
}

export interface AllowanceCharge {
  /** `true` = cargo (charge), `false` = descuento (allowance). */
  isCharge: boolean;
  reasonCode?: string;
  reason?: string;
  /** Percentage applied (`MultiplierFactorNumeric`). */
  percent?: Decimal;
  amount: Decimal;
  baseAmount?: Decimal;
}

export interface TaxEntry {
  /** DIAN tributo code: `01` IVA, `03` ICA, `04` INC, `22` bolsas, `34` IBUA… (`05`/`06`/`07` for withholdings). */
  code: string;
  /** Name as written in the document (not reliable; key on `code`). */
  name?: string;
  /** Percentage as written. ICA/ReteICA are per mille (see `perMille`). */
  rate?: Decimal;
  /** True for ICA (03) and ReteICA (07): `rate` is ‰, not %. */
  perMille?: boolean;
  /** Taxable base (`TaxableAmount`); absent for per-unit taxes. */
  base?: Decimal;
  amount: Decimal;
  /** Per-unit taxes (bolsas, IBUA, ICL, combustibles): amount per unit and the measured quantity. */
  perUnit?: { amount: Decimal; quantity?: Decimal; unitCode?: string };
}

export interface StandardCode {
  id: string;
  /** DIAN scheme code: `001` UNSPSC, `010` GTIN, `020` partida arancelaria, `999` own standard. */
  schemeId?: string;
  scheme: 'UNSPSC' | 'GTIN' | 'partida' | 'own' | 'unknown';
  schemeName?: string;
}

export interface DocumentLine {
  /** Line id as sent (not unique in real documents). */
  id: string;
  /** Position of the line in the document, from 1; unique. */
  position: number;
  description: string;
  quantity: Decimal;
  unitCode?: string;
  /** Net line total (`LineExtensionAmount`), after line allowances and charges, before taxes. */
  lineTotal: Decimal;
  /**
   * Unit price derived from the line total: (lineTotal + allowances − charges) / quantity. `PriceAmount` is only a
   * sanity check because real documents misuse `BaseQuantity` (see `priceAmount`).
   */
  unitPrice?: Decimal;
  /** `PriceAmount` and `BaseQuantity` exactly as sent. */
  priceAmount?: Decimal;
  baseQuantity?: Decimal;
  allowanceCharges: AllowanceCharge[];
  freeOfCharge: boolean;
  /** Reference price for free items (`PricingReference/AlternativeConditionPrice`). */
  referencePrice?: { amount: Decimal; typeCode?: string };
  sellerCode?: string;
  standardCode?: StandardCode;
  additionalCodes: StandardCode[];
  brand?: string;
  model?: string;
  taxes: TaxEntry[];
  withholdings: TaxEntry[];
  /** `cbc:ID@schemeID = 1`: income received on behalf of third parties, not the supplier's own sale. */
  thirdPartyIncome: boolean;
  notes: string[];
}

export interface MonetaryTotals {
  lineExtension: Decimal;
  /** Sum of taxable bases (not the net subtotal; can be 0 or larger than `lineExtension`). */
  taxExclusive: Decimal;
  taxInclusive: Decimal;
  allowances: Decimal;
  charges: Decimal;
  prepaid: Decimal;
  rounding: Decimal;
  payable: Decimal;
}

export interface PaymentMeans {
  /** Forma de pago: `1` contado, `2` crédito. */
  form?: string;
  formName?: string;
  /** Medio de pago (`PaymentMeansCode`), e.g. `10` efectivo, `42` consignación. */
  code?: string;
  dueDate?: string;
  paymentId?: string;
}

export interface DocumentReference {
  number?: string;
  uuid?: string;
  uuidScheme?: string;
  issueDate?: string;
  description?: string;
}

export interface ExchangeRate {
  sourceCurrency: string;
  targetCurrency: string;
  rate: Decimal;
  date?: string;
}

/** The DIAN validation found next to the document (the container's ApplicationResponse). */
export interface DianValidation {
  /** `02` = validado, `04` = rechazado. */
  responseCode: string;
  description?: string;
  validated: boolean;
  /** Validation date and time as written (`YYYY-MM-DD`, `HH:MM:SS-05:00`). */
  date?: string;
  time?: string;
  /** DIAN's own number and CUDE for the response. */
  responseId?: string;
  /** True when the CUFE/CUDE DIAN validated is the one of the embedded document. */
  cufeMatches: boolean;
  /** Notifications DIAN attached to the validation (`LineResponse`). */
  notes: string[];
}

/** For application responses and RADIAN events: what the response says and about which document. */
export interface ResponseInfo {
  code: string;
  description?: string;
  /** RADIAN 031 (reclamo): the claim concept (`@listID`) and its name. */
  claimCode?: string;
  claimName?: string;
  referencedDocument?: DocumentReference & { typeCode?: string };
  /** Person who performed a RADIAN event. */
  issuerPerson?: string;
  /** Per-line notifications (`LineResponse/Response/Description`), e.g. "La Factura electrónica NC-424, ha sido autorizada." */
  notes: string[];
}

export interface ContainerInfo {
  id?: string;
  issueDate?: string;
  parentDocumentId?: string;
  senderNit?: string;
  receiverNit?: string;
}

export interface DianDocument {
  kind: DocumentKind;
  /** CUFE (invoices) or CUDE (notes, type 03 invoices, events): 96 lowercase hex characters. */
  cufe: string;
  /** `CUFE-SHA384`, `CUDE-SHA384`, … */
  cufeScheme?: string;
  /** Prefix + consecutive, e.g. `SETP990000002`. */
  number: string;
  issueDate: string;
  issueTime?: string;
  /** By the rule in docs/dian-ubl.md §6: crédito PaymentDueDate, then DueDate, then any PaymentDueDate, else issue date; never before the issue date. */
  dueDate?: string;
  currency: string;
  exchangeRate?: ExchangeRate;
  environment: Environment;
  /** `CustomizationID` (10 estándar, 09 AIU, 20 NC con referencia…); legacy values kept as sent. */
  operationType?: string;
  /** `InvoiceTypeCode` / `CreditNoteTypeCode` (01 venta, 03 instrumento de transmisión, 91 nota crédito). */
  typeCode?: string;
  supplier: Party;
  customer: Party;
  lines: DocumentLine[];
  taxes: TaxEntry[];
  withholdings: TaxEntry[];
  allowanceCharges: AllowanceCharge[];
  totals: MonetaryTotals;
  paymentMeans: PaymentMeans[];
  billingReferences: DocumentReference[];
  orderReference?: string;
  /** Credit/debit notes: reason (`DiscrepancyResponse`). */
  discrepancy?: { referenceId?: string; code?: string; description?: string };
  prepaidPayments: { id?: string; amount: Decimal; receivedDate?: string }[];
  invoicePeriod?: { startDate?: string; endDate?: string };
  notes: string[];
  /** Present when the document arrived inside an AttachedDocument with DIAN's ApplicationResponse. */
  dianValidation?: DianValidation;
  container?: ContainerInfo;
  /** Application responses and RADIAN events only. */
  response?: ResponseInfo;
  /** Arithmetic and consistency problems that do not stop the document from being read. */
  warnings: DocumentWarning[];
}

/** Stable codes for a file or document the reader refuses. */
export type ReadErrorCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'NOT_XML'
  | 'XML_MALFORMED'
  | 'XML_TRUNCATED'
  | 'XML_DOCTYPE_FORBIDDEN'
  | 'UNSUPPORTED_ENCODING'
  | 'NOT_DIAN_DOCUMENT'
  | 'MISSING_FIELD'
  | 'INVALID_VALUE'
  | 'CONTAINER_EMPTY'
  | 'CONTAINER_MISMATCH'
  | 'DIAN_REJECTED'
  | 'ZIP_INVALID'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_UNSAFE_PATH'
  | 'ZIP_TOO_DEEP'
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_ENCRYPTED'
  | 'ZIP_NO_DOCUMENTS'
  /** A bug in the reader itself (never expected; property tests assert it does not happen). */
  | 'INTERNAL_ERROR';

export interface ReadError {
  code: ReadErrorCode;
  /** Spanish, for the person reading the inbox. */
  message: string;
  /** Where in the XML the problem is, e.g. `Invoice/LegalMonetaryTotal/PayableAmount`. */
  xmlPath?: string;
}

/** Where a document came from inside a received file: `['z090.zip', 'ad090.xml']`. */
export type SourcePath = string[];

export type ReadOutcome =
  | { ok: true; source: SourcePath; document: DianDocument }
  | {
      ok: false;
      source: SourcePath;
      error: ReadError;
      /** Documents that were read but must not be booked (e.g. rejected by DIAN) keep their data. */
      document?: DianDocument;
    };

export interface ReadAttachment {
  source: SourcePath;
  /** `pdf` by magic bytes; anything else that is neither XML nor ZIP is `other`. */
  kind: 'pdf' | 'other';
  size: number;
}

export interface ReadResult {
  /** One outcome per document found (or per refused part). */
  outcomes: ReadOutcome[];
  /** Non-XML parts found beside the documents (the PDF representación gráfica…). */
  attachments: ReadAttachment[];
}
