import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import type { ReadOutcome } from '#shared/dian-document';
import { XmlDocument, ParseOption, XmlC14NMode } from 'libxml2-wasm';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { parseStrict } from '../../server/authenticity/dom';
import { readDianFile } from '../../server/dian';
import { signedTextsOf } from '../../server/dian/signed-texts';
import { purchaseDocument } from '../../server/authenticity/verify-outcome';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

const names = fixtureNames().filter((name) => /Invoice|Generica|Servicios|Combustible|IBUA|ICUI|Licores|IVA|Exent|Divisas|Moneda|Consumidor|Autoretenedor|Saludables|Muestras|ubl21dian/.test(name) && !/nota_|Note|RADIAN|volt/.test(name));
const texts = names.map((name, i) => {
  const outcome = readDianFile(encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `s-${name}`, number: `BA${i}`, issueDate: '2026-03-10' }))).outcomes[0] as ReadOutcome;
  return signedTextsOf(purchaseDocument(outcome)!)!;
});
const all = texts.flatMap((t) => [t.document, t.applicationResponse!]);
console.log('docs', texts.length, 'avg KB', (all.reduce((s, x) => s + x.length, 0) / all.length / 1024).toFixed(1));
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const OPTS = { option: ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE };

function wasmPath(xml: string, variant: string): number {
  const doc = XmlDocument.fromString(xml, OPTS);
  try {
    const sig = doc.get('/*/*[local-name()="UBLExtensions"]/*/*/ds:Signature', { ds: DS })! as any;
    const sigPtr = sig._nodePtr;
    const c = doc.canonicalizeToString({ mode: XmlC14NMode.XML_C14N_1_0, isVisible: (n: any) => n._nodePtr !== sigPtr });
    let total = createHash('sha256').update(c).digest('base64').length;
    if (variant !== 'doc') {
      for (const local of ['KeyInfo', 'SignedProperties', 'SignedInfo']) {
        const el = doc.get(`//*[local-name()="${local}"]`)!;
        total += (el as any).canonicalizeToString({ mode: XmlC14NMode.XML_C14N_1_0 }).length;
      }
    }
    return total;
  } finally {
    doc.dispose();
  }
}
const rounds = Number(process.argv[2] ?? 10);
function time(label: string, f: (x: string) => unknown) {
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const x of all) f(x);
  const u = process.cpuUsage(cpu);
  console.log(label.padEnd(34), (((u.user + u.system) / 1000) / (rounds * texts.length)).toFixed(2), 'ms CPU per document (2 signatures)');
}
for (let k = 0; k < 0; k++) {
  time('today checkSignature x2', checkSignature);
  time('today parseStrict x2', parseStrict);
  time('wasm parse only x2', (x) => XmlDocument.fromString(x, OPTS).dispose());
  time('wasm parse + doc c14n x2', (x) => wasmPath(x, 'doc'));
  time('wasm parse + 4 c14n x2', (x) => wasmPath(x, 'all'));
}
console.log('load', loadavg().map((l) => l.toFixed(2)).join(' '), 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));

// ---- v2: no per-node JS objects: unlink the signature for URI="", a pointer-set callback for subtrees.
import * as raw from 'libxml2-wasm/lib/libxml2.mjs';
const addFunction = (raw as any).addFunction;
const T = (raw as any).XmlTreeCommonStruct;
let visibleSet: Set<number> = new Set();
const visibleCb = (addFunction as any)((_u: number, node: number, parent: number) => (visibleSet.has(node) || visibleSet.has(parent) ? 1 : 0), 'iiii');
function c14nRaw(docPtr: number, subtree: number | undefined, hash: ReturnType<typeof createHash>) {
  const handler = { write: (buf: Uint8Array) => { hash.update(buf); return buf.byteLength; }, close: () => true };
  const out = (raw as any).xmlOutputBufferCreateIO(handler);
  try {
    if (subtree !== undefined) {
      visibleSet = new Set();
      const walk = (p: number) => { visibleSet.add(p); for (let c = T.children(p); c; c = T.next(c)) if (T.type(c) === 1) walk(c); };
      walk(subtree);
    }
    const r = (raw as any).xmlC14NExecute(docPtr, subtree !== undefined ? visibleCb : 0, 0, 0, 0, 0, out);
    if (r < 0) throw new Error('c14n');
  } finally { (raw as any).xmlOutputBufferClose(out); }
}
function wasmV2(xml: string): number {
  const doc = XmlDocument.fromString(xml, OPTS);
  try {
    const docPtr = (doc as any)._ptr;
    const sig = doc.get('/*/*[local-name()="UBLExtensions"]/*/*/ds:Signature', { ds: DS })! as any;
    for (const local of ['KeyInfo', 'SignedProperties', 'SignedInfo']) {
      const el = doc.get(`//*[local-name()="${local}"]`)! as any;
      c14nRaw(docPtr, el._nodePtr, createHash('sha256'));
    }
    const p = sig._nodePtr; const parent = T.parent(p); const next = T.next(p);
    (raw as any).xmlUnlinkNode(p);
    try { c14nRaw(docPtr, undefined, createHash('sha256')); }
    finally { if (next) (raw as any).xmlAddPrevSibling(next, p); else (raw as any).xmlAddChild(parent, p); }
    return 1;
  } finally { doc.dispose(); }
}
for (let k = 0; k < 3; k++) { time('today checkSignature x2', checkSignature); time('v2 wasm parse+4 c14n x2', wasmV2); }
console.log('load', loadavg().map((l) => l.toFixed(2)).join(' '), 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
const parsed = all.map((x) => XmlDocument.fromString(x, OPTS));
function timeDocs(label: string, f: (d: XmlDocument) => unknown) {
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const d of parsed) f(d);
  const u = process.cpuUsage(cpu);
  console.log(label.padEnd(34), (((u.user + u.system) / 1000) / (rounds * texts.length)).toFixed(2), 'ms CPU per document (2 signatures)');
}
const els = parsed.map((d) => ['KeyInfo', 'SignedProperties', 'SignedInfo'].map((l) => (d.get(`//*[local-name()="${l}"]`) as any)._nodePtr));
for (let k = 0; k < 2; k++) {
  time('saxes+xmldom parseStrict x2', parseStrict);
  time('wasm parse only x2', (x) => XmlDocument.fromString(x, OPTS).dispose());
  timeDocs('3 xpath //local-name', (d) => ['KeyInfo', 'SignedProperties', 'SignedInfo'].map((l) => d.get(`//*[local-name()="${l}"]`)));
  timeDocs('whole doc c14n (no cb)', (d) => c14nRaw((d as any)._ptr, undefined, createHash('sha256')));
  let i = 0;
  timeDocs('3 subtree c14n (ptr cb)', (d) => { for (const p of els[i++ % els.length]!) c14nRaw((d as any)._ptr, p, createHash('sha256')); });
}
import { assertWellFormed as wellFormedClosingTags } from '../../server/authenticity/dom';
import { verifySignedTexts } from '../../server/authenticity/verify-outcome';
const docsToVerify = names.map((name, i) => purchaseDocument(readDianFile(encoder.encode(retarget(fixtureText(name), { customerNit: '900123456', cufeSeed: `s-${name}`, number: `BA${i}`, issueDate: '2026-03-10' }))).outcomes[0] as ReadOutcome)!);
const now = new Date('2026-03-10T15:00:00Z');
for (let k = 0; k < 2; k++) {
  time('saxes only x2', wellFormedClosingTags);
  time('today checkSignature x2', checkSignature);
  time('v2 wasm parse+4 c14n x2', wasmV2);
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const d of docsToVerify) await verifySignedTexts(d, signedTextsOf(d)!, now);
  const u = process.cpuUsage(cpu);
  console.log('today full verifySignedTexts'.padEnd(34), (((u.user + u.system) / 1000) / (rounds * texts.length)).toFixed(2));
}
console.log('load', loadavg().map((l) => l.toFixed(2)).join(' '));
