import { afterEach, describe, expect, it } from 'vitest';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Round 16, after judging («a ciegas 23» showed it on six companies): a computer is equipment (PUC 152805, UNSPSC
 * 432115 «Computadores») whatever its specifications say. «Todo en uno» is the all-in-one computer, and a laptop's
 * memory and disk («RAM», «SSD») describe it; they do not make it an accessory. Cases written here, not taken from
 * the set.
 */
const STATIONER = '830555222';

describe('suggestion engine: a computer named by its kind is equipment', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const stationersBooks = () => Array.from({ length: 12 }, (_, i) => past(`Resma papel oficio 75 g lote ${i}`, '519530', `2026-0${1 + (i % 5)}-11`, { nit: STATIONER }));

  it('an all-in-one computer («todo en uno») from the stationer is equipo de procesamiento de datos, «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' }, history: stationersBooks() });
    const [result] = await t.classify(line('EQUIPO TODO EN UNO 27 PULG CORE I7 16GB', { nit: STATIONER }));
    expect(result!.accountCode).toBe('152805');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
    expect(result!.explanation).toContain('519530');
  });

  it('a laptop with its memory and disk is the computer, not a computer accessory', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' }, history: stationersBooks() });
    const [result] = await t.classify(line('PORTATIL 15.6 PULG 8 GB RAM SSD 512 GB WINDOWS', { nit: STATIONER }));
    expect(result!.accountCode).toBe('152805');
  });

  it('a laptop’s spare memory is still an accessory', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' }, history: stationersBooks() });
    const [result] = await t.classify(line('MEMORIA RAM 8 GB PARA PORTATIL', { nit: STATIONER }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });

  it('a cleaner sold as «todo en uno» is not a computer', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [result] = await t.classify(line('LIMPIADOR MULTIUSOS TODO EN UNO GALON', { nit: '900123777' }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });
});
