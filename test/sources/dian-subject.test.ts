import { describe, expect, it } from 'vitest';
import { parseDianSubject } from '../../server/sources/dian-subject';

describe('parseDianSubject (Anexo Técnico 9.1)', () => {
  it('reads the annex example, trimming the spaces it puts after separators', () => {
    expect(parseDianSubject('99998888; Facturador Ejemplo; FEV500;01; Facturador Ejemplo;ContabilidadBog')).toEqual({
      nit: '99998888',
      issuerName: 'Facturador Ejemplo',
      number: 'FEV500',
      typeCode: '01',
      tradeName: 'Facturador Ejemplo',
      businessLine: 'ContabilidadBog',
    });
  });

  it('accepts five fields, a trailing separator and a documento equivalente (60)', () => {
    expect(parseDianSubject('890399003; EMCALI EICE ESP; 2950366;60; EMCALI;')).toEqual({ nit: '890399003', issuerName: 'EMCALI EICE ESP', number: '2950366', typeCode: '60', tradeName: 'EMCALI' });
  });

  it('normalizes a NIT written with dots or with its DV, and a forwarded subject', () => {
    expect(parseDianSubject('RV: Fwd: 900.123.456-7;Ñandú S.A.S.;SETP990001;91;Ñandú')).toMatchObject({ nit: '900123456', issuerName: 'Ñandú S.A.S.', number: 'SETP990001', typeCode: '91' });
  });

  it('tolerates line breaks left by unfolding', () => {
    expect(parseDianSubject('901280137;TEXMALL SAS;\n FVET2254;01;TEXMALL SAS')).toMatchObject({ nit: '901280137', number: 'FVET2254' });
  });

  it.each([
    ['spam', 'Oferta especial: 50% de descuento'],
    ['iDempiere style', '900123456-Proveedor SAS 01-FE1234'],
    ['too few fields', '900123456;Proveedor;FE1'],
    ['NIT is not a number', 'Factura;Proveedor;FE1;01;Proveedor'],
    ['type code is not a code', '900123456;Proveedor;FE1;factura;Proveedor'],
    ['empty', ''],
  ])('returns undefined for %s', (_label, subject) => {
    expect(parseDianSubject(subject)).toBeUndefined();
  });
});
