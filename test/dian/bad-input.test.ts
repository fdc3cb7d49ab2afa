import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDianFile } from '../../server/dian';
import { fixtureText } from '../support/fixtures';
import { encoder, expectRefused, fixtureBytes, readOne, refusals, warningCodes } from './read-helpers';

/**
 * Hostile and broken input. The reader must answer every file with typed outcomes (stable code + Spanish reason),
 * never throw, never hang and never expand a bomb. Inputs are built from the real samples where that makes the
 * case realistic.
 */

const GENERICA = 'dian-toolkit__Generica.xml';
const VOLT = 'volt__example.js.AttachedDocument.xml';
const generica = fixtureText(GENERICA);
const volt = fixtureText(VOLT);
const VOLT_CUFE = 'e79f0bd45e5c0494ad03f6dc0d5ae3f7eff36324420feb8cca67419669c05e661eb056fd70dab877aed93451ad2511d7';
const UBL_INVOICE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';

function zip(entries: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? encoder.encode(content) : content;
  return zipSync(files, { level });
}

/** The CDATA sections of the volt container: [signed Invoice, DIAN ApplicationResponse]. */
function voltParts(): { invoice: string; response: string } {
  const sections = [...volt.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]!);
  expect(sections).toHaveLength(2);
  expect(sections[0]).toContain('<Invoice ');
  expect(sections[1]).toContain('<ApplicationResponse ');
  return { invoice: sections[0]!, response: sections[1]! };
}

/** Replaces exactly one occurrence, failing the test if the text is absent or repeated (edits must be precise). */
function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  expect(first, `«${search}» no está en el texto`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(search, first + 1), `«${search}» aparece más de una vez`).toBe(-1);
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}

describe('archivos vacíos o que no son XML', () => {
  it('archivo vacío', () => {
    expectRefused(new Uint8Array(0), 'EMPTY_FILE');
  });

  it('bytes que no son XML', () => {
    expectRefused(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10, 0x20]), 'NOT_XML');
    expectRefused('Factura No. 123 por $1.000.000', 'NOT_XML');
    expectRefused('{"cufe": "abc"}', 'NOT_XML');
  });

  it('un PDF suelto no es un documento', () => {
    const refused = expectRefused('%PDF-1.7\n…', 'NOT_XML');
    expect(refused.error.message).toContain('PDF');
  });

  it('solo espacios o solo la declaración XML', () => {
    expectRefused('   \n\t  ', 'NOT_XML');
    expectRefused('<?xml version="1.0" encoding="UTF-8"?>', 'NOT_XML');
  });
});

describe('XML truncado', () => {
  const cuts = (text: string) => [10, 100, 1000, Math.floor(text.length / 4), Math.floor(text.length / 2), text.length - 40, text.length - 5];

  it.each(cuts(generica))('Genérica cortada en el carácter %i', (at) => {
    expectRefused(generica.slice(0, at), 'XML_TRUNCATED');
  });

  it('Genérica cortada justo después de LegalMonetaryTotal', () => {
    const end = generica.indexOf('</cac:LegalMonetaryTotal>') + '</cac:LegalMonetaryTotal>'.length;
    expectRefused(generica.slice(0, end), 'XML_TRUNCATED');
  });

  it('contenedor cortado dentro del CDATA de la factura', () => {
    expectRefused(volt.slice(0, volt.indexOf('<cac:InvoiceLine>')), 'XML_TRUNCATED');
  });

  it('contenedor completo cuyo CDATA trae una factura truncada', () => {
    const { invoice } = voltParts();
    const cut = invoice.slice(0, invoice.indexOf('<cac:LegalMonetaryTotal>'));
    expectRefused(replaceOnce(volt, invoice, cut), 'XML_TRUNCATED');
  });
});

describe('DOCTYPE y declaraciones de entidades', () => {
  it('billion laughs', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Invoice [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 8 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      `<Invoice xmlns="${UBL_INVOICE_NS}"><cbc:Note>&lol8;</cbc:Note></Invoice>`,
    ].join('\n');
    expectRefused(lol, 'XML_DOCTYPE_FORBIDDEN');
  });

  it('entidad externa SYSTEM "file:///etc/passwd" en una factura real', () => {
    const xxe = replaceOnce(
      generica,
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ).replace('<cbc:Note>', '<cbc:Note>&xxe;');
    const refused = expectRefused(xxe, 'XML_DOCTYPE_FORBIDDEN');
    expect(refused.error.message).not.toContain('root:');
    expect(refused.document).toBeUndefined();
  });

  it('una declaración ENTITY sin DOCTYPE más adelante en el documento', () => {
    expectRefused(replaceOnce(generica, '<cbc:UBLVersionID>', '<!ENTITY x "y"><cbc:UBLVersionID>'), 'XML_DOCTYPE_FORBIDDEN');
  });

  it('DOCTYPE en minúsculas', () => {
    expectRefused(`<!doctype Invoice><Invoice xmlns="${UBL_INVOICE_NS}"/>`, 'XML_DOCTYPE_FORBIDDEN');
  });

  it('DOCTYPE dentro del CDATA de un contenedor', () => {
    const { invoice } = voltParts();
    const withDoctype = invoice.replace('?><Invoice ', '?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice ');
    expect(withDoctype).not.toBe(invoice);
    expectRefused(replaceOnce(volt, invoice, withDoctype), 'XML_DOCTYPE_FORBIDDEN');
  });
});

describe('límites de tamaño', () => {
  it('XML más grande que maxXmlBytes', () => {
    const refused = expectRefused(generica, 'FILE_TOO_LARGE', { limits: { maxXmlBytes: 10_000 } });
    expect(refused.error.message).toContain('9,8 KB'); // 10 000 bytes, not "0 MB"
  });

  it('archivo más grande que maxFileBytes (antes de mirar su contenido)', () => {
    expectRefused(new Uint8Array(5_000).fill(0x41), 'FILE_TOO_LARGE', { limits: { maxFileBytes: 4_096 } });
  });

  it('XML dentro de un ZIP más grande que maxXmlBytes', () => {
    const result = readDianFile(zip({ 'fv.xml': generica }), { name: 'z.zip', limits: { maxXmlBytes: 10_000 } });
    const [refused] = refusals(result);
    expect(result.outcomes).toHaveLength(1);
    expect(refused?.error.code).toBe('FILE_TOO_LARGE');
    expect(refused?.source).toEqual(['z.zip', 'fv.xml']);
  });

  it('la misma factura bajo el límite se lee', () => {
    expect(readOne(generica, { limits: { maxXmlBytes: encoder.encode(generica).length } }).number).toBe('SETP990000002');
  });
});

describe('bombas ZIP', () => {
  it('proporción de compresión: 8 MiB de ceros en pocos KB', () => {
    const bomb = zip({ 'fv.xml': new Uint8Array(8 * 1024 * 1024) }, 9);
    expect(bomb.length).toBeLessThan(100_000);
    const refused = expectRefused(bomb, 'ZIP_TOO_LARGE', { name: 'bomba.zip' });
    expect(refused.error.message).toMatch(/bomba/i);
    expect(refused.source).toEqual(['bomba.zip']);
  });

  it('tamaño total descomprimido por encima del límite', () => {
    const four = zip({ 'a.xml': generica, 'b.xml': fixtureText('dian-toolkit__CreditNote.xml'), 'c.xml': fixtureText('dian-toolkit__DebitNote.xml'), 'd.xml': volt });
    expectRefused(four, 'ZIP_TOO_LARGE', { limits: { maxUncompressedBytes: 100_000 } });
  });

  it('el presupuesto de tamaño se comparte entre ZIP anidados', () => {
    const inner = zip({ 'a.xml': generica, 'b.xml': fixtureText('dian-toolkit__CreditNote.xml') });
    const outer = zip({ 'c.xml': volt, 'anexos.zip': inner }, 0);
    const result = readDianFile(outer, { name: 'z.zip', limits: { maxUncompressedBytes: 100_000 } });
    const codes = refusals(result).map((o) => o.error.code);
    expect(codes).toContain('ZIP_TOO_LARGE');
  });

  it('cabeceras que mienten sobre el tamaño: se lee solo lo declarado y termina en error tipado', () => {
    // A real invoice followed by 40 MiB of spaces, declared as 2000 bytes in both local and central headers.
    const padded = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    padded.set(encoder.encode(generica));
    const lying = zip({ 'fv.xml': padded }, 9);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    view.setUint32(22, 2000, true); // local header: uncompressed size
    const central = findSignature(lying, 0x02014b50);
    view.setUint32(central + 24, 2000, true); // central directory: uncompressed size
    const result = readDianFile(lying, { name: 'mentira.zip' });
    const [refused] = refusals(result);
    expect(result.outcomes).toHaveLength(1);
    expect(refused?.error.code).toBe('XML_TRUNCATED');
    expect(refused?.source).toEqual(['mentira.zip', 'fv.xml']);
  });

  it('un tamaño declarado enorme se rechaza sin descomprimir', () => {
    const lying = zip({ 'fv.xml': generica });
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    view.setUint32(22, 0xfff00000, true);
    view.setUint32(findSignature(lying, 0x02014b50) + 24, 0xfff00000, true);
    expectRefused(lying, 'ZIP_TOO_LARGE');
  });

  it('demasiados archivos en el ZIP', () => {
    const many = zip(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, 'x'])));
    expectRefused(many, 'ZIP_TOO_MANY_ENTRIES', { limits: { maxEntries: 5 } });
  });

  it('ZIP dañado', () => {
    const broken = zip({ 'fv.xml': generica }).slice(0, 200);
    expectRefused(broken, 'ZIP_INVALID');
  });
});

describe('rutas inseguras dentro del ZIP', () => {
  it('../x.xml, /etc/x.xml y C:\\x.xml se rechazan y el resto del ZIP se lee', () => {
    const hostile = zip({ '../x.xml': generica, '/etc/x.xml': generica, 'C:\\x.xml': generica, 'ok.xml': generica });
    const result = readDianFile(hostile, { name: 'z.zip' });
    const refused = refusals(result);
    expect(refused.map((o) => [o.error.code, o.source])).toEqual([
      ['ZIP_UNSAFE_PATH', ['z.zip', '../x.xml']],
      ['ZIP_UNSAFE_PATH', ['z.zip', '/etc/x.xml']],
      ['ZIP_UNSAFE_PATH', ['z.zip', 'C:\\x.xml']],
    ]);
    const read = result.outcomes.filter((o) => o.ok);
    expect(read).toHaveLength(1);
    expect(read[0]!.source).toEqual(['z.zip', 'ok.xml']);
  });

  it('.. en medio de la ruta también es inseguro; un nombre con puntos no', () => {
    const result = readDianFile(zip({ 'a/../../x.xml': generica, 'fv..2019.xml': generica }), { name: 'z.zip' });
    expect(refusals(result).map((o) => o.error.code)).toEqual(['ZIP_UNSAFE_PATH']);
    expect(result.outcomes.filter((o) => o.ok).map((o) => o.source)).toEqual([['z.zip', 'fv..2019.xml']]);
  });
});

describe('ZIP anidados', () => {
  it('más profundo que el límite: ZIP_TOO_DEEP', () => {
    const nested = zip({ 'n1.zip': zip({ 'n2.zip': zip({ 'fv.xml': generica }) }) });
    const result = readDianFile(nested, { name: 'z.zip', limits: { maxZipDepth: 2 } });
    const refused = refusals(result);
    expect(refused.map((o) => [o.error.code, o.source])).toEqual([['ZIP_TOO_DEEP', ['z.zip', 'n1.zip', 'n2.zip']]]);
    expect(result.outcomes).toHaveLength(1);
  });

  it('dentro del límite se lee, con la ruta completa', () => {
    const nested = zip({ 'anexos.zip': zip({ 'fv.xml': generica }) });
    const result = readDianFile(nested, { name: 'z.zip' });
    expect(result.outcomes).toHaveLength(1);
    const outcome = result.outcomes[0]!;
    expect(outcome.ok).toBe(true);
    expect(outcome.source).toEqual(['z.zip', 'anexos.zip', 'fv.xml']);
    if (outcome.ok) expect(outcome.document.number).toBe('SETP990000002');
  });
});

describe('ZIP con anexos', () => {
  it('XML + PDF: el PDF es un adjunto de tipo pdf', () => {
    const pdf = encoder.encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const result = readDianFile(zip({ 'ad0900.xml': volt, 'ad0900.pdf': pdf }), { name: 'z0900.zip' });
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]!.ok).toBe(true);
    expect(result.attachments).toHaveLength(1);
    expect(result.attachments[0]).toMatchObject({ source: ['z0900.zip', 'ad0900.pdf'], kind: 'pdf', size: pdf.length });
  });

  it('otros anexos son de tipo other', () => {
    const result = readDianFile(zip({ 'fv.xml': generica, 'leeme.txt': 'hola' }), { name: 'z.zip' });
    expect(result.attachments.map((a) => [a.kind, a.source])).toEqual([['other', ['z.zip', 'leeme.txt']]]);
  });

  it('ZIP sin documentos XML: ZIP_NO_DOCUMENTS', () => {
    const pdfOnly = zip({ 'factura.pdf': '%PDF-1.4\n%%EOF\n' });
    const result = readDianFile(pdfOnly, { name: 'z.zip' });
    expect(refusals(result).map((o) => o.error.code)).toEqual(['ZIP_NO_DOCUMENTS']);
    expect(result.attachments.map((a) => a.kind)).toEqual(['pdf']);
    expectRefused(zip({}), 'ZIP_NO_DOCUMENTS');
  });
});

describe('raíz equivocada o desconocida', () => {
  it('<Foo/>', () => {
    const refused = expectRefused('<Foo/>', 'NOT_DIAN_DOCUMENT');
    expect(refused.error.message).toContain('<Foo>');
  });

  it('HTML', () => {
    expectRefused('<!-- correo --><html><body>Su factura</body></html>', 'NOT_DIAN_DOCUMENT');
  });

  it('Invoice sin el espacio de nombres UBL', () => {
    expectRefused('<Invoice><cbc:ID>1</cbc:ID></Invoice>', 'NOT_DIAN_DOCUMENT');
    expectRefused(generica.replace(`xmlns="${UBL_INVOICE_NS}"`, 'xmlns="urn:example:invoice"'), 'NOT_DIAN_DOCUMENT');
  });

  it('con prefijo en la raíz y el espacio de nombres correcto sí se lee', () => {
    const prefixed = generica
      .replace(`<Invoice xmlns="${UBL_INVOICE_NS}"`, `<fe:Invoice xmlns:fe="${UBL_INVOICE_NS}"`)
      .replace(/<\/Invoice>\s*$/, '</fe:Invoice>');
    expect(readOne(prefixed).number).toBe('SETP990000002');
  });
});

describe('codificación', () => {
  it('BOM UTF-8 aceptado', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(generica)]);
    const doc = readOne(bytes);
    expect(doc.number).toBe('SETP990000002');
    expect(warningCodes(doc)).not.toContain('ENCODING_FALLBACK');
  });

  it('declaración ISO-8859-1 con «Compañía» en bytes latin-1', () => {
    const xml = replaceOnce(generica, 'encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
      '<cbc:RegistrationName>DIAN</cbc:RegistrationName>',
      '<cbc:RegistrationName>Compañía Ñandú Ltda.</cbc:RegistrationName>',
    );
    const bytes = Buffer.from(xml, 'latin1');
    expect(bytes.includes(Buffer.from([0xf1]))).toBe(true); // ñ as one latin-1 byte
    const doc = readOne(bytes);
    expect(doc.supplier.name).toBe('Compañía Ñandú Ltda.');
    expect(doc.supplier.address?.city).toBe('Bogotá, D.c.'); // other accented text decoded too
    expect(warningCodes(doc)).not.toContain('ENCODING_FALLBACK');
  });

  it('declara UTF-8 pero trae bytes latin-1: se lee con advertencia ENCODING_FALLBACK', () => {
    const xml = generica.replace('<cbc:RegistrationName>DIAN</cbc:RegistrationName>', '<cbc:RegistrationName>Compañía</cbc:RegistrationName>');
    const doc = readOne(Buffer.from(xml, 'latin1'));
    expect(doc.supplier.name).toBe('Compañía');
    expect(warningCodes(doc)[0]).toBe('ENCODING_FALLBACK');
  });

  it('una codificación desconocida se rechaza', () => {
    expectRefused(generica.replace('encoding="UTF-8"', 'encoding="x-klingon"'), 'UNSUPPORTED_ENCODING');
  });
});

describe('contenedor cuyas partes no coinciden', () => {
  it('ParentDocumentID distinto del número de la factura', () => {
    const edited = replaceOnce(volt, '<cbc:ParentDocumentID>NC424</cbc:ParentDocumentID>', '<cbc:ParentDocumentID>NC425</cbc:ParentDocumentID>');
    const refused = expectRefused(edited, 'CONTAINER_MISMATCH');
    expect(refused.error.message).toContain('NC425');
    // The document still travels with the refusal so the inbox can show it.
    expect(refused.document?.number).toBe('NC424');
    expect(refused.document?.cufe).toBe(VOLT_CUFE);
  });

  it('UUID referenciado por el contenedor distinto del CUFE de la factura', () => {
    const reference = volt.indexOf('<cac:ParentDocumentLineReference>');
    const uuidTag = '<cbc:UUID schemeName="CUFE-SHA384">';
    const at = volt.indexOf(uuidTag, reference) + uuidTag.length;
    expect(volt.slice(at, at + 96)).toBe(VOLT_CUFE);
    const edited = `${volt.slice(0, at)}${'0'.repeat(96)}${volt.slice(at + 96)}`;
    const refused = expectRefused(edited, 'CONTAINER_MISMATCH');
    expect(refused.document?.cufe).toBe(VOLT_CUFE);
  });

  it('la respuesta de la DIAN valida otro CUFE', () => {
    const { response } = voltParts();
    const edited = replaceOnce(volt, response, response.replace(VOLT_CUFE, 'a'.repeat(96)));
    const refused = expectRefused(edited, 'CONTAINER_MISMATCH');
    expect(refused.document?.dianValidation?.cufeMatches).toBe(false);
  });

  it('ResultOfVerification dice 02 y la respuesta de la DIAN dice 04', () => {
    const { response } = voltParts();
    const edited = replaceOnce(volt, response, replaceOnce(response, '<cbc:ResponseCode>02</cbc:ResponseCode>', '<cbc:ResponseCode>04</cbc:ResponseCode>'));
    expectRefused(edited, 'CONTAINER_MISMATCH');
  });

  it('contenedor sin documento adjunto', () => {
    const { invoice } = voltParts();
    expectRefused(replaceOnce(volt, `<![CDATA[${invoice}]]>`, ''), 'CONTAINER_EMPTY');
  });

  it('contenedor sin validación de la DIAN: se lee con advertencia', () => {
    const start = volt.indexOf('<cac:ParentDocumentLineReference>');
    const end = volt.indexOf('</cac:ParentDocumentLineReference>') + '</cac:ParentDocumentLineReference>'.length;
    const doc = readOne(volt.slice(0, start) + volt.slice(end));
    expect(doc.dianValidation).toBeUndefined();
    expect(warningCodes(doc)).toContain('DIAN_VALIDATION_ABSENT');
  });
});

describe('respuesta de la DIAN distinta de validado', () => {
  it('contenedor con respuesta 04: DIAN_REJECTED con el documento', () => {
    const { response } = voltParts();
    const rejected = replaceOnce(
      replaceOnce(response, '<cbc:ResponseCode>02</cbc:ResponseCode>', '<cbc:ResponseCode>04</cbc:ResponseCode>'),
      '<cbc:Description>Documento validado por la DIAN</cbc:Description>',
      '<cbc:Description>Documento con errores en campos mandatorios</cbc:Description>',
    );
    const edited = replaceOnce(
      replaceOnce(volt, response, rejected),
      '<cbc:ValidationResultCode>02</cbc:ValidationResultCode>',
      '<cbc:ValidationResultCode>04</cbc:ValidationResultCode>',
    );
    const refused = expectRefused(edited, 'DIAN_REJECTED');
    expect(refused.error.message).toContain('04');
    expect(refused.error.message).toContain('Documento con errores en campos mandatorios');
    expect(refused.document?.number).toBe('NC424');
    expect(refused.document?.dianValidation).toMatchObject({ responseCode: '04', validated: false, cufeMatches: true });
  });
});

describe('varios documentos en un mismo ZIP', () => {
  it('documento suelto + ApplicationResponse suelta de la DIAN: la validación se une al documento', () => {
    const { invoice, response } = voltParts();
    const result = readDianFile(zip({ 'fv.xml': invoice, 'ar.xml': response }), { name: 'z.zip' });
    expect(result.outcomes).toHaveLength(1);
    const outcome = result.outcomes[0]!;
    if (!outcome.ok) expect.fail(`${outcome.error.code}: ${outcome.error.message}`);
    expect(outcome.source).toEqual(['z.zip', 'fv.xml']);
    expect(outcome.document.kind).toBe('invoice');
    expect(outcome.document.dianValidation).toMatchObject({
      responseCode: '02',
      validated: true,
      responseId: '18680564',
      date: '2022-04-05',
      cufeMatches: true,
      notes: ['La Factura electrónica NC-424, ha sido autorizada.'],
    });
    expect(warningCodes(outcome.document)).not.toContain('DIAN_VALIDATION_ABSENT');
  });

  it('documento suelto + respuesta 04 suelta: DIAN_REJECTED', () => {
    const { invoice, response } = voltParts();
    const rejected = replaceOnce(response, '<cbc:ResponseCode>02</cbc:ResponseCode>', '<cbc:ResponseCode>04</cbc:ResponseCode>');
    const result = readDianFile(zip({ 'fv.xml': invoice, 'ar.xml': rejected }), { name: 'z.zip' });
    const refused = refusals(result);
    expect(result.outcomes).toHaveLength(1);
    expect(refused[0]?.error.code).toBe('DIAN_REJECTED');
    expect(refused[0]?.document?.number).toBe('NC424');
  });

  it('el mismo documento dos veces se conserva una vez', () => {
    const result = readDianFile(zip({ 'a.xml': generica, 'copia/a.xml': generica }), { name: 'z.zip' });
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]!.source).toEqual(['z.zip', 'a.xml']);
  });

  it('factura suelta y su contenedor: se conserva la copia con la validación de la DIAN', () => {
    const { invoice } = voltParts();
    const result = readDianFile(zip({ 'fv.xml': invoice, 'ad.xml': volt }), { name: 'z.zip' });
    expect(result.outcomes).toHaveLength(1);
    const outcome = result.outcomes[0]!;
    expect(outcome.source).toEqual(['z.zip', 'ad.xml']);
    if (outcome.ok) expect(outcome.document.dianValidation?.validated).toBe(true);
    else expect.fail(outcome.error.message);
  });

  it('un documento malo no impide leer los demás', () => {
    const result = readDianFile(zip({ 'a.xml': generica, 'b.xml': generica.slice(0, 5000), 'c.xml': fixtureText('dian-toolkit__CreditNote.xml') }), { name: 'z.zip' });
    expect(result.outcomes.map((o) => (o.ok ? o.document.number : o.error.code))).toEqual(['SETP990000002', 'XML_TRUNCATED', 'NC3']);
  });
});

describe('campos obligatorios y valores inválidos', () => {
  it('sin CUFE', () => {
    const refused = expectRefused(generica.replace(/<cbc:UUID schemeID="2"[^>]*>[0-9a-f]+<\/cbc:UUID>/, ''), 'MISSING_FIELD');
    expect(refused.error.xmlPath).toBe('Invoice/UUID');
  });

  it('monto que no es un número', () => {
    const refused = expectRefused(
      replaceOnce(generica, '<cbc:PayableAmount currencyID="COP">15024.07</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="COP">15.024,07</cbc:PayableAmount>'),
      'INVALID_VALUE',
    );
    expect(refused.error.message).toContain('15.024,07');
  });

  it('fecha inválida', () => {
    expectRefused(replaceOnce(generica, '<cbc:IssueDate>2019-06-20</cbc:IssueDate>', '<cbc:IssueDate>20/06/2019</cbc:IssueDate>'), 'INVALID_VALUE');
  });

  it.each(['2019-02-30', '2019-13-01', '2019-00-10'])('fecha que no existe (%s)', (date) => {
    const refused = expectRefused(replaceOnce(generica, '<cbc:IssueDate>2019-06-20</cbc:IssueDate>', `<cbc:IssueDate>${date}</cbc:IssueDate>`), 'INVALID_VALUE');
    expect(refused.error.xmlPath).toBe('Invoice/IssueDate');
  });

  // fast-xml-parser (the project's XML parser) closes whatever element is open on any closing tag; checking every
  // closing name would take its validator, a fifth of a parse on every document. What must hold instead: a broken
  // structure never yields a silently wrong reading.
  it('XML con una etiqueta sin cerrar en medio: se rechaza, no se lee mal', () => {
    const broken = replaceOnce(generica, '<cbc:IssueDate>2019-06-20</cbc:IssueDate>', '<cbc:IssueDate>2019-06-20');
    const refused = refusals(readDianFile(encoder.encode(broken)));
    expect(refused).toHaveLength(1);
    expect(['MISSING_FIELD', 'XML_MALFORMED', 'XML_TRUNCATED', 'INVALID_VALUE']).toContain(refused[0]!.error.code);
  });

  it('XML con una etiqueta de cierre cruzada que no cambia la estructura: se lee con los mismos valores', () => {
    const crossed = replaceOnce(generica, '<cbc:IssueDate>2019-06-20</cbc:IssueDate>', '<cbc:IssueDate>2019-06-20</cbc:IssueTime>');
    const [outcome] = readDianFile(encoder.encode(crossed)).outcomes;
    expect(outcome?.ok && outcome.document.issueDate).toBe('2019-06-20');
    expect(outcome?.ok && outcome.document.totals.payable).toBe('15024.07');
  });

  it('solo los primeros bytes de un ejemplo real', () => {
    expectRefused(fixtureBytes(GENERICA).subarray(0, 3), 'XML_TRUNCATED'); // "<?x": the declaration never ends
  });
});

/** Offset of the last occurrence of a 4-byte little-endian ZIP signature. */
function findSignature(bytes: Uint8Array, signature: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 4; i >= 0; i--) if (view.getUint32(i, true) === signature) return i;
  throw new Error('firma ZIP no encontrada');
}
