import { describe, expect, it } from 'vitest';
import { COMPANIES35 } from '../fixtures/matching/blind35/companies';
import { BLIND35_EXPIRY_CLASSES, buildBlind35Scenarios } from '../fixtures/matching/blind35/scenarios';
import { PRODUCT35_BY_KEY } from '../fixtures/matching/blind35/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 35» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only packaged food, frozen bait, technical active ingredients and premixes carry
 * «VTO mm/aaaa») and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 35» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind35Scenarios, COMPANIES35, PRODUCT35_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES35.find((c) => c.key === company)!.policy[PRODUCT35_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel and lubricants: the boats' diesel is the catch's cost, the bike shop's chain lube is the repair's, the
    // store's oil is merchandise; the office car's gasoline stays admin fuel.
    expect(expectedFor('pesca', 'acpm_marino')).toBe('611005');
    expect(expectedFor('bicicletas', 'lubricante_cadena')).toBe('613572');
    expect(expectedFor('lubricentro', 'aceite_motor')).toBe('1435');
    expect(expectedFor('residuos', 'gasolina')).toBe('519535');
    // Gas and haulage: the incinerator burns the gas and hauls the clients' waste as the service sold.
    expect(['gas_incinerador', 'transporte_respel', 'celda_seguridad', 'cal_hidratada', 'carbon_activado', 'contenedores_respel', 'isocinetico', 'luz'].map((k) => expectedFor('residuos', k))).toEqual(Array(8).fill('617005'));
    expect(['vigilancia', 'curso_respel', 'montacargas'].map((k) => expectedFor('residuos', k))).toEqual(['513505', '510563', '154020']);
    // The concert: hired sound, venue, event security and authors' rights are the show's cost, not rent, guards or
    // background music; its own office's rent stays 512010 and the ticketing fee is a selling commission.
    expect(['alquiler_sonido', 'tarima', 'honorarios_artista', 'logistica_evento', 'alquiler_escenario', 'derechos_autor', 'banos_portatiles', 'planta_electrica'].map((k) => expectedFor('conciertos', k))).toEqual(Array(8).fill('617030'));
    expect(['arriendo', 'luz', 'comision_boleteria', 'pauta'].map((k) => expectedFor('conciertos', k))).toEqual(['512010', '513530', '529505', '523560']);
    // The letting agent: what it spends letting the owners' flats is the service's cost; portals are advertising.
    expect(['estudio_arrendatario', 'fotografia_inmueble', 'cerrajeria', 'comision_captador', 'inventario_inmueble'].map((k) => expectedFor('inmobiliaria', k))).toEqual(Array(5).fill('615510'));
    expect(['portal_avisos', 'abogado', 'arriendo'].map((k) => expectedFor('inmobiliaria', k))).toEqual(['523560', '511025', '512010']);
    // The fishing company: what the boats use up is the catch's cost, the crew's groceries too; the cartons are stocked.
    expect(['hielo', 'carnada', 'redes', 'mtto_motor_bote', 'rancho', 'cajas_icopor', 'luz'].map((k) => expectedFor('pesca', k))).toEqual(['611005', '611005', '611005', '611005', '611005', '1460', '513530']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['maiz', 'torta_soya', 'premezcla', 'melaza', 'flete_granos', 'sacos_balanceado', 'dados_peletizadora', 'carbon_caldera', 'fumigacion_silos', 'luz'].map((k) => expectedFor('balanceados', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612008', '612008', '612008', '612008']);
    expect(['ia_tecnico', 'solventes', 'frascos_pead', 'etiquetas', 'analisis_hplc', 'disposicion_agro', 'maquila_formulacion', 'luz', 'epp_quimico'].map((k) => expectedFor('agroquimicos', k))).toEqual(['1405', '1405', '1460', '1460', '612043', '612043', '612043', '612043', '510551']);
    expect(['chatarra', 'ferroaleaciones', 'huacales', 'arena_moldeo', 'refractario', 'oxigeno', 'granalla', 'mtto_horno_induccion', 'luz'].map((k) => expectedFor('fundicion', k))).toEqual(['1405', '1405', '1460', '612057', '612057', '612057', '612057', '612057', '612057']);
    expect(['motores', 'polipropileno', 'cables_clavija', 'partes_metalicas', 'cajas_corrugadas', 'icopor_empaque', 'mtto_moldes', 'certificacion_retie', 'luz'].map((k) => expectedFor('electro', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '1460', '612067', '612067', '612067']);
    // The lubricants store: merchandise with its inbound freight, the rest in the selling variant.
    expect(['aceite_motor', 'aditivos', 'refrigerante', 'limpieza_auto', 'filtros', 'flete_lubricantes', 'luz', 'arriendo', 'contador', 'erp'].map((k) => expectedFor('lubricentro', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '523530', '522010', '521030', '523520']);
    // The bike shop: parts in stock as repair materials (1455, not 1435), consumables to the repair's cost, premises admin.
    expect(['cadenas', 'pastillas_freno', 'llantas', 'cables_rodamientos', 'lubricante_cadena', 'desengrasante_bici', 'pintura_marco', 'desinfectante', 'luz', 'arriendo'].map((k) => expectedFor('bicicletas', k))).toEqual(['1455', '1455', '1455', '1455', '613572', '613572', '613572', '519525', '513530', '512010']);
    // Fixed assets by class.
    expect(expectedFor('pesca', 'motor_fuera_borda')).toBe('154410');
    expect(expectedFor('pesca', 'radio_vhf')).toBe('152815');
    expect(expectedFor('lubricentro', 'exhibidor')).toBe('152405');
    expect(expectedFor('inmobiliaria', 'archivador')).toBe('152405');
    expect(['mezcladora', 'tanque_mezcla', 'cuchara_colada', 'inyectora', 'consola', 'montabicis'].map((k) => PRODUCT35_BY_KEY.get(k)!.role)).toEqual(Array(6).fill('maquinaria'));
    expect(COMPANIES35.every((c) => c.policy.maquinaria === '1520')).toBe(true);
    // Who keeps stock: the four plants, the store, the bike shop, and the fishing company for its cartons.
    const stocked = COMPANIES35.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['agroquimicos', 'balanceados', 'bicicletas', 'electro', 'fundicion', 'lubricentro', 'pesca']);
    expect(COMPANIES35.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES35.filter((c) => c.inventory === 'none').map((c) => c.key).sort()).toEqual(['conciertos', 'inmobiliaria', 'residuos']);
    expect(COMPANIES35.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['agroquimicos', 'conciertos', 'residuos']);
    expect(COMPANIES35.map((c) => c.ciiu).sort()).toEqual(['0311', '1090', '2021', '2431', '2750', '3822', '4732', '6820', '9007', '9529']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the people\'s corrections move each product from the account its name suggests to the activity\'s', () => {
    const moved = COMPANIES35.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}>${c.policy[PRODUCT35_BY_KEY.get(k.product)!.role]}`));
    expect(moved).toEqual([
      'pesca:acpm_marino:519535>611005',
      'pesca:cajas_icopor:519540>1460',
      'balanceados:flete_granos:523550>1405',
      'balanceados:dados_peletizadora:514515>612008',
      'agroquimicos:frascos_pead:519540>1460',
      'agroquimicos:analisis_hplc:511035>612043',
      'fundicion:arena_moldeo:1405>612057',
      'fundicion:refractario:514515>612057',
      'electro:motores:1435>1405',
      'electro:mtto_moldes:514515>612067',
      'residuos:transporte_respel:513550>617005',
      'residuos:gas_incinerador:513555>617005',
      'lubricentro:aceite_motor:519535>1435',
      'lubricentro:flete_lubricantes:523550>1435',
      'inmobiliaria:comision_captador:529505>615510',
      'inmobiliaria:cerrajeria:514510>615510',
      'conciertos:alquiler_sonido:512015>617030',
      'conciertos:derechos_autor:519515>617030',
      'bicicletas:lubricante_cadena:519535>613572',
      'bicicletas:llantas:1435>1455',
    ]);
  });

  it('only packaged food, frozen bait, technical active ingredients and premixes carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND35_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND35_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND35_EXPIRY_CLASSES.test('15121500')).toBe(false); // motor oil
    expect(BLIND35_EXPIRY_CLASSES.test('50221100')).toBe(false); // bulk yellow corn
    expect(BLIND35_EXPIRY_CLASSES.test('51101800')).toBe(false); // medicines: none bought in this set
    expect(BLIND35_EXPIRY_CLASSES.test('10171700')).toBe(true); // technical glyphosate
    expect(BLIND35_EXPIRY_CLASSES.test('50201700')).toBe(true); // coffee
  });

  billingPeriodChecks(scenarios);
});
