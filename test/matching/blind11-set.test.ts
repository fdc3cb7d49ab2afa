import { describe, expect, it } from 'vitest';
import { COMPANIES11 } from '../fixtures/matching/blind11/companies';
import { BLIND11_EXPIRY_CLASSES, buildBlind11Scenarios } from '../fixtures/matching/blind11/scenarios';
import { PRODUCT11_BY_KEY } from '../fixtures/matching/blind11/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 11» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (only segment 51 carries «VTO mm/aaaa») and its billing periods, which end on the month's
 * real last day.
 */
describe('«a ciegas 11» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind11Scenarios, COMPANIES11, PRODUCT11_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES11.find((c) => c.key === company)!.policy[PRODUCT11_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Accountants' fees: every buyer's own bookkeeping is 511030 (§4.2 row 31); the accounting firm's subcontracted
    // accountant is what it sells.
    expect(['centrodia', 'academia', 'portuario', 'quimicos', 'fotografia'].map((c) => expectedFor(c, 'contabilidad'))).toEqual(['511030', '511030', '511030', '521030', '511030']);
    expect(expectedFor('firma', 'contador_apoyo')).toBe('615550');
    // Temporary staff: the stevedore gangs and the packers are the service sold, never 513510.
    expect(expectedFor('portuario', 'cuadrilla')).toBe('614530');
    expect(expectedFor('maquila', 'operarios_maquila')).toBe('615580');
    // Software: the accounting SaaS is admin data processing; the firm's clients' software and the studio's editor are cost.
    expect(['firma', 'fotografia', 'maquila'].map((c) => expectedFor(c, 'software_contable'))).toEqual(['513520', '513520', '513520']);
    expect(expectedFor('firma', 'software_multiempresa')).toBe('615550');
    expect(expectedFor('fotografia', 'software_edicion')).toBe('615575');
    // Fuel: the office car's gasoline is admin; the yard diesel and the ponds' pump diesel are the activity's cost.
    expect(['portuario', 'ascensores', 'camaronera'].map((c) => expectedFor(c, 'gasolina'))).toEqual(['519535', '519535', '519535']);
    expect([['portuario', 'acpm_patio'], ['camaronera', 'acpm_bombas']].map(([c, k]) => expectedFor(c!, k!))).toEqual(['614530', '611010']);
    // Meals and honorarios at the day centre are the care sold, not cafetería nor asesorías.
    expect(['refrigerios', 'fisioterapia', 'gerontologia', 'ruta_usuarios', 'panales_adulto', 'botiquin'].map((k) => expectedFor('centrodia', k))).toEqual(Array(6).fill('616530'));
    // The same shrink film: packaging stock at the bottler, a consumed material at the packing contractor.
    expect(expectedFor('embotelladora', 'pelicula_termo')).toBe('1460');
    expect(expectedFor('maquila', 'pelicula_termo')).toBe('615580');
    expect(expectedFor('maquila', 'cajas_corrugadas')).toBe('615580');
    // Inventories: the bottler's sugar is raw material and its preforms packaging; the wholesaler adds inbound freight
    // to the merchandise, books deliveries as selling freight and keeps its drums as packaging; the shrimp farm keeps
    // its feed; the installer keeps its cable but books the lift bought for a building to the contract.
    expect(['azucar_industrial', 'co2', 'preforma', 'tapas', 'analisis_agua', 'energia'].map((k) => expectedFor('embotelladora', k))).toEqual(['1405', '1405', '1460', '1460', '612018', '612018']);
    expect(['herbicida', 'flete_importacion', 'entrega_clientes', 'garrafas'].map((k) => expectedFor('quimicos', k))).toEqual(['1435', '1435', '523550', '1460']);
    expect(['alimento_camaron', 'postlarva', 'energia', 'flete_cosecha'].map((k) => expectedFor('camaronera', k))).toEqual(['1405', '611010', '611010', '523550']);
    expect(['cable_traccion', 'repuestos_ascensor', 'equipo_ascensor', 'andamio', 'lana_roca'].map((k) => expectedFor('ascensores', k))).toEqual(['1455', '1455', '613015', '613015', '613015']);
    // The academy resells strings at the counter but its teachers and tuning are the courses' cost.
    expect(['cuerdas_venta', 'metodos_venta', 'profesor_musica', 'afinacion_piano'].map((k) => expectedFor('academia', k))).toEqual(['1435', '1435', '616005', '616005']);
    // Fixed assets by class: forklift 154020, radio 152815, wheelchair 153205, instruments and camera 1520.
    expect(expectedFor('portuario', 'montacargas')).toBe('154020');
    expect(expectedFor('portuario', 'radio_portatil')).toBe('152815');
    expect(expectedFor('centrodia', 'silla_ruedas')).toBe('153205');
    expect(['piano_digital', 'amplificador'].map((k) => expectedFor('academia', k))).toEqual(['1520', '1520']);
    expect(expectedFor('fotografia', 'camara')).toBe('1520');
    // The same electricity bill: a bottler's and a shrimp farm's cost, a wholesaler's selling expense, an office's admin expense.
    expect(['embotelladora', 'camaronera', 'quimicos', 'firma'].map((c) => expectedFor(c, 'energia'))).toEqual(['612018', '611010', '523530', '513530']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('only segment 51 carries an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND11_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND11_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND11_EXPIRY_CLASSES.test('42143900')).toBe(false); // adult nappies
    expect(BLIND11_EXPIRY_CLASSES.test('10171700')).toBe(false); // herbicides resold by the wholesaler
    expect(BLIND11_EXPIRY_CLASSES.test('51191900')).toBe(true); // nutritional supplements
  });

  billingPeriodChecks(scenarios);
});
