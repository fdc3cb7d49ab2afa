import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseAsIs, parseFast, parseStrict, refuseAmbiguousXml } from '../../server/authenticity/dom';
import { withXmlDocument } from '../../server/authenticity/libxml';
import { fixtureNames, fixtureText } from '../support/fixtures';

/**
 * parseStrict's shortcut (dom.ts `parseFast`: the text's closing tags repeated in a comment after it, so that
 * @xmldom 0.8 stops searching the whole text for them) must give exactly what xmldom gives on the text as it is:
 * the same DOM, the same repairs, the same refusal and message, on real samples and on every way of breaking them.
 */

function outcome(parse: (xml: string) => Document, xml: string): string {
  try {
    const doc = parse(xml);
    return `ok ${doc.childNodes.length} ${doc.toString()}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

/** Every closing tag name the text holds, as written (what parseStrict's check lists for a well-formed text). */
function closingNames(xml: string): Set<string> {
  return new Set([...xml.matchAll(/<\/([^<>]*)>/g)].map((m) => m[1]!));
}

/** What parseStrict does after its well-formedness check: the shortcut, else xmldom on the text as it is. */
const shortcut = (xml: string) => parseFast(xml, closingNames(xml)) ?? parseAsIs(xml);

function same(xml: string): void {
  expect(outcome(shortcut, xml)).toBe(outcome(parseAsIs, xml));
}

/** A small deterministic generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const samples = fixtureNames().slice(0, 12).map((name) => fixtureText(name));

describe('parseStrict: the shortcut gives xmldom 0.8 own result', () => {
  it('refuses what xmldom would repair without a word (a mismatched closing tag), which the reader would read differently', () => {
    expect(outcome(parseAsIs, '<r><a><x/></b><y/></a></r>')).toMatch(/^ok/);
    expect(() => parseStrict('<r><a><x/></b><y/></a></r>')).toThrow(/no está bien formado.*closing tag: b/);
  });

  it('on the real samples, with and without trailing whitespace', () => {
    for (const xml of samples) {
      // The shortcut is taken for well-formed documents (else it would only be slower).
      expect(parseFast(xml, closingNames(xml))).toBeDefined();
      same(xml);
      same(`${xml}\n  \n`);
      same(`${xml}<!-- después -->\n`);
    }
  });

  it('on documents xmldom repairs or refuses (unclosed, mismatched, swallowed, odd closing tags)', () => {
    for (const xml of ODD_CASES) same(xml);
  });

  it('on real samples broken at random: a closing tag dropped or doubled, a tag renamed, the text cut', () => {
    for (const xml of brokenSamples()) same(xml);
  });
});

/** Texts xmldom repairs, refuses or reads in its own way (the shortcut must give its own result on each). */
const ODD_CASES = [
  '<r><a></r>',
  '<r><a><b></a></r>',
  '<r><b></b><a><b></a></r>',
  '<r><a></b></a></r>',
  '<r><a b="</a>"></r>',
  '<r><a b="</a>"></a></r>',
  '<r><a></a ><a></r>',
  '<r><a></a><a>x</a ></r>',
  '<r><a></a><a>x</a\u0085></r>',
  '<r><a></a><a>x</a\r></r>',
  '<r><a></a><a>x</a\u2028></r>\u0085',
  '<r></r>\r\n',
  '<r><a></a><a></r >',
  '<r><a></A></r>',
  '<r><x:a></x:a><x:ab></r>',
  '<r><ab></ab><a></r>',
  '<r><a></a>',
  '<r></r><!-- abierto >',
  '<r></r><![CDATA[ x >',
  '<r></r><?pi x >',
  '<r></r><a>',
  '<r></r><s></s>',
  '<r><a x=1</a>></r>',
  '<r><a--></a--><a--></r>',
  '<r><a></a>texto</r> resto',
  '<r/>',
  '',
  '   ',
  '<r>',
];

/** Real samples broken at random (reproducibly): a closing tag dropped, doubled, renamed or spaced, the text cut. */
function brokenSamples(): string[] {
  const out: string[] = [];
  const next = random(11);
  for (const xml of samples.slice(0, 6)) {
    const closings = [...xml.matchAll(/<\/[^<>]*>/g)];
    for (let k = 0; k < 3; k++) {
      const m = closings[Math.floor(next() * closings.length)]!;
      const at = m.index!;
      out.push(xml.slice(0, at) + xml.slice(at + m[0].length));
      out.push(xml.slice(0, at) + m[0] + xml.slice(at));
      out.push(`${xml.slice(0, at)}</${m[0].slice(2, -1).toUpperCase()}>${xml.slice(at + m[0].length)}`);
      out.push(`${xml.slice(0, at)}${m[0].slice(0, -1)} >${xml.slice(at + m[0].length)}`);
      out.push(xml.slice(0, at + Math.floor(next() * m[0].length)));
      out.push(xml.slice(0, Math.floor(next() * xml.length)));
    }
  }
  return out;
}

/**
 * Well-formed or not, texts where two XML readers are known to part ways: attribute whitespace and entities, CDATA,
 * namespace redeclarations, character references, control characters, DTDs, XML 1.1 line ends.
 */
const EDGE_CASES = [
  '<r a="x\ty\nz\r\nw"/>',
  '<r a="&#9;&#10;&#13;"/>',
  '<r a=" &lt; &gt; &amp; &quot; &apos; "/>',
  '<r a="1" a="2"/>',
  '<r a="<"/>',
  "<r a='x\"y'/>",
  '<r a=x/>',
  '<r a/>',
  '<r>&amp;&lt;&gt;&#x41;&#66;</r>',
  '<r>a & b</r>',
  '<r>&nbsp;</r>',
  '<r>&unknown;</r>',
  '<r>&#0;</r>',
  '<r>&#xD800;</r>',
  '<r>\u0001</r>',
  '<r>\u000b</r>',
  '<r>]]></r>',
  '<r><![CDATA[<a></b>]]></r>',
  '<r><![CDATA[x]]>y<![CDATA[z]]></r>',
  '<r><![CDATA[ sin cerrar </r>',
  '<r xmlns="urn:a"><a xmlns="urn:b"><b xmlns=""/></a></r>',
  '<r xmlns:p="urn:a"><p:a xmlns:p="urn:b"><p:b/></p:a></r>',
  '<r><p:a/></r>',
  '<r xmlns:p=""/>',
  '<r xmlns:xml="urn:otro"/>',
  '<r xml:lang="es"/>',
  '<p:r xmlns:p="urn:a" p:x="1" x="2"/>',
  '<r xmlns:a="urn:x" xmlns:b="urn:x" a:k="1" b:k="2"/>',
  '<a:b:c xmlns:a="urn:a"/>',
  '<!DOCTYPE r><r/>',
  '<!DOCTYPE r [<!ENTITY e "100">]><r>&e;</r>',
  '<!DOCTYPE r [<!ENTITY e "<a>">]><r/>',
  '<!DOCTYPE r [<!ATTLIST r a CDATA "x">]><r/>',
  '<?xml version="1.0"?><r/>',
  '<?xml version="1.1"?><r>\u0085</r>',
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<r/>\n',
  '\n<?xml version="1.0"?><r/>',
  '\ufeff<r/>',
  '<r>x\u2028y</r>',
  '<r>x\u0085y</r>',
  '<r>x\ry</r>',
  '<r><!-- a -- b --></r>',
  '<r><?xml version="1.0"?></r>',
  '<r><?pi datos?></r>',
  '<r/><r/>',
  '<r/>texto',
  'texto<r/>',
  '<r></r ><!-- fin -->',
  '<1r/>',
  '<r 1a="x"/>',
  '<r><a></a\nb></r>',
];

/** The real samples as they are, and the texts signed inside the containers (the CDATA, exactly). */
function realSamples(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(SHARED_SAMPLES).filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(join(SHARED_SAMPLES, name), 'utf8');
    out.push(xml);
    for (const m of xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) if (m[1]!.trimStart().startsWith('<')) out.push(m[1]!);
  }
  return out;
}

const SHARED_SAMPLES = fileURLToPath(new URL('../../../shared/dian-samples/', import.meta.url));

describe('parseStrict: what it lets through', () => {
  const corpus = [...samples, ...ODD_CASES, ...brokenSamples(), ...EDGE_CASES, ...realSamples()];

  it('is at least as strict as the reader’s own validator (fast-xml-parser): nothing it refuses gets verified', () => {
    expect(corpus.length).toBeGreaterThan(200);
    const laxer = corpus.filter((xml) => XMLValidator.validate(xml) !== true && outcome(parseStrict, xml).startsWith('ok'));
    expect(laxer).toEqual([]);
  });

  it('gives xmldom’s own document for every text it accepts, read as written; the real samples are accepted', () => {
    let accepted = 0;
    for (const xml of corpus) {
      const strict = outcome(parseStrict, xml);
      if (!strict.startsWith('ok')) continue;
      accepted++;
      // xmldom misreads closing tags written `</a >` (see parseStrict); written `</a>` it reads them right.
      expect(strict).toBe(outcome(parseAsIs, xml.replace(/<\/([^<>\s]+)\s+>/g, '</$1>')));
    }
    for (const xml of [...samples, ...realSamples()]) expect(outcome(parseStrict, xml)).toMatch(/^ok/);
    expect(accepted).toBeGreaterThan(50);
  });

  it('refuses what xmldom and the reader could read differently even when XML 1.0 allows it: a DTD, NEL and LINE SEPARATOR', () => {
    expect(() => parseStrict('<!DOCTYPE r><r/>')).toThrow(/DOCTYPE/);
    expect(() => parseStrict('<r>x\u2028y</r>')).toThrow(/U\+2028/);
    expect(() => parseStrict('<r a="\u0085"/>')).toThrow(/U\+0085/);
    // xmldom alone would have read each of them.
    for (const xml of ['<!DOCTYPE r><r/>', '<r>x\u2028y</r>', '<r a="\u0085"/>']) expect(outcome(parseAsIs, xml)).toMatch(/^ok/);
  });

  it('reads a closing tag written with a space as the reader does (xmldom alone took the element as self-closed)', () => {
    const xml = '<r><a></a><a>x</a ></r>';
    expect(outcome(parseAsIs, xml)).toBe('ok 1 <r><a/><a/>x</r>');
    expect(outcome(parseStrict, xml)).toBe('ok 1 <r><a/><a>x</a></r>');
  });

  it('says where and what is wrong', () => {
    expect(() => parseStrict('<r>\n<a></b></r>')).toThrow(/línea 2\).*unmatched closing tag: b/);
  });
});

/**
 * Since 4-dic-2026 the signatures are checked on libxml2's document, and well-formedness is libxml2's: the saxes pass
 * above stays only in front of @xmldom (DIAN's copy, the tests' oracle). Over the same corpus, the signatures' path
 * must refuse everything that pass refuses and everything the reader's own validator refuses.
 */
describe('the signatures’ path (refuseAmbiguousXml, then libxml2): what it lets through', () => {
  const corpus = [...samples, ...ODD_CASES, ...brokenSamples(), ...EDGE_CASES, ...realSamples()];
  const verifiable = (xml: string): boolean => {
    try {
      refuseAmbiguousXml(xml);
      return withXmlDocument(xml, () => true);
    } catch {
      return false;
    }
  };

  it('is at least as strict as the saxes pass and as the reader’s validator, and accepts every real sample', () => {
    expect(corpus.length).toBeGreaterThan(200);
    const laxer = corpus.filter((xml) => verifiable(xml) && (!outcome(parseStrict, xml).startsWith('ok') || XMLValidator.validate(xml) !== true));
    expect(laxer).toEqual([]);
    for (const xml of [...samples, ...realSamples()]) expect(verifiable(xml)).toBe(true);
    // Not a pass that refuses everything: it accepts as much as the saxes pass does.
    expect(corpus.filter(verifiable).length).toBe(corpus.filter((xml) => outcome(parseStrict, xml).startsWith('ok')).length);
  });

  it('refuses, with libxml2’s reason, what XML 1.0 with namespaces refuses; and DOCTYPE, NEL and LINE SEPARATOR before parsing', () => {
    for (const xml of ['<a:b/>', '<r a="1" a="2"/>', '<r xmlns:x="u" xmlns:y="u" x:a="1" y:a="2"/>', '<r>&foo;</r>', '<r>\u0001</r>', '<r/><r/>', '<r xmlns:p=""/>', '<r><a></b></r>']) {
      expect(() => withXmlDocument(xml, () => true), xml).toThrow();
    }
    expect(() => refuseAmbiguousXml('<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>')).toThrow(/DOCTYPE/);
    expect(() => refuseAmbiguousXml('<r>x\u2028y</r>')).toThrow(/U\+2028/);
    expect(() => refuseAmbiguousXml('<r a="\u0085"/>')).toThrow(/U\+0085/);
    expect(() => refuseAmbiguousXml('<r a="x"/>')).not.toThrow();
  });
});
