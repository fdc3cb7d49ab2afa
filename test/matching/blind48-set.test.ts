import { describe, expect, it } from 'vitest';
import { readDataCsv } from '../../server/ledger/puc';
import { COMPANIES48 } from '../fixtures/matching/blind48/companies';
import { BLIND48_EXPIRY_CLASSES, buildBlind48Scenarios } from '../fixtures/matching/blind48/scenarios';
import { PRODUCT48_BY_KEY, PRODUCTS48 } from '../fixtures/matching/blind48/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 48» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (medicines, reagents, tubes, gloves, serums, veterinary vaccines, cosmetics and food carry
 * «VTO mm/aaaa»; steel, paint or pool chemicals never do) and its billing periods, which end on the month's real last
 * day.
 */
describe('«a ciegas 48» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind48Scenarios, COMPANIES48, PRODUCT48_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES48.find((c) => c.key === company)!.policy[PRODUCT48_BY_KEY.get(key)!.role];
  const all = (company: string, keys: string[]) => keys.map((k) => expectedFor(company, k));

  it('what is consumed producing the service sold is that activity\'s cost, not the admin expense its name suggests', () => {
    // Gas: the cafetería's ovens, the farm's brooders and the welders' cylinders are cost; nobody here books them to 513555.
    expect(['cafeteria', 'avicola'].map((c) => expectedFor(c, c === 'cafeteria' ? 'gas_natural' : 'gas_propano'))).toEqual(['614015', '610560']);
    expect(expectedFor('estructuras', 'gases')).toBe('612060');
    // Upkeep: the espresso machine and the analysers make what is sold.
    expect(expectedFor('cafeteria', 'mtto_cafetera')).toBe('614015');
    expect(all('laboratorio', ['mtto_analizador', 'residuos', 'lab_referencia', 'control_calidad', 'transporte_muestras'])).toEqual(Array(5).fill('616520'));
    // The finishing contractor: materials, crews, scaffolding and hauling go to the works, as bought (no inventory).
    expect(all('acabados', ['drywall', 'pintura_obra', 'ceramica', 'cuadrilla', 'andamios', 'acarreo', 'discos_corte'])).toEqual(Array(7).fill('613020'));
    expect(all('acabados', ['energia', 'arriendo_sede', 'gasolina'])).toEqual(['513530', '512010', '519535']);
    // The design firm: plotted drawings and CAD licences are the designs' cost; copy paper and the accounting SaaS are admin.
    expect(all('ingenieria', ['estudio_suelos', 'topografia', 'ploteo', 'render', 'disenos_externos', 'licencia_cad'])).toEqual(Array(6).fill('615550'));
    expect(all('ingenieria', ['resma', 'software_contable', 'abogado'])).toEqual(['519530', '513520', '511025']);
    // The sports complex: pool chemicals and referees are the rentals' and tournaments' cost; the toilets' cleaner is admin.
    expect(all('deportes', ['quimicos_piscina', 'caucho_grama', 'mtto_grama', 'arbitros', 'salvavidas', 'balones', 'trofeos', 'energia', 'acueducto'])).toEqual(Array(9).fill('617040'));
    expect(all('deportes', ['limpiador', 'software_reservas', 'pauta'])).toEqual(['519525', '513520', '523560']);
    // The institute: teachers, students' licences and hourly classrooms are the courses' cost; its own rent and software are admin.
    expect(all('idiomas', ['docentes', 'plataforma', 'examenes', 'libros_texto', 'guias', 'aulas'])).toEqual(Array(6).fill('616005'));
    expect(all('idiomas', ['arriendo_sede', 'software_contable', 'energia', 'acueducto'])).toEqual(['512010', '513520', '513530', '513525']);
    // The poultry farm: the shed disinfectant is cost, the office's floor cleaner (same UNSPSC class) is admin.
    expect(PRODUCT48_BY_KEY.get('desinfectante_galpon')!.unspsc).toBe(PRODUCT48_BY_KEY.get('limpiador')!.unspsc);
    expect(all('avicola', ['desinfectante_galpon', 'limpiador'])).toEqual(['610560', '519525']);
    expect(all('avicola', ['vacunas', 'cascarilla', 'vet_asesoria', 'energia', 'acueducto'])).toEqual(Array(5).fill('610560'));
  });

  it('the same UNSPSC class goes to different accounts by what the thing is for', () => {
    // Notebooks for sale and copy paper share 141115; coffee beans and office coffee share 502017; CAD licences and
    // accounting software share 811125; classrooms by the hour and the institute's own rent share 801315.
    const same = (a: string, b: string) => expect(PRODUCT48_BY_KEY.get(a)!.unspsc).toBe(PRODUCT48_BY_KEY.get(b)!.unspsc);
    same('cuadernos', 'resma');
    same('cafe_grano', 'cafe');
    same('licencia_cad', 'software_contable');
    same('aulas', 'arriendo_sede');
    same('flete_acero', 'flete_entrega');
    expect(all('variedades', ['cuadernos', 'rollo_termico'])).toEqual(['1435', '529530']);
    expect(['cafeteria', 'ingenieria'].map((c) => expectedFor(c, c === 'cafeteria' ? 'cafe_grano' : 'cafe'))).toEqual(['1405', '519525']);
    expect(all('ingenieria', ['licencia_cad', 'software_contable'])).toEqual(['615550', '513520']);
    expect(all('idiomas', ['aulas', 'arriendo_sede'])).toEqual(['616005', '512010']);
    expect(all('estructuras', ['flete_acero', 'flete_entrega'])).toEqual(['1405', '523550']);
    // One supplier, two accounts: the copy centre's plotted drawings and its copy paper; the plastics maker's buckets and bags.
    const design = COMPANIES48.find((c) => c.key === 'ingenieria')!;
    expect(design.suppliers.find((s) => s.products.includes('ploteo'))!.products).toContain('resma');
    const store = COMPANIES48.find((c) => c.key === 'variedades')!;
    expect(store.suppliers[0]!.products).toEqual(['plasticos_hogar', 'bolsas_camiseta']);
    expect(all('variedades', ['plasticos_hogar', 'bolsas_camiseta'])).toEqual(['1435', '1460']);
  });

  it('stock, its freight and its packaging go where the buyer\'s activity sends them', () => {
    expect(all('variedades', ['plasticos_hogar', 'cuadernos', 'juguetes', 'pilas_bombillos', 'menaje', 'flete_mercancia', 'bolsas_camiseta'])).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460']);
    expect(all('cafeteria', ['cafe_grano', 'harinas', 'queso', 'huevos_leche', 'gaseosas', 'vasos'])).toEqual(['1405', '1405', '1405', '1405', '1435', '1460']);
    expect(all('laboratorio', ['reactivos', 'pruebas_rapidas', 'tubos', 'guantes_lab'])).toEqual(Array(4).fill('1455'));
    expect(all('estructuras', ['perfiles', 'laminas_acero', 'tubo_estructural', 'anticorrosivo', 'pernos'])).toEqual(Array(5).fill('1405'));
    expect(all('estructuras', ['soldadura', 'gases', 'discos_abrasivos', 'galvanizado', 'grua', 'energia'])).toEqual(Array(6).fill('612060'));
    expect(all('farmaceutica', ['analgesicos', 'antibioticos', 'cosmeticos', 'tocador', 'suero', 'flete_compra_farma', 'cajas_despacho', 'cadena_frio', 'flete_despacho'])).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '1460', '523550']);
    expect(all('avicola', ['pollitos', 'concentrado'])).toEqual(['144510', '1405']);
    // Occupancy follows the premises: kitchen, laboratory, fields and pool, workshop and sheds are cost; the traders use 52xx.
    expect(['cafeteria', 'laboratorio', 'deportes', 'estructuras', 'avicola'].map((c) => expectedFor(c, 'energia'))).toEqual(['614015', '616520', '617040', '612060', '610560']);
    expect(all('cafeteria', ['arriendo_sede', 'acueducto'])).toEqual(['614015', '614015']);
    expect(expectedFor('laboratorio', 'arriendo_sede')).toBe('616520');
    expect(['variedades', 'farmaceutica'].map((c) => [expectedFor(c, 'energia'), expectedFor(c, 'arriendo_sede'), expectedFor(c, 'contabilidad')])).toEqual([['523530', '522010', '521030'], ['523530', '522010', '521030']]);
    expect(all('variedades', ['sayco', 'rollo_termico', 'software_contable'])).toEqual(['529515', '529530', '523520']);
    expect(all('farmaceutica', ['calibracion', 'vigilancia_sede'])).toEqual(['523515', '523505']);
    // Labour-related items stay in 5105 everywhere.
    expect([expectedFor('estructuras', 'epp_soldador'), expectedFor('cafeteria', 'curso_alimentos'), expectedFor('laboratorio', 'dotacion')]).toEqual(['510551', '510563', '510551']);
    // Fixed assets by class.
    expect([expectedFor('cafeteria', 'cafetera_espresso'), expectedFor('cafeteria', 'vitrina'), expectedFor('laboratorio', 'analizador'), expectedFor('idiomas', 'video_beam'), expectedFor('idiomas', 'pupitres'), expectedFor('ingenieria', 'plotter'), expectedFor('farmaceutica', 'nevera_farma'), expectedFor('avicola', 'equipo_galpon')]).toEqual(['153610', '153610', '153215', '152410', '152405', '152805', '1520', '1520']);
    // Who keeps stock, and the early-mistakes companies (one with inventory, two without).
    const stocked = COMPANIES48.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['avicola', 'cafeteria', 'estructuras', 'farmaceutica', 'laboratorio', 'variedades']);
    expect(COMPANIES48.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES48.filter((c) => c.inventory !== 'perpetual').every((c) => c.inventory === 'none')).toBe(true);
    expect(COMPANIES48.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['deportes', 'estructuras', 'idiomas']);
    expect(COMPANIES48.map((c) => c.ciiu).sort()).toEqual(['0145', '2511', '4330', '4645', '4719', '5613', '7110', '8559', '8691', '9311']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
  });

  it('every unit code is a DIAN unit', () => {
    const units = new Set(readDataCsv('dian-units.csv').map((r) => r.code));
    expect(PRODUCTS48.map((p) => p.unit).filter((u) => !units.has(u))).toEqual([]);
  });

  it('only goods with a shelf life carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND48_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND48_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND48_EXPIRY_CLASSES.test('51142000')).toBe(true); // analgesics
    expect(BLIND48_EXPIRY_CLASSES.test('41116000')).toBe(true); // clinical reagents
    expect(BLIND48_EXPIRY_CLASSES.test('42121600')).toBe(true); // veterinary vaccines
    expect(BLIND48_EXPIRY_CLASSES.test('41103900')).toBe(false); // a centrifuge
    expect(BLIND48_EXPIRY_CLASSES.test('31211500')).toBe(false); // paint
    expect(BLIND48_EXPIRY_CLASSES.test('47101600')).toBe(false); // pool chemicals
  });

  billingPeriodChecks(scenarios);
});
