import { describe, expect, it } from 'vitest';
import { COMPANIES30 } from '../fixtures/matching/blind30/companies';
import { BLIND30_EXPIRY_CLASSES, buildBlind30Scenarios } from '../fixtures/matching/blind30/scenarios';
import { PRODUCT30_BY_KEY } from '../fixtures/matching/blind30/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 30» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (chemicals, resins and food carry «VTO mm/aaaa») and its billing periods, which end on the
 * month's real last day.
 */
describe('«a ciegas 30» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind30Scenarios, COMPANIES30, PRODUCT30_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES30.find((c) => c.key === company)!.policy[PRODUCT30_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Fuel: the oil field's diesel lifts the crude (cost); the manager's car's gasoline is admin.
    expect(['acpm_generador', 'gasolina'].map((k) => expectedFor('petroleo', k))).toEqual(['611510', '519535']);
    // The oil operator: campaign casing is project material, pump spares are stocked, chemicals and rigs are cost; its power bill is the office's.
    expect(['casing', 'varillas', 'valvulas', 'demulsificante', 'inhibidor', 'workover', 'agua_produccion', 'energia'].map((k) => expectedFor('petroleo', k))).toEqual(['150605', '1455', '1455', '611510', '611510', '611510', '611510', '513530']);
    // The cigar factory: leaf and its inbound freight are raw material, boxes and bands are packaging, fumigation and assays are cost.
    expect(['hoja_tabaco', 'capa_tabaco', 'flete_hoja', 'cajas_cedro', 'anillas', 'fumigacion', 'analisis_hoja', 'energia'].map((k) => expectedFor('tabaco', k))).toEqual(['1405', '1405', '1405', '1460', '1460', '612019', '612019', '612019']);
    // The radio plant: parts are raw material, calibration and assembly by maquila are cost, ESD coats are staff supplies.
    expect(['componentes', 'conectores_rf', 'pcb', 'carcasas', 'empaque_antiestatico', 'maquila_smt', 'soldadura_pasta', 'calibracion', 'pruebas_emc', 'dotacion_esd'].map((k) => expectedFor('radios', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612072', '612072', '612072', '612072', '510551']);
    // The gear plant: bearings fitted to its gearboxes are raw material, not spares; heat treatment by maquila is cost, not upkeep.
    expect(['barra_acero', 'piezas_fundidas', 'rodamientos', 'guacales', 'cementado', 'fresas', 'refrigerante', 'rectificado'].map((k) => expectedFor('engranajes', k))).toEqual(['1405', '1405', '1405', '1460', '612065', '612065', '612065', '612065']);
    // The assembler: the broker and the port freight of the kits are part of the kits' cost, not «gastos legales aduaneros» or admin freight.
    expect(['llantas', 'pintura_auto', 'agenciamiento', 'flete_contenedor', 'consumibles_soldadura', 'homologacion'].map((k) => expectedFor('vehiculos', k))).toEqual(['1405', '1405', '1405', '1405', '612077', '612077']);
    // The boatyard: the outboards go with the boats; wax and upholstery are the yard's cost; respirators are staff supplies.
    expect(['resina', 'fibra_vidrio', 'motor_fuera_borda', 'desmoldante', 'tapiceria', 'respirador', 'energia'].map((k) => expectedFor('lanchas', k))).toEqual(['1405', '1405', '1405', '612080', '612080', '510551', '612080']);
    // The commission agent: no stock; sub-agents, inspections and samples are the agency's cost; travel to sell is selling.
    expect(['comision_subagente', 'inspeccion_carga', 'envio_muestras', 'tiquetes', 'hotel', 'stand_feria', 'crm', 'contabilidad'].map((k) => expectedFor('agencia', k))).toEqual(['613512', '613512', '613512', '525515', '525505', '523560', '513520', '511030']);
    // The directory publisher: printing and hosting the directory are the product's cost; its own ERP is admin.
    expect(['impresion_directorio', 'verificacion_datos', 'licencia_datos', 'diagramacion', 'hosting_directorio', 'envio_listas', 'software_contable'].map((k) => expectedFor('directorio', k))).toEqual(Array(6).fill('612034').concat('513520'));
    // The bank: no 61xx at all; cash-in-transit is carriage, ATM upkeep is computing equipment, the statutory auditor is revisoría fiscal.
    expect(['transporte_valores', 'switch_cajeros', 'core_bancario', 'mtto_cajeros', 'chequeras', 'avaluo_garantia', 'digitalizacion', 'revisoria', 'vigilancia_sede'].map((k) => expectedFor('banco', k))).toEqual(['513550', '513520', '513520', '514525', '519530', '511020', '519555', '511010', '513505']);
    expect(Object.values(COMPANIES30.find((c) => c.key === 'banco')!.policy).filter((a) => /^(14|6)/.test(a!))).toEqual([]);
    // The art studio: materials and casting are the works' cost; the gallery's commission and the catalogue photos are selling.
    expect(['fundicion_bronce', 'lienzos', 'oleos', 'marcos', 'sesion_modelo', 'arcilla', 'comision_galeria', 'foto_obra', 'energia'].map((k) => expectedFor('arte', k))).toEqual(['617030', '617030', '617030', '617030', '617030', '617030', '529505', '523560', '513530']);
    // Fixed assets by class.
    expect(expectedFor('agencia', 'smartphone')).toBe('152810');
    expect(expectedFor('banco', 'cajero_automatico')).toBe('152805');
    expect(expectedFor('banco', 'contadora_billetes')).toBe('152410');
    expect(expectedFor('vehiculos', 'montacargas')).toBe('154020');
    expect(expectedFor('directorio', 'servidor')).toBe('152805');
    expect(['petroleo:unidad_bombeo', 'tabaco:prensa_moldes', 'radios:horno_reflujo', 'engranajes:torno_cnc', 'vehiculos:equipo_soldadura', 'lanchas:equipo_aspersion', 'arte:prensa_grabado', 'arte:horno_ceramica'].map((k) => expectedFor(k.split(':')[0]!, k.split(':')[1]!))).toEqual(Array(8).fill('1520'));
    // Who keeps stock: the oil operator (spares) and the five plants.
    const stocked = COMPANIES30.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['engranajes', 'lanchas', 'petroleo', 'radios', 'tabaco', 'vehiculos']);
    expect(COMPANIES30.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES30.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['arte', 'directorio', 'tabaco']);
    expect(COMPANIES30.map((c) => c.ciiu).sort()).toEqual(['0610', '1200', '2630', '2814', '2910', '3012', '4610', '5812', '6412', '9005']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('each correction moves the product from the account a clerk chose to the one the activity asks for', () => {
    const wrong = COMPANIES30.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${expectedFor(c.key, k.product)}`));
    expect(wrong).toEqual([
      'petroleo:acpm_generador:519535→611510',
      'petroleo:casing:1455→150605',
      'tabaco:fumigacion:513505→612019',
      'tabaco:anillas:519530→1460',
      'radios:calibracion:514515→612072',
      'radios:empaque_antiestatico:519540→1460',
      'engranajes:cementado:514515→612065',
      'engranajes:guacales:519540→1460',
      'vehiculos:agenciamiento:514020→1405',
      'vehiculos:flete_contenedor:513550→1405',
      'lanchas:desmoldante:519525→612080',
      'lanchas:tapiceria:514545→612080',
      'agencia:comision_subagente:519505→613512',
      'agencia:tiquetes:515515→525515',
      'directorio:impresion_directorio:519530→612034',
      'directorio:hosting_directorio:513520→612034',
      'banco:mtto_cajeros:514515→514525',
      'banco:revisoria:511015→511010',
      'arte:oleos:519530→617030',
      'arte:sesion_modelo:511095→617030',
    ]);
  });

  it('chemicals, resins and food carry an expiry date next to the lot; nothing else does', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND30_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND30_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND30_EXPIRY_CLASSES.test('12162500')).toBe(true); // the demulsifier
    expect(BLIND30_EXPIRY_CLASSES.test('13111000')).toBe(true); // the polyester resin
    expect(BLIND30_EXPIRY_CLASSES.test('13111300')).toBe(false); // PVC foam cores keep
    expect(BLIND30_EXPIRY_CLASSES.test('40182300')).toBe(false); // casing
    expect(BLIND30_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
  });

  billingPeriodChecks(scenarios);
});
