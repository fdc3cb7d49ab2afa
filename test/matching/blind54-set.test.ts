import { describe, expect, it } from 'vitest';
import { COMPANIES54 } from '../fixtures/matching/blind54/companies';
import { BLIND54_EXPIRY_CLASSES, buildBlind54Scenarios } from '../fixtures/matching/blind54/scenarios';
import { PRODUCT54_BY_KEY } from '../fixtures/matching/blind54/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 54» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (medicines, medical supplies and fish feed carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 54» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind54Scenarios, COMPANIES54, PRODUCT54_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES54.find((c) => c.key === company)!.policy[PRODUCT54_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Copy paper: the bookshop's boxes are merchandise; everyone else's reams are office papelería (the store's in 52xx).
    expect(expectedFor('papeleria', 'resma_reventa')).toBe('1435');
    expect(['aseo', 'obra', 'foto', 'salud', 'bodega', 'calzado', 'alquiler', 'mayorista', 'peces'].map((c) => expectedFor(c, 'resma'))).toEqual(Array(9).fill('519530'));
    // Cleaning supplies: the cleaning company's go to the clients' buildings; the others' clean their own premises.
    expect(['quimicos_aseo', 'limpiador', 'papel_higienico', 'bolsas_basura', 'operarios_temporales', 'fachadas'].map((k) => expectedFor('aseo', k))).toEqual(Array(6).fill('615570'));
    expect(['salud', 'bodega', 'mayorista', 'peces'].map((c) => expectedFor(c, 'limpiador'))).toEqual(Array(4).fill('519525'));
    expect(expectedFor('papeleria', 'limpiador')).toBe('529525');
    expect(expectedFor('aseo', 'cafe')).toBe('519525');
    // Fuel: the ambulances' diesel is the service's cost; the office motorbike's petrol, from the same station, is admin.
    expect(['acpm_ambulancia', 'gasolina'].map((k) => expectedFor('salud', k))).toEqual(['616595', '519535']);
    expect(COMPANIES54.find((c) => c.key === 'salud')!.suppliers[0]!.products).toEqual(['acpm_ambulancia', 'gasolina']);
    // Gas: the roofer's torch propane and the warehouse's forklift gas are cost.
    expect(expectedFor('obra', 'gas_soplete')).toBe('613010');
    expect(expectedFor('bodega', 'glp_montacargas')).toBe('614535');
    // Data processing: the photo studio's client galleries are cost, its own accounting software admin.
    expect(['nube_galerias', 'impresion_foto', 'albumes', 'segundo_fotografo'].map((k) => expectedFor('foto', k))).toEqual(Array(4).fill('615575'));
    expect(['software_contable', 'toner', 'arriendo_sede', 'energia'].map((k) => expectedFor('foto', k))).toEqual(['513520', '519530', '512010', '513530']);
    // Rentals of equipment and freight: the roofer's scaffolds and haulage to site are the works' cost.
    expect(['alquiler_andamio', 'flete_obra', 'manto_asfaltico', 'subcontrato_cubierta'].map((k) => expectedFor('obra', k))).toEqual(Array(4).fill('613010'));
    // The warehouse: film, forklifts, guards, power and rent are the storage sold; pallets and forklifts bought are assets.
    expect(['vinipel', 'alquiler_montacargas', 'cuadrilla_cargue', 'fumigacion', 'vigilancia_sede', 'energia', 'arriendo_sede'].map((k) => expectedFor('bodega', k))).toEqual(Array(7).fill('614535'));
    expect(['estibas', 'montacargas', 'acueducto'].map((k) => expectedFor('bodega', k))).toEqual(['154040', '154020', '513525']);
    // The car rental: tyres, GPS, insurance, washing and parking of the fleet are the rental's cost; its cars are 154005.
    expect(['llantas', 'mtto_flota', 'gps', 'seguro_flota', 'lavado_flota', 'parqueadero_flota', 'revision_tecnica'].map((k) => expectedFor('alquiler', k))).toEqual(Array(7).fill('615515'));
    expect(['autos', 'comision_portal', 'internet'].map((k) => expectedFor('alquiler', k))).toEqual(['154005', '529505', '513535']);
    // The wholesaler: inbound freight and the customs broker go into the goods, outbound freight is selling.
    expect(['resinas', 'soda_caustica', 'flete_importacion', 'agencia_aduanas', 'envases_fracc', 'flete_despacho', 'comision_representante'].map((k) => expectedFor('mayorista', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '523550', '529505']);
    // The bookshop: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['cuadernos', 'textos', 'flete_libros', 'bolsas_libreria', 'energia', 'arriendo_sede', 'contabilidad', 'estanteria'].map((k) => expectedFor('papeleria', k))).toEqual(['1435', '1435', '1435', '1460', '523530', '522010', '521030', '152405']);
    // The shoe workshop: what goes into the shoe is stock, what is used up making it (and its premises) the plant's cost.
    expect(['cuero', 'suelas', 'pegante', 'forros_hilos', 'cajas_zapato', 'maquila_guarnecida', 'troqueles_hormas', 'mtto_maquinas_coser', 'energia', 'arriendo_sede'].map((k) => expectedFor('calzado', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612031', '612031', '612031', '612031', '612031']);
    // The fish farm: feed is raw material, fingerlings are semovientes, boxes leave with the fish, the rest is the farm's cost.
    expect(['concentrado', 'alevinos', 'empaque_pescado', 'hielo', 'cal_agricola', 'asistencia_tecnica', 'energia', 'gasolina'].map((k) => expectedFor('peces', k))).toEqual(['1405', '144510', '1460', '611010', '611010', '611010', '611010', '519535']);
    // The ambulance service's medical equipment is equipo médico-científico.
    expect(['desfibrilador', 'camilla', 'oxigeno', 'medicamentos', 'mtto_ambulancia'].map((k) => expectedFor('salud', k))).toEqual(['153205', '153205', '616595', '616595', '616595']);
    // Fixed assets by class.
    expect(['lavapisos', 'equipo_airless', 'camara', 'maquina_poste', 'elevador', 'bascula', 'aireador'].map((k) => PRODUCT54_BY_KEY.get(k)!.role)).toEqual(Array(7).fill('maquinaria'));
    expect(COMPANIES54.every((c) => c.policy.maquinaria === '1520' && c.policy.computo === '152805')).toBe(true);
    // Who keeps stock: the bookshop, the shoe workshop, the wholesaler and the fish farm.
    const stocked = COMPANIES54.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['calzado', 'mayorista', 'papeleria', 'peces']);
    expect(COMPANIES54.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES54.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['bodega', 'calzado', 'foto']);
    expect(COMPANIES54.map((c) => c.ciiu).sort()).toEqual(['0322', '1521', '4390', '4669', '4761', '5210', '7420', '7710', '8121', '8699']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections people made move the product to the account of its activity', () => {
    const corrected = COMPANIES54.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}>${c.policy[PRODUCT54_BY_KEY.get(k.product)!.role]}`));
    expect(corrected).toEqual([
      'papeleria:resma_reventa:529530>1435',
      'papeleria:flete_libros:523550>1435',
      'aseo:quimicos_aseo:519525>615570',
      'aseo:operarios_temporales:513510>615570',
      'obra:alquiler_andamio:512015>613010',
      'obra:flete_obra:513550>613010',
      'foto:impresion_foto:519530>615575',
      'foto:nube_galerias:513520>615575',
      'salud:acpm_ambulancia:519535>616595',
      'salud:mtto_ambulancia:514540>616595',
      'bodega:vinipel:519540>614535',
      'bodega:alquiler_montacargas:512015>614535',
      'calzado:cajas_zapato:519540>1460',
      'calzado:mtto_maquinas_coser:514515>612031',
      'alquiler:llantas:514540>615515',
      'alquiler:gps:513535>615515',
      'mayorista:flete_importacion:523550>1435',
      'mayorista:envases_fracc:519540>1460',
      'peces:concentrado:1435>1405',
      'peces:energia:513530>611010',
    ]);
  });

  it('medicines, medical supplies and fish feed carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND54_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND54_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND54_EXPIRY_CLASSES.test('51142000')).toBe(true); // the ambulances' analgesics
    expect(BLIND54_EXPIRY_CLASSES.test('42271700')).toBe(true); // the ambulances' medical oxygen
    expect(BLIND54_EXPIRY_CLASSES.test('10121700')).toBe(true); // fish feed
    expect(BLIND54_EXPIRY_CLASSES.test('10121500')).toBe(false); // cattle feed: not bought here, not dated
    expect(BLIND54_EXPIRY_CLASSES.test('14111500')).toBe(false); // copy paper
  });

  billingPeriodChecks(scenarios);
});
