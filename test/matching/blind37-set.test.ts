import { describe, expect, it } from 'vitest';
import { COMPANIES37 } from '../fixtures/matching/blind37/companies';
import { BLIND37_EXPIRY_CLASSES, buildBlind37Scenarios } from '../fixtures/matching/blind37/scenarios';
import { PRODUCT37_BY_KEY } from '../fixtures/matching/blind37/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 37» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only food and drink, fertilizers and pesticides carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 37» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind37Scenarios, COMPANIES37, PRODUCT37_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES37.find((c) => c.key === company)!.policy[PRODUCT37_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Medical exams and uniforms: the staffing company's are of the workers it places (its service); elsewhere dotación is admin.
    expect(['examen_ocupacional', 'laboratorio_ingreso', 'dotacion_mision', 'botas_mision', 'curso_alturas', 'ruta_personal', 'pruebas_psicotecnicas'].map((k) => expectedFor('personal', k))).toEqual(Array(7).fill('615560'));
    expect(['vivero', 'curtiembre', 'adhesivos'].map((c) => expectedFor(c, 'dotacion'))).toEqual(Array(3).fill('510551'));
    expect(['abogado', 'arriendo_sede'].map((k) => expectedFor('personal', k))).toEqual(['511025', '512010']);
    // Music and power: the TV channel's music licence and transmitter-site power are what it airs; its office power is admin.
    expect(['derechos_musica', 'energia_estacion', 'segmento_satelital', 'derechos_contenido', 'unidad_movil', 'mtto_transmisor'].map((k) => expectedFor('television', k))).toEqual(Array(6).fill('617025'));
    expect(expectedFor('television', 'energia')).toBe('513530');
    // The museum: conserving the collection and the colonial building is its activity; its guards and power stay admin.
    expect(['restauracion_obra', 'material_conservacion', 'control_xilofagos', 'restauracion_cubierta', 'montaje_museografico', 'mediacion'].map((k) => expectedFor('museo', k))).toEqual(Array(6).fill('617095'));
    expect(['vigilancia_sede', 'energia', 'resma'].map((k) => expectedFor('museo', k))).toEqual(['513505', '513530', '519530']);
    // Manufacturers: what stays in the product is stock, what is used up making it is the plant's cost, with its power.
    expect(['pergamino', 'flete_pergamino', 'sacos_fique', 'bolsa_hermetica', 'catacion', 'fumigacion_bodega', 'energia', 'flete_exportacion'].map((k) => expectedFor('trilla', k))).toEqual(['1405', '1405', '1460', '1460', '612013', '612013', '612013', '523550']);
    expect(['pieles', 'cromo', 'anilinas', 'engrasante', 'flete_pieles', 'stretch', 'lodos_cromo', 'dividido', 'energia', 'acueducto'].map((k) => expectedFor('curtiembre', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612029', '612029', '612029', '612029']);
    expect(['solvente', 'neopreno', 'envases', 'etiquetas', 'mtto_mezcladora', 'residuos_solvente', 'energia', 'acueducto', 'flete_despacho'].map((k) => expectedFor('adhesivos', k))).toEqual(['1405', '1405', '1460', '1460', '612047', '612047', '612047', '513525', '523550']);
    expect(['laton', 'bronce', 'orings', 'cajas_corrugadas', 'cromado', 'insertos', 'calibracion', 'energia'].map((k) => expectedFor('valvulas', k))).toEqual(['1405', '1405', '1405', '1460', '612065', '612065', '612065', '612065']);
    expect(['chatarra', 'pet', 'flete_recoleccion', 'alambre_pacas', 'alquiler_montacargas', 'disposicion_rechazo', 'energia', 'flete_despacho'].map((k) => expectedFor('reciclaje', k))).toEqual(['1405', '1405', '1405', '1460', '612091', '612091', '612091', '523550']);
    expect(['semillas', 'varetas', 'sustrato', 'bolsas_vivero', 'fertilizante', 'fungicida', 'injertacion', 'energia'].map((k) => expectedFor('vivero', k))).toEqual(['1405', '1405', '1405', '1460', '610510', '610510', '610510', '610510']);
    // The wholesaler: goods with their import costs are stock; freight and boxes to send the orders are selling expenses; the office is admin.
    expect(['router', 'cable_utp', 'agencia_aduanas', 'flete_internacional', 'flete_despacho', 'cajas_despacho', 'energia', 'arriendo_sede', 'pauta'].map((k) => expectedFor('mayorista', k))).toEqual(['1435', '1435', '1435', '1435', '523550', '529540', '513530', '512010', '523560']);
    // Fixed assets by class.
    expect(expectedFor('reciclaje', 'montacargas')).toBe('154020');
    expect(['transmisor', 'servidor_playout'].map((k) => expectedFor('television', k))).toEqual(['152810', '152805']);
    expect(expectedFor('personal', 'planta_ip')).toBe('152810');
    expect(['vitrina', 'escritorio'].map((k) => expectedFor('museo', k))).toEqual(['152405', '152405']);
    expect(expectedFor('mayorista', 'estanteria')).toBe('152405');
    expect(['torno_cnc', 'bascula', 'bombo', 'mezclador', 'motobomba'].map((k) => ['valvulas', 'trilla', 'curtiembre', 'adhesivos', 'vivero'].map((c) => expectedFor(c, k)))).toEqual(Array(5).fill(Array(5).fill('1520')));
    // Who keeps stock: the seven that make, grow, recover or resell goods.
    const stocked = COMPANIES37.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['adhesivos', 'curtiembre', 'mayorista', 'reciclaje', 'trilla', 'valvulas', 'vivero']);
    expect(COMPANIES37.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES37.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['curtiembre', 'museo', 'television']);
    expect(COMPANIES37.map((c) => c.ciiu).sort()).toEqual(['0130', '1061', '1511', '2029', '2813', '3830', '4652', '6020', '7830', '9102']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections go both ways: from an expense into stock or cost, and from stock out to a selling expense', () => {
    const corrections = scenarios.filter((s) => s.kind === 'established').flatMap((s) => s.corrections.map((c) => `${s.company.key}: ${c.previous} → ${c.account}`));
    expect(corrections).toContain('curtiembre: 612029 → 1405');
    expect(corrections).toContain('mayorista: 1435 → 523550');
    expect(corrections).toContain('mayorista: 514020 → 1435');
    expect(corrections).toContain('television: 519515 → 617025');
    expect(corrections).toHaveLength(20);
  });

  it('only food and drink, fertilizers and pesticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND37_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND37_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND37_EXPIRY_CLASSES.test('31221600')).toBe(false); // chrome salts for tanning
    expect(BLIND37_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND37_EXPIRY_CLASSES.test('10191500')).toBe(true); // the nursery's pesticides
    expect(BLIND37_EXPIRY_CLASSES.test('50201700')).toBe(true); // coffee
  });

  billingPeriodChecks(scenarios);
});
