import { describe, expect, it } from 'vitest';
import { COMPANIES23 } from '../fixtures/matching/blind23/companies';
import { BLIND23_EXPIRY_CLASSES, buildBlind23Scenarios } from '../fixtures/matching/blind23/scenarios';
import { PRODUCT23_BY_KEY } from '../fixtures/matching/blind23/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 23» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only veterinary products, vaccines and dairy carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 23» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind23Scenarios, COMPANIES23, PRODUCT23_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES23.find((c) => c.key === company)!.policy[PRODUCT23_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // The farm: wormers, vaccines and the vet are the flock's cost, not the staff's medicine or admin technical assistance.
    expect(['concentrado_ovino', 'sal_mineral', 'droga_veterinaria', 'vacuna_ovina', 'esquila', 'asistencia_veterinaria', 'heno'].map((k) => expectedFor('ovinos', k))).toEqual(Array(7).fill('610550'));
    expect(['acpm', 'energia'].map((k) => expectedFor('ovinos', k))).toEqual(['519535', '513530']);
    // Gas: the coffee plant's natural gas fires the roaster and dryer (cost); nobody else's gas is cost.
    expect(expectedFor('cafe', 'gas_industrial')).toBe('612013');
    // Lubricants: the knitting plant's needle oil is cost; the van's diesel is admin.
    expect(expectedFor('punto', 'aceite_agujas')).toBe('612026');
    expect(expectedFor('tanques', 'acpm')).toBe('519535');
    // Cleaning supplies: the cleaning company's are its service's cost; its own coffee and sugar stay admin; another company's are admin.
    expect(['detergente_ind', 'bolsas_basura', 'escobas_traperos', 'papel_clientes', 'fumigacion', 'jardineria', 'temporales', 'repuestos_electricos'].map((k) => expectedFor('aseo', k))).toEqual(Array(8).fill('615570'));
    expect(['cafe_oficina', 'azucar_oficina'].map((k) => expectedFor('aseo', k))).toEqual(['519525', '519525']);
    expect(['limpiador', 'papel_higienico'].map((k) => expectedFor('tanques', k))).toEqual(['519525', '519525']);
    // The research centre: the study's field work, incentives and project software are cost; its own accounting software is admin.
    expect(['trabajo_campo', 'transcripcion', 'incentivos', 'software_cualitativo', 'salon_grupos'].map((k) => expectedFor('investigacion', k))).toEqual(Array(5).fill('615545'));
    expect(['software_contable', 'abogado'].map((k) => expectedFor('investigacion', k))).toEqual(['513520', '511025']);
    // The repair shop stocks its spares (1455) and sends outside rewinding and pickups to the repair's cost.
    expect(['compresor', 'tarjeta_lavadora', 'refrigerante', 'resistencias', 'rebobinado', 'transporte_equipos', 'energia'].map((k) => expectedFor('reparacion', k))).toEqual(['1455', '1455', '1455', '1455', '613572', '613572', '513530']);
    // Manufacturers: what goes into the product is stock, what it leaves in is 1460, what is used up making it is the plant's cost.
    expect(['cafe_pergamino', 'leche_polvo', 'azucar_industrial', 'sobres_laminados', 'frascos', 'mtto_secador', 'analisis_cafe', 'energia'].map((k) => expectedFor('cafe', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612013', '612013', '612013']);
    expect(['hilo_algodon', 'elastano', 'etiquetas_punto', 'bolsas_punto', 'agujas_tejer', 'tintoreria', 'energia'].map((k) => expectedFor('punto', k))).toEqual(['1405', '1405', '1460', '1460', '612026', '612026', '612026']);
    expect(['lamina_acero', 'lamina_inox', 'pintura_epoxica', 'stretch', 'soldadura', 'gases_soldadura', 'discos_corte', 'ensayo_soldadura'].map((k) => expectedFor('tanques', k))).toEqual(['1405', '1405', '1405', '1460', '612060', '612060', '612060', '612060']);
    expect(['chips_led', 'drivers', 'perfil_aluminio', 'difusor', 'cajas_luminaria', 'pintura_electrostatica', 'pruebas_retilap', 'estano'].map((k) => expectedFor('luminarias', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612070', '612070', '612070']);
    expect(['carton_gris', 'mdf', 'cajas_juguete', 'termoencogible', 'impresion_lito', 'troqueles', 'ensayo_juguete'].map((k) => expectedFor('juguetes', k))).toEqual(['1405', '1405', '1460', '1460', '612090', '612090', '612090']);
    // The fabric store: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['tela_algodon', 'tela_sintetica', 'hilo_coser', 'merceria', 'flete_telas', 'bolsas_almacen', 'energia', 'arriendo_sede', 'contabilidad', 'software_contable'].map((k) => expectedFor('telas', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523530', '522010', '521030', '523520']);
    // Fixed assets by class.
    expect(['ordenadora', 'tostadora', 'circular', 'roladora', 'pick_place', 'troqueladora', 'lavapisos', 'bomba_vacio'].map((k) => PRODUCT23_BY_KEY.get(k)!.role)).toEqual(Array(8).fill('maquinaria'));
    expect(expectedFor('ovinos', 'ordenadora')).toBe('1520');
    expect(expectedFor('investigacion', 'tablets')).toBe('152805');
    expect(expectedFor('telas', 'estanteria')).toBe('152405');
    // Who keeps stock: the five plants, the store and the repair shop; the farm, the cleaners and the researchers do not.
    const stocked = COMPANIES23.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['cafe', 'juguetes', 'luminarias', 'punto', 'reparacion', 'tanques', 'telas']);
    expect(COMPANIES23.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES23.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['aseo', 'ovinos', 'punto']);
    expect(COMPANIES23.map((c) => c.ciiu).sort()).toEqual(['0143', '1063', '1430', '2512', '2740', '3240', '4751', '7220', '8110', '9522']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only veterinary products, vaccines and dairy carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND23_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND23_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND23_EXPIRY_CLASSES.test('42121600')).toBe(true); // wormers
    expect(BLIND23_EXPIRY_CLASSES.test('50131700')).toBe(true); // milk powder
    expect(BLIND23_EXPIRY_CLASSES.test('50201700')).toBe(false); // green coffee is sold by harvest, not by expiry
    expect(BLIND23_EXPIRY_CLASSES.test('47131800')).toBe(false); // cleaning chemicals
  });

  billingPeriodChecks(scenarios);
});
