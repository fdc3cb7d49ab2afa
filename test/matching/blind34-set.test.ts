import { describe, expect, it } from 'vitest';
import { COMPANIES34 } from '../fixtures/matching/blind34/companies';
import { BLIND34_EXPIRY_CLASSES, buildBlind34Scenarios } from '../fixtures/matching/blind34/scenarios';
import { PRODUCT34_BY_KEY } from '../fixtures/matching/blind34/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 34» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (medical supplies, medicines and the applied agrochemicals carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 34» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind34Scenarios, COMPANIES34, PRODUCT34_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES34.find((c) => c.key === company)!.policy[PRODUCT34_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the contractor's tractor diesel and the port's crane diesel are cost; the manager's gasoline, from the same station, is admin.
    expect(expectedFor('agro', 'acpm_maquinaria')).toBe('610570');
    expect(expectedFor('agro', 'gasolina')).toBe('519535');
    expect(expectedFor('puerto', 'acpm_equipos')).toBe('614540');
    // Coal and gas: the panela mill's and the brickworks' coal, the box plant's and the forge's gas are the plants' cost.
    expect(['panela/carbon', 'ladrillera/carbon_horno', 'corrugado/gas_caldera', 'machetes/gas_forja'].map((x) => expectedFor(...(x.split('/') as [string, string])))).toEqual(['612010', '612052', '612033', '612063']);
    // Hire and upkeep of machines that do the work sold: cost, not 512015 or 514515.
    expect(['alquiler_tractor', 'mtto_tractor', 'tractoristas', 'aplicacion_aerea', 'discos_rastra'].map((k) => expectedFor('agro', k))).toEqual(Array(5).fill('610570'));
    expect(expectedFor('ladrillera', 'alquiler_retro')).toBe('612052');
    expect(['rodamientos', 'alambre_cobre', 'soldadura', 'gases_industriales', 'mecanizado', 'balanceo', 'alquiler_grua', 'energia'].map((k) => expectedFor('taller', k))).toEqual(Array(8).fill('615590'));
    expect(['dragado', 'remolcador', 'mtto_grua', 'defensas', 'estibadores', 'energia'].map((k) => expectedFor('puerto', k))).toEqual(Array(6).fill('614540'));
    // The staffing agency: what it buys for the workers it places is the staffing sold (615560); its own office staff's uniforms stay 510551.
    expect(['examen_ocupacional', 'dotacion_mision', 'curso_alturas_mision', 'pruebas_seleccion', 'transporte_personal'].map((k) => expectedFor('temporales', k))).toEqual(Array(5).fill('615560'));
    expect(['dotacion', 'energia', 'abogado'].map((k) => expectedFor('temporales', k))).toEqual(['510551', '513530', '511025']);
    // The practice: supplies, outsourced lab, hazardous waste and biomedical upkeep are the consultations' cost; its power and cleaning stay admin.
    expect(['guantes', 'jeringas', 'gasas', 'lidocaina', 'laboratorio_remitido', 'residuos_hospitalarios', 'mtto_biomedico', 'lectura_imagenes'].map((k) => expectedFor('consultorios', k))).toEqual(Array(8).fill('616510'));
    expect(['energia', 'limpiador', 'vigilancia_sede'].map((k) => expectedFor('consultorios', k))).toEqual(['513530', '519525', '513505']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['cana', 'flete_cana', 'cal', 'cajas_panela', 'bolsa_termo', 'mtto_molino', 'gaveras', 'energia'].map((k) => expectedFor('panela', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612010', '612010', '612010']);
    expect(['papel_liner', 'papel_medium', 'almidon', 'tintas_flexo', 'zuncho_stretch', 'cliches', 'troqueles', 'mtto_corrugadora'].map((k) => expectedFor('corrugado', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612033', '612033', '612033']);
    expect(['arcilla', 'arena', 'estibas', 'mtto_horno_ladrillo', 'boquillas_extrusora', 'energia'].map((k) => expectedFor('ladrillera', k))).toEqual(['1405', '1405', '1460', '612052', '612052', '612052']);
    expect(['acero_fleje', 'mangos', 'pintura_polvo', 'blister', 'bandas_abrasivas', 'matrices_forja', 'temple_induccion'].map((k) => expectedFor('machetes', k))).toEqual(['1405', '1405', '1405', '1460', '612063', '612063', '612063']);
    // The wholesaler: garments with their inbound freight to 1435, freight to clients and reps' commissions as selling expenses, the rest in 52xx.
    expect(['camisetas', 'jeans_mayor', 'medias', 'flete_entrada', 'flete_despacho', 'cajas_despacho', 'comision_representante'].map((k) => expectedFor('mayorista', k))).toEqual(['1435', '1435', '1435', '1435', '523550', '1460', '529505']);
    expect(['energia', 'arriendo_sede', 'contabilidad', 'software_contable', 'vigilancia_sede'].map((k) => expectedFor('mayorista', k))).toEqual(['523530', '522010', '521030', '523520', '523505']);
    // Offices keep the administrative variant.
    expect(['energia', 'contabilidad', 'software_contable'].map((k) => expectedFor('agro', k))).toEqual(['513530', '511030', '513520']);
    // Fixed assets by class.
    expect(expectedFor('puerto', 'montacargas')).toBe('154020');
    expect(['ecografo', 'camilla'].map((k) => expectedFor('consultorios', k))).toEqual(['153205', '153205']);
    expect(expectedFor('mayorista', 'estanteria')).toBe('152405');
    expect(['agro/rastra', 'panela/molino_trapiche', 'corrugado/troqueladora', 'ladrillera/extrusora', 'machetes/martinete', 'taller/equipo_soldadura'].map((x) => expectedFor(...(x.split('/') as [string, string])))).toEqual(Array(6).fill('1520'));
    // Who keeps stock: the four plants and the wholesaler.
    const stocked = COMPANIES34.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['corrugado', 'ladrillera', 'machetes', 'mayorista', 'panela']);
    expect(COMPANIES34.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    // Early mistakes: one company with stock and two without.
    expect(COMPANIES34.filter((c) => c.earlyMistakes).map((c) => `${c.key}:${c.inventory}`).sort()).toEqual(['consultorios:none', 'panela:perpetual', 'puerto:none']);
    expect(COMPANIES34.map((c) => c.ciiu).sort()).toEqual(['0161', '1072', '1702', '2392', '2593', '3312', '4642', '5222', '7820', '8621']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // The shop without an inventory system never expects 14xx, though its person once booked bearings to 1455.
    expect(scenarios.filter((s) => s.company.key.startsWith('taller')).flatMap((s) => s.tests).filter((l) => l.expected.startsWith('14'))).toEqual([]);
  });

  it('only medical supplies, medicines and the applied agrochemicals carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND34_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND34_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND34_EXPIRY_CLASSES.test('42132200')).toBe(true); // gloves
    expect(BLIND34_EXPIRY_CLASSES.test('51142900')).toBe(true); // local anaesthetics
    expect(BLIND34_EXPIRY_CLASSES.test('10171700')).toBe(true); // herbicides
    expect(BLIND34_EXPIRY_CLASSES.test('10171600')).toBe(false); // chemical fertilisers
    expect(BLIND34_EXPIRY_CLASSES.test('50201700')).toBe(false); // office coffee
    expect(BLIND34_EXPIRY_CLASSES.test('15101500')).toBe(false); // diesel
  });

  billingPeriodChecks(scenarios);
});
