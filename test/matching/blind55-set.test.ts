import { describe, expect, it } from 'vitest';
import { COMPANIES55 } from '../fixtures/matching/blind55/companies';
import { BLIND55_EXPIRY_CLASSES, buildBlind55Scenarios } from '../fixtures/matching/blind55/scenarios';
import { PRODUCT55_BY_KEY } from '../fixtures/matching/blind55/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 55» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only food and drink and the farm service's herbicides and pesticides carry «VTO mm/aaaa»)
 * and its billing periods, which end on the month's real last day.
 */
describe('«a ciegas 55» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind55Scenarios, COMPANIES55, PRODUCT55_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES55.find((c) => c.key === company)!.policy[PRODUCT55_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // ACPM, a diesel filter and an engine service: three activity costs, and stock for the repair shop.
    expect(['terreno', 'alquiler', 'agro'].map((c) => expectedFor(c, 'acpm'))).toEqual(['613005', '615520', '610570']);
    expect(['terreno', 'alquiler', 'agro', 'taller'].map((c) => expectedFor(c, 'filtros_diesel'))).toEqual(['613005', '615520', '610570', '1455']);
    expect(['terreno', 'alquiler', 'agro', 'plasticos'].map((c) => expectedFor(c, 'mtto_motor'))).toEqual(['613005', '615520', '610570', '612050']);
    // The same station sells the machines' ACPM and the office car's gasoline.
    expect(['terreno', 'alquiler', 'agro'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    // Snacks for a group: the attendees' (event), the focus group's (research); the school's children have their own.
    expect(['eventos', 'encuestas'].map((c) => expectedFor(c, 'refrigerios'))).toEqual(['615595', '615550']);
    expect(expectedFor('colegio', 'refrigerio_escolar')).toBe('616005');
    expect(['eventos', 'encuestas', 'colegio'].map((c) => expectedFor(c, 'cafe'))).toEqual(['519525', '519525', '519525']);
    // Hiring a hall or machines for the work sold is cost; the own office's rent is admin.
    expect(['alquiler_salon', 'audiovisuales', 'carpas', 'stands', 'protocolo', 'transporte_asistentes', 'hospedaje_ponentes', 'impresos_evento'].map((k) => expectedFor('eventos', k))).toEqual(Array(8).fill('615595'));
    expect(['eventos', 'terreno', 'alquiler'].map((c) => expectedFor(c, 'arriendo_sede'))).toEqual(['512010', '512010', '512010']);
    expect(expectedFor('terreno', 'alquiler_retro')).toBe('613005');
    expect(expectedFor('alquiler', 'subalquiler')).toBe('615520');
    // Software and phone lines: the survey platform and the field tablets' data are the research sold; its own ERP and the managers' phones are admin.
    expect(['plataforma_encuestas', 'datos_tablets', 'trabajo_campo', 'incentivos', 'sala_gesell', 'transcripcion', 'pasajes_campo'].map((k) => expectedFor('encuestas', k))).toEqual(Array(7).fill('615550'));
    expect(['software_contable', 'plan_celular', 'abogado'].map((k) => expectedFor('encuestas', k))).toEqual(['513520', '513535', '511025']);
    // The school: teaching goods, platforms, routes and field trips are the education sold; its office is admin.
    expect(['material_didactico', 'textos', 'plataforma_educativa', 'transporte_escolar', 'salida_pedagogica', 'simulacro'].map((k) => expectedFor('colegio', k))).toEqual(Array(6).fill('616005'));
    expect(['resma', 'software_contable', 'energia', 'aseo_tercerizado'].map((k) => expectedFor('colegio', k))).toEqual(['519530', '513520', '513530', '513505']);
    // Land clearing: trucks, tipping, survey and fill are the earthworks; the rental firm's haulage and reconditioning are the rent.
    expect(['volquetas', 'escombrera', 'topografia', 'recebo', 'unas_balde', 'mtto_hidraulico'].map((k) => expectedFor('terreno', k))).toEqual(Array(6).fill('613005'));
    expect(['transporte_equipos', 'reacondicionamiento', 'mtto_planta', 'bateria_arranque'].map((k) => expectedFor('alquiler', k))).toEqual(Array(4).fill('615520'));
    // The farm service keeps no stock: what it applies in the clients' fields is the service's cost.
    expect(['herbicida', 'plaguicida', 'fertilizante', 'jornaleros', 'aspersion_aerea', 'analisis_suelo', 'repuestos_agricolas'].map((k) => expectedFor('agro', k))).toEqual(Array(7).fill('610570'));
    // The plastic plant: what goes into the film is stock, what is used up making it is the plant's cost.
    expect(['resina', 'pvc', 'masterbatch', 'cores', 'mallas_extrusora', 'resistencias', 'mtto_extrusora', 'energia'].map((k) => expectedFor('plasticos', k))).toEqual(['1405', '1405', '1405', '1460', '612050', '612050', '612050', '612050']);
    // The repair shop: parts fitted in clients' machines are stocked, consumables and outside work are the repair's cost.
    expect(['rodamientos', 'sellos', 'correas', 'soldadura', 'gases', 'abrasivos', 'lubricantes', 'mecanizado', 'balanceo', 'energia'].map((k) => expectedFor('taller', k))).toEqual(['1455', '1455', '1455', '615590', '615590', '615590', '615590', '615590', '615590', '615590']);
    // Commerce: goods with their inbound freight (and the customs broker) to 1435, packaging to 1460, delivery to customers and the rest in the selling variant.
    expect(['zapatos_cuero', 'tenis', 'botas', 'bolsos_cuero', 'cuidado_calzado', 'flete_calzado', 'bolsas_logo', 'envio_cliente', 'energia', 'arriendo_sede', 'contabilidad', 'rollo_pos'].map((k) => expectedFor('zapateria', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '523550', '523530', '522010', '521030', '529530']);
    expect(['ollas', 'vajilla', 'cristaleria', 'recipientes', 'flete_importacion', 'agencia_aduanas', 'cajas_despacho', 'flete_distribucion', 'comision_vendedor', 'bateria_arranque'].map((k) => expectedFor('menaje', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '523550', '529505', '524515']);
    // Fixed assets by class.
    expect(['eventos', 'colegio'].map((c) => expectedFor(c, 'video_beam'))).toEqual(['152410', '152410']);
    expect(['plasticos', 'menaje'].map((c) => expectedFor(c, 'montacargas'))).toEqual(['154020', '154020']);
    expect(['pupitre', 'exhibidor', 'estanteria'].map((k) => expectedFor(k === 'pupitre' ? 'colegio' : k === 'exhibidor' ? 'zapateria' : 'menaje', k))).toEqual(['152405', '152405', '152405']);
    expect(['tablet', 'pos_terminal'].map((k) => expectedFor(k === 'tablet' ? 'encuestas' : 'zapateria', k))).toEqual(['152805', '152805']);
    expect([expectedFor('terreno', 'vibrocompactador'), expectedFor('alquiler', 'planta_electrica'), expectedFor('alquiler', 'andamio'), expectedFor('plasticos', 'molino'), expectedFor('taller', 'soldador'), expectedFor('taller', 'torno'), expectedFor('agro', 'dron')]).toEqual(Array(7).fill('1520'));
    // Who keeps stock: the shoe store, the wholesaler, the plastic plant and the repair shop.
    const stocked = COMPANIES55.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['menaje', 'plasticos', 'taller', 'zapateria']);
    expect(COMPANIES55.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    // Early mistakes: two companies without inventory and one with it.
    expect(COMPANIES55.filter((c) => c.earlyMistakes).map((c) => [c.key, c.inventory])).toEqual([['eventos', 'none'], ['colegio', 'none'], ['plasticos', 'perpetual']]);
    expect(COMPANIES55.map((c) => c.ciiu).sort()).toEqual(['0161', '2221', '3312', '4312', '4649', '4772', '7320', '7730', '8230', '8513']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // Nothing this set expects is a class-5 admin account for what the activity consumes: every 61xx used is one of the eight activity subcuentas.
    expect([...new Set(lines.map((l) => l.expected).filter((a) => a.startsWith('61')))].sort()).toEqual(['610570', '612050', '613005', '615520', '615550', '615590', '615595', '616005']);
  });

  it('the corrections the people made in the books point from the name-suggested account to the activity\'s', () => {
    const corrections = Object.fromEntries(COMPANIES55.map((c) => [c.key, c.corrections.map((k) => `${k.product}:${k.wrong}→${c.policy[PRODUCT55_BY_KEY.get(k.product)!.role]}`)]));
    expect(corrections).toEqual({
      zapateria: ['cuidado_calzado:529525→1435', 'envio_cliente:1435→523550'],
      eventos: ['alquiler_salon:512010→615595', 'refrigerios:519520→615595'],
      terreno: ['acpm:519535→613005', 'mtto_motor:514515→613005'],
      encuestas: ['plataforma_encuestas:513520→615550', 'incentivos:523560→615550'],
      colegio: ['transporte_escolar:515520→616005', 'material_didactico:519530→616005'],
      alquiler: ['transporte_equipos:523550→615520', 'mtto_planta:514515→615520'],
      plasticos: ['masterbatch:519595→1405', 'mtto_extrusora:514515→612050'],
      taller: ['sellos:615590→1455', 'gases:513555→615590'],
      menaje: ['flete_importacion:523550→1435', 'cajas_despacho:529540→1460'],
      agro: ['mtto_motor:514515→610570', 'fertilizante:1405→610570'],
    });
  });

  it('only food and drink and the farm service\'s herbicides and pesticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND55_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    expect(dated.some((l) => /^1017|^1019/.test(l.unspsc ?? ''))).toBe(true);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND55_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND55_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertilizer
    expect(BLIND55_EXPIRY_CLASSES.test('13111000')).toBe(false); // resin
    expect(BLIND55_EXPIRY_CLASSES.test('51101800')).toBe(false); // medicines: none bought in this set
    expect(BLIND55_EXPIRY_CLASSES.test('10171700')).toBe(true); // herbicide
    expect(BLIND55_EXPIRY_CLASSES.test('50201700')).toBe(true); // coffee
  });

  billingPeriodChecks(scenarios);
});
