import { describe, expect, it } from 'vitest';
import { fold, foldKey, stripMarks } from '../../server/text/fold';
import { plain } from '../../server/matching/normalize';

/*
 * The expressions each call site wrote inline before it used server/text/fold.ts, copied character for character.
 * The helpers must give the same output on every input, so replacing them changed no behaviour.
 */
const before = {
  /** server/matching/normalize.ts `plain()`. */
  plain: (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
  /**
   * server/agent/note-limits.ts `lineKey()`; `normalize()` in server/agent/register-document.ts,
   * server/ledger/withholding-concepts.ts and server/ledger/aiu.ts.
   */
  key: (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim(),
  /** server/api/routes/accounts.ts (the query words and the account names). */
  upper: (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(),
  /** server/alegra/mapping.ts `fold()`. */
  trimmed: (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim(),
};

const after = {
  plain: fold,
  key: foldKey,
  upper: (text: string) => stripMarks(text).toUpperCase(),
  trimmed: (text: string) => fold(text).trim(),
};

const TRICKY = [
  '',
  'Ñandú',
  'ÁÉÍÓÚ ü',
  'Ø ø Đ ß Æ Œ Ł',
  // Combining marks written apart: acute, tilde, the enclosing circle, Devanagari signs, a variation selector's neighbour.
  'e\u0301 n\u0303 a\u20DD \u0915\u093F \u1AB0x \u1DC0y',
  'Baño Eléctrico',
  '  Energía\t\tELÉCTRICA \u00A0 \u3000 ',
  '\uFEFFBOM al inicio',
  'ÅΩK Å Ω K', // Ångström, ohm and Kelvin signs decompose to letters
  'İstanbul ı ſ ǅ ϴ',
  'ΟΔΟΣ ΑΣ\uFEFFb Σ', // Greek final sigma depends on neighbours
  '한국어 ｶﾀｶﾅ ﬁ ①',
  'línea\nnueva\r\notra\u2028',
];

/** Deterministic pseudo-random strings over the tricky code points above, mixed with ASCII. */
function generated(count: number): string[] {
  const pool = [...new Set([...TRICKY.join(''), ...'aZ 09.-'])];
  let seed = 20261205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () => Array.from({ length: next() % 12 }, () => pool[next() % pool.length]).join(''));
}

describe('fold helpers', () => {
  it('fold lower-cases and drops every mark, ñ included, and leaves letters without a decomposition', () => {
    expect(fold('Ñandú')).toBe('nandu');
    expect(fold('ÁÉÍÓÚ ü')).toBe('aeiou u');
    expect(fold('Ø')).toBe('ø');
    expect(fold('e\u0301a\u20DD')).toBe('ea');
    expect(fold('')).toBe('');
    expect(stripMarks('Ñandú Ø')).toBe('Nandu Ø');
    expect(foldKey('  Baño\tEléctrico ')).toBe('bano electrico');
  });

  it('upper-case keys strip marks before upper-casing, because fold() first would change some letters', () => {
    expect(stripMarks('ϴ').toUpperCase()).toBe('ϴ');
    expect(fold('ϴ').toUpperCase()).toBe('Θ');
  });

  it('the DIAN answer check, left inline, strips fewer marks than fold()', () => {
    // server/radian/dian/dian-response.ts `isAlreadyProcessed()`, copied: only U+0300–036F go.
    const dian = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');
    expect(dian('Énfasis')).toBe(fold('Énfasis'));
    expect(dian('a\u20DDb')).not.toBe(fold('a\u20DDb'));
  });

  it('plain() in the matching engine is the same function as fold()', () => {
    expect(plain).toBe(fold);
  });

  for (const name of Object.keys(before) as (keyof typeof before)[]) {
    it(`gives the same output as the inline "${name}" expression it replaced`, () => {
      for (const text of [...TRICKY, ...generated(2000)]) expect(after[name](text), JSON.stringify(text)).toBe(before[name](text));
    });
  }
});
