import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { line, testCompany, type TestCompany } from './support';

/**
 * The twenty-third round of issue #13, part G: where the operation happens, what it runs on is its cost
 * (accounting-co.md §4.3). A utility, a lease or the connectivity whose line names a site where the company's activity
 * is carried out (sitios-de-operacion.csv: a telecom's base station, a broadcaster's transmitter, a farm's land, a
 * funeral home's vault, a car park's lot, a datacenter's channel, a call centre's SIP trunk) goes to the activity's 61
 * subcuenta, «por verificar», naming the office's account as the other reading, as its own kind of evidence
 * (`actividad/sitio-de-operacion`). Guards: the office's rent and internet, the same site nouns in a company whose
 * activity does not work there (a trader's «bodega»), and a line that names the office. Cases written here, not taken
 * from any set.
 */
describe('sitios-de-operacion.csv', () => {
  it('every site noun has concepts, activities and a source', () => {
    const rows = readDataCsv('sitios-de-operacion.csv');
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(row.fuente, row.sitio).toBeTruthy();
      expect(row.actividades, row.sitio).toMatch(/^[A-U0-9 ]+$/);
    }
    expect(rows.find((r) => r.sitio === 'boveda')?.fuente).toMatch(/DLE/);
  });

  it('a row without its source stops the engine, in Spanish', async () => {
    vi.resetModules();
    vi.doMock('../../server/ledger/puc', async (original) => {
      const real = await original<typeof import('../../server/ledger/puc')>();
      return { ...real, readDataCsv: (name: string) => (name === 'sitios-de-operacion.csv' ? [{ sitio: 'torre', conceptos: 'arriendo', actividades: '61', fuente: '' }] : real.readDataCsv(name)) };
    });
    await expect(import('../../server/matching/operating-cost')).rejects.toThrow(/sitios-de-operacion\.csv: el sitio «torre» necesita .*fuente/);
    vi.doUnmock('../../server/ledger/puc');
    vi.resetModules();
  });
});

describe('a utility or a lease of an operating site goes to the activity cost', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a wireless telecom paying the energy of a base station: cost of its service, flagged, naming 513530', async () => {
    t = await testCompany({ company: { ciiu: ['6120'], inventory: 'none' } });
    const [result] = await t.classify(line('SERVICIO ENERGIA ESTACION BASE LA MESA KWH'));
    expect(result!.accountCode).toMatch(/^6145/);
    expect(result!.explanation).toContain('513530');
    expect(result!.explanation).toContain('verifícala');
    expect(result!.evidence?.kind).toMatch(/^actividad\/sitio-de-operacion\//);
    expect(result!.confidence).toBeLessThan(0.896);
  });

  it('a radio station renting space on a tower: cost of broadcasting', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' } });
    const [result] = await t.classify(line('CANON ARRIENDO ESPACIO TORRE ANTENA FM'));
    expect(result!.accountCode).toBe('617025');
    expect(result!.explanation).toContain('5120');
  });

  it('a potato farm renting land: cost of the crop', async () => {
    t = await testCompany({ company: { ciiu: ['0113'], inventory: 'none' } });
    const [result] = await t.classify(line('CANON ARRENDAMIENTO TERRENO VEREDA EL ROSAL MES'));
    expect(result!.accountCode).toBe('610510');
    expect(result!.evidence?.kind).toMatch(/^actividad\/sitio-de-operacion\//);
  });

  it('a funeral home renting a vault: cost of the funeral service', async () => {
    t = await testCompany({ company: { ciiu: ['9603'], inventory: 'none' } });
    const [result] = await t.classify(line('ARRENDAMIENTO BOVEDA 5 ANOS'));
    expect(result!.accountCode).toBe('617060');
  });

  it('a hosting company paying a dedicated channel to its datacenter: cost of hosting, not 513535', async () => {
    t = await testCompany({ company: { ciiu: ['6311'], inventory: 'none' } });
    const [result] = await t.classify(line('CANAL INTERNET DEDICADO DATACENTER 1 GBPS'));
    expect(result!.accountCode).toBe('615535');
    expect(result!.explanation).toContain('513535');
  });

  it('a call centre paying SIP trunks: cost of the calls it sells', async () => {
    t = await testCompany({ company: { ciiu: ['8220'], inventory: 'none' } });
    const [result] = await t.classify(line('TRONCAL SIP 30 CANALES Y MINUTOS INTERNET'));
    expect(result!.accountCode).toBe('615595');
    expect(result!.explanation).toContain('513535');
  });
});

describe('what stays the office expense', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a telecom renting its office: the administration’s rent', async () => {
    t = await testCompany({ company: { ciiu: ['6120'], inventory: 'none' } });
    const [result] = await t.classify(line('CANON ARRENDAMIENTO OFICINA PISO 2'));
    expect(result!.accountCode).toMatch(/^5120/);
  });

  it('a line naming the office beside the site noun stays the expense', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' } });
    const [result] = await t.classify(line('ENERGIA OFICINA TORRE EMPRESARIAL'));
    expect(result!.accountCode).toBe('513530');
  });

  it('a broadcaster’s own internet plan stays 513535 (the connectivity is moved only where the line names the site)', async () => {
    t = await testCompany({ company: { ciiu: ['6020'], inventory: 'none' } });
    const [result] = await t.classify(line('PLAN INTERNET FIBRA EMPRESARIAL 300 MEGAS'));
    expect(result!.accountCode).toBe('513535');
  });

  it('a trader renting a warehouse: its premises, not a site of its activity', async () => {
    t = await testCompany({ company: { ciiu: ['4690'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('CANON ARRENDAMIENTO BODEGA 300 M2'));
    expect(result!.accountCode).toMatch(/^5[12]20/);
  });

  it('a manufacturer’s rent of land keeps its reading (the land rows are the farm’s)', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('ARRIENDO TERRENO PATIO MATERIALES'));
    expect(result!.accountCode).not.toMatch(/^6105/);
  });
});
