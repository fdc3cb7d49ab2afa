import { afterEach, describe, expect, it } from 'vitest';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The fifteenth round of issue #13, part B: a durable good from a supplier usually booked to something else. Cases
 * written here (a software house, a plastics recycler, a computer shop), not taken from any benchmark set:
 * 1. the line's first noun is what the rules read as a fixed asset, even as a lone word: it overrules a supplier whose
 *    lines are consumables, «por verificar», both readings said;
 * 2. a line that starts with a machine's name is the machine, not a catalog item whose own name starts with another
 *    noun (its blades, its upkeep): the machine goes first, «por verificar», the item as the runner-up;
 * 3. a serial number makes the line equipment; which equipment, its own words say (a computer is equipo de cómputo)
 *    before the company's generic equipment account.
 */
const STATIONER = '830555111';
const PARTS = '900777333';
const SERVICES = '901888444';

describe('suggestion engine: fifteenth round of #13 (B), durable goods from a supplies supplier', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('the line’s own noun reads a fixed asset: it overrules the stationer’s usual account, «por verificar»', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Resma papel carta 75 g lote ${i}`, '519530', `2026-0${1 + (i % 5)}-10`, { nit: STATIONER }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history });
    const [result] = await t.classify(line('IMPRESORA DE CARNETS PVC DOBLE CARA', { nit: STATIONER }));
    expect(result!.accountCode).toMatch(/^1528/);
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('sustantivo principal');
    expect(result!.explanation).toContain('519530');
    expect(result!.runnerUp?.accountCode).toBe('519530');
  });

  it('the same noun only after another one («cinta para impresora») is a supply: the stationer’s account stays', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Resma papel carta 75 g lote ${i}`, '519530', `2026-0${1 + (i % 5)}-10`, { nit: STATIONER }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history });
    const [result] = await t.classify(line('CINTA PARA IMPRESORA DE CARNETS', { nit: STATIONER }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });

  it('a machine’s name first beats a catalog item about that machine’s blades; the item is the runner-up', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Repuesto rodamiento 6205 ref ${i}`, '1455', `2026-0${1 + (i % 5)}-12`, { nit: PARTS }));
    t = await testCompany({
      company: { ciiu: ['3830'], inventory: 'perpetual' },
      items: [{ codigo: 'CU-1', nombre: 'Cuchillas trituradora industrial plastico', cuenta: '1455' }],
      history,
    });
    const [result] = await t.classify(line('TRITURADORA INDUSTRIAL PLASTICO BOCA 60 CM', { nit: PARTS }));
    expect(result!.accountCode).toMatch(/^1520/);
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('«Cuchillas trituradora industrial plastico»');
    expect(result!.runnerUp?.accountCode).toBe('1455');
  });

  it('a catalog item that starts with the line’s own noun still wins: it is the same machine', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Repuesto rodamiento 6205 ref ${i}`, '1455', `2026-0${1 + (i % 5)}-12`, { nit: PARTS }));
    t = await testCompany({
      company: { ciiu: ['3830'], inventory: 'perpetual' },
      items: [{ codigo: 'TR-1', nombre: 'Trituradora industrial plastico para la venta', cuenta: '1435' }],
      history,
    });
    const [result] = await t.classify(line('TRITURADORA INDUSTRIAL PLASTICO BOCA 60 CM', { nit: PARTS }));
    expect(result!.accountCode).toBe('1435');
  });

  // «PORTATIL» was the example until round 16 named it in equipo-durable.csv (a computer needs no serial to be one); a
  // notebook is still read through the serial.
  it('a serial number from a services supplier: the words say which equipment (a notebook is equipo de cómputo)', async () => {
    const history = Array.from({ length: 12 }, (_, i) => past(`Soporte tecnico remoto mes ${i + 1}`, '523520', `2026-0${1 + (i % 5)}-15`, { nit: SERVICES }));
    t = await testCompany({ company: { ciiu: ['4741'], inventory: 'perpetual' }, history });
    const [result] = await t.classify(line('NOTEBOOK 15 PULGADAS RYZEN 7 16GB SERIAL ZX99881', { nit: SERVICES }));
    expect(result!.accountCode).toMatch(/^1528/);
    expect(result!.explanation).toContain('número de serie');
    expect(result!.confidence).toBeLessThan(0.6);
  });
});
