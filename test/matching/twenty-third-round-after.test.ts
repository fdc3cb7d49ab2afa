import { describe, expect, it } from 'vitest';
import { sameRoot } from '../../server/matching/shared-word';

/**
 * After judging round 23 (not blind: «BANO DE NIQUEL A LOS CONTACTOS» of «a ciegas 39», then in the fit, linked to the
 * catalog item «Honorarios contables» and booked to 511030 unflagged). Two words of seven letters or more that share
 * only five are not one root with two endings: «celulosa» and «celular», «contacto» and «contable» (stemmed
 * «contabl»). On the 45 fit sets: +11 −2, two more wrong lines unflagged (a wrong account traded for another).
 */
describe('shared-word: a root with another ending (after judging round 23 of #13)', () => {
  it('five shared letters are not a root once the words are seven letters long', () => {
    expect(sameRoot('celulosa', 'celular')).toBe(false);
    expect(sameRoot('contacto', 'contabl')).toBe(false);
  });

  it('guards: verbs, their nouns of action and participles still share their root', () => {
    expect(sameRoot('soldar', 'soldadura')).toBe(true);
    expect(sameRoot('esterilizar', 'esterilizacion')).toBe(true);
    expect(sameRoot('termoencogido', 'termoencogible')).toBe(true);
    expect(sameRoot('fumigar', 'fumigacion')).toBe(true);
    expect(sameRoot('tornillo', 'tornilleria')).toBe(true);
  });
});
