import { describe, expect, it } from 'vitest';
import { COMPANIES39 } from '../fixtures/matching/blind39/companies';
import { BLIND39_EXPIRY_CLASSES, buildBlind39Scenarios } from '../fixtures/matching/blind39/scenarios';
import { PRODUCT39_BY_KEY } from '../fixtures/matching/blind39/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 39» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food, carries «VTO mm/aaaa») and its billing periods, which end on the
 * month's real last day.
 */
describe('«a ciegas 39» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind39Scenarios, COMPANIES39, PRODUCT39_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES39.find((c) => c.key === company)!.policy[PRODUCT39_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Lubricants and machine hire: the forestry contractor's chain oil and skidder are its cost; the office car's gasoline is admin.
    expect(['aceite_2t', 'cadenas', 'herbicida', 'plantulas', 'cuadrilla', 'alquiler_skidder'].map((k) => expectedFor('forestal', k))).toEqual(Array(6).fill('610580'));
    expect(['gasolina', 'energia'].map((k) => expectedFor('forestal', k))).toEqual(['519535', '513530']);
    // The shipyard buys for each work order: plate, rods, paint and crane are cost, not stock nor «otros».
    expect(['lamina_naval', 'electrodos', 'pintura_naval', 'anodos', 'repuestos_motor', 'arenado', 'alquiler_grua', 'energia'].map((k) => expectedFor('astillero', k))).toEqual(Array(8).fill('612080'));
    // Cleaning: the industrial cleaner's degreaser is its cost; the floor cleaner of its own office stays admin.
    expect(['desengrasante', 'vactor', 'residuos', 'absorbentes', 'multigas'].map((k) => expectedFor('limpieza', k))).toEqual(Array(5).fill('615570'));
    expect(['limpiador', 'cafe', 'dotacion', 'curso_sst'].map((k) => expectedFor('limpieza', k))).toEqual(['519525', '519525', '510551', '510563']);
    // Cloud: the portal's production cloud and feed are cost; its own accounting subscription is admin.
    expect(['cdn_nube', 'contenido_agencia', 'moderacion', 'redactores', 'api_mapas'].map((k) => expectedFor('portal', k))).toEqual(Array(5).fill('615535'));
    expect(['software_contable', 'abogado', 'pauta_redes'].map((k) => expectedFor('portal', k))).toEqual(['513520', '511025', '523560']);
    // Music: what the recordings use is the activity's cost.
    expect(['musicos_sesion', 'estudio', 'mastering', 'cuerdas', 'plugins', 'arreglista'].map((k) => expectedFor('musica', k))).toEqual(Array(6).fill('617030'));
    expect(expectedFor('musica', 'consola')).toBe('1520');
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['cana', 'cat_cana', 'sacos_azucar', 'cal_floculante', 'biocida', 'mtto_molinos', 'analisis_pol', 'energia'].map((k) => expectedFor('ingenio', k))).toEqual(['1405', '1405', '1460', '612010', '612010', '612010', '612010', '612010']);
    expect(['cuero', 'herrajes', 'forro_hilo', 'guardapolvo', 'pegante', 'maquila_costura', 'troqueles', 'energia'].map((k) => expectedFor('cuero', k))).toEqual(['1405', '1405', '1405', '1460', '612030', '612030', '612030', '612030']);
    expect(['urea', 'kcl_dap', 'flete_granel', 'sacos_abono', 'analisis_npk', 'mtto_granuladora', 'bandas', 'energia'].map((k) => expectedFor('abonos', k))).toEqual(['1405', '1405', '1405', '1460', '612041', '612041', '612041', '612041']);
    expect(['laton', 'resina', 'tornillo_borne', 'blister', 'niquelado', 'mtto_moldes', 'ensayo_retie', 'energia'].map((k) => expectedFor('cableado', k))).toEqual(['1405', '1405', '1405', '1460', '612071', '612071', '612071', '612071']);
    // The butcher: meat and fish with their inbound freight to 1435, trays to 1460, the rest in the selling variant.
    expect(['res', 'pollo', 'pescado', 'flete_frio', 'bandejas', 'mtto_frio', 'energia', 'arriendo_sede', 'contabilidad', 'limpiador'].map((k) => expectedFor('carnes', k))).toEqual(['1435', '1435', '1435', '1435', '1460', '524515', '523530', '522010', '521030', '529525']);
    // Fixed assets by class.
    expect(['motosierra', 'centrifuga', 'maquina_coser', 'ensacadora', 'inyectora', 'soldador', 'sierra_hueso', 'hidrolavadora'].map((k) => COMPANIES39.map((c) => c.policy[PRODUCT39_BY_KEY.get(k)!.role]))).toEqual(Array(8).fill(Array(10).fill('1520')));
    expect(expectedFor('portal', 'servidor')).toBe('152805');
    // Who keeps stock: the four plants and the butcher.
    const stocked = COMPANIES39.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['abonos', 'cableado', 'carnes', 'cuero', 'ingenio']);
    expect(COMPANIES39.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES39.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['astillero', 'forestal', 'ingenio']);
    expect(COMPANIES39.map((c) => c.ciiu).sort()).toEqual(['0240', '1071', '1512', '2012', '2732', '3315', '4723', '6312', '8129', '9002']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections people made move each product to its activity\'s account', () => {
    const corrected = COMPANIES39.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}->${c.policy[PRODUCT39_BY_KEY.get(k.product)!.role]}`));
    expect(corrected).toEqual([
      'forestal:aceite_2t:519535->610580',
      'forestal:alquiler_skidder:512015->610580',
      'ingenio:cal_floculante:519595->612010',
      'ingenio:sacos_azucar:519540->1460',
      'cuero:pegante:519595->612030',
      'cuero:guardapolvo:519540->1460',
      'abonos:analisis_npk:511035->612041',
      'abonos:sacos_abono:519540->1460',
      'cableado:niquelado:519595->612071',
      'cableado:mtto_moldes:514515->612071',
      'astillero:electrodos:519595->612080',
      'astillero:alquiler_grua:512015->612080',
      'carnes:flete_frio:523550->1435',
      'carnes:bandejas:529540->1460',
      'portal:cdn_nube:513520->615535',
      'portal:contenido_agencia:519510->615535',
      'limpieza:desengrasante:519525->615570',
      'limpieza:vactor:512015->615570',
      'musica:mastering:513515->617030',
      'musica:cuerdas:519595->617030',
    ]);
  });

  it('only segment 50 (food) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND39_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND39_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND39_EXPIRY_CLASSES.test('10171700')).toBe(false); // herbicide
    expect(BLIND39_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND39_EXPIRY_CLASSES.test('50111500')).toBe(true); // the butcher's beef
  });

  billingPeriodChecks(scenarios);
});
