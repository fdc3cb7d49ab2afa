import { afterEach, describe, expect, it } from 'vitest';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, testCompany, type TestCompany } from './support';

/**
 * Round 18 of issue #13, after judging («a ciegas 28» and «29»): a manufacturer's line that only the supplier's
 * activity explains is raw material when the supplier sells the plant's inputs, but a cost of the production when the
 * supplier works on someone else's goods (server/data/servicio-industrial.csv: metal treatment, textile finishing…) or
 * the line says it is a contractor's job («maquila»). And a workstation is office furniture (UNSPSC 561115 «Sitios de
 * trabajo»), whoever sells it. Cases written here, not taken from a benchmark set.
 */
describe('suggestion engine: eighteenth round of #13 (a service on the plant\'s goods is not raw material)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const read = async (ciiu: string, description: string, supplierCiiu: string) => {
    t = await testCompany({ company: { ciiu: [ciiu], inventory: 'perpetual' } });
    const [suggestion] = await t.classify(line(description, { nit: '900444555', supplierCiiu: [supplierCiiu] }));
    return suggestion!;
  };

  it('a valve maker pays a metal-treatment shop for anodising: cost of the production, flagged, naming raw material', async () => {
    const anodised = await read('2813', 'ANODIZADO DURO CUERPOS X KG', '2592');
    expect(anodised.accountCode).toMatch(/^61/);
    expect(anodised.explanation).toContain('CIIU 2592');
    expect(anodised.explanation).toContain('materia prima (1405)');
    expect(anodised.confidence).toBeLessThan(reviewThreshold());
  });

  it('a valve maker\'s contractor job («maquila») from another valve maker is cost, not stock', async () => {
    const job = await read('2813', 'ARMADO CUERPOS MAQUILA X UND', '2813');
    expect(job.accountCode).toMatch(/^61/);
    expect(job.explanation).toContain('maquila');
  });

  it('a workstation («puesto de trabajo», «módulo operativo con cajonera») is office furniture, even from a stationer', async () => {
    t = await testCompany({ company: { ciiu: ['6910'], inventory: 'none' } });
    const [desk, module] = await t.classify(line('PUESTO DE TRABAJO EN L 1.60 WENGUE', { nit: '900444556', supplierCiiu: ['4761'] }), line('MODULO OPERATIVO 1.20 CON CAJONERA', { nit: '900444556', supplierCiiu: ['4761'] }));
    expect(desk!.accountCode).toMatch(/^1524/);
    expect(module!.accountCode).toMatch(/^1524/);
  });

  it('what another valve maker sells, with no service word, stays raw material', async () => {
    const cloth = await read('2813', 'CUERPOS ARMADOS X UND', '2813');
    expect(cloth.accountCode).toMatch(/^14/);
  });
});
