import { afterEach, describe, expect, it } from 'vitest';
import { line, testCompany, type TestCompany } from './support';

/**
 * After judging round 22 (not blind: read in «a ciegas 41», a judge that then joined the fit): a laptop is a computer
 * whatever the company does. The PUC names data-processing equipment (152805); a telecom's own equipment
 * (equipo-por-clase.csv → 152810) is what it renders its service with, not its laptops. «Portátil» (DLE, 2) and
 * «laptop» (Fundéu RAE: «portátil») now name 152805 like «computador» does; not «tableta», which is also a pill.
 * «Mano de obra» alone no longer reads as a repair of the premises (515015): on the 43 fit sets it decided that account
 * seven times, all wrong (a mill, a graft, a forest clearing). Cases written here.
 */
describe('suggestion engine: after judging round 22 of #13 (a laptop is data-processing equipment; labour is not a repair of the premises)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a telecom’s laptop is 152805, not its telecommunication equipment', async () => {
    t = await testCompany({ company: { ciiu: ['6120'], inventory: 'none' } });
    const [laptop] = await t.classify(line('LAPTOP 15 PULGADAS 16GB RAM SSD 512GB SERIAL PF3X9K'));
    const [portatil] = await t.classify(line('PORTATIL CORE I7 16GB 1TB SERIAL 5CD1234'));
    expect(laptop!.accountCode).toBe('152805');
    expect(portatil!.accountCode).toBe('152805');
  });

  it('a radio station’s laptop too; its radio equipment stays 152815', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' } });
    const [portatil] = await t.classify(line('PORTATIL CORE I5 8GB 512GB SERIAL X77'));
    const [radio] = await t.classify(line('RADIO PUNTO A PUNTO 5 GHZ 25 DBI'));
    expect(portatil!.accountCode).toBe('152805');
    expect(radio!.accountCode).toBe('152815');
  });

  it('labour is not a repair of the premises: a farm’s hired hands are its cost', async () => {
    t = await testCompany({ company: { ciiu: ['0220'], inventory: 'none' } });
    const [jornales] = await t.classify(line('MANO DE OBRA CORTE Y ARRASTRE JORNALES'));
    const [techo] = await t.classify(line('REPARACION TECHO BODEGA Y CANALES'));
    expect(jornales!.accountCode).not.toBe('515015');
    expect(jornales!.accountCode).toMatch(/^61/);
    expect(techo!.accountCode).toBe('515015');
  });

  it('nor is the labour of a machine’s repair', async () => {
    t = await testCompany({ company: { ciiu: ['2394'], inventory: 'none' } });
    const [molino] = await t.classify(line('Cambio Rodillos Trituradora + Mano De Obra'));
    expect(molino!.accountCode).not.toBe('515015');
  });
});
