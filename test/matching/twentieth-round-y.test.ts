import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { assetSubaccount } from '../../server/matching/asset-subaccount';
import { Chart } from '../../server/ledger/chart';
import { normalize } from '../../server/matching/normalize';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twentieth round, part Y: once the engine decided a line is a fixed asset, the group-15 subcuenta follows
 * the PUC's own names (server/data/subcuenta-de-activo.csv). The lines are written for the tests, not copied from the
 * sets. Each engine test fails on the code before the change.
 */
describe('twentieth round, part Y: a fixed asset goes to the PUC subcuenta that names it', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const supplies = '900555444';
  const suppliesHistory = ['PAPEL BOND CARTA RESMA', 'TONER LASER NEGRO', 'CARPETA LEGAJADORA', 'CINTA EMPAQUE TRANSPARENTE'].map((d, i) => past(d, '519530', `2026-0${i + 1}-05`, { nit: supplies }));

  it('a radio a security company buys is «equipos de radio» (152815), not telecommunications (152810)', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('RADIO PORTATIL UHF 16 CANALES MOTOROLA'));
    expect(result!.accountCode).toBe('152815');
    expect(result!.explanation).toContain('152810');
  });

  it('a campero with a serial number from a supplier of supplies is «autos, camionetas y camperos», not maquinaria', async () => {
    t = await testCompany({ company: { ciiu: ['4922'], inventory: 'none' }, history: suppliesHistory });
    const [result] = await t.classify(line('VEHICULO CAMPERO 5 PUERTAS SERIAL X12345', { nit: supplies }));
    expect(result!.accountCode).toBe('154005');
  });

  it('an outboard motor (DLE «fueraborda») is a small boat\'s fleet (154410), not maquinaria y equipo', async () => {
    t = await testCompany({ company: { ciiu: ['5021'], inventory: 'none' }, history: suppliesHistory });
    const [result] = await t.classify(line('MOTOR FUERA DE BORDA 90 HP 2T', { nit: supplies }));
    expect(result!.accountCode).toBe('154410');
    expect(result!.explanation).toContain('«borda», que dice de qué equipo es');
  });

  it("a dental practice's autoclave is «odontológico» (153210), a laboratory's drying oven «laboratorio» (153215)", async () => {
    t = await testCompany({ company: { ciiu: ['8622'], inventory: 'none' } });
    const [autoclave] = await t.classify(line('ESTERILIZADOR AUTOCLAVE 18 LT CLASE B'));
    expect(autoclave!.accountCode).toBe('153210');
    expect(autoclave!.explanation).toContain('actividad 8622');
    await t.close();
    t = await testCompany({ company: { ciiu: ['7120'], inventory: 'none' } });
    const [oven] = await t.classify(line('HORNO DE SECADO 100 LT 200 GRADOS'));
    expect(oven!.accountCode).toBe('153215');
  });

  // Guards: what must not move.
  it('a medical practice keeps its medical equipment in 153205, a laboratory its furniture in 152405', async () => {
    t = await testCompany({ company: { ciiu: ['8621'], inventory: 'none' } });
    const [monitor] = await t.classify(line('MONITOR DE SIGNOS VITALES ADULTO'));
    expect(monitor!.accountCode).toBe('153205');
    await t.close();
    t = await testCompany({ company: { ciiu: ['7120'], inventory: 'none' } });
    const [chair] = await t.classify(line('SILLA INTERLOCUTORA TAPIZADA'));
    expect(chair!.accountCode).toBe('152405');
  });


  it('the company\'s own books keep their subcuenta: a radio it booked in 152810 stays there', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' }, history: [past('RADIO PORTATIL UHF 16 CANALES MOTOROLA', '152810', '2026-04-02')] });
    const [result] = await t.classify(line('RADIO PORTATIL UHF 16 CANALES MOTOROLA'));
    expect(result!.accountCode).toBe('152810');
  });

  it('only the head noun names the asset: a truck scale is a scale, a radio line that is not an asset does not move', async () => {
    const chart = Chart.puc();
    expect(assetSubaccount(normalize('Bascula camionera 60 ton').words, chart)).toBeUndefined();
    expect(assetSubaccount(normalize('Equipo radio base vehicular').words, chart)?.account).toBe('152815');
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [service] = await t.classify(line('MANTENIMIENTO RADIO PORTATIL'));
    expect(service!.accountCode).not.toMatch(/^15/);
  });

  it('every row of equipo-por-clase.csv is a CIIU class of the DANE list with a live PUC subcuenta of group 15 and its source', () => {
    const ciiu = new Set(readDataCsv('ciiu.csv').map((r) => r.code));
    const puc = new Map(readDataCsv('puc.csv').map((r) => [r.code, r]));
    for (const row of readDataCsv('equipo-por-clase.csv')) {
      expect(ciiu.has(row.ciiu!), row.ciiu).toBe(true);
      expect(puc.get(row.cuenta!)?.level, row.ciiu).toBe('subcuenta');
      expect(row.fuente, row.ciiu).toMatch(/CIIU.*PUC/);
    }
  });

  it('every row of subcuenta-de-activo.csv names a live group-15 account of the PUC and has its source', () => {
    const puc = new Map(readDataCsv('puc.csv').map((r) => [r.code, r]));
    for (const row of readDataCsv('subcuenta-de-activo.csv')) {
      expect(puc.get(row.cuenta!)?.deprecated ?? '', row.palabra).toBe('');
      expect(row.cuenta, row.palabra).toMatch(/^15/);
      expect(row.fuente, row.palabra).toMatch(/PUC|DLE/);
    }
  });
});
