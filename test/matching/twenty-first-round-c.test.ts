import { afterEach, describe, expect, it } from 'vitest';
import { lineKinds } from '../../server/matching/line-kind';
import { line, testCompany, type TestCompany } from './support';

/**
 * Issue #13, twenty-first round (C): what kind of thing a line is (software, an ERP, the cloud) beats a word about its
 * subject (contabilidad, nómina, renovación, soporte). The lines are written for these tests, not copied from the
 * benchmark sets. The engine tests marked «new» fail on the code before `kindOfLine`; the others guard what must not move.
 */
describe('twenty-first round C: the kind of thing beats a word about its subject', () => {
  let t: TestCompany | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const office = () => testCompany({ company: { ciiu: ['7020'], inventory: 'none' } });

  it('the word list is data with sources: kinds name a concept, forms only say how it is billed', () => {
    const { kinds, forms } = lineKinds();
    expect(kinds.get('erp')).toBe('nube');
    expect(kinds.get('software')).toBe('nube');
    expect(forms.has('renovacion')).toBe(true);
    expect(kinds.has('renovacion')).toBe(false);
  });

  it('new: software that keeps the books is processing of data (513520), not an accountant (511030)', async () => {
    t = await office();
    const [result] = await t.classify(line('PAQUETE ANUAL SOFTWARE CONTABILIDAD Y NOMINA 2 USUARIOS'));
    expect(result!.accountCode).toBe('513520');
    expect(result!.explanation).toContain('asesoría contable');
  });

  it('new: the renewal of an ERP subscription is not the mercantile registry (514010)', async () => {
    t = await office();
    const [result] = await t.classify(line('RENOVACION ANUAL ERP INVENTARIOS'));
    expect(result!.accountCode).toBe('513520');
    expect(result!.explanation).toContain('registro mercantil');
  });

  it('new: a plan of a cloud system with support included is the system (513520), not technical assistance (513515)', async () => {
    t = await office();
    const [result] = await t.classify(line('PLAN PRO CLOUD FACTURACION SOPORTE INCLUIDO'));
    expect(result!.accountCode).toBe('513520');
  });

  it('new: a kind word followed by a number («ERP 10 usuarios») still says what the line is', async () => {
    t = await office();
    const [result] = await t.classify(line('PLAN BASICO ERP 10 USUARIOS NOMINA'));
    expect(result!.accountCode).toBe('513520');
  });

  it('guard: a web application named as the object of a security test does not become software by «web»', () => {
    expect(lineKinds().kinds.has('web')).toBe(false);
  });

  it('guard: the renewal of the mercantile registry stays a registry fee', async () => {
    t = await office();
    const [result] = await t.classify(line('RENOVACION MATRICULA MERCANTIL 2026'));
    expect(result!.accountCode).toBe('514010');
  });

  it('guard: an accountant\'s fee for work in the software stays an accountant\'s fee', async () => {
    t = await office();
    const [result] = await t.classify(line('HONORARIOS CONTADOR CIERRE EN SOFTWARE'));
    expect(result!.accountCode).toBe('511030');
  });

  it('guard: technical support named first stays technical assistance', async () => {
    t = await office();
    const [result] = await t.classify(line('SOPORTE TECNICO ERP VISITA'));
    expect(result!.accountCode).toBe('513515');
  });
});
