import { afterEach, describe, expect, it } from 'vitest';
import { defaultExpenseFunction } from '../../server/companies/companies';
import { durableEvidence } from '../../server/matching/durable-evidence';
import { line, past, testCompany, type TestCompany } from './support';

/**
 * The structural levers of the fourth round of issue #13, each pinned by a case written here (not taken from any
 * benchmark set): the default function of a trading company, the cost subcuenta of the buyer's activity, services the
 * company itself sells, durable-good evidence against a supplier's habit, and the flag on what a producer may have
 * consumed in production.
 */
describe('suggestion engine: fourth round of #13', () => {
  let t: TestCompany;
  afterEach(async () => t?.close());

  it('a trading company (CIIU section G, «Comercio…») defaults to selling expenses; a repair workshop and an office do not', async () => {
    expect(defaultExpenseFunction(['4711'])).toBe('ventas');
    expect(defaultExpenseFunction(['4620'])).toBe('ventas');
    expect(defaultExpenseFunction(['4520'])).toBe('admin');
    expect(defaultExpenseFunction(['6201'])).toBe('admin');
    expect(defaultExpenseFunction([])).toBe('admin');
    t = await testCompany({ company: { ciiu: ['4711'], inventory: 'perpetual' } });
    expect(t.company.expenseFunction).toBe('ventas');
    const [power] = await t.classify(line('Energía eléctrica consumo kWh local comercial'));
    expect(power!.accountCode).toBe('523530');
  });

  it('reads durable-good evidence: a serial number, a machine rating; not an oil grade, and a bulb’s watts only weakly', () => {
    expect(durableEvidence('Compresor de aire 2 HP 50 litros')).toMatchObject({ strong: true, machine: true });
    expect(durableEvidence('Monitor de signos vitales serial AB1234567')).toMatchObject({ strong: true, machine: false });
    expect(durableEvidence('Aceite motor 20W50 cuarto')).toBeUndefined();
    expect(durableEvidence('Aceite 15W-40 galón')).toBeUndefined();
    expect(durableEvidence('Bombillo LED 12 W luz blanca')).toMatchObject({ strong: false, machine: false });
  });

  it('a poultry farm books to 610560 «producción avícola» (CIIU Rev. 4 0145), its animal medicines included', async () => {
    t = await testCompany({ company: { ciiu: ['0145'], inventory: 'none' } });
    const [fertiliser, medicine] = await t.classify(line('Abono orgánico compostado bulto 50 kg'), line('Antibiótico oral para aves frasco 1 L'));
    expect(fertiliser!.accountCode).toBe('610560');
    expect(medicine!.accountCode).toBe('610560');
  });

  it('a courier (section H, division 53) books its fuel to 614555; an advertising agency the advertising it resells to 615555', async () => {
    t = await testCompany({ company: { ciiu: ['5320'], inventory: 'none' } });
    const [fuel] = await t.classify(line('Gasolina corriente galones motos de reparto'));
    expect(fuel!.accountCode).toBe('614555');
    const agency = await testCompany({ company: { ciiu: ['7310'], inventory: 'none' } });
    const [campaign] = await agency.classify(line('Pauta publicitaria en radio campaña cliente'));
    expect(campaign!.accountCode).toBe('615555');
    expect(campaign!.explanation).toContain('lo que la empresa hace');
    await agency.close();
  });

  it('a machine with a power rating from a supplier of supplies is proposed as maquinaria y equipo, «por verificar»', async () => {
    const history = [1, 2, 3, 4, 5, 6].map((m) => past(`Empaque plástico referencia ${m}`, '519595', `2026-0${m}-10`, { nit: '800999111' }));
    t = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' }, history });
    const [machine] = await t.classify(line('Selladora de banda continua 1 HP', { nit: '800999111' }));
    expect(machine!.accountCode).toBe('1520');
    expect(machine!.confidence).toBeLessThan(0.6);
    expect(machine!.explanation).toContain('potencia');
  });

  it('energy a producer may have used in production is flagged, naming its cost account; an office’s is not', async () => {
    // A farm's energy lights the house and the office as much as the crop: the expense, flagged, naming the cost.
    t = await testCompany({ company: { ciiu: ['0113'], inventory: 'none' } });
    const [farm] = await t.classify(line('Energía eléctrica consumo kWh periodo marzo'));
    expect(farm!.accountCode).toBe('513530');
    expect(farm!.confidence).toBeLessThan(0.6);
    expect(farm!.explanation).toMatch(/costo \(61\d{4}\)/);
    // A bakery's is its plant's (§4.3 C, thirteenth round part C): the cost, flagged, naming the expense.
    const plant = await testCompany({ company: { ciiu: ['1081'], inventory: 'perpetual' } });
    const [bakery] = await plant.classify(line('Energía eléctrica consumo kWh periodo marzo'));
    expect(bakery!.accountCode).toMatch(/^6120/);
    expect(bakery!.confidence).toBeLessThan(0.6);
    expect(bakery!.explanation).toContain('513530');
    await plant.close();
    const office = await testCompany({ company: { ciiu: ['6201'], inventory: 'none' } });
    const [own] = await office.classify(line('Energía eléctrica consumo kWh periodo marzo'));
    expect(own!.accountCode).toBe('513530');
    expect(own!.confidence).toBeGreaterThanOrEqual(0.6);
    await office.close();
  });
});
