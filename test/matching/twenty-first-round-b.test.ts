import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { line, testCompany, type TestCompany } from './support';

/**
 * The twenty-first round of issue #13, part B: what a service company's operation consumes is the cost of its
 * service (accounting-co.md §4.3), even where the keyword reads the office. The software and cloud an information or
 * technical firm produces with (the engineer's CAD, the designer's suite, the hosting of its customers' systems) and
 * the protective gear a waste collector wears out at work go to the activity's 61
 * subcuenta, «por verificar», naming the office's account as the other reading. Guards: the administration's software
 * (accounting, payroll, invoicing, ERP, office suite) and the legal and administrative dotation stay the expense; a
 * law firm's software, a security firm's uniforms and a restaurant's cleaning supplies do not move (measured, left out). Cases written here, not taken from any set.
 */
describe('consumo-del-servicio.csv', () => {
  it('software and dotation have rows, with their sources and the office words that keep the expense', () => {
    const rows = new Map(readDataCsv('consumo-del-servicio.csv').map((r) => [r.concepto, r]));
    expect(rows.get('nube')?.fuente).toMatch(/§4\.3/);
    expect(rows.get('nube')?.salvo).toMatch(/contable/);
    expect(rows.get('nube')?.actividades).not.toMatch(/\b69\b|\b70\b/);
    expect(rows.get('dotacion')?.fuente).toMatch(/§4\.3/);
    expect(rows.get('dotacion')?.salvo).toMatch(/administrativo/);
  });

  it('a row without its source stops the engine, in Spanish', async () => {
    vi.resetModules();
    vi.doMock('../../server/ledger/puc', async (original) => {
      const real = await original<typeof import('../../server/ledger/puc')>();
      return { ...real, readDataCsv: (name: string) => (name === 'consumo-del-servicio.csv' ? [{ concepto: 'nube', actividades: '62', salvo: '', fuente: '' }] : real.readDataCsv(name)) };
    });
    await expect(import('../../server/matching/operating-cost')).rejects.toThrow(/consumo-del-servicio\.csv: .*necesita .*fuente/);
    vi.doUnmock('../../server/ledger/puc');
    vi.resetModules();
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
    // Its own kind of evidence, measured apart from the nineteenth round's moves.
    expect(result!.evidence?.kind).toMatch(/^actividad\/consumo-del-servicio\//);
  });

  it('a hosting company paying the cloud servers its customers run on: cost of hosting', async () => {
    t = await testCompany({ company: { ciiu: ['6311'], inventory: 'none' } });
    const [result] = await t.classify(line('SERVIDORES VIRTUALES NUBE CLIENTES MES'));
    expect(result!.accountCode).toBe('615535');
    expect(result!.explanation).toContain('513520');
  });

  it('a waste collector buying work boots: cost of the collection', async () => {
    t = await testCompany({ company: { ciiu: ['3811'], inventory: 'none' } });
    const [result] = await t.classify(line('BOTA PVC CANA ALTA PUNTA DE ACERO TALLA 40'));
    expect(result!.accountCode).toBe('617005');
    expect(result!.confidence).toBeLessThan(0.6);
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

  it('a waste collector buying the administrative staff’s uniforms: dotation', async () => {
    t = await testCompany({ company: { ciiu: ['3811'], inventory: 'none' } });
    const [result] = await t.classify(line('UNIFORME PERSONAL ADMINISTRATIVO DAMA'));
    expect(result!.accountCode).toBe('510551');
  });

  it('a security firm buying uniforms: still its dotation (the row was measured and left out)', async () => {
    t = await testCompany({ company: { ciiu: ['8010'], inventory: 'none' } });
    const [result] = await t.classify(line('UNIFORME CAMISA PANTALON DRIL TALLA M'));
    expect(result!.accountCode).toBe('510551');
  });

  it('a restaurant buying cleaning supplies: the office’s aseo, as the PUC names it', async () => {
    t = await testCompany({ company: { ciiu: ['5611'], inventory: 'perpetual' } });
    const [result] = await t.classify(line('DESINFECTANTE MULTIUSOS GALON'));
    expect(result!.accountCode).toBe('519525');
  });
});
