import { describe, expect, it } from 'vitest';
import { COMPANIES43 } from '../fixtures/matching/blind43/companies';
import { BLIND43_EXPIRY_CLASSES, buildBlind43Scenarios } from '../fixtures/matching/blind43/scenarios';
import { PRODUCT43_BY_KEY } from '../fixtures/matching/blind43/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 43» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 50, food and drink, carries «VTO mm/aaaa») and its billing periods, which end
 * on the month's real last day.
 */
describe('«a ciegas 43» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind43Scenarios, COMPANIES43, PRODUCT43_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES43.find((c) => c.key === company)!.policy[PRODUCT43_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Diesel: the mine's and the landfill's machinery burn it to produce; the office car's gasoline is admin.
    expect(['yeso', 'relleno'].map((c) => expectedFor(c, 'acpm'))).toEqual(['611530', '617005']);
    expect(expectedFor('yeso', 'gasolina')).toBe('519535'); // the same fuel supplier also fills the mine's office pick-up
    // Gas, power and water: the steam plant's are what it sells; everyone else's power is admin or selling.
    expect(['gas_natural', 'energia', 'acueducto', 'mtto_chiller', 'refrigerante'].map((k) => expectedFor('vapor', k))).toEqual(Array(5).fill('612595'));
    expect(['cine', 'boleteria', 'celulares'].map((c) => expectedFor(c, 'energia'))).toEqual(['513530', '513530', '513530']);
    expect(['autos', 'despensa'].map((c) => expectedFor(c, 'energia'))).toEqual(['523530', '523530']);
    expect(['yeso', 'pvc', 'hornos', 'relleno'].map((c) => expectedFor(c, 'energia'))).toEqual(['611530', '612042', '612065', '617005']);
    // Machinery hired with operator is the landfill's and the mine's cost, not rent of machinery.
    expect(expectedFor('relleno', 'alquiler_compactador')).toBe('617005');
    expect(expectedFor('yeso', 'alquiler_excavadora')).toBe('611530');
    // Courier and cloud: the distributor's drives and delivery platform are the films distributed; its own office mail would be 513540.
    expect(['regalias', 'dcp', 'kdm', 'subtitulado', 'envio_dcp', 'entrega_digital'].map((k) => expectedFor('cine', k))).toEqual(Array(6).fill('617015'));
    expect(['afiches', 'pauta', 'software_contable'].map((k) => expectedFor('cine', k))).toEqual(['523560', '523560', '513520']);
    expect(expectedFor('celulares', 'mensajeria')).toBe('513540');
    // The ticketing company: the platform and the wristbands are the reservations sold; its accounting software is admin.
    expect(['plataforma_boleteria', 'manillas', 'personal_acceso', 'call_center', 'guias', 'sms_confirmacion'].map((k) => expectedFor('boleteria', k))).toEqual(Array(6).fill('614545'));
    expect(['software_contable', 'resma'].map((k) => expectedFor('boleteria', k))).toEqual(['513520', '519530']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['resina_pvc', 'plastificante', 'carbonato', 'estabilizante', 'pigmento', 'sacos_papel', 'mallas_filtro', 'cuchillas', 'mtto_extrusora'].map((k) => expectedFor('pvc', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612042', '612042', '612042']);
    expect(['lamina_acero', 'perfiles', 'refractario', 'motorreductor', 'tubo_cobre', 'guacales', 'gases', 'soldadura', 'discos', 'mecanizado'].map((k) => expectedFor('hornos', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612065', '612065', '612065', '612065']);
    // The mine: wear parts in stock, sacks in stock, consumables to cost, delivery freight to selling.
    expect(['repuestos_trituradora', 'sacos_yeso', 'explosivos', 'brocas', 'analisis_yeso', 'flete_yeso'].map((k) => expectedFor('yeso', k))).toEqual(['1455', '1460', '611530', '611530', '611530', '523550']);
    // The dealer: cars are merchandise, not fixed assets; the car-carrier brings them in (1435); the referral fee is selling.
    expect(['automoviles', 'camionetas', 'accesorios_auto', 'flete_vehiculos', 'comision_referido', 'arriendo_sede', 'contabilidad'].map((k) => expectedFor('autos', k))).toEqual(['1435', '1435', '1435', '1435', '529505', '522010', '521030']);
    expect(PRODUCT43_BY_KEY.get('automoviles')!.durable).toBeUndefined();
    // The food shop: what it resells with its inbound freight, pouches and labels to 1460; its own coffee would be cafetería.
    expect(['frutos_secos', 'granola', 'miel_panela', 'cafe_especial', 'harinas', 'chocolate', 'flete_tienda', 'bolsas_doypack', 'etiquetas'].map((k) => expectedFor('despensa', k))).toEqual([...Array(7).fill('1435'), '1460', '1460']);
    expect(expectedFor('despensa', 'limpiador')).toBe('529525');
    // The repair shop: parts fitted wait in stock (1455), counter accessories are merchandise, consumables are the repairs' cost.
    expect(['pantallas', 'baterias', 'flex_carga', 'modulos_radio', 'accesorios_cel', 'insumos_soldadura', 'reballing'].map((k) => expectedFor('celulares', k))).toEqual(['1455', '1455', '1455', '1455', '1435', '613572', '613572']);
    // The landfill's consumption is its disposal service.
    expect(['recebo', 'lixiviados', 'monitoreo', 'control_vectores'].map((k) => expectedFor('relleno', k))).toEqual(Array(4).fill('617005'));
    // Fixed assets by class.
    expect([expectedFor('cine', 'servidor_dcp'), expectedFor('boleteria', 'impresora_termica'), expectedFor('boleteria', 'portatil')]).toEqual(['152805', '152805', '152805']);
    expect(['criba', 'compresor', 'mezcladora', 'bascula', 'soldador', 'taladro', 'bomba', 'guadana', 'elevador', 'selladora', 'balanza', 'estacion_soldadura', 'analizador'].map((k) => expectedFor('yeso', k))).toEqual(Array(13).fill('1520'));
    expect(['escritorio', 'silla'].map((k) => expectedFor('autos', k))).toEqual(['152405', '152405']);
    // Who keeps stock: the mine, the two plants, the dealer, the food shop and the repair shop.
    const stocked = COMPANIES43.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['autos', 'celulares', 'despensa', 'hornos', 'pvc', 'yeso']);
    expect(COMPANIES43.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES43.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['cine', 'pvc', 'relleno']);
    expect(COMPANIES43.map((c) => c.ciiu).sort()).toEqual(['0899', '2013', '2823', '3530', '3821', '4511', '4729', '5913', '7990', '9512']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('the corrections the people made are of the activity\'s own purchases', () => {
    const corrected = Object.fromEntries(COMPANIES43.map((c) => [c.key, c.corrections.map((k) => `${k.product}:${k.wrong}→${c.policy[PRODUCT43_BY_KEY.get(k.product)!.role]}`)]));
    expect(corrected).toEqual({
      yeso: ['acpm:519535→611530', 'repuestos_trituradora:514515→1455'],
      pvc: ['mtto_extrusora:514515→612042', 'pigmento:612042→1405'],
      hornos: ['gases:519595→612065', 'motorreductor:1520→1405'],
      vapor: ['gas_natural:513555→612595', 'mtto_chiller:514515→612595'],
      relleno: ['alquiler_compactador:512015→617005', 'control_vectores:513505→617005'],
      autos: ['flete_vehiculos:523550→1435', 'accesorios_auto:1455→1435'],
      despensa: ['bolsas_doypack:529540→1460', 'miel_panela:1405→1435'],
      cine: ['envio_dcp:513540→617015', 'entrega_digital:513520→617015'],
      boleteria: ['plataforma_boleteria:513520→614545', 'manillas:519530→614545'],
      celulares: ['pantallas:613572→1455', 'insumos_soldadura:519595→613572'],
    });
  });

  it('only segment 50 (food and drink) carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND43_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND43_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND43_EXPIRY_CLASSES.test('12131500')).toBe(false); // explosives
    expect(BLIND43_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND43_EXPIRY_CLASSES.test('50101700')).toBe(true); // the shop's nuts
  });

  it('a car sold by the dealer never carries a lot or a serial, as merchandise sold by unit', () => {
    const match = (d: string) => /AUTOMOVIL|VEHICULO HATCH|CAMIONETA SUV|PICK UP/i.test(d);
    const cars = scenarios.flatMap((s) => s.tests).filter((l) => match(l.description));
    const books = scenarios.flatMap((s) => s.history).filter((h) => match(h.description));
    expect(cars.length).toBeGreaterThan(0);
    expect(books.length).toBeGreaterThan(0);
    expect([...cars, ...books].filter((l) => / (LOTE|SERIAL) /i.test(l.description))).toEqual([]);
    expect([...new Set(cars.map((l) => l.expected))]).toEqual(['1435']);
  });

  billingPeriodChecks(scenarios);
});
