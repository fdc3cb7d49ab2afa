import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

/**
 * What is refused in every signed text before it is parsed ({@link refuseAmbiguousXml}), and small DOM helpers
 * over @xmldom/xmldom: direct children only, never a deep search (docs/dian-ubl.md §10). The signatures themselves
 * are checked on libxml2's document (libxml.ts, xml-signature.ts); @xmldom is left for the comparison with DIAN's
 * copy (dian-copy.ts) and the tests' oracle (test/support/xml-crypto-core.ts).
 */

export const NS = {
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
} as const;

export type El = Element;

/**
 * Parses one standalone XML document; any well-formedness error (or a second root) is refused, not repaired.
 *
 * One pass over the text before @xmldom/xmldom builds it: saxes checks that it is well-formed XML 1.0 with
 * namespaces, as written, and on the way lists the names of the closing tags for {@link parseFast}.
 *
 * Why the check: xmldom 0.8 repairs mismatched tags without a word (in `<a><x/></b><y/></a></r>` it drops `</b>`),
 * while the reader (fast-xml-parser) closes `<a>` there and reads `<y/>` as its parent's: a stray closing tag slipped
 * into a signed invoice would keep the signature holding over a structure the agent reads differently. So what is
 * verified must be well-formed as written, and here that is decided by a conformant XML 1.0 parser, stricter than
 * fast-xml-parser's own validator (which it replaced: the two scans, validator then closing-tag search, cost twice
 * this one; test/authenticity/dom-parse.test.ts checks that everything that validator refuses is refused here too).
 * On top of XML 1.0, refused because xmldom and the reader could see different documents in them:
 * - a DOCTYPE (internal subset: entities, defaults), which no DIAN document carries;
 * - NEL (U+0085) and LINE SEPARATOR (U+2028): xmldom turns them into line feeds before parsing (XML 1.1's rule), so
 *   the signature would hold over a line feed where the reader reads that character.
 *
 * Speed: xmldom 0.8, on the first start tag of every element name, looks for that name's closing tag with
 * `lastIndexOf` from the end of the text (an HTML repair: a start tag with no closing tag after it is taken as
 * self-closed). For the signature's and the header's names, near the top of an invoice, that scans the whole text
 * backwards once per name: about a third of the parse. {@link parseFast} gives it those closing tags right after
 * the text. That also keeps xmldom from misreading a well-formed text: it remembers the first `</a>` it found, so in
 * `<a></a><a>x</a ></r>` it takes the second `<a>` as self-closed (the reader does not); with every name closed in
 * the comment it reads the text as written.
 */
export function parseStrict(xml: string): Document {
  const doc = parseFast(xml, wellFormedClosingTags(xml));
  // Not seen on a well-formed text; were it to happen, xmldom's own reading could be the repaired one (see parseFast).
  if (!doc) throw new Error('El XML no está bien formado: la biblioteca de firmas no lo lee como está escrito.');
  return doc;
}

/**
 * What is refused in a signed text before any parser sees it, because two readers of XML could see different
 * documents in it (see {@link parseStrict}): NEL (U+0085) and LINE SEPARATOR (U+2028), which XML 1.1 readers (and
 * xmldom) turn into line feeds; and a DOCTYPE, whose internal subset (entities, attribute defaults) changes what a
 * reader sees and which no DIAN document carries. The text is searched as written: a «<!DOCTYPE» inside a comment is
 * refused too (fail closed; no DIAN document has one). Well-formedness itself is then libxml2's (xml-signature.ts).
 */
export function refuseAmbiguousXml(xml: string): void {
  // Two plain searches rather than one regular expression: ≈ 1 µs instead of ≈ 30 µs on a 30 KB text.
  const nel = xml.indexOf('\u0085');
  const separator = xml.indexOf('\u2028');
  if (nel >= 0 || separator >= 0) {
    const first = nel >= 0 && (separator < 0 || nel < separator) ? 0x85 : 0x2028;
    throw new Error(`El XML no está bien formado para firmas: trae el carácter U+${first.toString(16).toUpperCase().padStart(4, '0')}, que los lectores de XML interpretan distinto.`);
  }
  if (xml.includes('<!DOCTYPE')) throw new Error('El XML no está bien formado para firmas: trae una declaración DOCTYPE, que un documento firmado de la DIAN no lleva.');
}

/**
 * More attributes than this on one element and a signed text is not checked. libxml2's canonicalization sorts each
 * element's attributes by inserting them one by one in a list, which is quadratic in their number: 25,000 attributes
 * on one element (a 0.3 MB text) took 1.2 s to canonicalize, 50,000 took 6.4 s, 100,000 over 30 s, and a 10 MB
 * text could hold 900,000 (parsing it stays fast). The DIAN samples carry at most 15 (the root's namespace
 * declarations); 256 keeps a 10 MB text's canonicalization around a second in the worst case.
 */
export const MAX_ATTRIBUTES_PER_ELEMENT = 256;

/**
 * Refuses a text with an element that has more than {@link MAX_ATTRIBUTES_PER_ELEMENT} attributes (namespace
 * declarations included), before libxml2 parses it. One linear pass: start tags are scanned for `=` outside quoted
 * values; comments, CDATA sections and processing instructions are skipped whole (what they hold is no attribute).
 */
export function refuseCostlyXml(xml: string): void {
  let at = xml.indexOf('<');
  while (at >= 0) {
    if (xml.startsWith('<!--', at)) at = skipPast(xml, '-->', at + 4);
    else if (xml.startsWith('<![CDATA[', at)) at = skipPast(xml, ']]>', at + 9);
    else if (xml.startsWith('<?', at)) at = skipPast(xml, '?>', at + 2);
    else if (xml.charCodeAt(at + 1) !== 47 /* / */ && xml.charCodeAt(at + 1) !== 33 /* ! */) {
      let attributes = 0;
      let quote = 0;
      let i = at + 1;
      for (; i < xml.length; i++) {
        const c = xml.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 61 /* = */) {
          if (++attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
            throw new Error(`Un elemento del XML trae más de ${MAX_ATTRIBUTES_PER_ELEMENT} atributos (un documento de la DIAN trae unos pocos); no se comprueba su firma, que costaría minutos.`);
          }
        } else if (c === 62 /* > */) break;
      }
      at = i;
    }
    at = at < 0 ? -1 : xml.indexOf('<', at + 1);
  }
}

function skipPast(xml: string, end: string, from: number): number {
  const found = xml.indexOf(end, from);
  return found < 0 ? -1 : found + end.length - 1;
}

/** The distinct names of the closing tags of a well-formed XML 1.0 text (see {@link parseStrict}); else throws. */
function wellFormedClosingTags(xml: string): Set<string> {
  refuseAmbiguousXml(xml);
  const names = new Set<string>();
  let first: string | undefined;
  let unmatched: string | undefined;
  let line = 0;
  const failed = (message: string) => {
    if (first === undefined) {
      first = message;
      line = parser.line;
    }
    // saxes goes on after an error: a stray closing tag first reads as «unexpected close tag», then it says which.
    if (unmatched === undefined && /^unmatched closing tag/.test(message)) unmatched = message;
  };
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error: Error) => failed(error.message.replace(/^\d+:\d+: /, '')));
  parser.on('doctype', () => failed('trae una declaración DOCTYPE, que un documento firmado de la DIAN no lleva.'));
  parser.on('closetag', (tag) => names.add(tag.name));
  parser.write(xml).close();
  if (first !== undefined) throw new Error(`El XML no está bien formado (línea ${line}): ${first}${unmatched && unmatched !== first ? ` ${unmatched}` : ''}`);
  return names;
}

/** xmldom on the text as it is (the reference {@link parseFast} is tested against). */
export function parseAsIs(xml: string): Document {
  const errors: string[] = [];
  const record = (message: string) => errors.push(String(message));
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: record, fatalError: record } }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc?.documentElement) throw new Error(`El XML no está bien formado: ${errors[0] ?? 'sin elemento raíz'}`);
  return doc;
}

/**
 * The same parse with the given closing tags (those the text holds) repeated in one comment after it
 * (`text<!--</a></b>…-->`), so xmldom's search for a closing tag stops at the end of the text; the comment is removed
 * afterwards. The DOM is the one {@link parseAsIs} gives, whatever names are given, because:
 * - what follows the text's last `>` is only whitespace, which xmldom ignores after the root (it is left out here);
 * - the only decision the comment can change is that repair: an element xmldom would have closed on the spot stays
 *   open here, and nothing in the text can close it (its name has no exact `</name>` after it: that is why xmldom
 *   repaired it, and names written with trailing whitespace make this path step aside), so the comment would land
 *   inside that element instead of after the root;
 * - a construct the text leaves open (comment, CDATA, instruction, tag) would swallow the comment.
 * So the result is used only when the parse reports no error and the document's last child is that very comment;
 * otherwise `undefined`, and the text is parsed as it is (the same errors, the same repairs). After
 * {@link parseStrict}'s check none of that can happen: the guards are for any other caller.
 */
export function parseFast(xml: string, closingNames: Iterable<string>): Document | undefined {
  let end = xml.length;
  while (end > 0 && /\s/.test(xml[end - 1]!)) end--;
  if (xml[end - 1] !== '>') return undefined;
  const text = end === xml.length ? xml : xml.slice(0, end);
  let closing = '';
  for (const name of closingNames) {
    if (/[ \t\n\r]$/.test(name)) return undefined;
    closing += `</${name}>`;
  }
  let failed = false;
  const fail = () => {
    failed = true;
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(`${text}<!--${closing}-->`, 'text/xml');
  const comment = doc?.lastChild;
  if (failed || !doc?.documentElement || comment?.nodeType !== 8 || (comment as Comment).data !== closing) return undefined;
  doc.removeChild(comment);
  return doc;
}

export function children(node: Node | null | undefined, local: string, ns?: string): El[] {
  const out: El[] = [];
  if (!node) return out;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as El).localName === local && (ns === undefined || (c as El).namespaceURI === ns)) out.push(c as El);
  }
  return out;
}

export function child(node: Node | null | undefined, local: string, ns?: string): El | undefined {
  return children(node, local, ns)[0];
}

/** Follows direct children by local name (`path(sig, 'SignedInfo', 'SignatureMethod')`). */
export function path(node: Node | null | undefined, ...names: string[]): El | undefined {
  let current: Node | undefined | null = node;
  for (const name of names) {
    current = child(current, name);
    if (!current) return undefined;
  }
  return current as El | undefined;
}

export function textOf(node: Node | null | undefined): string | undefined {
  const value = node?.textContent?.trim();
  return value ? value : undefined;
}
