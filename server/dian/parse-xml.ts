import { XMLParser } from 'fast-xml-parser';
import type { DocumentWarning } from '#shared/dian-document';
import { DianReadError } from './errors';
import { text, type XmlElement } from './xml-node';

/**
 * Safe XML parsing for DIAN documents: the one place that turns text into a tree.
 *
 * - Any DOCTYPE or entity declaration is refused before parsing (entity expansion, external entities): nothing
 *   ever expands, nothing external is ever fetched.
 * - The signature block (`ext:UBLExtensions`, always the first child of a UBL root) is cut out before anything
 *   else: it is ~40 % of a signed document, carries nothing we book, and holds vendor free-form XML that can contain
 *   a foreign `InvoiceLine` (docs/dian-ubl.md §10). Subtrees the readers never look at (delivery, despatch
 *   references…) are kept as raw text (`stopNodes`). That is what makes reading cheaper than a plain full parse.
 * - fast-xml-parser is lenient and parses a cut-off file, so completeness is checked here: the text must end by
 *   closing its root element.
 */

const UBL_NAMESPACE_PREFIX = 'urn:oasis:names:specification:ubl:schema:xsd:';

/** Subtrees no reader uses: parsed as raw text, not as elements. Paths use local names (prefixes removed). */
const UNREAD_SUBTREES = [
  '*.Delivery',
  '*.DeliveryTerms',
  '*.TaxRepresentativeParty',
  '*.DespatchDocumentReference',
  '*.ReceiptDocumentReference',
  '*.AdditionalDocumentReference',
  '*.PaymentTerms',
  '*.CorporateRegistrationScheme',
  '*.InformationContentProviderParty',
  // Only a fallback for a party without PhysicalLocation: parsed on demand with `parseFragment`.
  '*.RegistrationAddress',
  'Invoice.InvoiceLine.DocumentReference',
  'CreditNote.CreditNoteLine.DocumentReference',
  'DebitNote.DebitNoteLine.DocumentReference',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // prefixes are not guaranteed; the readers walk explicit paths of local names
  parseTagValue: false, // keep "01", "0145", "05001" as written
  parseAttributeValue: false,
  trimValues: true, // vendors put newlines inside CompanyID
  cdataPropName: '__cdata', // the embedded Invoice/ApplicationResponse of a container is CDATA
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true, // the predefined entities only: DOCTYPEs never reach the parser
  htmlEntities: false,
  preserveOrder: true, // see xml-node.ts
  stopNodes: UNREAD_SUBTREES,
  // No callback here reads the element's path; with `jPath` on (the default) the parser still builds it as a string
  // for every element and attribute set: ≈ a tenth of parsing an invoice (test/bench/authenticity.bench.ts).
  jPath: false,
});

const FORBIDDEN_DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;

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
  /** The root element (read it with the accessors in xml-node.ts). */
  tree: XmlElement;
}

/** Finds the root element, skipping the XML declaration, processing instructions, comments and whitespace. */
export function findRoot(xml: string): RootElement {
  let i = 0;
  const n = xml.length;
  for (;;) {
    while (i < n && isSpaceOrBom(xml.charCodeAt(i))) i++;
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
  const nameMatch = ROOT_NAME.exec(xml.slice(i, i + 200));
  if (!nameMatch) throw new DianReadError('XML_MALFORMED', 'El XML está mal formado: no se reconoce el elemento raíz.');
  const prefix = nameMatch[2] ? nameMatch[1]! : '';
  const local = nameMatch[2] ?? nameMatch[1]!;
  const tagEnd = findTagEnd(xml, i + nameMatch[0].length);
  if (tagEnd < 0) throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: la etiqueta raíz no se cierra.');
  const namespace = namespaceDeclaration(xml.slice(i, tagEnd + 1), prefix);
  return {
    local,
    qname: prefix ? `${prefix}:${local}` : local,
    ...(namespace !== undefined ? { namespace } : {}),
    start: i,
    contentStart: tagEnd + 1,
    selfClosing: xml[tagEnd - 1] === '/',
  };
}

const ROOT_NAME = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?/;
const NAMESPACE_DECLARATION = /\sxmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2/g;

/** The URI the start tag binds to `prefix` (`''` = default namespace), when it declares one. */
function namespaceDeclaration(startTag: string, prefix: string): string | undefined {
  for (const match of startTag.matchAll(NAMESPACE_DECLARATION)) {
    if ((match[1] ?? '') === prefix) return match[3];
  }
  return undefined;
}

/** True when the root is in a UBL 2.1 document namespace (`urn:oasis:…:xsd:Invoice-2`). */
export function isUblRoot(root: RootElement): boolean {
  return root.namespace === `${UBL_NAMESPACE_PREFIX}${root.local}-2`;
}

/**
 * Parses DIAN XML text into a tree, refusing what is unsafe, malformed or incomplete.
 * @throws DianReadError `XML_DOCTYPE_FORBIDDEN`, `XML_TRUNCATED`, `XML_MALFORMED`
 */
export function parseXmlOrThrow(xml: string, root: RootElement = findRoot(xml)): ParsedXml {
  if (FORBIDDEN_DECLARATION.test(xml)) {
    throw new DianReadError('XML_DOCTYPE_FORBIDDEN', 'El XML trae una declaración DOCTYPE o de entidades; por seguridad no se procesa.');
  }
  if (root.selfClosing) return { root, tree: { [root.local]: [] } };
  // fast-xml-parser accepts a file cut after any complete element; a document is complete only if it ends by
  // closing its root. (Its validator would also catch a wrong closing tag in the middle, but costs a fifth of a
  // parse on every document; such a document fails the readers' required fields or arithmetic checks instead.)
  if (!endsWithClosingTag(xml, root.qname)) {
    throw new DianReadError('XML_TRUNCATED', `El XML está incompleto o truncado: no termina con el cierre de <${root.qname}>.`);
  }
  const body = withoutLeadingExtensions(xml, root);
  let parsed: XmlElement[];
  try {
    parsed = parser.parse(body) as XmlElement[];
  } catch (error) {
    throw new DianReadError('XML_MALFORMED', `El XML está mal formado: ${(error as Error).message}`, undefined, { cause: error });
  }
  const tree = parsed.find((entry) => entry[root.local] !== undefined);
  if (tree === undefined) throw new DianReadError('XML_MALFORMED', 'El XML está mal formado: falta el elemento raíz.');
  return { root, tree };
}

/**
 * Parses the raw text fast-xml-parser keeps for a stop node (see `UNREAD_SUBTREES`), for the rare reader that does
 * need it. Anything else is returned as it is.
 */
export function parseFragment(node: XmlElement | undefined): XmlElement | undefined {
  const raw = text(node);
  if (raw === undefined || !raw.includes('<')) return node;
  try {
    return (parser.parse(`<f>${raw}</f>`) as XmlElement[])[0];
  } catch {
    return undefined;
  }
}

function endsWithClosingTag(xml: string, qname: string): boolean {
  let end = xml.length;
  while (end > 0 && isSpace(xml.charCodeAt(end - 1))) end--;
  if (xml.charCodeAt(end - 1) !== 62 /* > */) return false;
  let i = end - 2;
  while (i > 0 && isSpace(xml.charCodeAt(i))) i--;
  const start = i - qname.length + 1;
  return start >= 2 && xml.startsWith(qname, start) && xml.startsWith('</', start - 2);
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
  const open = LEADING_EXTENSIONS.exec(xml.slice(i, i + 64));
  if (!open) return xml.slice(root.start);
  const closeTag = open[1] ? `</${open[1]}:UBLExtensions>` : '</UBLExtensions>';
  const close = xml.indexOf(closeTag, i);
  if (close < 0) throw new DianReadError('XML_TRUNCATED', 'El XML está incompleto: el bloque de firma (UBLExtensions) no se cierra.');
  return xml.slice(root.start, i) + xml.slice(close + closeTag.length);
}

const LEADING_EXTENSIONS = /^<(?:([A-Za-z_][\w.-]*):)?UBLExtensions[\s>]/;

/** Index of the `>` that ends a tag starting before `from`, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isSpaceOrBom(code: number): boolean {
  return isSpace(code) || code === 0xfeff;
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
          message: 'El XML dice ser UTF-8 pero no lo es; se leyó como Windows-1252 (latín-1). Revisa tildes y eñes.',
        },
      ],
    };
  }
}
