import { describe, expect, it } from 'vitest';
import { COMPANIES31 } from '../fixtures/matching/blind31/companies';
import { BLIND31_EXPIRY_CLASSES, buildBlind31Scenarios } from '../fixtures/matching/blind31/scenarios';
import { PRODUCT31_BY_KEY } from '../fixtures/matching/blind31/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 31» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only food and drink and the aircraft maker's resins carry «VTO mm/aaaa», tobacco does not)
 * and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 31» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind31Scenarios, COMPANIES31, PRODUCT31_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES31.find((c) => c.key === company)!.policy[PRODUCT31_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the mine's ACPM and the airline's jet fuel are cost; the mine's pickup gasoline is admin; the carts' motocarros' is selling.
    expect(expectedFor('hierro', 'acpm')).toBe('611515');
    expect(expectedFor('hierro', 'gasolina')).toBe('519535');
    expect(expectedFor('aerolinea', 'jet_a1')).toBe('614520');
    expect(expectedFor('carretas', 'gasolina_motocarro')).toBe('529535');
    // Explosives are the mine's cost, not «pólvora y similares»; its ore freight to the buyer is selling, not cost.
    expect(['explosivos', 'madera_mina', 'arranque', 'analisis_mineral', 'energia'].map((k) => expectedFor('hierro', k))).toEqual(Array(5).fill('611515'));
    expect(['repuestos_mina', 'flete_mineral'].map((k) => expectedFor('hierro', k))).toEqual(['1455', '523550']);
    // The airline: maintenance, crew hotels and simulator sessions are the flight's cost, not 514550, 515505 or 510563.
    expect(['handling', 'catering_abordo', 'tasas_aerodromo', 'navegacion', 'mro_motor', 'hotel_tripulacion', 'simulador'].map((k) => expectedFor('aerolinea', k))).toEqual(Array(7).fill('614520'));
    expect(['repuestos_avion', 'comision_agencia', 'energia', 'pauta_redes', 'revisoria'].map((k) => expectedFor('aerolinea', k))).toEqual(['1455', '529505', '513530', '523560', '511010']);
    // Makers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['pvc_vinilo', 'etiquetas_disco', 'fundas', 'termoencogible', 'galvanoplastia', 'masterizacion', 'mtto_prensa', 'energia'].map((k) => expectedFor('discos', k))).toEqual(['1405', '1405', '1460', '1460', '612037', '612037', '612037', '612037']);
    expect(['circuitos', 'pcb', 'parlantes', 'carcasas', 'cajas_electronica', 'nitrogeno', 'mtto_smt', 'stencil', 'ensayos_emc'].map((k) => expectedFor('audio', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612072', '612072', '612072', '612072']);
    expect(['lamina_cr', 'motores', 'cuchillas', 'cajas_oficina', 'gas_soldadura', 'pintura_polvo', 'corte_laser', 'alambre_soldadura'].map((k) => expectedFor('oficina', k))).toEqual(['1405', '1405', '1405', '1460', '612068', '612068', '612068', '612068']);
    // The aircraft maker's VHF radio is a part of the aircraft it sells, not its own telecom equipment.
    expect(['aluminio', 'remaches', 'resina', 'avionica', 'guacales', 'end', 'calibracion', 'anodizado'].map((k) => expectedFor('aeronaves', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612082', '612082', '612082']);
    expect(expectedFor('vida', 'planta_telefonica')).toBe('152810');
    // The street carts: merchandise and bags to stock, ice and the motocarros in the selling variant.
    expect(['bebidas', 'snacks', 'cigarrillos', 'dulces', 'bolsas_carreta', 'hielo', 'mtto_motocarro', 'arriendo_bodega', 'energia', 'contabilidad'].map((k) => expectedFor('carretas', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '529595', '524540', '522010', '523530', '521030']);
    // Finance: commissions to bring business are selling, a bank's commission is financial, bureau queries are «servicios – otros».
    expect(['comision_referido', 'comision_banco', 'centrales_riesgo', 'radian', 'cobro_facturas', 'mensajeria'].map((k) => expectedFor('factoring', k))).toEqual(['529505', '530515', '513595', '513520', '511025', '513540']);
    // The life insurer: applicants' medical exams are part of selling the policy, not the staff's 510584.
    expect(['comision_intermediario', 'examen_asegurabilidad', 'actuarial', 'afiliacion_gremio', 'revisoria', 'aseo_oficina'].map((k) => expectedFor('vida', k))).toEqual(['529505', '529595', '511035', '512510', '511010', '513505']);
    // The political movement sells nothing: its propaganda, events and members' school are its activity; its audit stays admin.
    expect(['refrigerios', 'tarima_sonido', 'impresos', 'cunas_radio', 'formacion_politica', 'transporte_delegados', 'pauta_redes'].map((k) => expectedFor('partido', k))).toEqual(Array(7).fill('617010'));
    expect(['auditoria_externa', 'cafe', 'contabilidad'].map((k) => expectedFor('partido', k))).toEqual(['511015', '519525', '511030']);
    // The same digital ads: selling for the insurer and the plant, the activity itself for the movement.
    expect(['vida', 'oficina', 'partido'].map((c) => expectedFor(c, 'pauta_redes'))).toEqual(['523560', '523560', '617010']);
    // Fixed assets by class.
    expect(['compresor_mina', 'prensa_vinilo', 'horno_reflow', 'plegadora', 'compresor_taller', 'gpu'].map((k) => PRODUCT31_BY_KEY.get(k)!.role)).toEqual(Array(6).fill('maquinaria'));
    expect(expectedFor('carretas', 'motocarro')).toBe('154030');
    expect(['carreta', 'portatil'].map((k) => expectedFor('carretas', k))).toEqual(['152405', '152805']);
    expect(expectedFor('factoring', 'caja_fuerte')).toBe('152405');
    // Who keeps stock: the five makers, the carts and the airline (spare parts); finance and the movement do not.
    const stocked = COMPANIES31.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['aerolinea', 'aeronaves', 'audio', 'carretas', 'discos', 'hierro', 'oficina']);
    expect(COMPANIES31.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES31.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['aerolinea', 'audio', 'partido']);
    expect(COMPANIES31.map((c) => c.ciiu).sort()).toEqual(['0710', '1820', '2640', '2817', '3030', '4781', '5112', '6493', '6512', '9492']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|53|61)/.test(l.expected))).toEqual([]);
    expect(lines.filter((l) => l.expected.startsWith('53')).length).toBeGreaterThan(0);
  });

  it('only food and drink and the resins carry an expiry date next to the lot; tobacco does not', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND31_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND31_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND31_EXPIRY_CLASSES.test('50211600')).toBe(false); // cigarettes
    expect(BLIND31_EXPIRY_CLASSES.test('12131500')).toBe(false); // explosives
    expect(BLIND31_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND31_EXPIRY_CLASSES.test('50202300')).toBe(true); // the carts' soft drinks
    expect(BLIND31_EXPIRY_CLASSES.test('13111000')).toBe(true); // epoxy resin
  });

  billingPeriodChecks(scenarios);
});
