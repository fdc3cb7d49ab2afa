import { describe, expect, it } from 'vitest';
import { fixtureText } from '../support/fixtures';
import { readFixture, readOne, warningCodes } from './read-helpers';

/**
 * Field-by-field assertions on real samples. Every expected value was read by hand in the XML file named in the
 * `describe` (test/fixtures/dian), not copied from the reader's output; the comments name the element it comes from.
 * Amounts are exact decimal strings: money keeps two decimals, quantities and rates drop trailing zeros.
 */

const VOLT = 'volt__example.js.AttachedDocument.xml';
const VOLT_CUFE = 'e79f0bd45e5c0494ad03f6dc0d5ae3f7eff36324420feb8cca67419669c05e661eb056fd70dab877aed93451ad2511d7';
const GENERICA_CUFE = '941cf36af62dbbc06f105d2a80e9bfe683a90e84960eae4d351cc3afbe8f848c26c39bac4fbc80fa254824c6369ea694';
/** CUFE of invoice SETP990000015 that DIAN's CreditNote and DebitNote samples correct. */
const SETP990000015_CUFE = 'e988c01fe2901d1bbf37911758961f7083b6e5c58400552b309549d6fbaa6402c8ff67b51d3c6f4ed478dc94b0c8b0fc';

describe('volt: contenedor real de producción (AttachedDocument)', () => {
  const doc = readFixture(VOLT);

  it('toma número, fechas y CUFE de la factura embebida, no del contenedor', () => {
    expect(doc.kind).toBe('invoice');
    expect(doc.number).toBe('NC424'); // Invoice/cbc:ID: prefix "NC" on an invoice (§11.4)
    expect(doc.typeCode).toBe('01'); // InvoiceTypeCode
    expect(doc.cufe).toBe(VOLT_CUFE); // Invoice/cbc:UUID
    expect(doc.cufeScheme).toBe('CUFE-SHA384');
    expect(doc.issueDate).toBe('2022-04-05');
    expect(doc.issueTime).toBe('10:02:49-05:00'); // the container says 03:03:08
    expect(doc.dueDate).toBe('2022-04-05'); // cbc:DueDate; PaymentMeans has no PaymentDueDate
    expect(doc.environment).toBe('production'); // ProfileExecutionID 1
    expect(doc.operationType).toBe('10'); // CustomizationID
    expect(doc.currency).toBe('COP');
    expect(doc.exchangeRate).toBeUndefined();
  });

  it('datos del contenedor', () => {
    expect(doc.container).toEqual({
      id: '20220405150308876', // AttachedDocument/cbc:ID (vendor-internal)
      issueDate: '2022-04-05',
      parentDocumentId: 'NC424', // ParentDocumentID
      senderNit: '3141592654', // SenderParty/PartyTaxScheme/CompanyID
      receiverNit: '161803398875', // ReceiverParty/PartyTaxScheme/CompanyID
    });
  });

  it('validación de la DIAN 02 con el mismo CUFE', () => {
    expect(doc.dianValidation).toEqual({
      responseCode: '02', // ApplicationResponse DocumentResponse/Response/ResponseCode = ValidationResultCode
      description: 'Documento validado por la DIAN',
      validated: true,
      date: '2022-04-05', // ResultOfVerification/ValidationDate
      time: '10:03:08-05:00', // ResultOfVerification/ValidationTime
      responseId: '18680564', // ApplicationResponse/cbc:ID
      cufeMatches: true, // DocumentResponse/DocumentReference/UUID = e79f…11d7
      // LineResponse 1 has Description "0" (no text); LineResponse 2 carries the notice.
      notes: ['La Factura electrónica NC-424, ha sido autorizada.'],
    });
  });

  it('proveedor: persona natural, DV enviado 1 y calculado 0, CIIU 2399;2599', () => {
    expect(doc.supplier).toEqual({
      nit: '3141592654',
      dvSent: '1', // CompanyID@schemeID (anonymised NIT: its mod-11 DV is 0)
      dvComputed: '0',
      idType: '31',
      idTypeName: 'NIT',
      personType: 'natural', // AdditionalAccountID 2
      name: 'JOHN DOE', // PartyTaxScheme/RegistrationName
      tradeNames: ['DURABLOCK'], // PartyName/Name
      responsibilities: ['R-99-PN'], // TaxLevelCode
      taxScheme: { id: '01', name: 'IVA' },
      ciiu: ['2399', '2599'], // IndustryClassificationCode "2399;2599"
      address: {
        municipalityCode: '05001', // leading zero kept
        city: 'MEDELLÍN',
        department: 'Antioquia',
        departmentCode: '05',
        line: 'CALLE 1 No 2 3',
        postalZone: '050029',
        countryCode: 'CO',
      },
      email: 'ventas@dominio.com',
      phone: '3112744496',
      contactName: 'JOHN DOE',
    });
    expect(warningCodes(doc)).toEqual(['DV_MISMATCH']);
  });

  it('cliente: cédula con schemeID vacío (sin DV), CIIU 0144', () => {
    expect(doc.customer.nit).toBe('161803398875');
    expect(doc.customer.dvSent).toBeUndefined(); // schemeID=""
    expect(doc.customer.dvComputed).toBeUndefined(); // not a NIT (schemeName 13)
    expect(doc.customer.idType).toBe('13');
    expect(doc.customer.idTypeName).toBe('Cédula de ciudadanía');
    expect(doc.customer.name).toBe('JANE DOE');
    expect(doc.customer.ciiu).toEqual(['0144']);
  });

  it('línea: precio unitario 2130 derivado del total aunque BaseQuantity sea 500', () => {
    expect(doc.lines).toEqual([
      {
        id: '1',
        position: 1,
        description: 'BLOQUE 15 x 20 x 40',
        quantity: '500', // InvoicedQuantity 500.00 unitCode 94
        unitCode: '94',
        lineTotal: '1065000.00',
        unitPrice: '2130', // 1065000.00 / 500, not PriceAmount / BaseQuantity (= 4.26)
        priceAmount: '2130.00',
        baseQuantity: '500', // BaseQuantity unitCode WSD
        allowanceCharges: [],
        freeOfCharge: false,
        referencePrice: { amount: '1065000.00', typeCode: '02' }, // PricingReference on a non-free line
        sellerCode: 'B15',
        standardCode: { id: 'B15', schemeId: '999', scheme: 'own' },
        additionalCodes: [],
        taxes: [{ code: '01', name: 'IVA', rate: '0', base: '1065000.00', amount: '0.00' }],
        withholdings: [],
        thirdPartyIncome: false,
        notes: [],
      },
    ]);
  });

  it('impuestos, totales y forma de pago', () => {
    expect(doc.taxes).toEqual([{ code: '01', name: 'IVA', rate: '0', base: '1065000.00', amount: '0.00' }]);
    expect(doc.withholdings).toEqual([]);
    expect(doc.totals).toEqual({
      lineExtension: '1065000.00',
      taxExclusive: '1065000.00',
      taxInclusive: '1065000.00',
      allowances: '0.00',
      charges: '0.00',
      prepaid: '0.00', // no PrepaidAmount
      rounding: '0.00',
      payable: '1065000.00',
    });
    expect(doc.paymentMeans).toEqual([{ form: '1', formName: 'Contado', code: '10', paymentId: '0000000' }]);
  });
});

describe('CreditNote: nota crédito con referencia a factura, en USD', () => {
  const doc = readFixture('dian-toolkit__CreditNote.xml');

  it('encabezado', () => {
    expect(doc.kind).toBe('credit-note');
    expect(doc.number).toBe('NC3');
    expect(doc.cufe).toBe('da3af05f963db5cff231d1171a810f5f55eb08615f22dc239fff55fa927be5cf6caade8bfa4f1f70c067dbb9ed30c009');
    expect(doc.cufeScheme).toBe('CUDE-SHA384');
    expect(doc.typeCode).toBe('91'); // CreditNoteTypeCode
    expect(doc.operationType).toBe('11'); // legacy CustomizationID on notes
    expect(doc.issueDate).toBe('2019-06-21');
    expect(doc.issueTime).toBe('09:15:23-05:00');
    expect(doc.dueDate).toBe('2019-06-30'); // PaymentMeans ID 2 / PaymentDueDate
    expect(doc.orderReference).toBe('13.09.2018--GMO');
    // The first Note is the CUDE input string (§9), PIN 20191 included.
    expect(doc.notes).toEqual(['NC32019-06-2109:15:23-05:0012600.06012394.01040.00030.0014994.07900508908900108281201912']);
  });

  it('referencia a la factura y motivo', () => {
    expect(doc.billingReferences).toEqual([
      { number: 'SETP990000015', uuid: SETP990000015_CUFE, uuidScheme: 'CUFE-SHA384', issueDate: '2019-06-21' },
    ]);
    expect(doc.discrepancy).toEqual({ referenceId: 'SETP990000015', code: '1', description: 'Factura anterior' });
  });

  it('moneda USD con tasa de cambio 3100 a COP', () => {
    expect(doc.currency).toBe('USD'); // DocumentCurrencyCode with list attributes
    expect(doc.exchangeRate).toEqual({ sourceCurrency: 'USD', targetCurrency: 'COP', rate: '3100', date: '2019-06-21' });
  });

  it('partes', () => {
    expect(doc.supplier.nit).toBe('800197268');
    expect(doc.supplier.dvSent).toBe('4');
    expect(doc.supplier.dvComputed).toBe('4');
    expect(doc.supplier.name).toBe('FACTURADOR DE EJEMPLO');
    expect(doc.supplier.tradeNames).toEqual(['Nombre Tienda', 'Establecimiento Principal', 'FACTURADOR DE EJEMPLO']);
    expect(doc.supplier.responsibilities).toEqual(['O-99']); // legacy TaxLevelCode
    expect(doc.customer.nit).toBe('900108281');
    expect(doc.customer.dvSent).toBe('3');
    expect(doc.customer.dvComputed).toBe('3');
    expect(doc.customer.personType).toBe('juridica');
  });

  it('línea con descuento e impuestos; ICA al 0 ‰', () => {
    expect(doc.lines).toHaveLength(1);
    const line = doc.lines[0]!;
    expect(line.quantity).toBe('1'); // CreditedQuantity 1.000000
    expect(line.unitCode).toBe('EA');
    expect(line.lineTotal).toBe('12600.06');
    expect(line.unitPrice).toBe('18900'); // (12600.06 + 6299.94) / 1
    expect(line.allowanceCharges).toEqual([
      { isCharge: false, reason: 'Descuento por cliente frecuente', percent: '33.33', amount: '6299.94', baseAmount: '18900.00' },
    ]);
    expect(doc.taxes).toEqual([
      { code: '01', name: 'IVA', rate: '19', base: '12600.06', amount: '2394.01' },
      { code: '03', name: 'ICA', rate: '0', perMille: true, base: '0.00', amount: '0.00' }, // Percent 0.000
      { code: '04', name: 'INC', rate: '0', base: '0.00', amount: '0.00' },
    ]);
    expect(doc.totals).toEqual({
      lineExtension: '12600.06',
      taxExclusive: '12600.06',
      taxInclusive: '14994.07',
      allowances: '0.00',
      charges: '0.00',
      prepaid: '0.00',
      rounding: '0.00',
      payable: '14994.07',
    });
    expect(warningCodes(doc)).toEqual(['DIAN_VALIDATION_ABSENT']);
  });
});

describe('DebitNote: nota débito sin código de tipo, con RequestedMonetaryTotal', () => {
  const doc = readFixture('dian-toolkit__DebitNote.xml');

  it('encabezado y referencia', () => {
    expect(doc.kind).toBe('debit-note');
    expect(doc.number).toBe('ND1');
    expect(doc.cufe).toBe('9d9ab37faf74a9d2e978e9f62221a7c07da4426588c7acf388938774448a93f6d36b49f3cfab564bdecaed0bed853d28');
    expect(doc.cufeScheme).toBe('CUDE-SHA384');
    expect(doc.typeCode).toBeUndefined(); // no DebitNoteTypeCode element
    expect(doc.currency).toBe('USD');
    expect(doc.exchangeRate?.rate).toBe('3100');
    expect(doc.billingReferences).toEqual([
      { number: 'SETP990000015', uuid: SETP990000015_CUFE, uuidScheme: 'CUFE-SHA384', issueDate: '2019-06-21' },
    ]);
    expect(doc.discrepancy).toEqual({ referenceId: 'SETP990000015', code: '1', description: 'Factura anterior' });
  });

  it('totales de RequestedMonetaryTotal y línea DebitNoteLine', () => {
    expect(doc.totals).toEqual({
      lineExtension: '12600.06',
      taxExclusive: '12600.06',
      taxInclusive: '14994.07',
      allowances: '0.00',
      charges: '0.00',
      prepaid: '0.00',
      rounding: '0.00',
      payable: '14994.07',
    });
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]).toMatchObject({ id: '1', description: 'Articulo 1 Prueba', quantity: '1', unitCode: 'EA', lineTotal: '12600.06', sellerCode: 'AOHV84-225' });
    expect(warningCodes(doc)).toEqual(['DIAN_VALIDATION_ABSENT']);
  });
});

describe('notas sin referencia a factura', () => {
  it('nota crédito (CustomizationID 22): sin BillingReference, con InvoicePeriod', () => {
    const doc = readFixture('dian-toolkit__Ejemplificacion_nota_credito_sin_referencia_a_factura.xml');
    expect(doc.kind).toBe('credit-note');
    expect(doc.number).toBe('NC50101');
    expect(doc.operationType).toBe('22');
    expect(doc.billingReferences).toEqual([]);
    expect(doc.invoicePeriod).toEqual({ startDate: '2024-01-01', endDate: '2024-01-31' });
    expect(doc.discrepancy).toEqual({ code: '6', description: 'Descuento comercial por volumen de ventas' }); // no ReferenceID
    expect(doc.notes).toEqual(['PERIODO_FAC_INICIAL:', 'PERIODO_FAC_FINAL:']); // trimmed
    // PaymentMeans ID 1 without any due date.
    expect(doc.dueDate).toBe('2024-04-29');
    // Supplier NIT 860003456 is sent with DV 2; its mod-11 DV is 9.
    expect(doc.supplier.dvSent).toBe('2');
    expect(doc.supplier.dvComputed).toBe('9');
    expect(doc.supplier.ciiu).toEqual(['0']); // junk CIIU kept as sent
    expect(doc.customer.nit).toBe('791098888');
    expect(doc.customer.responsibilities).toEqual(['O-15']);
    expect(warningCodes(doc)).toEqual(['DV_MISMATCH', 'DUE_DATE_MISSING', 'DIAN_VALIDATION_ABSENT']);
    const line = doc.lines[0]!;
    expect(line.quantity).toBe('3'); // CreditedQuantity 3
    expect(line.lineTotal).toBe('7425000.00');
    expect(line.unitPrice).toBe('2750000'); // (7425000 + 825000) / 3
    expect(line.allowanceCharges).toEqual([
      // AllowanceChargeReasonCode "0050" keeps its zeros; the empty AllowanceChargeReason is left out.
      { isCharge: false, reasonCode: '0050', percent: '10', amount: '825000.00', baseAmount: '8250000.00' },
    ]);
    expect(line.standardCode).toEqual({ id: '0003', schemeId: '999', scheme: 'own', schemeName: 'PRD' });
    expect(line.brand).toBe('APPLE');
    expect(line.model).toBe('A1327');
    expect(doc.totals.payable).toBe('8835750.00');
  });

  it('nota débito (CustomizationID 32): sin BillingReference; PaymentDueDate anterior a la emisión', () => {
    const doc = readFixture('dian-toolkit__Ejemplificacion_nota_debito_sin_referencia_a_factura.xml');
    expect(doc.kind).toBe('debit-note');
    expect(doc.operationType).toBe('32');
    expect(doc.billingReferences).toEqual([]);
    expect(doc.discrepancy).toEqual({ code: '3', description: 'Cambio del valor' });
    expect(doc.invoicePeriod).toEqual({ startDate: '2024-01-01', endDate: '2024-01-31' });
    expect(doc.issueDate).toBe('2024-04-29');
    expect(doc.dueDate).toBe('2024-04-29'); // PaymentDueDate 2019-06-30 is earlier: clamped
    expect(warningCodes(doc)).toEqual(['DUE_DATE_BEFORE_ISSUE', 'DIAN_VALIDATION_ABSENT']);
  });
});

describe('Factura_otra_Moneda: retención en la fuente 06 al 1,5 %', () => {
  const doc = readFixture('dian-toolkit__Factura_otra_Moneda.xml');

  it('la factura está en COP pese al nombre del archivo, sin tasa de cambio', () => {
    expect(doc.currency).toBe('COP');
    expect(doc.exchangeRate).toBeUndefined();
    expect(doc.number).toBe('SETG980000441');
  });

  it('ReteFuente a nivel de documento y de línea; el total a pagar no la descuenta', () => {
    const reteFuente = { code: '06', name: 'ReteFuente', rate: '1.5', base: '1000000.00', amount: '15000.00' };
    expect(doc.withholdings).toEqual([reteFuente]); // WithholdingTaxTotal, Percent 1.50
    expect(doc.lines[0]!.withholdings).toEqual([reteFuente]);
    expect(doc.taxes).toEqual([{ code: '01', name: 'IVA', rate: '19', base: '1000000.00', amount: '190000.00' }]);
    expect(doc.totals.taxInclusive).toBe('1190000.00');
    expect(doc.totals.payable).toBe('1190000.00'); // not 1175000.00
    expect(warningCodes(doc)).toEqual(['DIAN_VALIDATION_ABSENT']);
  });

  it('proveedor con cédula (schemeName 13): sin DV calculado; CIIU 0145', () => {
    expect(doc.supplier.nit).toBe('2022516219');
    expect(doc.supplier.idType).toBe('13');
    expect(doc.supplier.dvSent).toBe('3');
    expect(doc.supplier.dvComputed).toBeUndefined();
    expect(doc.supplier.personType).toBe('natural');
    expect(doc.supplier.ciiu).toEqual(['0145']);
    expect(doc.supplier.responsibilities).toEqual(['O-13']);
    expect(doc.supplier.taxScheme).toEqual({ id: 'ZZ', name: 'No aplica' });
    expect(doc.customer.nit).toBe('154698949');
  });

  it('DueDate igual a PaymentDueDate; anticipo vacío de 0', () => {
    expect(doc.dueDate).toBe('2023-04-08');
    expect(doc.paymentMeans).toEqual([{ form: '1', formName: 'Contado', code: '10', dueDate: '2023-04-08', paymentId: 'FOB' }]);
    expect(doc.prepaidPayments).toEqual([{ amount: '0.00' }]); // <cbc:ID/> and PaidAmount 0
    expect(doc.totals.prepaid).toBe('0.00');
  });
});

describe('Ejemplificacion_cambio_otra_Moneda: tasa de cambio en sentido inverso', () => {
  const doc = readFixture('dian-toolkit__Ejemplificacion_cambio_otra_Moneda.xml');

  it('documento en COP con tasa COP→USD 5000: se registra tal cual y se advierte', () => {
    expect(doc.currency).toBe('COP');
    expect(doc.exchangeRate).toEqual({ sourceCurrency: 'COP', targetCurrency: 'USD', rate: '5000', date: '2023-05-03' });
    expect(warningCodes(doc)).toContain('EXCHANGE_RATE_DIRECTION');
  });

  it('DueDate anterior a IssueDate: vence el día de emisión', () => {
    expect(doc.issueDate).toBe('2023-05-02');
    expect(doc.dueDate).toBe('2023-05-02'); // DueDate and PaymentDueDate are both 2023-04-08
    expect(warningCodes(doc)).toEqual(['EXCHANGE_RATE_DIRECTION', 'DUE_DATE_BEFORE_ISSUE', 'DIAN_VALIDATION_ABSENT']);
  });

  it('tres líneas de 1.000.000 con IVA', () => {
    expect(doc.lines.map((l) => [l.id, l.lineTotal, l.unitPrice])).toEqual([
      ['1', '1000000.00', '1000000'],
      ['2', '1000000.00', '1000000'],
      ['3', '1000000.00', '1000000'],
    ]);
    expect(doc.totals.payable).toBe('3570000.00');
  });
});

describe('InvoiceLine ajena dentro de la extensión CustomTagGeneral', () => {
  const doc = readFixture('dian-toolkit__Ejemplificacion_otra_Moneda_UBLExtension-CustomTagGneral-InvoiceLine.xml');

  it('solo cuentan las tres líneas hijas directas de Invoice', () => {
    // ext:UBLExtensions/…/CustomTagGeneral holds a fourth <InvoiceLine> (ID 3, LineExtensionAmount currencyID USD).
    expect(doc.lines).toHaveLength(3);
    expect(doc.lines.map((l) => l.position)).toEqual([1, 2, 3]);
    expect(doc.lines.map((l) => l.id)).toEqual(['1', '2', '3']);
    expect(warningCodes(doc)).not.toContain('LINE_COUNT_MISMATCH'); // LineCountNumeric 3
    expect(warningCodes(doc)).not.toContain('DUPLICATE_LINE_ID');
    expect(doc.totals.lineExtension).toBe('3000000.00');
    expect(doc.taxes).toEqual([{ code: '01', name: 'IVA', rate: '19', base: '3000000.00', amount: '570000.00' }]);
  });

  it('los totales COP de TotalesCop no reemplazan los del documento', () => {
    expect(doc.totals.payable).toBe('3570000.00'); // not VlrPagarCop 714.00
    expect(doc.currency).toBe('COP');
  });
});

describe('EmisorAutoretenedor: autorretención, bolsas y anticipo', () => {
  const doc = readFixture('dian-toolkit__EmisorAutoretenedor.xml');

  it('ReteFuente 06 al 2,5 % sobre 1000', () => {
    expect(doc.withholdings).toEqual([{ code: '06', name: 'ReteFuente', rate: '2.5', base: '1000.00', amount: '25.00' }]);
    expect(doc.lines[1]!.withholdings).toEqual([{ code: '06', name: 'ReteFuente', rate: '2.5', base: '0.00', amount: '25.00' }]);
  });

  it('impuestos: IVA 19 % y 16 %, ICA e INC en 0, bolsas (22) por unidad sin base', () => {
    expect(doc.taxes).toEqual([
      { code: '01', name: 'IVA', rate: '19', base: '12600.06', amount: '2394.01' },
      { code: '01', name: 'IVA', rate: '16', base: '187.50', amount: '30.00' },
      { code: '03', name: 'ICA', rate: '0', perMille: true, base: '0.00', amount: '0.00' },
      { code: '04', name: 'INC', rate: '0', base: '0.00', amount: '0.00' },
      // No TaxableAmount, no Percent: BaseUnitMeasure 1.000000 NIU, PerUnitAmount 30.00.
      { code: '22', name: 'Bolsas', amount: '30.00', perUnit: { amount: '30.00', quantity: '1', unitCode: 'NIU' } },
    ]);
  });

  it('totales con anticipo de 1000 restado del total a pagar', () => {
    expect(doc.totals).toEqual({
      lineExtension: '12600.06',
      taxExclusive: '12787.56', // larger than LineExtension (§11.6)
      taxInclusive: '15054.07',
      allowances: '0.00',
      charges: '0.00',
      prepaid: '1000.00',
      rounding: '0.00',
      payable: '14054.07',
    });
    expect(doc.prepaidPayments).toEqual([{ id: 'SFR3123856', amount: '1000.00', receivedDate: '2018-09-29' }]);
  });

  it('código legacy y referencias', () => {
    expect(doc.operationType).toBe('02'); // CustomizationID 02 (pre-1.9)
    expect(doc.billingReferences.map((r) => [r.number, r.uuidScheme, r.description])).toEqual([
      ['SFR3123856', 'CUFE-SHA1', 'Prepago recibido'],
      ['SETP990000101', 'CUFE-SHA384', 'Factura anterior'],
    ]);
    expect(doc.billingReferences[0]!.uuid).toBe('a675432fecc1d537361dcdbdfbd08d6e5283f2bc'); // 40 hex, SHA-1
  });

  it('PartyLegalEntity trae otro NIT (900508908-9): se usa el de PartyTaxScheme y se advierte', () => {
    expect(doc.supplier.nit).toBe('800197268');
    expect(doc.supplier.dvSent).toBe('4');
    expect(warningCodes(doc)).toEqual(['DV_INCONSISTENT', 'DIAN_VALIDATION_ABSENT']);
    expect(doc.warnings[0]!.message).toContain('900508908');
  });

  it('línea gratuita con UNSPSC', () => {
    const free = doc.lines[1]!;
    expect(free.freeOfCharge).toBe(true);
    expect(free.lineTotal).toBe('0.00');
    expect(free.referencePrice).toEqual({ amount: '100.00', typeCode: '03' });
    expect(free.standardCode).toEqual({ id: '18937100-7', schemeId: '001', scheme: 'UNSPSC', schemeName: 'UNSPSC' });
    expect(free.description).toBe('Servicio de instalación y configuración');
  });
});

describe('Consumidor_Final: ReteIVA, descuentos y cargos, vencimiento contradictorio', () => {
  const doc = readFixture('dian-toolkit__Consumidor_Final.xml');

  it('ReteIVA 05 en cero', () => {
    expect(doc.withholdings).toEqual([{ code: '05', name: 'ReteIVA', rate: '15', base: '0.00', amount: '0.00' }]);
  });

  it('impuestos: IVA 19, INC 2 en cero, ICA por mil, bolsas 22 por unidad', () => {
    expect(doc.taxes).toEqual([
      { code: '01', name: 'IVA', rate: '19', base: '1800000.00', amount: '342000.00' },
      { code: '04', name: 'Impuesto Nacional al Consumo', rate: '2', base: '0.00', amount: '0.00' }, // TaxAmount "0"
      { code: '03', name: 'ICA', rate: '0', perMille: true, base: '0.00', amount: '0.00' },
      { code: '22', name: 'Bolsas', amount: '60.00', perUnit: { amount: '30.00', quantity: '1', unitCode: 'NIU' } },
    ]);
  });

  it('tres descuentos y dos cargos a nivel de documento', () => {
    expect(doc.allowanceCharges.map((a) => [a.isCharge, a.reasonCode, a.amount])).toEqual([
      [false, '11', '10000.00'],
      [false, '7', '19000.00'],
      [false, '11', '30000.00'],
      [true, undefined, '15000.00'],
      [true, undefined, '5000.00'],
    ]);
    expect(doc.totals).toEqual({
      lineExtension: '1720000.00',
      taxExclusive: '1800000.00',
      taxInclusive: '2062060.00',
      allowances: '59000.00',
      charges: '20000.00',
      prepaid: '0.00',
      rounding: '0.00',
      payable: '2023060.00', // 2062060 − 59000 + 20000
    });
  });

  it('DueDate 2019-07-16 ≠ PaymentDueDate 2019-11-13, ambas antes de la emisión 2019-11-28', () => {
    expect(doc.issueDate).toBe('2019-11-28');
    expect(doc.paymentMeans).toEqual([{ form: '2', formName: 'Crédito', code: '54', dueDate: '2019-11-13', paymentId: '1' }]);
    expect(doc.dueDate).toBe('2019-11-28');
    const codes = warningCodes(doc);
    expect(codes).toContain('DUE_DATE_CONFLICT');
    expect(codes).toContain('DUE_DATE_BEFORE_ISSUE');
    const conflict = doc.warnings.find((w) => w.code === 'DUE_DATE_CONFLICT')!;
    expect(conflict.message).toContain('2019-07-16');
    expect(conflict.message).toContain('2019-11-13');
  });

  it('texto con mojibake ("crÃ©dito" en un cargo) se advierte', () => {
    expect(doc.allowanceCharges[4]!.reason).toBe('Cargo financiero estudio de crÃ©dito');
    expect(warningCodes(doc)).toEqual(['DUE_DATE_CONFLICT', 'DUE_DATE_BEFORE_ISSUE', 'MOJIBAKE', 'DIAN_VALIDATION_ABSENT']);
  });

  it('partes: entidad &amp; decodificada, consumidor final con cédula y esquema ZY', () => {
    expect(doc.supplier.name).toBe('A & M INTERNACIONAL DE COMERCIO SAS');
    expect(doc.supplier.nit).toBe('99998888');
    expect(doc.supplier.dvComputed).toBe('6');
    expect(doc.supplier.responsibilities).toEqual(['O-06']); // legacy
    expect(doc.supplier.ciiu).toEqual(['1']);
    expect(doc.supplier.personType).toBe('juridica'); // AdditionalAccountID with schemeAgencyID attribute
    expect(doc.customer).toMatchObject({ nit: '2222222222', idType: '13', personType: 'natural', name: 'consumidor o usuario final' });
    expect(doc.customer.taxScheme).toEqual({ id: 'ZY', name: 'No causa' });
  });

  it('líneas: cargo de línea, gratuita, sin impuestos y cantidad 2 a precio 0', () => {
    expect(doc.lines.map((l) => [l.id, l.quantity, l.lineTotal, l.unitPrice, l.freeOfCharge])).toEqual([
      ['1', '1', '250000.00', '300000', false], // 250000 + 50000 discount
      ['2', '2', '0.00', '0', true],
      ['3', '1', '1410000.00', '1400000', false], // 1410000 − 10000 charge
      ['4', '1', '20000.00', '20000', false],
      ['5', '1', '40000.00', '40000', false],
      ['6', '2', '0.00', '0', false],
    ]);
    expect(doc.lines[1]!.referencePrice).toEqual({ amount: '100000.00', typeCode: '03' });
    expect(doc.lines[3]!.taxes).toEqual([]); // "Servicio (excluido)": no TaxTotal
    expect(doc.lines[0]!.notes).toEqual(['asd']);
    expect(doc.lines[5]!.taxes).toEqual([{ code: '22', name: 'Bolsas', amount: '60.00', perUnit: { amount: '30.00', quantity: '1', unitCode: 'NIU' } }]);
  });

  it('referencias a nota crédito y nota débito; tasa COP→COP 1 sin advertencia', () => {
    expect(doc.billingReferences.map((r) => r.number)).toEqual(['NCE20190500010', 'NDSETP990000020']);
    expect(doc.exchangeRate).toEqual({ sourceCurrency: 'COP', targetCurrency: 'COP', rate: '1', date: '2019-02-18' });
    expect(doc.orderReference).toBe('546326432432');
  });
});

describe('impuestos por unidad: IBUA e ICUI', () => {
  it('ejemplificacionIBUA-3: tres subtotales IBUA (34) por unidad, sin base ni porcentaje', () => {
    const doc = readFixture('dian-toolkit__ejemplificacionIBUA-3.xml');
    const perUnit = (amount: string) => ({ amount, quantity: '35000', unitCode: 'ML' }); // BaseUnitMeasure 35000.00 ML
    expect(doc.taxes).toEqual([
      { code: '01', name: 'IVA', rate: '19', base: '300000.00', amount: '57000.00' },
      { code: '34', name: 'IBUA', amount: '0.00', perUnit: perUnit('0.00') },
      { code: '34', name: 'IBUA', amount: '6300.00', perUnit: perUnit('18.00') }, // 18 × 35000 / 100
      { code: '34', name: 'IBUA', amount: '12250.00', perUnit: perUnit('35.00') }, // 35 × 35000 / 100
    ]);
    expect(doc.lines[2]!.taxes[1]).toEqual({ code: '34', name: 'IBUA', amount: '12250.00', perUnit: perUnit('35.00') });
    expect(doc.totals.taxInclusive).toBe('375550.00');
    expect(doc.totals.payable).toBe('375550.00');
    expect(doc.operationType).toBe('05');
    // PaymentDueDate 2021-01-01 precedes IssueDate 2023-05-09.
    expect(doc.dueDate).toBe('2023-05-09');
    expect(warningCodes(doc)).toEqual(['DUE_DATE_BEFORE_ISSUE', 'DIAN_VALIDATION_ABSENT']);
  });

  it('ejemplificacionICUI: ICUI (35) al 10 % sobre 100000', () => {
    const doc = readFixture('dian-toolkit__ejemplificacionICUI.xml');
    expect(doc.taxes).toEqual([
      { code: '01', name: 'IVA', rate: '19', base: '100000.00', amount: '19000.00' },
      { code: '35', name: 'ICUI', rate: '10', base: '100000.00', amount: '10000.00' },
    ]);
    expect(doc.lines[0]).toMatchObject({ quantity: '10', lineTotal: '100000.00', unitPrice: '10000', priceAmount: '10000.00', baseQuantity: '10' });
    expect(doc.totals.payable).toBe('129000.00');
  });
});

describe('Ejemplificacion_Muestras_Gratis: muestra gratis, se paga solo el IVA', () => {
  const doc = readFixture('dian-toolkit__Ejemplificacion_Muestras_Gratis.xml');

  it('línea gratuita con precio de referencia', () => {
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]).toMatchObject({
      description: 'Prod  Gratis con Impuestos',
      quantity: '1',
      lineTotal: '0.00',
      unitPrice: '0',
      freeOfCharge: true, // FreeOfChargeIndicator true
      referencePrice: { amount: '1000000.00', typeCode: '01' }, // AlternativeConditionPrice 1000000 / PriceTypeCode 01
      taxes: [{ code: '01', name: 'IVA', rate: '19', base: '1000000.00', amount: '190000.00' }],
    });
  });

  it('total a pagar = IVA de la referencia', () => {
    expect(doc.totals).toEqual({
      lineExtension: '0.00',
      taxExclusive: '1000000.00',
      taxInclusive: '190000.00',
      allowances: '0.00',
      charges: '0.00',
      prepaid: '0.00',
      rounding: '0.00',
      payable: '190000.00',
    });
    expect(warningCodes(doc)).toEqual(['DIAN_VALIDATION_ABSENT']);
  });
});

describe('Generica: anticipo mal restado, DV distinto, línea gratuita', () => {
  const doc = readFixture('dian-toolkit__Generica.xml');

  it('encabezado y nota con la cadena del CUFE', () => {
    expect(doc.number).toBe('SETP990000002');
    expect(doc.cufe).toBe(GENERICA_CUFE);
    expect(doc.operationType).toBe('05'); // legacy CustomizationID, leading zero kept
    expect(doc.typeCode).toBe('01');
    expect(doc.dueDate).toBe('2019-06-30');
    expect(doc.notes[0]).toBe(
      'SETP9900000022019-06-2009:15:23-05:0012600.06012424.01040.00030.0014024.07900508908900108281fc8eac422eba16e22ffd8c6f94b3f40a6e38162c2',
    );
  });

  it('PrepaidAmount 1000 que el total a pagar no resta: advertencia, se registra lo impreso', () => {
    expect(doc.totals.prepaid).toBe('1000.00');
    expect(doc.totals.taxInclusive).toBe('15024.07');
    expect(doc.totals.payable).toBe('15024.07');
    expect(doc.prepaidPayments).toEqual([{ id: 'SFR3123856', amount: '1000.00', receivedDate: '2018-09-29' }]);
    const mismatch = doc.warnings.find((w) => w.code === 'PAYABLE_MISMATCH');
    expect(mismatch?.message).toContain('14024.07');
  });

  it('DV 4 en PartyTaxScheme y 9 en PartyLegalEntity para 800197268; el calculado es 4', () => {
    expect(doc.supplier.nit).toBe('800197268');
    expect(doc.supplier.dvSent).toBe('4');
    expect(doc.supplier.dvComputed).toBe('4');
    expect(doc.supplier.name).toBe('DIAN');
    expect(doc.supplier.tradeNames).toEqual(['Nombre Tienda', 'Establecimiento Principal', 'DIAN']);
    expect(warningCodes(doc)).toEqual(['DV_INCONSISTENT', 'PAYABLE_MISMATCH', 'DIAN_VALIDATION_ABSENT']);
    expect(doc.warnings[0]!.message).toMatch(/4 y 9/);
  });

  it('línea 2 gratuita (FreeOfChargeIndicator) con IVA 16 % sobre 187.50', () => {
    expect(doc.lines[1]).toMatchObject({
      id: '2',
      description: 'Bolsa',
      lineTotal: '0.00',
      freeOfCharge: true,
      referencePrice: { amount: '100.00', typeCode: '03' },
      taxes: [{ code: '01', name: 'IVA', rate: '16', base: '187.50', amount: '30.00' }],
    });
    expect(doc.lines[0]).toMatchObject({ lineTotal: '12600.06', unitPrice: '18900' }); // 18900 − 6299.94
    expect(doc.lines[0]!.additionalCodes).toEqual([{ id: '6543542313534', schemeId: '999', scheme: 'own', schemeName: 'EAN13' }]);
  });
});

describe('ubl21dian__invoice_signed_dian_v2: la misma Genérica con el total bien restado', () => {
  it('total a pagar 14024.07 sin advertencia de total', () => {
    const doc = readFixture('ubl21dian__invoice_signed_dian_v2.xml');
    expect(doc.cufe).toBe(GENERICA_CUFE);
    expect(doc.totals.prepaid).toBe('1000.00');
    expect(doc.totals.payable).toBe('14024.07'); // 15024.07 − 1000
    expect(warningCodes(doc)).not.toContain('PAYABLE_MISMATCH');
    expect(warningCodes(doc)).toEqual(['DV_INCONSISTENT', 'DIAN_VALIDATION_ABSENT']);
  });
});

describe('Generica_ingresos_terceros: ingresos recibidos para terceros', () => {
  const doc = readFixture('dian-toolkit__Generica_ingresos_terceros.xml');

  it('ID@schemeID 1 marca la línea de terceros; los ID se repiten', () => {
    expect(doc.lines.map((l) => [l.id, l.position, l.thirdPartyIncome, l.lineTotal])).toEqual([
      ['1', 1, false, '12600.06'], // cbc:ID schemeID="0"
      ['1', 2, true, '100000.00'], // cbc:ID schemeID="1"
    ]);
    expect(doc.lines[0]!.notes).toEqual(['B/S ingreso propio']);
    expect(doc.lines[1]!.notes).toEqual(['B/S Ingresos Recibidos para Terceros']);
    expect(doc.lines[1]).toMatchObject({ description: 'caja', brand: 'bucaramanga', model: 'clasico' });
    expect(warningCodes(doc)).toContain('DUPLICATE_LINE_ID');
  });

  it('el subtotal del documento solo suma la línea propia: sin advertencia de líneas', () => {
    expect(doc.totals.lineExtension).toBe('12600.06');
    expect(warningCodes(doc)).not.toContain('LINES_TOTAL_MISMATCH');
    // Line 1 has PriceAmount 18900 but no AllowanceCharge for the 6299.94 discount: DIAN's sample is inconsistent.
    expect(warningCodes(doc)).toEqual(['DV_INCONSISTENT', 'LINE_AMOUNT_MISMATCH', 'DUPLICATE_LINE_ID', 'PAYABLE_MISMATCH', 'DIAN_VALIDATION_ABSENT']);
  });
});

describe('eventos RADIAN', () => {
  it('031 reclamo: concepto 02 (mercancía no entregada) y CUFE referenciado', () => {
    const doc = readFixture('dian-toolkit__RADIAN_031_-_Reclamo_de_la_factura_Electronica_de_Venta.xml');
    expect(doc.kind).toBe('radian-event');
    expect(doc.number).toBe('REC00001');
    expect(doc.cufe).toBe('715fcad8d4c028b95da390ade9e07e9b6c88127a77c19d1d6777b1991ddd2e9b58032c06f565239f5838de10235b2821');
    expect(doc.cufeScheme).toBe('CUDE-SHA384');
    expect(doc.issueDate).toBe('2020-01-01');
    expect(doc.response).toEqual({
      code: '031', // DocumentResponse/Response/ResponseCode
      description: 'Reclamo de la Factura Electrónica de Venta',
      claimCode: '02', // ResponseCode@listID
      claimName: 'Mercancía no entregada', // ResponseCode@name
      referencedDocument: {
        number: 'NALF110',
        uuid: '9bc549b86a0ba1f8241b94f270ddce41bfbc7ff0bcc50bbc384db0a2a203bbcf9ec62de1a41d84f21b5d60f55aef7cb7',
        uuidScheme: 'CUFE-SHA384',
        typeCode: '01',
      },
      notes: [],
    });
    expect(doc.supplier).toMatchObject({ nit: '901781456', name: 'Dog Chow', dvSent: '4', dvComputed: '3' }); // SenderParty
    expect(doc.customer).toMatchObject({ nit: '72659841521', name: 'fulanito de tal', dvSent: '4', dvComputed: '8' }); // ReceiverParty
    expect(doc.lines).toEqual([]);
    expect(doc.totals.payable).toBe('0.00');
    expect(warningCodes(doc)).toEqual(['DV_MISMATCH', 'DV_MISMATCH']);
  });

  it('030 acuse de recibo: persona que lo hizo (DocumentResponse/IssuerParty/Person)', () => {
    const doc = readFixture('dian-toolkit__RADIAN_030_-_Acuse_ReciboFEV.xml');
    expect(doc.kind).toBe('radian-event');
    expect(doc.number).toBe('ACR0021');
    expect(doc.cufe).toBe('38e5e41cb74e974e9b1e5b51a5fdaa767cfeb0df033e354d651b2738dd625957ac4c639450bcbb9f63e0ae944b4b33be');
    expect(doc.response?.code).toBe('030');
    expect(doc.response?.claimCode).toBeUndefined();
    expect(doc.response?.referencedDocument).toEqual({
      number: 'SETG980000358',
      uuid: 'f2a09fc9a83fbc7b2a14e4adc89ef5917c96f375a3d102ce4e2d20d5cf64e1ca6ff8a618e3c14bb43a783a1595e8fc09',
      uuidScheme: 'CUFE-SHA384',
      typeCode: '01',
    });
    expect(doc.response?.issuerPerson).toBe('solo Pruebas'); // FirstName "solo", FamilyName "Pruebas " (trimmed)
    expect(doc.supplier).toMatchObject({ nit: '900373979', name: 'Pruebas' });
    expect(doc.customer).toMatchObject({ nit: '900373972', name: 'FACTURA ELECTRONICA USUARIO PRUEBAS MIGRACION' });
    expect(doc.notes).toHaveLength(2);
    // Events are not booked: no "validation absent" warning on them.
    expect(warningCodes(doc)).not.toContain('DIAN_VALIDATION_ABSENT');
  });
});

describe('ICA y ReteICA se expresan por mil', () => {
  /** Genérica with its document-level ICA subtotal (0.00 at 0.00 %) replaced by the given values. */
  function genericaWithIca(percent: string, amount: string): string {
    const ica =
      /(<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="COP">)0\.00(<\/cbc:TaxAmount>\s*<cac:TaxSubtotal>\s*<cbc:TaxableAmount currencyID="COP">)0\.00(<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="COP">)0\.00(<\/cbc:TaxAmount>\s*<cac:TaxCategory>\s*<cbc:Percent>)0\.00(<\/cbc:Percent>\s*<cac:TaxScheme>\s*<cbc:ID>03<\/cbc:ID>)/;
    const xml = fixtureText('dian-toolkit__Generica.xml');
    expect(xml).toMatch(ica);
    return xml.replace(ica, `$1${amount}$2${'12600.06'}$3${amount}$4${percent}$5`);
  }

  it('ICA 9.66 ‰ sobre 12600.06 = 121.72: sin advertencia de tarifa', () => {
    const doc = readOne(genericaWithIca('9.66', '121.72'));
    expect(doc.taxes.find((t) => t.code === '03')).toEqual({ code: '03', name: 'ICA', rate: '9.66', perMille: true, base: '12600.06', amount: '121.72' });
    expect(warningCodes(doc)).not.toContain('TAX_RATE_MISMATCH');
  });

  it('el mismo ICA calculado por cien (1217.17) sí se advierte', () => {
    const doc = readOne(genericaWithIca('9.66', '1217.17'));
    expect(warningCodes(doc)).toContain('TAX_RATE_MISMATCH');
  });

  it('los demás tributos no llevan la marca perMille', () => {
    const doc = readFixture('dian-toolkit__Generica.xml');
    expect(doc.taxes.filter((t) => t.perMille).map((t) => t.code)).toEqual(['03']);
  });
});
