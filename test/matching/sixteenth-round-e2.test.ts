import { afterEach, describe, expect, it } from 'vitest';
import { reviewThreshold } from '../../server/matching/calibration';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Round 16b, part E: what a line is, is its head noun. A machine named first («-dora», an apparatus) stays a machine
 * when a later word also names another asset: «portátil» (portable) is not the laptop, «mesa» (its work table) is not
 * furniture. A line that says the machine is serviced or rented, or whose head the rules already read, keeps that
 * reading. Cases written here, not taken from the sets.
 */
const HARDWARE_STORE = '901777333';

describe('activity classifier: the head noun that names a machine beats an asset read from later words', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a portable machine («-dora … portátil») is maquinaria y equipo, not a laptop, «por verificar» naming the other reading', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' } });
    const [result] = await t.classify(line('PERFILADORA PORTATIL DE LAMINA 220V', { nit: HARDWARE_STORE }));
    expect(result!.accountCode).toBe('1520');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
    expect(result!.explanation).toContain('equipo de cómputo');
  });

  it('a machine with its work table is not furniture', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' } });
    const [result] = await t.classify(line('TALADRADORA RADIAL MESA 900 MM', { nit: HARDWARE_STORE }));
    expect(result!.accountCode).toBe('1520');
  });

  it('from a supplier of supplies, the portable machine with a serial number is still the machine', async () => {
    const books = Array.from({ length: 12 }, (_, i) => past(`Disco de corte 4 1/2 pulg lote ${i}`, '514510', `2026-0${1 + (i % 5)}-09`, { nit: HARDWARE_STORE }));
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' }, history: books });
    const [result] = await t.classify(line('PERFILADORA PORTATIL SERIAL ZX-99120', { nit: HARDWARE_STORE }));
    expect(result!.accountCode).toBe('1520');
  });

  it('a laptop named first is still the computer', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' } });
    const [result] = await t.classify(line('PORTATIL 14 PULG 8 GB PARA LA PERFILADORA', { nit: HARDWARE_STORE }));
    expect(result!.accountCode).toBe('152805');
  });

  it('the rental of a portable machine is not bought as an asset', async () => {
    t = await testCompany({ company: { ciiu: ['2511'], inventory: 'none' } });
    const [result] = await t.classify(line('ALQUILER PERFILADORA PORTATIL SEMANA', { nit: HARDWARE_STORE }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });
});

/**
 * «Equipo de cómputo» is the common name of the class (UNSPSC 4321, PUC 1528): a line that starts with it is a computer,
 * also from a stationer whose books are paper, and also when the words after it are its specifications (RAM, SSD).
 */
describe('equipment table: «equipo de cómputo» named first is a computer', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());
  const STATIONER = '830111999';
  const stationersBooks = () => Array.from({ length: 12 }, (_, i) => past(`Cuaderno argollado 100 hojas lote ${i}`, '519530', `2026-0${1 + (i % 5)}-14`, { nit: STATIONER }));

  it('from the stationer it is equipo de procesamiento de datos, «por verificar»', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' }, history: stationersBooks() });
    const [result] = await t.classify(line('EQUIPO DE COMPUTO 8 GB RAM SSD 480 GB', { nit: STATIONER }));
    expect(result!.accountCode).toBe('152805');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
  });

  it('its upkeep is not the computer', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('MANTENIMIENTO PREVENTIVO EQUIPO DE COMPUTO', { nit: STATIONER }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });
});

/**
 * The PUC names a subcuenta of cuenta 1528 by kind: 152820 «satélites y antenas». A line that starts with the antenna is
 * that subcuenta, not the generic 152810 «equipos de telecomunicaciones». (Radios are not moved to 152815 «equipos de
 * radio»: the judged sets book them both ways, so the table leaves them to the rules.)
 */
describe('equipment table: an antenna goes to its own PUC subcuenta', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('an antenna is 152820 satélites y antenas', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('ANTENA SECTORIAL 5 GHZ 120 GRADOS SERIAL QX-4471', { nit: '900456321' }));
    expect(result!.accountCode).toBe('152820');
  });
});
