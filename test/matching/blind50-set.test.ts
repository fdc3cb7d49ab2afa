import { describe, expect, it } from 'vitest';
import { COMPANIES50 } from '../fixtures/matching/blind50/companies';
import { BLIND50_EXPIRY_CLASSES, buildBlind50Scenarios } from '../fixtures/matching/blind50/scenarios';
import { PRODUCT50_BY_KEY } from '../fixtures/matching/blind50/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 50» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food, medicines and disposable medical devices carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 50» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind50Scenarios, COMPANIES50, PRODUCT50_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES50.find((c) => c.key === company)!.policy[PRODUCT50_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the station resells gasoline and ACPM (stock); everyone else burns it in an admin vehicle.
    expect(['gasolina_venta', 'acpm', 'lubricantes_venta', 'flete_carrotanque'].map((k) => expectedFor('eds', k))).toEqual(Array(4).fill('1435'));
    expect(['fontaneria', 'banano'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    expect(['mtto_surtidor', 'energia', 'contabilidad', 'arriendo_sede'].map((k) => expectedFor('eds', k))).toEqual(['524515', '523530', '521030', '522010']);
    // The wholesaler and the butcher resell what they buy, with its inbound freight; pallets, trays and bags to 1460.
    expect(['cemento', 'tuberia_pvc', 'pintura_vinilo', 'griferia', 'tornilleria_ferr', 'flete_ferr', 'estibas'].map((k) => expectedFor('ferreteria', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460']);
    expect(['canal_res', 'pollo', 'cerdo', 'pescado', 'embutidos', 'flete_frio', 'bandejas', 'energia'].map((k) => expectedFor('carniceria', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '523530']);
    // The bar: drinks served as bought are stock, cocktail inputs raw material, the DJ and music rights the night's cost.
    expect(['cerveza', 'licores', 'gaseosas_bar', 'insumos_coctel', 'dj_musica', 'sayco', 'vasos_desech'].map((k) => expectedFor('bar', k))).toEqual(['1435', '1435', '1435', '1405', '614020', '614020', '614020']);
    // The installer keeps no stock: what it installs goes to the works' cost.
    expect(['tubo_cobre', 'accesorios_pvc', 'refrigerante', 'equipo_minisplit', 'subcontrato_obra', 'alquiler_andamio'].map((k) => expectedFor('fontaneria', k))).toEqual(Array(6).fill('613015'));
    // The clinic: pharmacy stock in 1455, what the wards consume to 616505, referred tests to 616520, monitors to 153205.
    expect(['medicamentos', 'guantes_jeringas', 'suturas'].map((k) => expectedFor('clinica', k))).toEqual(Array(3).fill('1455'));
    expect(['oxigeno', 'lavanderia_hosp', 'alimentacion_pacientes', 'especialistas', 'residuos_hosp', 'lab_referido', 'monitor_signos'].map((k) => expectedFor('clinica', k))).toEqual(['616505', '616505', '616505', '616505', '616505', '616520', '153205']);
    expect(['abogado', 'vigilancia_sede'].map((k) => expectedFor('clinica', k))).toEqual(['511025', '513505']);
    // The sauce plant: inputs 1405, containers and labels 1460, what is used up making the sauce 612014.
    expect(['aceite_soya', 'vinagre', 'especias', 'huevo_polvo', 'frascos', 'etiquetas', 'analisis_micro', 'fumigacion', 'mtto_marmita', 'energia'].map((k) => expectedFor('salsas', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '1460', '612014', '612014', '612014', '612014']);
    // The consultancy: associates and fieldwork are the consulting sold; its own lawyer and flights are admin.
    expect(['consultor_externo', 'encuestas', 'transcripcion', 'base_datos'].map((k) => expectedFor('consultoria', k))).toEqual(Array(4).fill('615550'));
    expect(['abogado', 'tiquete', 'software_contable'].map((k) => expectedFor('consultoria', k))).toEqual(['511025', '515515', '513520']);
    // The school: the LMS is where classes happen (616005); its own accounting SaaS is admin (513520).
    expect(['plataforma_lms', 'material_didactico', 'salida_pedagogica', 'simulacro_icfes', 'docente_catedra'].map((k) => expectedFor('colegio', k))).toEqual(Array(5).fill('616005'));
    expect(['software_contable', 'resma', 'pupitres'].map((k) => expectedFor('colegio', k))).toEqual(['513520', '519530', '152405']);
    // The banana farm keeps no stock: everything the crop uses is 610540.
    expect(['fertilizante', 'fungicida', 'fumigacion_aerea', 'fundas_racimo', 'cajas_banano', 'corte_cosecha'].map((k) => expectedFor('banano', k))).toEqual(Array(6).fill('610540'));
    expect(['motobomba', 'energia'].map((k) => expectedFor('banano', k))).toEqual(['1520', '513530']);
    // Fixed assets by class.
    expect(expectedFor('bar', 'nevera_vitrina')).toBe('153610');
    expect(['montacargas', 'bomba_vacio', 'marmita', 'sierra', 'surtidor'].map((k) => COMPANIES50.find((c) => c.policy[PRODUCT50_BY_KEY.get(k)!.role])!.policy.maquinaria)).toEqual(Array(5).fill('1520'));
    // Who keeps stock.
    const stocked = COMPANIES50.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['bar', 'carniceria', 'clinica', 'eds', 'ferreteria', 'salsas']);
    expect(COMPANIES50.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES50.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['clinica', 'colegio', 'consultoria']);
    expect(COMPANIES50.map((c) => c.ciiu).sort()).toEqual(['0122', '1089', '4322', '4663', '4723', '4731', '5630', '7020', '8521', '8610']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only food, medicines and disposable medical devices carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND50_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND50_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND50_EXPIRY_CLASSES.test('15101500')).toBe(false); // gasoline
    expect(BLIND50_EXPIRY_CLASSES.test('42271700')).toBe(false); // oxygen therapy
    expect(BLIND50_EXPIRY_CLASSES.test('51101500')).toBe(true); // antibiotics
    expect(BLIND50_EXPIRY_CLASSES.test('42142600')).toBe(true); // syringes
  });

  billingPeriodChecks(scenarios);
});
