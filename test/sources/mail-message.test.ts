import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDianXml, readMailMessage } from '../../server/sources/mail-message';
import { encoder } from '../support/fixtures';
import { bEncodeFolded, eml, invoiceXml, invoiceZip, PDF_BYTES, qEncode } from './mail-fixtures';

const NIT = '900111222';

describe('readMailMessage: parsing .eml without a server', () => {
  it('compliant subject with the usual ZIP (XML + PDF)', async () => {
    const zip = invoiceZip(invoiceXml(NIT, 'compliant'));
    const reading = await readMailMessage(
      eml({
        subject: '900373076;Proveedor de Pruebas SAS;FE1001;01;Proveedor de Pruebas',
        messageId: '<fe1001@proveedor.test>',
        parts: [{ contentType: 'application/zip', filename: 'z09003730760002600001001.zip', body: zip }],
      }),
    );
    expect(reading.messageId).toBe('<fe1001@proveedor.test>');
    expect(reading.key).toBe('<fe1001@proveedor.test>');
    expect(reading.dianSubject).toEqual({ nit: '900373076', issuerName: 'Proveedor de Pruebas SAS', number: 'FE1001', typeCode: '01', tradeName: 'Proveedor de Pruebas' });
    expect(reading.parts).toHaveLength(1);
    expect(reading.parts[0]).toMatchObject({ name: 'z09003730760002600001001.zip', kind: 'zip' });
    expect(Buffer.from(reading.parts[0]!.bytes).equals(Buffer.from(zip))).toBe(true);
    expect(reading.skip).toBeUndefined();
  });

  it('RFC 2047 Q-encoded subject: decoded before splitting (the «;» travels as =3B)', async () => {
    const subject = '800987654;Compañía Ñandú S.A.S.;SETP990001;01;Ñandú';
    const encoded = qEncode(subject);
    expect(encoded).toContain('=3B');
    const reading = await readMailMessage(eml({ subject: encoded, parts: [{ contentType: 'application/zip', filename: 'f.zip', body: invoiceZip(invoiceXml(NIT, 'q')) }] }));
    expect(reading.subject).toBe(subject);
    expect(reading.dianSubject).toMatchObject({ nit: '800987654', issuerName: 'Compañía Ñandú S.A.S.', number: 'SETP990001', tradeName: 'Ñandú' });
  });

  it('long subject folded over several lines in several base64 encoded words', async () => {
    const subject = '811222333;Distribuidora de Alimentos y Bebidas del Pacífico S.A.S.;FEPA000123;01;Alimentos del Pacífico;Compras';
    const folded = bEncodeFolded(subject);
    expect(folded).toContain('\r\n ');
    const reading = await readMailMessage(eml({ subject: folded, parts: [{ contentType: 'application/zip', filename: 'f.zip', body: invoiceZip(invoiceXml(NIT, 'b')) }] }));
    expect(reading.subject).toBe(subject);
    expect(reading.dianSubject).toMatchObject({ nit: '811222333', number: 'FEPA000123', businessLine: 'Compras' });
  });

  it('plain subject folded by the sender (header continuation line)', async () => {
    const reading = await readMailMessage(eml({ subject: '900123456;Facturador Ejemplo SAS;\r\n FEV500;01;Facturador Ejemplo', parts: [{ contentType: 'application/zip', filename: 'f.zip', body: invoiceZip(invoiceXml(NIT, 'f')) }] }));
    expect(reading.dianSubject).toMatchObject({ nit: '900123456', number: 'FEV500', typeCode: '01' });
  });

  it('ZIP sent as application/octet-stream, and one disguised as a PDF: found by magic bytes', async () => {
    const reading = await readMailMessage(
      eml({
        subject: '811222333;Otro Proveedor SAS;FE77;01;Otro',
        parts: [
          { contentType: 'application/octet-stream', filename: 'FE77.ZIP', body: invoiceZip(invoiceXml(NIT, 'octet')) },
          { contentType: 'application/pdf', filename: 'factura.pdf', body: invoiceZip(invoiceXml(NIT, 'disguised')) },
          { contentType: 'application/zip', filename: 'no-es-zip.zip', body: 'esto no es un zip' },
        ],
      }),
    );
    expect(reading.parts.map((p) => [p.name, p.kind])).toEqual([
      ['FE77.ZIP', 'zip'],
      ['factura.pdf', 'zip'],
    ]);
    expect(reading.ignored.map((a) => a.name)).toEqual(['no-es-zip.zip']);
  });

  it('unzipped XML + PDF pair with a non-DIAN subject (iDempiere): the XML is received, the PDF ignored', async () => {
    const reading = await readMailMessage(
      eml({
        subject: '900123456-Proveedor SAS 01-FE1234',
        parts: [
          { contentType: 'application/xml', filename: 'FE1234.xml', body: invoiceXml(NIT, 'idempiere') },
          { contentType: 'application/pdf', filename: 'FE1234.pdf', body: PDF_BYTES },
        ],
      }),
    );
    expect(reading.dianSubject).toBeUndefined();
    expect(reading.parts.map((p) => [p.name, p.kind])).toEqual([['FE1234.xml', 'xml']]);
    expect(reading.ignored.map((a) => a.name)).toEqual(['FE1234.pdf']);
  });

  it('bare XML sent as text/xml without a file name is still found', async () => {
    const reading = await readMailMessage(eml({ subject: 'Factura', parts: [{ contentType: 'text/xml; charset=utf-8', disposition: 'attachment', body: invoiceXml(NIT, 'textxml') }] }));
    expect(reading.parts).toHaveLength(1);
    expect(reading.parts[0]!.kind).toBe('xml');
  });

  it('portal-link-only message: nothing to receive, with the reason', async () => {
    const reading = await readMailMessage(
      eml({
        subject: '900123456;Facturador Ejemplo SAS;FEV501;01;Facturador Ejemplo',
        text: 'Estimado cliente, descargue su factura electrónica en https://portal.proveedor.test/descargar?id=FEV501',
      }),
    );
    expect(reading.parts).toEqual([]);
    expect(reading.skip?.code).toBe('PORTAL_LINK_ONLY');
    expect(reading.skip?.reason).toContain('FEV501');
  });

  it('spam: nothing to receive', async () => {
    const reading = await readMailMessage(eml({ subject: 'Oferta especial', text: 'Compre ya, 50% de descuento.' }));
    expect(reading.parts).toEqual([]);
    expect(reading.dianSubject).toBeUndefined();
    expect(reading.skip?.code).toBe('NO_DIAN_CONTENT');
  });

  it('only the PDF: nothing to receive, and says the XML is missing', async () => {
    const reading = await readMailMessage(eml({ subject: '900123456;Facturador Ejemplo SAS;FEV502;01;X', parts: [{ contentType: 'application/pdf', filename: 'FEV502.pdf', body: PDF_BYTES }] }));
    expect(reading.skip?.code).toBe('PDF_ONLY');
  });

  it('XML that is not a DIAN document is ignored', async () => {
    const reading = await readMailMessage(eml({ subject: 'Boletín', parts: [{ contentType: 'application/xml', filename: 'feed.xml', body: '<?xml version="1.0"?><rss version="2.0"><channel/></rss>' }] }));
    expect(reading.parts).toEqual([]);
    expect(reading.ignored.map((a) => a.name)).toEqual(['feed.xml']);
  });

  it.each(['7bit', 'base64'] as const)('looks into a forwarded message (message/rfc822, %s)', async (encoding) => {
    const inner = eml({ subject: '900123456;Facturador Ejemplo SAS;FEV503;01;X', parts: [{ contentType: 'application/zip', filename: 'FEV503.zip', body: invoiceZip(invoiceXml(NIT, 'fwd')) }] });
    const reading = await readMailMessage(eml({ subject: 'RV: factura', parts: [{ contentType: 'message/rfc822', filename: 'reenviado.eml', body: inner, encoding }] }));
    expect(reading.parts.map((p) => [p.name, p.kind])).toEqual([['FEV503.zip', 'zip']]);
  });

  it('without Message-ID the key is the hash of the raw message; the parts digest only depends on DIAN parts', async () => {
    const zip = invoiceZip(invoiceXml(NIT, 'digest'));
    const one = await readMailMessage(eml({ subject: 'a', messageId: null, parts: [{ contentType: 'application/zip', filename: 'a.zip', body: zip }] }));
    const two = await readMailMessage(eml({ subject: 'b', messageId: '<b@x>', parts: [{ contentType: 'application/zip', filename: 'b.zip', body: zip }, { contentType: 'application/pdf', filename: 'b.pdf', body: PDF_BYTES }] }));
    const other = await readMailMessage(eml({ subject: 'c', messageId: '<c@x>', parts: [{ contentType: 'application/zip', filename: 'c.zip', body: invoiceZip(invoiceXml(NIT, 'other')) }] }));
    expect(one.messageId).toBeUndefined();
    expect(one.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(one.partsDigest).toBe(two.partsDigest);
    expect(other.partsDigest).not.toBe(one.partsDigest);
  });
});

describe('isDianXml', () => {
  it('recognizes DIAN roots with any prefix, after prolog and comments, in UTF-8 or UTF-16', () => {
    expect(isDianXml(encoder.encode('<?xml version="1.0"?>\n<!-- firmado --><AttachedDocument xmlns="x"/>'))).toBe(true);
    expect(isDianXml(encoder.encode('\uFEFF<fe:Invoice xmlns:fe="x">'))).toBe(true);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><CreditNote/>', 'utf16le')]);
    expect(isDianXml(utf16)).toBe(true);
    expect(isDianXml(encoder.encode('<html><body/></html>'))).toBe(false);
    expect(isDianXml(zipSync({ 'a.xml': encoder.encode('<Invoice/>') }))).toBe(false);
  });
});
