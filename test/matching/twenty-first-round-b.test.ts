import { afterEach, describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { line, testCompany, type TestCompany } from './support';

/**
 * The twenty-first round of issue #13, part B: what a service company's operation consumes is the cost of its
 * service (accounting-co.md §4.3), even where the keyword reads the office. The software and cloud an information or
 * technical firm produces with (the engineer's CAD, the designer's suite, the hosting of its customers' systems) and
 * the protective gear and uniforms a security guard or a waste collector wears at work go to the activity's 61
 * subcuenta, «por verificar», naming the office's account as the other reading. Guards: the administration's software
 * (accounting, payroll, invoicing, ERP, office suite) and the legal and administrative dotation stay the expense; a
 * law firm's software and a restaurant's cleaning supplies do not move. Cases written here, not taken from any set.
 */
describe('costo-de-la-operacion.csv, round 21 rows', () => {
  it('software and dotation have rows, with their sources and the office words that keep the expense', () => {
    const rows = new Map(readDataCsv('costo-de-la-operacion.csv').map((r) => [r.concepto, r]));
    expect(rows.get('nube')?.fuente).toMatch(/§4\.3/);
    expect(rows.get('nube')?.salvo).toMatch(/contable/);
    expect(rows.get('dotacion')?.fuente).toMatch(/§4\.3/);
    expect(rows.get('dotacion')?.salvo).toMatch(/administrativo/);
  });
});

describe('what a service operation consumes goes to the activity cost', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a civil engineering firm licensing structural design software: cost of its service, flagged, naming 513520', async () => {
    t = await testCompany({ company: { ciiu: ['7110'], inventory: 'none' } });
    const [result] = await t.classify(line('LICENCIA SOFTWARE DISENO ESTRUCTURAL ANUAL'));
    expect(result!.accountCode).toBe('615550');
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('513520');
    expect(result!.explanation).toContain('verifícala');
    expect(result!.evidence?.kind).toMatch(/^actividad\/operacion\//);
  });

  it('a hosting company paying the cloud servers its customers run on: cost of hosting', async () => {
    t = await testCompany({ company: { ciiu: ['6311'], inventory: 'none' } });
    const [result] = await t.classify(line('SERVIDORES VIRTUALES NUBE CLIENTES MES'));
    expect(result!.accountCode).toBe('615535');
    expect(result!.explanation).toContain('513520');
  });

  it('a security firm buying guard uniforms: cost of the security service', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('UNIFORME GUARDA DE SEGURIDAD CAMISA PANTALON'));
    expect(result!.accountCode).toBe('615565');
    expect(result!.confidence).toBeLessThan(0.6);
    expect(result!.explanation).toContain('510551');
  });

  it('a waste collector buying work boots: cost of the collection', async () => {
    t = await testCompany({ company: { ciiu: ['3811'], inventory: 'none' } });
    const [result] = await t.classify(line('BOTA PVC CANA ALTA PUNTA DE ACERO TALLA 40'));
    expect(result!.accountCode).toBe('617005');
    expect(result!.explanation).toContain('510551');
  });
});

describe('what stays the office expense', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('an engineering firm paying its accounting software: the administration’s data processing', async () => {
    t = await testCompany({ company: { ciiu: ['7110'], inventory: 'none' } });
    const [result] = await t.classify(line('LICENCIA SOFTWARE CONTABLE NUBE MENSUAL'));
    expect(result!.accountCode).toBe('513520');
  });

  it('a hosting company paying its payroll cloud: the administration’s', async () => {
    t = await testCompany({ company: { ciiu: ['6311'], inventory: 'none' } });
    const [result] = await t.classify(line('SUSCRIPCION NOMINA ELECTRONICA NUBE'));
    expect(result!.accountCode).toBe('513520');
  });

  it('a law firm licensing software: its service is its people’s work', async () => {
    t = await testCompany({ company: { ciiu: ['6910'], inventory: 'none' } });
    const [result] = await t.classify(line('LICENCIA SOFTWARE GESTION DE EXPEDIENTES'));
    expect(result!.accountCode).toBe('513520');
  });

  it('a security firm buying the administrative staff’s uniforms: dotation', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('UNIFORME PERSONAL ADMINISTRATIVO DAMA'));
    expect(result!.accountCode).toBe('510551');
  });

  it('a restaurant buying cleaning supplies: the office’s aseo, as the PUC names it', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('DESINFECTANTE MULTIUSOS GALON'));
    expect(result!.accountCode).toBe('519525');
  });
});
