import { describe, expect, it } from 'vitest';
import { COMPANIES49 } from '../fixtures/matching/blind49/companies';
import { BLIND49_EXPIRY_CLASSES, buildBlind49Scenarios } from '../fixtures/matching/blind49/scenarios';
import { PRODUCT49_BY_KEY } from '../fixtures/matching/blind49/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 49» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food and drink, animal feed, medicines and veterinary products carry «VTO mm/aaaa») and its
 * billing periods, which end on the month's real last day.
 */
describe('«a ciegas 49» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind49Scenarios, COMPANIES49, PRODUCT49_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES49.find((c) => c.key === company)!.policy[PRODUCT49_BY_KEY.get(key)!.role];

  it('the same kind of purchase goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the contractor's machines, the bus company's routes and the kiosks' generators are cost; the managers' cars are admin.
    expect(['obras:acpm_obra', 'mixto:acpm', 'comidas:gasolina_planta'].map((x) => expectedFor(...(x.split(':') as [string, string])))).toEqual(['613010', '614505', '614015']);
    expect(['obras', 'mixto'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535']);
    // Lawyers: the law firm's correspondents are its service's cost; the contractor's own procurement lawyer is admin.
    expect(expectedFor('bufete', 'corresponsal')).toBe('615550');
    expect(expectedFor('obras', 'asesoria_legal')).toBe('511025');
    expect(['vigilancia_procesos', 'peritos', 'notificaciones', 'traduccion', 'notaria'].map((k) => expectedFor('bufete', k))).toEqual(Array(5).fill('615550'));
    // «Vigilancia»: guards are aseo y vigilancia (selling variant at the store); docket monitoring is the law firm's cost.
    expect(['electro', 'granero'].map((c) => expectedFor(c, 'vigilancia'))).toEqual(['523505', '523505']);
    expect(['base_juridica', 'seminario', 'software_erp'].map((k) => expectedFor('bufete', k))).toEqual(['519510', '510563', '513520']);
    // Utilities: the laundry's gas and water and the printer's and kiosks' power are cost; everyone else's are admin or selling.
    expect(['gas_natural', 'acueducto', 'energia', 'detergente', 'ganchos_fundas', 'mtto_lavadoras'].map((k) => expectedFor('lavanderia', k))).toEqual(Array(6).fill('617050'));
    expect(['limpiador', 'arriendo_local'].map((k) => expectedFor('lavanderia', k))).toEqual(['519525', '512010']);
    expect(['litografia', 'comidas', 'veterinaria', 'bufete', 'obras', 'mixto', 'electro', 'granero'].map((c) => expectedFor(c, 'energia'))).toEqual(['612035', '614015', '513530', '513530', '513530', '513530', '523530', '523530']);
    expect(['litografia', 'veterinaria', 'comidas', 'granero'].map((c) => expectedFor(c, 'acueducto'))).toEqual(['513525', '513525', '614015', '523525']);
    // Transport: the bus company's whole fleet upkeep and its terminal fee are cost.
    expect(['acpm', 'llantas', 'repuestos', 'taller', 'aceite_motor', 'tasa_terminal', 'gps', 'lavado'].map((k) => expectedFor('mixto', k))).toEqual(Array(8).fill('614505'));
    // The contractor: everything the works consume is cost, with no inventory in between.
    expect(['cemento', 'agregados', 'tuberia', 'varilla', 'alquiler_retro', 'topografia', 'ensayos', 'cuadrilla'].map((k) => expectedFor('obras', k))).toEqual(Array(8).fill('613010'));
    // Paper and ink: the printer's are raw material, its office's are papelería; plates and chemicals are the plant's cost.
    expect(['papel_imprenta', 'tinta_offset', 'cajas_despacho', 'planchas', 'quimicos_imprenta', 'mantillas', 'maquila_acabados', 'mtto_prensa'].map((k) => expectedFor('litografia', k))).toEqual(['1405', '1405', '1460', '612035', '612035', '612035', '612035', '612035']);
    expect(['papel', 'toner'].map((k) => expectedFor('litografia', k))).toEqual(['519530', '519530']);
    // The kiosks: food is raw material, drinks are resold, trays leave with the food, propane is cost, rent stays admin.
    expect(['harina', 'carnes', 'queso', 'aceite_freir', 'gaseosas', 'desechables', 'gas_propano', 'arriendo_local'].map((k) => expectedFor('comidas', k))).toEqual(['1405', '1405', '1405', '1405', '1435', '1460', '614015', '512010']);
    // The vet: what is resold is stock, what is used on patients is the service's cost.
    expect(['concentrado', 'accesorios_mascota', 'antipulgas'].map((k) => expectedFor('veterinaria', k))).toEqual(['1435', '1435', '1435']);
    expect(['vacunas', 'medicamentos', 'anestesicos', 'insumos_clinicos', 'laboratorio_vet', 'cremacion', 'oxigeno'].map((k) => expectedFor('veterinaria', k))).toEqual(Array(7).fill('616525'));
    // Freight: inbound is part of the goods' cost, delivery to customers is selling; the wholesaler's stretch film is consumed.
    expect(['flete_electro', 'domicilios', 'neveras', 'colchones', 'lamparas', 'contador', 'arriendo_local'].map((k) => expectedFor('electro', k))).toEqual(['1435', '523550', '1435', '1435', '1435', '521030', '522010']);
    expect(['flete_mula', 'reparto', 'arroz', 'granos', 'film_estirable', 'curso_bodega'].map((k) => expectedFor('granero', k))).toEqual(['1435', '523550', '1435', '1435', '529540', '520563']);
    // The mixed farm: stockers are inventory, each line carries its own cost.
    expect(['terneros', 'sal_mineral', 'vacuna_bovina', 'ivermectina', 'veterinario_finca'].map((k) => expectedFor('finca', k))).toEqual(['144505', '610555', '610555', '610555', '610555']);
    expect(['fertilizante', 'agroquimicos', 'bolsas_racimo', 'cosecha'].map((k) => expectedFor('finca', k))).toEqual(Array(4).fill('610515'));
    // Fixed assets by class.
    expect(['electro:exhibidor', 'bufete:archivador', 'comidas:freidora', 'veterinaria:ecografo', 'granero:montacargas', 'obras:vibrador', 'mixto:compresor', 'litografia:guillotina', 'lavanderia:lavadora_industrial', 'finca:bascula', 'finca:smartphone', 'mixto:portatil'].map((x) => expectedFor(...(x.split(':') as [string, string])))).toEqual(['152405', '152405', '153610', '153205', '154020', '1520', '1520', '1520', '1520', '1520', '152810', '152805']);
    // Who keeps stock: the store, the kiosks, the vet, the printer, the wholesaler and the farm.
    const stocked = COMPANIES49.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['comidas', 'electro', 'finca', 'granero', 'litografia', 'veterinaria']);
    expect(COMPANIES49.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES49.filter((c) => c.earlyMistakes).map((c) => [c.key, c.inventory])).toEqual([['mixto', 'none'], ['litografia', 'perpetual'], ['lavanderia', 'none']]);
    expect(COMPANIES49.map((c) => c.ciiu).sort()).toEqual(['0150', '1811', '4290', '4631', '4754', '4922', '5619', '6910', '7500', '9601']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('each correction moves a product to the account this set\'s policy gives it', () => {
    const moved = COMPANIES49.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${expectedFor(c.key, k.product)}`));
    expect(moved).toEqual([
      'electro:domicilios:1435→523550',
      'electro:colchones:152405→1435',
      'comidas:desechables:519540→1460',
      'comidas:gasolina_planta:519535→614015',
      'obras:acpm_obra:519535→613010',
      'obras:alquiler_retro:512015→613010',
      'bufete:corresponsal:511025→615550',
      'bufete:vigilancia_procesos:513505→615550',
      'veterinaria:vacunas:1435→616525',
      'veterinaria:cremacion:519595→616525',
      'mixto:acpm:519535→614505',
      'mixto:tasa_terminal:519545→614505',
      'litografia:tinta_offset:519530→1405',
      'litografia:mtto_prensa:514515→612035',
      'granero:flete_mula:523550→1435',
      'granero:film_estirable:1460→529540',
      'lavanderia:gas_natural:513555→617050',
      'lavanderia:acueducto:513525→617050',
      'finca:sal_mineral:1405→610555',
      'finca:fertilizante:610555→610515',
    ]);
  });

  it('food, animal feed, medicines and veterinary products carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND49_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND49_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(['50111500', '10121800', '10121500', '51201600', '42121600'].map((c) => BLIND49_EXPIRY_CLASSES.test(c))).toEqual([true, true, true, true, true]); // meat, pet food, mineral salt, vaccines, flea treatments
    expect(['42142600', '14121900', '12191500', '40183000'].map((c) => BLIND49_EXPIRY_CLASSES.test(c))).toEqual([false, false, false, false]); // syringes, printing paper, solvent, pipes
    // Fuel, aggregates and cattle carry no lot at all.
    const noLot = new Set(['acpm', 'acpm_obra', 'gasolina', 'gasolina_planta', 'agregados', 'terneros'].map((k) => PRODUCT49_BY_KEY.get(k)!.names).flat());
    expect(lines.filter((l) => / LOTE /i.test(l.description) && [...noLot].some((n) => l.description.toUpperCase().includes(n.slice(0, 12))))).toEqual([]);
  });

  billingPeriodChecks(scenarios);
});
