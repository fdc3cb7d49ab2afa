import { createHash } from 'node:crypto';
import { ParseOption, XmlDocument, type XmlElement, type XmlNode } from 'libxml2-wasm';
// libxml2-wasm's own bindings of libxml2's C API (the package has no `exports` map; the version is pinned). Used for
// canonicalization (`canonicalBytes`) and to read the tree through its pointers (the helpers below).
import * as bindings from 'libxml2-wasm/lib/libxml2.mjs';

/** Two bindings the module exports without declaring them (checked at load: a missing one fails here, not later). */
const libxml2 = bindings as typeof bindings & {
  addFunction(fn: (...args: number[]) => number, signature: string): number;
  xmlOutputBufferCreateIO(handler: { write(bytes: Uint8Array): number; close(): boolean }): number;
};
for (const name of ['addFunction', 'xmlOutputBufferCreateIO', 'xmlC14NExecute', 'xmlUnlinkNode', 'xmlAddPrevSibling', 'xmlAddChild'] as const) {
  if (typeof libxml2[name] !== 'function') throw new Error(`libxml2-wasm no trae ${name}: la versión instalada no es la esperada (0.7.2).`);
}

/**
 * The XML signatures' DOM: libxml2 (compiled to WebAssembly, libxml2-wasm), the C library xmlsec1 is built on.
 * It replaced @xmldom/xmldom + xml-crypto on the verification path because a JS DOM was most of a verification's
 * cost (see server/authenticity/xml-signature.ts). Two things to know:
 *
 * - A document lives in WebAssembly memory, which no garbage collector frees: every document is used inside
 *   {@link withXmlDocument}, which disposes of it whatever happens.
 * - It is only ever given texts dom.ts `refuseAmbiguousXml` let through: no DOCTYPE, so no entity
 *   can be declared; and it is told never to load anything (no DTD, no external entity, no network).
 */

export type { XmlDocument, XmlElement };

/** No entity substitution, no DTD loading, no external entities: the text as written. */
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE;

/**
 * Parses `xml` (a decoded text, or UTF-8 octets: UTF-8 is forced whatever its declaration says, as the JS DOM did)
 * and runs `use` on it; the document is disposed of when `use` returns or throws. A parse error throws libxml2's
 * message.
 */
export function withXmlDocument<T>(xml: string | Uint8Array, use: (doc: XmlDocument) => T): T {
  // Encoded by node (native) rather than by libxml2-wasm's JS encoder: a third less time on a 30 KB invoice.
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const doc = XmlDocument.fromBuffer(bytes, { option: PARSE_OPTIONS, encoding: 'utf-8' });
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}

type NodePtr = number;
const ptrOf = (node: XmlNode): NodePtr => (node as unknown as { _nodePtr: NodePtr })._nodePtr;
const docPtrOf = (doc: XmlDocument): number => (doc as unknown as { _ptr: number })._ptr;
const ELEMENT = 1;

/**
 * libxml2's structures, read straight from WebAssembly memory. The bindings' accessors (`XmlTreeCommonStruct.next`,
 * `.name_`…) go through emscripten's `getValue(address, type)`, which tests the type string on every call, and turn
 * every name into a JS string; on the walks of a whole document (`elementsById`) and of the C14N node-sets that was
 * ≈ 8 % of a verification (perf, test/bench/authenticity.bench.ts). The memory is reached through a view the bindings
 * hand out (an empty slice of their HEAP32); libxml2 replaces it when it grows its memory, and a view of the old one
 * reads as empty, so every read checks that first. The offsets are the bindings' own (32-bit build, version 0.7.2),
 * checked against their accessors when this module loads.
 */
let words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
let octets: Uint8Array<ArrayBufferLike> = new Uint8Array(0);

function remap(): void {
  const buffer = libxml2.XmlNodeSetStruct.nodeTable(0, 0).buffer;
  words = new Uint32Array(buffer);
  octets = new Uint8Array(buffer);
}

function word(address: number): number {
  if (words.length === 0) remap();
  return words[address >>> 2]!;
}

const Tree = {
  type: (node: NodePtr): number => word(node + 4),
  name: (node: NodePtr): number => word(node + 8),
  children: (node: NodePtr): NodePtr => word(node + 12),
  parent: (node: NodePtr): NodePtr => word(node + 20),
  next: (node: NodePtr): NodePtr => word(node + 24),
  /** Elements and attributes: their `xmlNs`, or 0. */
  namespace: (node: NodePtr): number => word(node + 36),
  /** Elements: the first attribute, or 0. */
  properties: (node: NodePtr): NodePtr => word(node + 44),
  /** An `xmlNs`: its URI. */
  href: (ns: number): number => word(ns + 8),
};

const encoded = new Map<string, Uint8Array>();
const utf8 = new TextEncoder();

/** Is the NUL-terminated UTF-8 string at `address` exactly `text`? (Compared as octets, without decoding it.) */
function cstringIs(address: number, text: string): boolean {
  if (address === 0) return false;
  let expected = encoded.get(text);
  if (!expected) {
    expected = utf8.encode(text);
    encoded.set(text, expected);
  }
  if (octets.length === 0) remap();
  const end = address + expected.length;
  if (end >= octets.length) return false;
  for (let i = 0; i < expected.length; i++) if (octets[address + i] !== expected[i]) return false;
  return octets[end] === 0;
}

// The offsets above, against the bindings' accessors, on a small document (a different layout fails here, loudly).
{
  const doc = XmlDocument.fromString('<r xmlns="urn:x" Id="1"><a/>t</r>', { option: PARSE_OPTIONS });
  try {
    const root = ptrOf(doc.root);
    const Bound = libxml2.XmlNodeStruct;
    const first = Bound.children(root);
    const agree =
      Tree.type(root) === Bound.type(root) &&
      Tree.children(root) === first &&
      Tree.parent(first) === Bound.parent(first) &&
      Tree.next(first) === Bound.next(first) &&
      Tree.properties(root) === Bound.properties(root) &&
      Tree.namespace(root) === Bound.namespace(root) &&
      cstringIs(Tree.name(root), 'r') &&
      cstringIs(Tree.href(Tree.namespace(root)), libxml2.XmlNsStruct.href(Bound.namespace(root))) &&
      cstringIs(Tree.name(Tree.properties(root)), 'Id');
    if (!agree) throw new Error('libxml2-wasm no tiene la estructura de nodos esperada: la versión instalada no es la esperada (0.7.2).');
  } finally {
    doc.dispose();
  }
}

/**
 * The elements the canonicalization of a subtree may show (see `canonicalBytes`); a module-wide slot because
 * libxml2 calls back synchronously, inside `xmlC14NExecute`, with only pointers.
 */
let shown: Set<NodePtr> | undefined;
/**
 * libxml2's node-set hook (`xmlC14NIsVisibleCallback(user_data, node, parent)`): a node is in the subtree's node-set
 * when it is one of its elements, or an attribute, namespace, text… node whose parent is. Registered once: one
 * WebAssembly function-table entry for the life of the process. libxml2-wasm's own `isVisible` option builds a JS
 * node object per call (elements, attributes and every namespace node of the whole document): four times slower.
 */
const subtreeVisible: number = libxml2.addFunction((_user: number, node: NodePtr, parent: NodePtr) => (shown!.has(node) || shown!.has(parent) ? 1 : 0), 'iiii');

/**
 * Inclusive Canonical XML 1.0 without comments (http://www.w3.org/TR/2001/REC-xml-c14n-20010315), by libxml2's
 * `xmlC14NExecute`, as octets:
 * - of the whole document when `subtree` is not given, leaving out `omit` (the enveloped-signature transform: the
 *   Signature element is unlinked for the call and put back where it was, even on error);
 * - of the node-set of one element's subtree otherwise (a `#id` reference, SignedInfo): C14N then renders the
 *   namespaces (and xml:* attributes) it inherits, as the XML Signature spec asks.
 */
export function canonicalBytes(doc: XmlDocument, options: CanonicalOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  canonicalize(doc, options, (bytes) => chunks.push(Buffer.from(bytes)));
  return Buffer.concat(chunks);
}

export interface CanonicalOptions {
  subtree?: XNode;
  omit?: XNode;
}

/**
 * The digest (node:crypto `algorithm`) of {@link canonicalBytes}' octets, hashed as libxml2 writes them: a reference's
 * digest needs no copy of the canonical text (the whole document's, for `URI=""`).
 */
export function canonicalDigest(doc: XmlDocument, options: CanonicalOptions, algorithm: string): Buffer {
  const hash = createHash(algorithm);
  canonicalize(doc, options, (bytes) => hash.update(bytes));
  return hash.digest();
}

/** Runs the canonicalization, handing each chunk of output to `sink` while it is valid (a view of libxml2's memory). */
function canonicalize(doc: XmlDocument, options: CanonicalOptions, sink: (bytes: Uint8Array) => void): void {
  const handler = {
    write: (bytes: Uint8Array) => {
      sink(bytes);
      return bytes.byteLength;
    },
    close: () => true,
  };
  const unlinked: Unlinked[] = [];
  const output = libxml2.xmlOutputBufferCreateIO(handler);
  try {
    if (options.omit) unlinked.push(unlink(options.omit));
    if (options.subtree) {
      const root = options.subtree;
      unlinked.push(...setAsideOutsideOf(root));
      shown = elementsUnder(root);
    }
    const mode = 0; // XML_C14N_1_0
    const result = libxml2.xmlC14NExecute(docPtrOf(doc), options.subtree ? subtreeVisible : 0, 0, mode, 0, 0, output);
    if (result < 0) throw new Error('libxml2 no pudo canonicalizar el XML.');
  } finally {
    shown = undefined;
    libxml2.xmlOutputBufferClose(output);
    // Last out, first back: each element's next sibling is in place again when it is put back.
    for (const node of unlinked.reverse()) relink(node);
  }
}

interface Unlinked {
  node: NodePtr;
  parent: NodePtr;
  next: NodePtr;
}

/** Unlinks an element, remembering where it was. Only elements: libxml2 merges text nodes when it links them. */
function unlink(node: NodePtr): Unlinked {
  const at = { node, parent: Tree.parent(node), next: Tree.next(node) };
  libxml2.xmlUnlinkNode(node);
  return at;
}

function relink({ node, parent, next }: Unlinked): void {
  if (next) libxml2.xmlAddPrevSibling(next, node);
  else libxml2.xmlAddChild(parent, node);
}

/**
 * Speed, not semantics. libxml2 asks the visibility hook about every node of the document (and, for each element,
 * about every namespace in scope), although the node-set of a subtree is inside it: for a reference inside the
 * signature, most of those calls are for the invoice's body, DIAN's extension and the signature's other parts. The
 * node-set, and so the canonical octets, depend only on the subtree and the namespaces and xml:* attributes its
 * ancestors declare, never on the ancestors' other children; so, at every level from the root down to the subtree,
 * the other child elements (the whole body, the sibling extensions, SignatureValue, KeyInfo, Object…) are set aside
 * for the call, in order, and put back. The differential test checks the octets' digests against xml-crypto and that
 * the document is unchanged.
 */
function setAsideOutsideOf(node: NodePtr): Unlinked[] {
  const aside: Unlinked[] = [];
  for (let inner = node, parent = Tree.parent(node); parent && Tree.type(parent) === ELEMENT; inner = parent, parent = Tree.parent(parent)) {
    for (let c = Tree.children(parent); c; ) {
      const next = Tree.next(c);
      if (c !== inner && Tree.type(c) === ELEMENT) aside.push(unlink(c));
      c = next;
    }
  }
  return aside;
}

function elementsUnder(root: NodePtr): Set<NodePtr> {
  const set = new Set<NodePtr>();
  const visit = (node: NodePtr) => {
    set.add(node);
    for (let c = Tree.children(node); c; c = Tree.next(c)) if (Tree.type(c) === ELEMENT) visit(c);
  };
  visit(root);
  return set;
}

/** The document's serialization by libxml2 (tests compare a document before and after it was verified). */
export function serialized(doc: XmlDocument): string {
  return doc.toString({ format: false });
}

// Small DOM helpers, direct children only (never a deep search: docs/dian-ubl.md §10), as dom.ts does for xmldom.
// They work on libxml2's node pointers ({@link XNode}) and read its structures directly: libxml2-wasm makes a JS
// object per node it hands out (its `createNode`), and making those objects for every step of the checks was ≈ 5 % of a
// verification after reading names and attributes through them had already been taken out (a sixth).

declare const nodeBrand: unique symbol;
/** A node of a libxml2 document, as its pointer: valid only inside {@link withXmlDocument}'s callback. */
export type XNode = number & { readonly [nodeBrand]: 'libxml2 node' };

/** The pointer of a libxml2-wasm node object (the root, a node found with libxml2-wasm's own API). */
export const nodeOf = (node: XmlNode): XNode => ptrOf(node) as XNode;
/** The document's root element. */
export const rootOf = (doc: XmlDocument): XNode => nodeOf(doc.root);

/** The element's local name. */
export const localName = (node: XNode): string => libxml2.XmlTreeCommonStruct.name_(node);

/** Is this node an element with that local name? */
export const isNamed = (node: XNode, local: string): boolean => Tree.type(node) === ELEMENT && cstringIs(Tree.name(node), local);

/** Is this node an element with that local name (and namespace, when given)? */
function isElement(ptr: NodePtr, local: string, ns: string | undefined): boolean {
  if (Tree.type(ptr) !== ELEMENT || !cstringIs(Tree.name(ptr), local)) return false;
  if (ns === undefined) return true;
  const namespace = Tree.namespace(ptr);
  return namespace !== 0 && cstringIs(Tree.href(namespace), ns);
}

export function xchildren(node: XNode | undefined, local: string, ns?: string): XNode[] {
  const out: XNode[] = [];
  if (!node) return out;
  for (let c = Tree.children(node); c; c = Tree.next(c)) if (isElement(c, local, ns)) out.push(c as XNode);
  return out;
}

export function xchild(node: XNode | undefined, local: string, ns?: string): XNode | undefined {
  if (!node) return undefined;
  for (let c = Tree.children(node); c; c = Tree.next(c)) if (isElement(c, local, ns)) return c as XNode;
  return undefined;
}

/** The element children of a node, in order (any name). */
export function xelements(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (let c = Tree.children(node); c; c = Tree.next(c)) if (Tree.type(c) === ELEMENT) out.push(c as XNode);
  return out;
}

/** Follows direct children by local name, any namespace (`xpath(sig, 'SignedInfo', 'SignatureMethod')`). */
export function xpath(node: XNode | undefined, ...names: string[]): XNode | undefined {
  let current = node;
  for (const name of names) {
    current = xchild(current, name);
    if (!current) return undefined;
  }
  return current;
}

/** An attribute without namespace (`Algorithm`, `URI`, `Id`), or `undefined`. */
export function attrOf(node: XNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  for (let a = Tree.properties(node); a; a = Tree.next(a)) {
    if (Tree.namespace(a) === 0 && cstringIs(Tree.name(a), name)) return libxml2.xmlNodeGetContent(a);
  }
  return undefined;
}

/** The trimmed text content, or `undefined` when empty. */
export function xtext(node: XNode | undefined): string | undefined {
  const value = node ? libxml2.xmlNodeGetContent(node).trim() : undefined;
  return value ? value : undefined;
}

/** The element's own text and CDATA children, concatenated, untrimmed (what a `text()` step reads). */
export function ownText(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  let text: string | undefined;
  for (let c = Tree.children(node); c; c = Tree.next(c)) {
    const type = Tree.type(c);
    if (type === 3 || type === 4) text = (text ?? '') + libxml2.xmlNodeGetContent(c);
  }
  return text;
}

const ID_NAMES = ['Id', 'ID', 'id'];
const isIdName = (address: number): boolean => ID_NAMES.some((name) => cstringIs(address, name));

/**
 * Every element of the document by the value of its `Id`, `ID` or `id` attribute (any namespace), in document
 * order: one walk of the whole document. A reference `#id` holds only when exactly one element has it (against
 * signature wrapping).
 */
export function elementsById(doc: XmlDocument): Map<string, XNode[]> {
  const index = new Map<string, XNode[]>();
  const visit = (node: NodePtr) => {
    for (let c = Tree.children(node); c; c = Tree.next(c)) {
      if (Tree.type(c) !== ELEMENT) continue;
      for (let a = Tree.properties(c); a; a = Tree.next(a)) {
        if (!isIdName(Tree.name(a))) continue;
        const value = libxml2.xmlNodeGetContent(a);
        const same = index.get(value);
        // An element with both `Id` and `id` of the same value is still one element.
        if (!same) index.set(value, [c as XNode]);
        else if (same[same.length - 1] !== c) same.push(c as XNode);
      }
      visit(c);
    }
  };
  visit(docPtrOf(doc));
  return index;
}

/** Is `node` inside `ancestor` (or it)? */
export function isWithin(node: XNode, ancestor: XNode): boolean {
  for (let p: NodePtr = node; p; p = Tree.parent(p)) if (p === ancestor) return true;
  return false;
}
