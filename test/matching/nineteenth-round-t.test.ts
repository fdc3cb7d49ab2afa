import { afterEach, describe, expect, it } from 'vitest';
import { reviewThreshold } from '../../server/matching/calibration';
import { durableEvidence, machineHead } from '../../server/matching/durable-evidence';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * Round 19 (part T) of issue #13, pattern 3: «this supplier is always booked to X» is a prior, not a verdict, against a
 * line whose head noun plainly names an apparatus, machine or instrument. The head noun («plegadora», «torno»,
 * «viscosímetro») beats the supplier's usual cost account, «por verificar», the habit named as the other choice; a
 * part, a service or a refill of the machine keeps the habit. Cases written here, not taken from a benchmark set.
 */
describe('suggestion engine: nineteenth round of #13, part T (a durable good against the supplier’s habit)', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  const nit = '900333444';
  // A metalworking shop's supplier whose bills went to the cost of its production (PUC 612065, fabricación de
  // productos metálicos): abrasives, gloves, electrodes, gas.
  const habit = (account: string) => ['DISCO FLAP 4 1/2 GRANO 60', 'GUANTE CARNAZA CORTO', 'ELECTRODO 6013 1/8', 'GAS ARGON CILINDRO RECARGA', 'BROCA HSS 1/2'].map((d, i) => past(d, account, `2026-0${i + 1}-12`, { nit }));

  it('a machine named by its «-dora» head beats the supplier’s habit even when the line carries a weak rating (volts)', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    const [result] = await t.classify(line('PLEGADORA HIDRAULICA 3 MTS 220V', { nit }));
    expect(result!.accountCode).toMatch(/^1520/);
    expect(result!.runnerUp?.accountCode).toBe('612065');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
    expect(result!.explanation).toContain('plegadora');
    expect(result!.explanation).toContain('suele ir a 612065');
  });

  it('a lathe named by its head noun (UNSPSC 232423 «Tornos») is maquinaria y equipo, not the supplier’s cost', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    const [result] = await t.classify(line('TORNO REVOLVER BANCADA 1 M', { nit }));
    expect(result!.accountCode).toMatch(/^1520/);
    expect(result!.runnerUp?.accountCode).toBe('612065');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
  });

  it('an instrument named «-metro» is laboratory equipment (153215), «por verificar», the habit as the other choice', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    const [result] = await t.classify(line('VISCOSIMETRO ROTACIONAL DIGITAL', { nit }));
    expect(result!.accountCode).toMatch(/^153215/);
    expect(result!.runnerUp?.accountCode).toBe('612065');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
    expect(result!.explanation).toContain('instrumento');
  });

  it('a head noun that overrules a rating or the habit on its own is measured as its own kind of evidence', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    const [machine] = await t.classify(line('PLEGADORA HIDRAULICA 3 MTS 220V', { nit }));
    const [instrument] = await t.classify(line('VISCOSIMETRO ROTACIONAL DIGITAL', { nit }));
    expect(machine!.evidence?.kind).toMatch(/^actividad\/aparato\//);
    expect(instrument!.evidence?.kind).toMatch(/^actividad\/aparato\//);
  });

  it('work done with the machine («Torno: maquinado…») is not the machine', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    const [result] = await t.classify(line('TORNO: MAQUINADO Y RELLENO DE EJE', { nit }));
    expect(result!.accountCode).not.toMatch(/^15/);
  });

  it('a part, a repair or a refill of the machine keeps the supplier’s habit', async () => {
    t = await testCompany({ company: { ciiu: ['2599'], inventory: 'none' }, history: habit('612065') });
    for (const text of ['REPUESTO PARA PLEGADORA HIDRAULICA', 'CUCHILLA PARA TORNO REVOLVER', 'MANTENIMIENTO VISCOSIMETRO ROTACIONAL', 'KIT SELLOS PRENSA HIDRAULICA']) {
      const [result] = await t.classify(line(text, { nit }));
      expect(result!.accountCode, text).not.toMatch(/^15/);
    }
  });

  it('megavolt-amperes are a machine’s rating; milliwatts are not megawatts', () => {
    expect(durableEvidence('TRANSFORMADOR SECO 1.5 MVA 13.2 KV')?.machine).toBe(true);
    expect(durableEvidence('LAMPARA CURADO 1200 MW')?.machine).not.toBe(true);
  });

  it('a unit of length or a geometric measure is not an instrument', () => {
    const none = () => false;
    expect(machineHead(['centimetro', 'metalico', '3', 'm'], [], none)).toBeUndefined();
    expect(machineHead(['diametro', 'exterior', 'tubo'], [], none)).toBeUndefined();
    expect(machineHead(['turbidimetro', 'portatil'], [], none)?.instrument).toBe(true);
    expect(machineHead(['endoscopio', 'flexible'], [], none)?.instrument).toBe(true);
  });

  it('a machine the supplier’s shop resells stays merchandise, flagged (the resale exception)', async () => {
    t = await testCompany({ company: { ciiu: ['4752'], inventory: 'perpetual' }, history: ['TALADRO PERCUTOR 1/2', 'PULIDORA 4 1/2 850W', 'CINTA METRICA 5 M', 'BROCA HSS 1/2', 'DISCO CORTE METAL 7'].map((d, i) => past(d, '1435', `2026-0${i + 1}-12`, { nit })) });
    const [result] = await t.classify(line('VISCOSIMETRO ROTACIONAL DIGITAL', { nit }));
    expect(result!.accountCode).toBe('1435');
    expect(result!.confidence).toBeLessThan(reviewThreshold());
  });
});
