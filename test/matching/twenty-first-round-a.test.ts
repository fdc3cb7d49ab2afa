import { afterEach, describe, expect, it } from 'vitest';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twenty-first round, part A: a fixed-asset reading's kind of evidence says how its subcuenta was chosen
 * (the PUC's name for the head noun, the equipment's name, the company's activity, the rules' concept, or the generic
 * 1520), so the calibration measures a sure subcuenta apart from a guessed one; and the subcuentas the PUC's names
 * plainly decide (radio broadcasting, telecommunications, a telephone exchange, an archivador that is furniture). The
 * lines are written for the tests, not copied from the sets.
 */
describe('twenty-first round, part A: how an asset\'s subcuenta was chosen, and what the PUC names decide', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const supplies = '900555444';
  const suppliesHistory = ['PAPEL BOND CARTA RESMA', 'TONER LASER NEGRO', 'CARPETA LEGAJADORA', 'CINTA EMPAQUE TRANSPARENTE', 'LAPICERO NEGRO CAJA'].map((d, i) => past(d, '519530', `2026-0${i + 1}-05`, { nit: supplies }));

  it('a radio read by the PUC\'s own name is measured as such (…/subcuenta-nombre)', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('RADIO PORTATIL UHF 16 CANALES MOTOROLA'));
    expect(result!.accountCode).toBe('152815');
    expect(result!.evidence?.kind).toMatch(/\/subcuenta-nombre$/);
  });

  it('a dental practice\'s autoclave, moved by the activity, is measured as such (…/subcuenta-actividad)', async () => {
    t = await testCompany({ company: { ciiu: ['8622'], inventory: 'none' } });
    const [result] = await t.classify(line('ESTERILIZADOR AUTOCLAVE 18 LT CLASE B'));
    expect(result!.accountCode).toBe('153210');
    expect(result!.evidence?.kind).toMatch(/\/subcuenta-actividad$/);
  });

  it('a machine only the generic 1520 holds is measured apart from a subcuenta a concept chose', async () => {
    t = await testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });
    const [machine] = await t.classify(line('EMPACADORA AL VACIO DOBLE CAMARA'));
    expect(machine!.accountCode).toMatch(/^1520/);
    expect(machine!.evidence?.kind).toMatch(/\/subcuenta-generica$/);
    const [desk] = await t.classify(line('ESCRITORIO EN L CON CAJONERA'));
    expect(desk!.accountCode).toBe('152405');
    expect(desk!.evidence?.kind).toMatch(/\/subcuenta-(concepto|equipo)$/);
  });

  it('a radio station\'s transmitter is «equipos de radio» (152815), the equipment of radiodifusión sonora (CIIU 6010)', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' }, history: suppliesHistory });
    const [result] = await t.classify(line('TRANSMISOR FM 2 KW SERIAL AB778812', { nit: supplies }));
    expect(result!.accountCode).toBe('152815');
    expect(result!.explanation).toContain('actividad 6010');
  });

  it('an internet provider\'s fusion splicer is «equipos de telecomunicaciones» (152810), not maquinaria y equipo', async () => {
    t = await testCompany({ company: { ciiu: ['6110'], inventory: 'none' } });
    const [result] = await t.classify(line('FUSIONADORA DE FIBRA 4 MOTORES'));
    expect(result!.accountCode).toBe('152810');
  });

  it('a telephone exchange is telecommunications equipment (DLE «telecomunicación»), not a power plant', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('PLANTA TELEFONICA IP 16 EXTENSIONES'));
    expect(result!.accountCode).toBe('152810');
    expect(result!.explanation).toContain('«telefonica»');
  });

  it('an archivador with drawers from a stationer is furniture (152405), not stationery', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' }, history: suppliesHistory });
    const [result] = await t.classify(line('ARCHIVADOR METALICO 3 GAVETAS CON LLAVE', { nit: supplies }));
    expect(result!.accountCode).toBe('152405');
  });

  // Guards: what must not move.
  it('guard: a box-file archivador stays stationery', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' }, history: suppliesHistory });
    const [result] = await t.classify(line('ARCHIVADOR AZ OFICIO LOMO ANCHO', { nit: supplies }));
    expect(result!.accountCode).toBe('519530');
  });

  it('guard: a power plant in a company of another trade stays maquinaria y equipo', async () => {
    t = await testCompany({ company: { ciiu: ['6920'], inventory: 'none' } });
    const [result] = await t.classify(line('PLANTA ELECTRICA DIESEL 20 KVA'));
    expect(result!.accountCode).toMatch(/^1520/);
  });

  it('guard: a radio station\'s laptop stays «equipos de procesamiento de datos» (152805), not its radio equipment', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' } });
    const [result] = await t.classify(line('COMPUTADOR PORTATIL 14 CORE I5 8GB'));
    expect(result!.accountCode).toBe('152805');
  });

  it('guard: the company\'s own books keep their subcuenta and their kind', async () => {
    t = await testCompany({ company: { ciiu: ['6010'], inventory: 'none' }, history: [past('TRANSMISOR FM 2 KW', '152810', '2026-04-02')] });
    const [result] = await t.classify(line('TRANSMISOR FM 2 KW'));
    expect(result!.accountCode).toBe('152810');
    expect(result!.evidence?.kind).not.toMatch(/subcuenta-/);
  });
});
