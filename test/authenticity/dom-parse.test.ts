import { describe, expect, it } from 'vitest';
import { parseAsIs, parseFast, parseStrict } from '../../server/authenticity/dom';
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

/** What parseStrict does after its well-formedness check: the shortcut, else xmldom on the text as it is. */
const shortcut = (xml: string) => parseFast(xml) ?? parseAsIs(xml);

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
    expect(() => parseStrict('<r><a><x/></b><y/></a></r>')).toThrow(/no está bien formado.*'b'/);
  });

  it('on the real samples, with and without trailing whitespace', () => {
    for (const xml of samples) {
      // The shortcut is taken for well-formed documents (else it would only be slower).
      expect(parseFast(xml)).toBeDefined();
      same(xml);
      same(`${xml}\n  \n`);
      same(`${xml}<!-- después -->\n`);
    }
  });

  it('on documents xmldom repairs or refuses (unclosed, mismatched, swallowed, odd closing tags)', () => {
    const cases = [
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
    for (const xml of cases) same(xml);
  });

  it('on real samples broken at random: a closing tag dropped or doubled, a tag renamed, the text cut', () => {
    const next = random(11);
    for (const xml of samples.slice(0, 6)) {
      const closings = [...xml.matchAll(/<\/[^<>]*>/g)];
      for (let k = 0; k < 3; k++) {
        const m = closings[Math.floor(next() * closings.length)]!;
        const at = m.index!;
        same(xml.slice(0, at) + xml.slice(at + m[0].length));
        same(xml.slice(0, at) + m[0] + xml.slice(at));
        same(`${xml.slice(0, at)}</${m[0].slice(2, -1).toUpperCase()}>${xml.slice(at + m[0].length)}`);
        same(`${xml.slice(0, at)}${m[0].slice(0, -1)} >${xml.slice(at + m[0].length)}`);
        same(xml.slice(0, at + Math.floor(next() * m[0].length)));
        same(xml.slice(0, Math.floor(next() * xml.length)));
      }
    }
  });
});
