import { describe, expect, it } from 'vitest';
import { COMPANIES9 } from '../fixtures/matching/blind9/companies';
import { BLIND9_EXPIRY_CLASSES, buildBlind9Scenarios } from '../fixtures/matching/blind9/scenarios';
import { PRODUCT9_BY_KEY } from '../fixtures/matching/blind9/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 9» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only medicines carry «VTO mm/aaaa») and its billing periods, which end on the month's real
 * last day.
 */
describe('«a ciegas 9» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind9Scenarios, COMPANIES9, PRODUCT9_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES9.find((c) => c.key === company)!.policy[PRODUCT9_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the office car's gasoline is admin; the aircraft's Jet A-1, the tractor's diesel and the fuel the rent-a-car
    // puts in the cars it hands over are the cost of what each one sells.
    expect(['redes', 'papa', 'rentacar'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    expect([['aerocarga', 'jet_a1'], ['papa', 'acpm_tractor'], ['rentacar', 'tanqueo_entrega']].map(([c, k]) => expectedFor(c!, k!))).toEqual(['614520', '610510', '615515']);
    // Software: the accounting subscription is admin data processing (§4.2 row 14); the students' platform and the
    // alarm receiver are what the institute and the monitoring company sell.
    expect(['idiomas', 'monitoreo'].map((c) => expectedFor(c, 'software_contable'))).toEqual(['513520', '513520']);
    expect(expectedFor('idiomas', 'plataforma_aprendizaje')).toBe('616005');
    expect(expectedFor('monitoreo', 'plataforma_monitoreo')).toBe('615565');
    // Phone lines: the staff's plan is teléfono; the alarms' M2M SIMs are the monitoring's cost.
    expect(expectedFor('monitoreo', 'plan_celular')).toBe('513535');
    expect(expectedFor('monitoreo', 'sim_m2m')).toBe('615565');
    // Rent: an office is 512010; the plot the potatoes grow on and the aircraft's hangar are the activity's cost.
    expect(['idiomas', 'aerocarga', 'rentacar'].map((c) => expectedFor(c, 'arriendo_sede'))).toEqual(['512010', '512010', '512010']);
    expect(expectedFor('papa', 'arriendo_lote')).toBe('610510');
    expect(expectedFor('aerocarga', 'hangar')).toBe('614520');
    // Food and honorarios at the therapeutic community are the residential treatment, not cafetería nor asesorías.
    expect(['mercado', 'carnes', 'gas_cocina', 'psicologo', 'psiquiatra', 'lavanderia'].map((k) => expectedFor('rehabilitacion', k))).toEqual(Array(6).fill('616530'));
    // A network contractor's pipe and hired backhoe are the works' cost: never 1415 nor 613025.
    expect(expectedFor('redes', 'tuberia_pvc')).toBe('613010');
    expect(expectedFor('redes', 'retroexcavadora')).toBe('613010');
    // Inventories: the block plant's cement is raw material and its pallets packaging; the store adds inbound freight to
    // the merchandise and books deliveries to customers as selling freight; the alarm company sells the panels but uses
    // up the cable; the air carrier's tyres wait in the spares store.
    expect(['cemento_planta', 'aditivo', 'estiba', 'zuncho', 'mant_bloquera'].map((k) => expectedFor('prefabricados', k))).toEqual(['1405', '1405', '1460', '1460', '612054']);
    expect(expectedFor('redes', 'cemento')).toBe('613010');
    expect(['portatil_venta', 'flete_mercancia', 'domicilio_cliente'].map((k) => expectedFor('tecnologia', k))).toEqual(['1435', '1435', '523550']);
    expect(['panel_alarma', 'camara_ip', 'cable_utp'].map((k) => expectedFor('monitoreo', k))).toEqual(['1435', '1435', '615565']);
    expect(expectedFor('aerocarga', 'llanta_avion')).toBe('1455');
    expect(expectedFor('rentacar', 'llantas_flota')).toBe('615515');
    // A laptop: merchandise at the store, a fixed asset when it bought one for itself; a car: the rent-a-car's fleet.
    expect(expectedFor('tecnologia', 'portatil')).toBe('152805');
    expect(expectedFor('rentacar', 'automovil')).toBe('154005');
    expect(expectedFor('aerocarga', 'radio_aeronautico')).toBe('152815');
    expect(expectedFor('rehabilitacion', 'tensiometro')).toBe('153205');
    // The park sells snacks as bought, uses up bracelets and runs its rides on electricity.
    expect(['snacks_venta', 'souvenirs', 'manillas', 'energia'].map((k) => expectedFor('parque', k))).toEqual(['1435', '1435', '617040', '617040']);
    // The same electricity bill: a block plant's and a park's cost, a store's selling expense, an institute's admin expense.
    expect(['prefabricados', 'parque', 'tecnologia', 'idiomas'].map((c) => expectedFor(c, 'energia'))).toEqual(['612054', '617040', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only medicines carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(3);
    expect(dated.filter((l) => l.unspsc && !BLIND9_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND9_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND9_EXPIRY_CLASSES.test('10191500')).toBe(false); // the potato farm's fungicides and insecticides
    expect(BLIND9_EXPIRY_CLASSES.test('51141700')).toBe(true); // antipsychotics
  });

  billingPeriodChecks(scenarios);
});
