import { describe, expect, it } from 'vitest';
import { COMPANIES45 } from '../fixtures/matching/blind45/companies';
import { BLIND45_EXPIRY_CLASSES, buildBlind45Scenarios } from '../fixtures/matching/blind45/scenarios';
import { PRODUCT45_BY_KEY } from '../fixtures/matching/blind45/vocabulary';
import { billingPeriodChecks, blindSetChecks } from './blind-set-checks';

/**
 * The «a ciegas 45» benchmark set (issue #13): the checks every blind set passes (blind-set-checks.ts), its own
 * policy, its expiry rule (pet food, food and drink, medicines and toiletries carry «VTO mm/aaaa») and its billing
 * periods, which end on the month's real last day.
 */
describe('«a ciegas 45» benchmark set', () => {
  const scenarios = blindSetChecks(buildBlind45Scenarios, COMPANIES45, PRODUCT45_BY_KEY);
  const expectedFor = (company: string, key: string) => COMPANIES45.find((c) => c.key === company)!.policy[PRODUCT45_BY_KEY.get(key)!.role];

  it('the same thing goes where the buyer\'s activity sends it, not where its name suggests', () => {
    // Energy: the retailer's energy bought from generators is the cost of the energy it sells; the ISP's hilltop nodes
    // are its service's cost while its office bill is admin; the plants and the scrap yard's baler run on theirs.
    expect(['compra_energia', 'cargos_mercado', 'cargos_uso_red', 'lectura_medidores', 'reparto_facturas', 'calibracion_medidores'].map((k) => expectedFor('energia', k))).toEqual(Array(6).fill('612505'));
    expect(['energia_nodo', 'energia'].map((k) => expectedFor('satelital', k))).toEqual(['614570', '513530']);
    expect(['refineria', 'escobas', 'chatarra', 'mascotas', 'cosmetica', 'franquicias', 'letras', 'textiles'].map((c) => expectedFor(c, 'energia'))).toEqual(['612058', '612095', '613552', '523530', '523530', '513530', '513530', '513530']);
    // Connectivity and rent: the ISP's satellite capacity, transit and tower space are what it resells, not its internet or premises.
    expect(['capacidad_satelital', 'transito_ip', 'arriendo_torre', 'instalacion_cliente', 'cable_conectores', 'mtto_torre'].map((k) => expectedFor('satelital', k))).toEqual(Array(6).fill('614570'));
    expect(['internet', 'arriendo_sede'].map((k) => expectedFor('franquicias', k))).toEqual(['513535', '512010']);
    expect(['cpe_cliente', 'radio_enlace'].map((k) => expectedFor('satelital', k))).toEqual(['152810', '152810']);
    // Lawyers and training: the licensor's trademark agents and franchisee training are the licence sold; its own lawyer and staff course are admin.
    expect(['agente_pi', 'vigilancia_marca', 'auditoria_franquicias', 'capacitacion_franquiciados'].map((k) => expectedFor('franquicias', k))).toEqual(Array(4).fill('615595'));
    expect(['abogado', 'curso_sst', 'comision_franquicia'].map((k) => expectedFor('franquicias', k))).toEqual(['511025', '510563', '529505']);
    // The writer: what goes into the work is its cost; its press subscription is admin; the agent's commission is paid to sell.
    expect(['correccion_estilo', 'traduccion', 'transcripcion', 'investigacion_archivo', 'libros_consulta', 'licencia_imagenes'].map((k) => expectedFor('letras', k))).toEqual(Array(6).fill('617030'));
    expect(['suscripcion_prensa', 'comision_agente'].map((k) => expectedFor('letras', k))).toEqual(['519510', '529505']);
    // Manufacturers: what goes into the product is stock, what is used up making it is the plant's cost.
    expect(['dore', 'oro_aluvial', 'flete_valores', 'bolsas_seguridad', 'acido_nitrico', 'borax', 'crisoles', 'ensaye', 'mtto_horno_induccion'].map((k) => expectedFor('refineria', k))).toEqual(['1405', '1405', '1405', '1460', '612058', '612058', '612058', '612058', '612058']);
    expect(['fibra_pet', 'bastones', 'bloques_plasticos', 'pabilo', 'alambre_grapa', 'etiquetas_empaque', 'mtto_embrochadora', 'aceite_hidraulico'].map((k) => expectedFor('escobas', k))).toEqual(['1405', '1405', '1405', '1405', '1405', '1460', '612095', '612095']);
    // Traders: goods and inbound freight to 1435, outbound freight to 523550, stretch film used up on dispatches to 529540.
    expect(['sabanas', 'cobijas', 'toallas', 'telas_metro', 'cortinas', 'flete_entrada', 'bolsas_pvc', 'flete_despacho', 'vinipel', 'comision_vendedor', 'contabilidad'].map((k) => expectedFor('textiles', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '523550', '529540', '529505', '511030']);
    expect(['chatarra_ferrosa', 'cobre', 'aluminio', 'carton', 'flete_recoleccion', 'oxigeno_corte', 'propano_corte', 'montacargas', 'cuchillas_cizalla', 'flete_despacho_chatarra'].map((k) => expectedFor('chatarra', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '613552', '613552', '613552', '613552', '523550']);
    // The retailers: merchandise with inbound freight, bags and boxes to 1460, deliveries to 523550, fees split between selling and financial, the rest in 52xx.
    expect(['concentrado', 'snacks', 'arena_gatos', 'antipulgas', 'accesorios_mascota', 'flete_mercancia', 'bolsas_tienda', 'domicilios', 'comision_datafono', 'arriendo_sede', 'contabilidad', 'resma'].map((k) => expectedFor('mascotas', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1435', '1460', '523550', '530515', '522010', '521030', '529530']);
    expect(['serum', 'protector_solar', 'jabones', 'mascarillas', 'flete_importacion', 'cajas_envio', 'envios_clientes', 'comision_marketplace', 'comision_pasarela', 'plataforma_tienda', 'pauta'].map((k) => expectedFor('cosmetica', k))).toEqual(['1435', '1435', '1435', '1435', '1435', '1460', '523550', '529505', '530515', '523520', '523560']);
    // Fixed assets by class.
    expect(expectedFor('refineria', 'balanza_analitica')).toBe('153215');
    expect(expectedFor('franquicias', 'video_beam')).toBe('152410');
    expect(['horno_induccion', 'inyectora', 'embrochadora', 'cizalla', 'prensa_chatarra', 'selladora'].map((k) => PRODUCT45_BY_KEY.get(k)!.role)).toEqual(Array(6).fill('maquinaria'));
    expect(expectedFor('chatarra', 'cizalla')).toBe('1520');
    expect(['estanteria', 'gondola'].map((k) => PRODUCT45_BY_KEY.get(k)!.role)).toEqual(['mueble', 'mueble']);
    // Who keeps stock: the two plants and the four traders.
    const stocked = COMPANIES45.filter((c) => Object.values(c.policy).some((a) => a!.startsWith('14'))).map((c) => c.key);
    expect(stocked.sort()).toEqual(['chatarra', 'cosmetica', 'escobas', 'mascotas', 'refineria', 'textiles']);
    expect(COMPANIES45.filter((c) => c.inventory === 'perpetual').map((c) => c.key).sort()).toEqual(stocked);
    expect(COMPANIES45.filter((c) => c.earlyMistakes).map((c) => c.key).sort()).toEqual(['letras', 'refineria', 'satelital']);
    expect(COMPANIES45.map((c) => c.ciiu).sort()).toEqual(['2421', '3290', '3514', '4641', '4665', '4774', '4791', '6190', '7740', '9001']);
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp]);
    expect(lines.filter((l) => !/^(14|15|51|52|53|61)/.test(l.expected))).toEqual([]);
    // The energy retailer is billed no electricity of its own: every energy line it receives is energy it resells.
    expect(scenarios.filter((s) => s.company.key.startsWith('energia')).flatMap((s) => s.tests).filter((l) => l.supplier.ciiu[0] === '3511' && l.expected !== '612505')).toEqual([]);
  });

  it('every correction a person made moves the product to the account the policy gives it', () => {
    for (const c of COMPANIES45) {
      for (const k of c.corrections) expect(c.policy[PRODUCT45_BY_KEY.get(k.product)!.role]).not.toBe(k.wrong);
    }
    const moves = COMPANIES45.flatMap((c) => c.corrections.map((k) => `${c.key}:${k.product}:${k.wrong}→${c.policy[PRODUCT45_BY_KEY.get(k.product)!.role]}`));
    expect(moves).toEqual([
      'refineria:flete_valores:513505→1405',
      'refineria:acido_nitrico:519595→612058',
      'escobas:fibra_pet:1435→1405',
      'escobas:mtto_embrochadora:514515→612095',
      'energia:compra_energia:513530→612505',
      'energia:reparto_facturas:513540→612505',
      'textiles:flete_entrada:523550→1435',
      'textiles:vinipel:1460→529540',
      'chatarra:cobre:1405→1435',
      'chatarra:oxigeno_corte:519535→613552',
      'mascotas:antipulgas:510584→1435',
      'mascotas:arena_gatos:529525→1435',
      'cosmetica:envios_clientes:513540→523550',
      'cosmetica:comision_marketplace:530515→529505',
      'satelital:capacidad_satelital:513535→614570',
      'satelital:arriendo_torre:512010→614570',
      'franquicias:agente_pi:511025→615595',
      'franquicias:capacitacion_franquiciados:510563→615595',
      'letras:correccion_estilo:511095→617030',
      'letras:comision_agente:617030→529505',
    ]);
  });

  it('only pet food, food and drink, medicines and toiletries carry an expiry date next to the lot', () => {
    const lines = scenarios.flatMap((s) => [...s.tests, ...s.warmUp, ...s.history.map((h) => ({ ...h, expected: h.account }))]);
    const dated = lines.filter((l) => / VTO \d{2}\/\d{4}/i.test(l.description));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.filter((l) => l.unspsc && !BLIND45_EXPIRY_CLASSES.test(l.unspsc))).toEqual([]);
    const dryLots = lines.filter((l) => / LOTE [A-Z]\d{5}/i.test(l.description) && l.unspsc && !BLIND45_EXPIRY_CLASSES.test(l.unspsc));
    expect(dryLots.length).toBeGreaterThan(0);
    expect(dryLots.filter((l) => / VTO /i.test(l.description))).toEqual([]);
    expect(BLIND45_EXPIRY_CLASSES.test('12352300')).toBe(false); // the refinery's acids
    expect(BLIND45_EXPIRY_CLASSES.test('10111300')).toBe(false); // pet accessories and litter
    expect(BLIND45_EXPIRY_CLASSES.test('10121800')).toBe(true); // pet food
    expect(BLIND45_EXPIRY_CLASSES.test('51102500')).toBe(true); // veterinary worm and flea treatments
    expect(BLIND45_EXPIRY_CLASSES.test('53131600')).toBe(true); // serums and sunscreen
  });

  billingPeriodChecks(scenarios);
});
