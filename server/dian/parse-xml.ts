import { XMLParser } from 'fast-xml-parser';
import type { DocumentWarning } from '#shared/dian-document';
import { DianReadError } from './errors';

/**
 * Safe XML parsing for DIAN documents: the one place that turns text into a tree.
 *
 * - Any DOCTYPE or entity declaration is refused before parsing (entity expansion and external entities).
 * - The signature block (`ext:UBLExtensions`, always the first child of a UBL root) is cut out before parsing:
 *   it is ~40 % of a signed document, carries nothing we book, and holds vendor free-form XML that can contain a
 *   foreign `InvoiceLine` (docs/dian-ubl.md §10). That is also what makes the reader faster than a plain parse.
 * - fast-xml-parser is lenient and accepts truncated input silently, so we check that the text ends with the root's
 *   closing tag ourselves.
 */

const UBL_NAMESPACE_PREFIX = 'urn:oasis:names:specification:ubl:schema:xsd:';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // prefixes are not guaranteed; we walk explicit paths of local names
  parseTagValue: false, // keep "01", "0145", "05001" as written
  parseAttributeValue: false,
  trimValues: true, // vendors put newlines inside CompanyID
  cdataPropName: '__cdata', // the embedded Invoice/ApplicationResponse of a container is CDATA
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true, // the five predefined entities only: DOCTYPEs never reach the parser
  htmlEntities: false,
});

export interface RootElement {
  /** Local name without prefix: `Invoice`, `AttachedDocument`, … */
  local: string;
  /** Qualified name as written: `Invoice`, `fe:Invoice`. */
  qname: string;
  /** The namespace URI the root element is in, when declared. */
  namespace?: string;
  /** Offset of `<` of the root start tag, and just past its `>`. */
  start: number;
  contentStart: number;
  selfClosing: boolean;
}

export interface ParsedXml {
  root: RootElement;
  /** The root element's children as fast-xml-parser returns them (attributes as `@_name`). */
  tree: Record<string, unknown>;
}

const FORBIDDEN_DECLARATION = /<!(DOCTYPE|ENTITY)/i;

/** Finds the root element, skipping the XML declaration, processing instructions, comments and whitespace. */
export function findRoot(xml: string): RootElement {
  let i = 0;
  const n = xml.length;
  for (;;) {
    while (i < n && isSpace(xml.charCodeAt(i))) i++;
    if (i >= n) throw new DianReadError('NOT_XML', 'El archivo no contiene ningún elemento XML.');
    if (xml[i] !== '<') throw new DianReadError('NOT_XML', 'El archivo no es XML: no empieza con «<».');
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: la declaración inicial no termina.');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: un comentario no termina.');
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      throw new DianReadError('XML_DOCTYPE_FORBIDDEN', 'El XML trae una declaración DOCTYPE; por seguridad no se procesa.');
    } else {
      break;
    }
  }
  const nameMatch = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?/.exec(xml.slice(i, i + 200));
  if (!nameMatch) throw new DianReadError('XML_MALFORMED', 'El XML está mal formado: no se reconoce el elemento raíz.');
  const prefix = nameMatch[2] ? nameMatch[1]! : '';
  const local = nameMatch[2] ?? nameMatch[1]!;
  const tagEnd = findTagEnd(xml, i + nameMatch[0].length);
  if (tagEnd < 0) throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: la etiqueta raíz no se cierra.');
  const startTag = xml.slice(i, tagEnd + 1);
  const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const nsMatch = new RegExp(`\\s${nsAttr.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(startTag);
  return {
    local,
    qname: prefix ? `${prefix}:${local}` : local,
    ...(nsMatch ? { namespace: nsMatch[2] } : {}),
    start: i,
    contentStart: tagEnd + 1,
    selfClosing: xml[tagEnd - 1] === '/',
  };
}

/** True when the root is in a UBL 2.1 document namespace (`urn:oasis:…:xsd:Invoice-2`). */
export function isUblRoot(root: RootElement): boolean {
  return root.namespace === `${UBL_NAMESPACE_PREFIX}${root.local}-2`;
}

/**
 * Parses DIAN XML text into a tree, refusing what is unsafe or incomplete.
 * @throws DianReadError
 */
export function parseXmlOrThrow(xml: string, root: RootElement = findRoot(xml)): ParsedXml {
  if (FORBIDDEN_DECLARATION.test(xml)) {
    throw new DianReadError(
      'XML_DOCTYPE_FORBIDDEN',
      'El XML trae una declaración DOCTYPE o de entidades; por seguridad no se procesa.',
    );
  }
  if (root.selfClosing) return { root, tree: {} };
  const closing = new RegExp(`</${root.qname.replace('.', '\\.')}\\s*>\\s*$`);
  if (!closing.test(xml.slice(-400))) {
    throw new DianReadError(
      'XML_TRUNCATED',
      `El XML está incompleto o truncado: no termina con el cierre de <${root.qname}>.`,
    );
  }
  const body = withoutLeadingExtensions(xml, root);
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body) as Record<string, unknown>;
  } catch (error) {
    throw new DianReadError('XML_MALFORMED', `El XML está mal formado: ${(error as Error).message}`, undefined, {
      cause: error,
    });
  }
  const tree = parsed[root.local];
  if (tree === undefined) throw new DianReadError('XML_MALFORMED', 'El XML está mal formado: falta el elemento raíz.');
  return { root, tree: typeof tree === 'object' && tree !== null ? (tree as Record<string, unknown>) : {} };
}

/** The XML from the root start tag on, without the leading `UBLExtensions` child when there is one. */
function withoutLeadingExtensions(xml: string, root: RootElement): string {
  let i = root.contentStart;
  for (;;) {
    while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
    if (!xml.startsWith('<!--', i)) break;
    const end = xml.indexOf('-->', i);
    if (end < 0) break;
    i = end + 3;
  }
  const open = /^<(?:([A-Za-z_][\w.-]*):)?UBLExtensions[\s>]/.exec(xml.slice(i, i + 64));
  if (!open) return xml.slice(root.start);
  const closeTag = open[1] ? `</${open[1]}:UBLExtensions>` : '</UBLExtensions>';
  const close = xml.indexOf(closeTag, i);
  if (close < 0) {
    throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: el bloque de firma (UBLExtensions) no se cierra.');
  }
  return xml.slice(root.start, i) + xml.slice(close + closeTag.length);
}

/** Index of the `>` that ends a tag starting before `from`, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes → text

const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252']);

/**
 * Decodes the bytes of an XML file: UTF-8 (with or without BOM), UTF-16 with BOM, or whatever the XML declaration
 * says (ISO-8859-1 is common in older Colombian software). A file that claims UTF-8 but is not valid UTF-8 is read
 * as Windows-1252 with a warning rather than refused: an accountant would rather see "Compañía" than lose the invoice.
 */
export function decodeXmlBytes(bytes: Uint8Array): { text: string; warnings: DocumentWarning[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return decodeUtf8(bytes);
  if (LATIN1_LABELS.has(declared)) return { text: new TextDecoder('windows-1252').decode(bytes), warnings: [] };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    throw new DianReadError('UNSUPPORTED_ENCODING', `El XML declara una codificación no soportada: «${declared}».`);
  }
  return { text: decoder.decode(bytes), warnings: [] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): { text: string; warnings: DocumentWarning[] } {
  try {
    return { text: utf8.decode(bytes), warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      warnings: [
        {
          code: 'ENCODING_FALLBACK',
          message: 'El XML dice ser UTF-8 pero no lo es; se leyó como Windows-1252 (latín-1). Revise tildes y eñes.',
        },
      ],
    };
  }
}
