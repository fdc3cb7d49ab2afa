import { describe, expect, it } from 'vitest';
import { COMPANIES40 } from '../fixtures/matching/blind40/companies';
import { BLIND40_EXPIRY_CLASSES, buildBlind40Scenarios } from '../fixtures/matching/blind40/scenarios';
import { PRODUCT40_BY_KEY } from '../fixtures/matching/blind40/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 40» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (food and drink, herbicides and insecticides carry «VTO mm/aaaa») and its billing periods,
 * which end on the month's real last day.
 */
describe('«a ciegas 40» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind40Scenarios, COMPANIES40, PRODUCT40_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES40.find((c) => c.key === company)!.policy[PRODUCT40_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // ACPM: the farm's crop, the quarry's extraction, the wholesaler's delivery fleet; gasoline of an office car is admin.
    expect(['granos', 'cantera', 'licores'].map((c) => expectedFor(c, 'acpm'))).toEqual(['610505', '611525', '529535']);
    expect(expectedFor('granos', 'gasolina')).toBe('519535');
    // Stretch film: stocked packaging for the carpet plant, consumed selling packaging for the wholesaler.
    expect(['tapetes', 'licores'].map((c) => expectedFor(c, 'film_stretch'))).toEqual(['1460', '529540']);
    // Reams and pens: the bookshop's merchandise, everyone else's stationery.
    expect(['resma', 'esferos'].map((k) => expectedFor('libreria', k))).toEqual(['1435', '1435']);
    expect(['granos', 'tapetes', 'cromado', 'soporte_ti', 'teatro'].map((c) => expectedFor(c, 'resma'))).toEqual(Array(5).fill('519530'));
    // Courier: the repair lab's cost (it carries the clients' instruments), postage for anyone else.
    expect(expectedFor('optica', 'mensajeria')).toBe('615590');
    expect(expectedFor('soporte_ti', 'mensajeria')).toBe('513540');
    // Natural gas cooks the sauces and cures the carpets' latex.
    expect(['salsas', 'tapetes'].map((c) => expectedFor(c, 'gas_natural'))).toEqual(['612014', '612023']);
    // Energy: the plants and the crushing plant are cost; the offices are admin, the bookshop selling.
    expect(['salsas', 'tapetes', 'cromado', 'cantera'].map((c) => expectedFor(c, 'energia'))).toEqual(['612014', '612023', '612062', '611525']);
    expect(['granos', 'optica', 'licores', 'soporte_ti', 'teatro', 'libreria'].map((c) => expectedFor(c, 'energia'))).toEqual(['513530', '513530', '513530', '513530', '513530', '523530']);
  });

  it('what becomes the product is stock, what is used up making it or serving is the activity\'s cost', () => {
    expect(['semilla_maiz', 'fertilizante', 'herbicida', 'insecticida', 'lonas', 'cosecha', 'fumigacion_aerea', 'secado', 'agronomo', 'flete_grano'].map((k) => expectedFor('granos', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '610505', '610505', '610505', '610505', '523550']);
    expect(['mandibulas', 'mallas_zaranda', 'dientes_cucharon', 'explosivos', 'alquiler_retro', 'mtto_trituradora', 'monitoreo_ambiental', 'flete_material'].map((k) => expectedFor('cantera', k))).toEqual(['1455', '1455', '1455', '611525', '611525', '611525', '611525', '523550']);
    expect(['especias', 'ajo', 'vinagre', 'aceite_vegetal', 'aditivos', 'frascos', 'etiquetas', 'cajas_corrugado', 'analisis_micro', 'control_plagas', 'mtto_marmitas'].map((k) => expectedFor('salsas', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '1460', '1460', '612014', '612014', '612014']);
    expect(['hilo_pp', 'hilo_nylon', 'tela_respaldo', 'latex', 'tubos_carton', 'agujas_tufting', 'mtto_tufting', 'tintoreria'].map((k) => expectedFor('tapetes', k))).toEqual(['1405', '1405', '1405', '1405', '1460', '612023', '612023', '612023']);
    // The chrome shop works on its clients' parts and keeps no stock: its chemicals are never 1405.
    expect(['acido_cromico', 'desengrasante', 'anodos', 'granalla', 'piedras_rectificar', 'insertos', 'aceite_soluble', 'respel', 'ensayos'].map((k) => expectedFor('cromado', k))).toEqual(Array(9).fill('612062'));
    expect(['repuesto_topografico', 'baterias', 'componentes', 'lentes_prismas', 'calibracion', 'alcohol_isopropilico'].map((k) => expectedFor('optica', k))).toEqual(Array(6).fill('615590'));
    // The IT company: what it uses up at its clients is cost; its own ERP and internet are admin.
    expect(['tecnico_campo', 'rmm_licencias', 'materiales_cableado', 'backup_clientes', 'repuestos_pc'].map((k) => expectedFor('soporte_ti', k))).toEqual(Array(5).fill('615530'));
    expect(['software_erp', 'internet', 'curso'].map((k) => expectedFor('soporte_ti', k))).toEqual(['513520', '513535', '510563']);
    // The theatre: what goes on stage is cost; the box office's commission and the posters are selling.
    expect(['actores', 'alquiler_luces', 'escenografia', 'vestuario', 'maquillaje', 'derechos_autor'].map((k) => expectedFor('teatro', k))).toEqual(Array(6).fill('617030'));
    expect(['comision_boleteria', 'afiches', 'pauta', 'limpiador'].map((k) => expectedFor('teatro', k))).toEqual(['529505', '523560', '523560', '519525']);
    // The wholesaler: goods and their inbound freight are stock; delivery, agents and film are selling.
    expect(['cerveza', 'aguardiente', 'vinos', 'gaseosas', 'cigarrillos', 'flete_entrada', 'flete_reparto', 'comision_vendedor'].map((k) => expectedFor('licores', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '523550', '529505']);
    expect(['contabilidad', 'vigilancia', 'software_erp'].map((k) => expectedFor('licores', k))).toEqual(['511030', '513505', '513520']);
    // The bookshop: merchandise with its inbound freight, bags to 1460, the rest in the selling variant.
    expect(['textos_escolares', 'libros_literatura', 'cuadernos', 'utiles_escolares', 'revistas', 'flete_paqueteo', 'bolsas_logo', 'arriendo_local', 'contabilidad', 'software_erp', 'vigilancia'].map((k) => expectedFor('libreria', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '522010', '521030', '523520', '523505']);
  });

  it('fixed assets by class, stock only where the policy says, and the companies the task gave', () => {
    expect(['tractor', 'sembradora'].map((k) => expectedFor('granos', k))).toEqual(['1520', '1520']);
    expect(['banda_transportadora', 'trituradora_cono'].map((k) => expectedFor('cantera', k))).toEqual(['154045', '1520']);
    expect(['montacargas', 'estibas'].map((k) => expectedFor('licores', k))).toEqual(['154020', '154040']);
    expect(['osciloscopio', 'colimador'].map((k) => expectedFor('optica', k))).toEqual(['153215', '153215']);
    expect(expectedFor('soporte_ti', 'switch')).toBe('152810');
    expect(['estanteria', 'pos_terminal'].map((k) => expectedFor('libreria', k))).toEqual(['152405', '152805']);
    expect(['consola_luces', 'silleteria'].map((k) => expectedFor('teatro', k))).toEqual(['1520', '152405']);
    // Who keeps stock: the farm, the quarry, the two plants, the wholesaler and the bookshop.
    const stocked = COMPANIES40.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['cantera', 'granos', 'libreria', 'licores', 'salsas', 'tapetes']);
    expect(COMPANIES40.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES40.filter((c) => c.inventory === 'none').map((c) => c.key).sort()).toEqual(['cromado', 'optica', 'soporte_ti', 'teatro']);
    // Early mistakes: one company with stock and two without.
    expect(COMPANIES40.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['cromado', 'libreria', 'teatro']);
    expect(COMPANIES40.map((c) => c.ciiu).sort()).toEqual(['0111', '0811', '1089', '1393', '2592', '3313', '4632', '4761', '6209', '9006']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|61)/.test(l.expected))).toEqual([]);
    // No stock account is ever expected from a company that keeps none.
    const noStock = new Set(COMPANIES40.filter((c) => c.inventory === 'none').map((c) => c.name));
    expect(scenarios.filter((s) => noStock.has(s.company.name)).flatMap((s) => s.tests).filter((l) => l.expected.startsWith('14'))).toEqual([]);
  });

  it('the corrections people made are the ones the policy calls for', () => {
    const corrections = COMPANIES40.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${c.policy[PRODUCT40_BY_KEY.get(k.product)!.role]}`));
    expect(corrections).toEqual([
      'granos:acpm:519535→610505',
      'granos:fumigacion_aerea:513505→610505',
      'cantera:explosivos:519575→611525',
      'cantera:mtto_trituradora:514515→611525',
      'salsas:control_plagas:513505→612014',
      'salsas:etiquetas:519530→1460',
      'tapetes:gas_natural:513555→612023',
      'tapetes:tubos_carton:519540→1460',
      'cromado:acido_cromico:1405→612062',
      'cromado:respel:513505→612062',
      'optica:calibracion:513515→615590',
      'optica:mensajeria:513540→615590',
      'licores:flete_entrada:523550→1435',
      'licores:acpm:519535→529535',
      'libreria:resma:529530→1435',
      'libreria:bolsas_logo:529540→1460',
      'soporte_ti:rmm_licencias:513520→615530',
      'soporte_ti:materiales_cableado:514525→615530',
      'teatro:actores:511095→617030',
      'teatro:alquiler_luces:512015→617030',
    ]);
  });

  it('only food and drink, herbicides and insecticides carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND40_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND40_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND40_EXPIRY_CLASSES.test('10171600')).toBe(false); // fertiliser
    expect(BLIND40_EXPIRY_CLASSES.test('10171700')).toBe(true); // herbicide
    expect(BLIND40_EXPIRY_CLASSES.test('51101700')).toBe(false); // medicines: none bought in this set
    expect(BLIND40_EXPIRY_CLASSES.test('50171500')).toBe(true); // the sauce plant's spices
  });

  billingPeriodChecks(scenarios);
});
