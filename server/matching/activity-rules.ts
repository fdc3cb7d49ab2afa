/**
 * The keyword / UNSPSC → PUC rules of accounting-co.md §4.2 (with §4.1 step 4 for the supplier's CIIU and §4.4 for
 * UNSPSC segments), grouped as "concepts": what a line is (papelería, energía, fletes…), how to recognise it, and
 * where an office books it (administrative variant; `activity-classifier.ts` moves it to 52 for selling companies
 * and to inventory for companies that resell or transform it).
 *
 * Keywords are plain Spanish as written on invoices; they pass through the same normalization as descriptions.
 */
export type ConceptKind = 'goods' | 'service';

/** How a company that keeps inventory may hold the goods (decided with its CIIU in activity-classifier.ts). */
export type StockRole = 'merchandise' | 'food-input' | 'beverage' | 'packaging' | 'spare-part' | 'construction';

export interface Concept {
  key: string;
  /** Spanish, for explanations ("insumos de aseo y cafetería"). */
  label: string;
  kind: ConceptKind;
  /** Single words; a word counts if it appears in the line (or a truncation or a typo of it). */
  words: string[];
  /** Several words that together say it ("servicio aseo", "cuota manejo"); they weigh double. */
  phrases?: string[][];
  /** UNSPSC prefixes (segment, family or class). */
  unspsc?: string[];
  /** CIIU prefixes of suppliers that sell it (accounting-co.md §4.1 step 4). */
  supplierCiiu?: string[];
  /** Expense (or asset) accounts, administrative variant, first postable wins. */
  accounts: string[];
  /** Roles the goods can take in a company with inventory. */
  stock?: StockRole[];
  /** Words that, in a trading company's CIIU description, mean it sells these goods (resale → 1435). */
  tradeWords?: string[];
  /**
   * Companies of these sectors consume it to render their service (accounting-co.md §4.3): 'cost' books it to the
   * company's own cost account (group 61, subcuenta of its activity, or 1415 for a builder with inventory); a code
   * names the account.
   */
  sector?: Partial<Record<Sector, 'cost' | string>>;
  /**
   * A subcuenta of the sector's own that companies of that sector may prefer (PUC 514535 «equipo de hoteles y
   * restaurantes» for a restaurant's kitchen maintenance, where rule 37 lists 514515): the concept's account stays, the
   * line is «por verificar» and the explanation names the alternative.
   */
  sectorAlternative?: Partial<Record<Sector, string>>;
  /** Words that say it only in a company of the sector: exam gloves are a clinic's supply, EPP for anyone else. */
  sectorWords?: Partial<Record<Sector, string[]>>;
}

export type Sector = 'salud' | 'educacion' | 'transporte' | 'construccion' | 'agro' | 'hospitalidad';

const INSURANCE = ['poliza', 'seguro', 'prima', 'amparo'];

export const CONCEPTS: Concept[] = [
  // Services first: their phrases are more specific than the goods words they contain ("servicio de aseo").
  { key: 'energia', label: 'energía eléctrica', kind: 'service', words: ['energia', 'kwh', 'electricidad'], phrases: [['energia', 'electrica'], ['consumo', 'energia'], ['energia', 'activa']], unspsc: ['831018'], supplierCiiu: ['351'], accounts: ['513530'] },
  { key: 'acueducto', label: 'acueducto y alcantarillado', kind: 'service', words: ['acueducto', 'alcantarillado'], phrases: [['aseo', 'urbano'], ['acueducto', 'aseo'], ['alcantarillado', 'aseo'], ['servicio', 'agua'], ['consumo', 'agua'], ['agua', 'potable']], unspsc: ['831015'], supplierCiiu: ['36', '37'], accounts: ['513525'] },
  { key: 'gas', label: 'gas natural', kind: 'service', words: [], phrases: [['gas', 'natural'], ['gas', 'domiciliario'], ['consumo', 'gas']], unspsc: ['831016'], supplierCiiu: ['352'], accounts: ['513555'] },
  // «Banda» alone is a belt, a band or a strip (DLE «banda» 1–4: a conveyor belt, a rubber band, a sanding belt); the
  // telecommunications sense is the phrase: «banda ancha», «ancho de banda» (DLE «banda» 6, «banda ancha»). Round 26.
  { key: 'telecomunicaciones', label: 'teléfono e internet', kind: 'service', words: ['internet', 'telefonia', 'celular', 'postpago', 'prepago', 'fibra', 'minutos', 'datos', 'mbps'], phrases: [['plan', 'datos'], ['linea', 'telefonica'], ['plan', 'corporativo'], ['cargo', 'basico'], ['banda', 'ancha'], ['ancho', 'banda']], unspsc: ['8311', '811121'], supplierCiiu: ['61'], accounts: ['513535'] },
  { key: 'arriendo', label: 'arrendamiento de inmuebles', kind: 'service', words: ['arriendo', 'arrendamiento', 'canon'], phrases: [['alquiler', 'local'], ['alquiler', 'oficina']], unspsc: ['801315'], supplierCiiu: ['681', '682'], accounts: ['512010'] },
  { key: 'alquiler-equipo', label: 'alquiler de equipos', kind: 'service', words: ['alquiler'], phrases: [['alquiler', 'equipo'], ['alquiler', 'computador'], ['alquiler', 'vehiculo'], ['renta', 'equipo']], unspsc: ['811124', '801618'], accounts: ['512095', '512015'] },
  { key: 'revisoria', label: 'revisoría fiscal', kind: 'service', words: ['revisoria', 'revisor'], phrases: [['revisoria', 'fiscal']], accounts: ['511010'] },
  { key: 'auditoria', label: 'auditoría', kind: 'service', words: ['auditoria'], phrases: [['auditoria', 'externa']], unspsc: ['841116'], accounts: ['511015'] },
  { key: 'juridica', label: 'asesoría jurídica', kind: 'service', words: ['juridica', 'juridico', 'legal', 'legales', 'abogado', 'abogados', 'litigio'], phrases: [['asesoria', 'legal'], ['asesoria', 'juridica']], unspsc: ['8012'], supplierCiiu: ['691'], accounts: ['511025'] },
  { key: 'contabilidad', label: 'asesoría contable y financiera', kind: 'service', words: ['contable', 'contables', 'contabilidad', 'contador', 'tributaria', 'tributario', 'nomina'], phrases: [['asesoria', 'contable'], ['honorario', 'contador'], ['outsourcing', 'contable'], ['servicio', 'contable'], ['honorario', 'contable'], ['asesoria', 'tributaria']], unspsc: ['841115', '841118'], supplierCiiu: ['692'], accounts: ['511030', '511095'] },
  { key: 'consultoria', label: 'consultoría', kind: 'service', words: ['consultoria', 'asesoria', 'honorario'], unspsc: ['8010', '8016'], supplierCiiu: ['702'], accounts: ['511035', '511095'] },
  { key: 'avaluo', label: 'avalúos', kind: 'service', words: ['avaluo'], accounts: ['511020'] },
  { key: 'vigilancia', label: 'aseo y vigilancia', kind: 'service', words: ['vigilancia', 'vigilante', 'celaduria', 'monitoreo'], phrases: [['seguridad', 'privada'], ['servicio', 'aseo'], ['servicio', 'limpieza'], ['outsourcing', 'aseo'], ['limpieza', 'oficina'], ['aseo', 'cafeteria', 'servicio']], unspsc: ['9212', '7611'], supplierCiiu: ['801', '812'], accounts: ['513505'] },
  { key: 'temporales', label: 'servicios temporales', kind: 'service', words: ['temporal', 'temporales', 'mision'], phrases: [['personal', 'temporal'], ['suministro', 'personal']], unspsc: ['801116'], supplierCiiu: ['782'], accounts: ['513510'] },
  { key: 'nube', label: 'procesamiento electrónico de datos (software y nube)', kind: 'service', words: ['hosting', 'nube', 'cloud', 'saas', 'suscripcion', 'dominio', 'servidor', 'aws', 'azure', 'workspace', 'office', '365', 'licencia', 'software'], phrases: [['plan', 'mensual'], ['correo', 'corporativo']], unspsc: ['8111', '8116', '4323'], supplierCiiu: ['631', '582'], accounts: ['513520'] },
  // §2.2 and §4.2 rule 13: a perpetual licence is an intangible (1635), a subscription an expense (513520).
  { key: 'licencia-perpetua', label: 'licencias de software', kind: 'goods', words: ['perpetua'], phrases: [['licencia', 'perpetua']], accounts: ['1635'] },
  { key: 'soporte', label: 'asistencia técnica', kind: 'service', words: ['soporte', 'asistencia'], phrases: [['soporte', 'tecnico'], ['asistencia', 'tecnica'], ['servicio', 'tecnico']], unspsc: ['811118', '811122', '811123', '8110'], supplierCiiu: ['620'], accounts: ['513515'] },
  { key: 'mant-computo', label: 'mantenimiento de equipo de cómputo', kind: 'service', words: [], phrases: [['mantenimiento', 'computador'], ['mantenimiento', 'computo'], ['mantenimiento', 'impresora'], ['reparacion', 'portatil'], ['reparacion', 'computador'], ['mantenimiento', 'equipo', 'computo']], unspsc: ['811123'], supplierCiiu: ['951'], accounts: ['514525'] },
  { key: 'mant-vehiculo', label: 'mantenimiento de vehículos', kind: 'service', words: ['tecnicomecanica', 'alineacion', 'balanceo', 'sincronizacion'], phrases: [['mantenimiento', 'vehiculo'], ['cambio', 'aceite'], ['revision', 'tecnico', 'mecanica'], ['reparacion', 'vehiculo'], ['caja', 'cambio'], ['reparacion', 'motor'], ['mantenimiento', 'bus']], unspsc: ['7818'], supplierCiiu: ['452', '4542'], accounts: ['514540'], sector: { transporte: 'cost' } },
  // PUC 514530 «equipo médico-científico»: calibrating and servicing biomedical equipment (UNSPSC 8110 / 7215 work on
  // medical devices); a clinic's air conditioning stays maquinaria y equipo (514515).
  { key: 'mant-equipo-medico', label: 'mantenimiento de equipo médico-científico', kind: 'service', words: ['biomedico'], phrases: [['mantenimiento', 'equipo', 'medico'], ['mantenimiento', 'biomedico'], ['calibracion', 'biomedico']], accounts: ['514530'] },
  { key: 'mant-maquinaria', label: 'mantenimiento de maquinaria y equipo', kind: 'service', words: ['refrigeracion', 'climatizacion'], phrases: [['mantenimiento', 'aire'], ['mantenimiento', 'maquina'], ['mantenimiento', 'nevera'], ['mantenimiento', 'equipo'], ['mantenimiento', 'preventivo'], ['mantenimiento', 'correctivo'], ['servicio', 'tecnico', 'nevera']], unspsc: ['7215'], supplierCiiu: ['331', '4322'], accounts: ['514515'], sectorAlternative: { hospitalidad: '514535' } },
  // Not «mano de obra»: labour is what any job bills (a mill's repair, a graft, a forest's clearing), not a repair of
  // the premises (after judging round 22: on the 43 fit sets it decided 515015 seven times, all wrong).
  { key: 'mant-locativo', label: 'reparaciones locativas y adecuaciones', kind: 'service', words: ['locativa', 'locativo', 'adecuacion', 'remodelacion', 'resane', 'enchape'], phrases: [['reparacion', 'techo'], ['instalacion', 'electrica']], unspsc: ['7210', '721029'], supplierCiiu: ['433', '4321'], accounts: ['515015', '514510'] },
  { key: 'fletes', label: 'transporte, fletes y acarreos', kind: 'service', words: ['flete', 'acarreo', 'remesa', 'trasteo', 'carga', 'despacho'], phrases: [['transporte', 'mercancia'], ['transporte', 'carga']], unspsc: ['781018', '7810', '7812'], supplierCiiu: ['4923', '5229'], accounts: ['513550'], tradeWords: ['carga'] },
  { key: 'mensajeria', label: 'correo y mensajería', kind: 'service', words: ['mensajeria', 'courier', 'encomienda', 'envio', 'guia'], phrases: [['envio', 'documento'], ['correo', 'certificado']], unspsc: ['781022'], supplierCiiu: ['531', '532'], accounts: ['513540'], tradeWords: ['mensajeria', 'postales', 'correo'] },
  { key: 'publicidad', label: 'publicidad y propaganda', kind: 'service', words: ['publicidad', 'publicitario', 'publicitaria', 'pauta', 'propaganda', 'volante', 'pendon', 'valla', 'marketing', 'campana'], phrases: [['diseno', 'grafico'], ['redes', 'sociales']], unspsc: ['8210', '8214', '8211'], supplierCiiu: ['731'], accounts: ['523560'], tradeWords: ['publicidad'] },
  { key: 'capacitacion', label: 'capacitación al personal', kind: 'service', words: ['capacitacion', 'curso', 'seminario', 'taller', 'diplomado', 'formacion', 'entrenamiento', 'certificacion'], unspsc: ['8610', '8611', '8612', '8614'], supplierCiiu: ['854', '855'], accounts: ['510563'] },
  { key: 'salud', label: 'gastos médicos', kind: 'service', words: ['examen', 'medico', 'ocupacional', 'laboratorio', 'vacunacion'], unspsc: ['8510', '8512', '8511'], supplierCiiu: ['862', '869'], accounts: ['510584'], sector: { salud: 'cost' } },
  // UNSPSC 8517 «Servicios de muerte y soporte al fallecimiento» fell to segment 85 (salud → 510584 gastos médicos):
  // burial and cremation are no medical expense. A funeral home buys them to render its own service (its CIIU
  // description «pompas fúnebres»: cost 617060).
  { key: 'servicios-funerarios', label: 'servicios funerarios (inhumación, cremación)', kind: 'service', words: ['cremacion', 'inhumacion', 'exhumacion', 'exequias', 'sepelio', 'cementerio'], unspsc: ['8517'], accounts: ['519595'], tradeWords: ['funebres', 'pompas'] },
  // Rule 36: the insured risk picks the subcuenta of 5130 (a specific risk needs its own word, so it wins ties).
  { key: 'seguros', label: 'seguros', kind: 'service', words: INSURANCE, unspsc: ['8413'], supplierCiiu: ['651'], accounts: ['513095'] },
  { key: 'seguro-soat', label: 'seguro obligatorio (SOAT)', kind: 'service', words: [...INSURANCE, 'soat'], phrases: [['seguro', 'obligatorio']], unspsc: ['8413'], supplierCiiu: ['651'], accounts: ['513075'] },
  { key: 'seguro-incendio', label: 'seguro de incendio y terremoto', kind: 'service', words: [...INSURANCE, 'incendio', 'terremoto', 'multirriesgo'], unspsc: ['8413'], supplierCiiu: ['651'], accounts: ['513025'] },
  { key: 'seguro-hurto', label: 'seguro de sustracción y hurto', kind: 'service', words: [...INSURANCE, 'sustraccion', 'hurto'], unspsc: ['8413'], supplierCiiu: ['651'], accounts: ['513035'] },
  { key: 'seguro-rc', label: 'seguro de responsabilidad civil', kind: 'service', words: INSURANCE, phrases: [['responsabilidad', 'civil']], unspsc: ['8413'], supplierCiiu: ['651'], accounts: ['513060'] },
  { key: 'bancarios', label: 'comisiones y gastos bancarios', kind: 'service', words: ['comision', 'datafono', 'transaccion', 'recaudo', 'gmf'], phrases: [['cuota', 'manejo'], ['gasto', 'bancario']], unspsc: ['8412'], supplierCiiu: ['641', '649', '6613'], accounts: ['530515', '530505'] },
  // «interés» normalizes like «inter» (a truncation of internet): alone it is not evidence, only with what qualifies it.
  { key: 'intereses', label: 'intereses', kind: 'service', words: ['intereses', 'mora'], phrases: [['intereses', 'mora'], ['interes', 'corriente'], ['interes', 'financiacion'], ['interes', 'credito']], accounts: ['530520'] },
  { key: 'tramites', label: 'registro mercantil y trámites', kind: 'service', words: ['matricula', 'renovacion', 'mercantil', 'notaria', 'notarial', 'autenticacion', 'certificado', 'tramite', 'estampilla'], phrases: [['registro', 'mercantil'], ['camara', 'comercio'], ['existencia', 'representacion']], supplierCiiu: ['9411', '6910'], accounts: ['514010', '514015'] },
  { key: 'afiliaciones', label: 'afiliaciones y sostenimiento', kind: 'service', words: ['afiliacion', 'sostenimiento', 'gremio', 'membresia'], phrases: [['cuota', 'sostenimiento']], supplierCiiu: ['941'], accounts: ['512510'] },
  { key: 'hotel', label: 'alojamiento y manutención', kind: 'service', words: ['hotel', 'hospedaje', 'alojamiento', 'habitacion', 'noche', 'estadia'], unspsc: ['9011'], supplierCiiu: ['551'], accounts: ['515505'] },
  { key: 'pasajes-aereos', label: 'pasajes aéreos', kind: 'service', words: ['tiquete', 'pasaje', 'vuelo', 'aereo', 'aerolinea'], unspsc: ['781115', '7811'], supplierCiiu: ['511', '7911'], accounts: ['515515'] },
  { key: 'pasajes-terrestres', label: 'pasajes terrestres', kind: 'service', words: [], phrases: [['pasaje', 'terrestre'], ['tiquete', 'bus']], supplierCiiu: ['4921', '4922'], accounts: ['515520'] },
  // UNSPSC 9012 «Facilitación de viajes» (agentes de viajes, guías e intérpretes, asistencia en viajes) and 9013–9015
  // (artes interpretativas, deportes comerciales, entretenimiento) are neither lodging (9011 → 515505) nor tickets: a
  // travel agency or tour operator resells them (their CIIU description says «viaje», «turísticos»: cost, 614545).
  { key: 'servicios-viaje', label: 'servicios de viaje (guía, asistencia, reservas)', kind: 'service', words: [], phrases: [['asistencia', 'viaje'], ['asistencia', 'viajero']], unspsc: ['9012'], supplierCiiu: ['7912'], accounts: ['515595'], tradeWords: ['viaje', 'turisticos'] },
  { key: 'entretenimiento', label: 'espectáculos, deportes y entretenimiento', kind: 'service', words: ['boleteria'], phrases: [['boleta', 'ingreso'], ['entrada', 'parque'], ['entrada', 'museo']], unspsc: ['9013', '9014', '9015'], supplierCiiu: ['90', '931', '932'], accounts: ['519595'], tradeWords: ['viaje', 'turisticos'] },
  { key: 'taxis', label: 'taxis y buses', kind: 'service', words: ['taxi', 'uber', 'cabify', 'didi'], accounts: ['519545'] },
  { key: 'parqueadero', label: 'parqueaderos', kind: 'service', words: ['parqueadero', 'parking', 'estacionamiento'], unspsc: ['781817'], supplierCiiu: ['5221'], accounts: ['519565'] },
  { key: 'representacion', label: 'gastos de representación (restaurante)', kind: 'service', words: ['almuerzo', 'cena', 'desayuno', 'restaurante', 'refrigerio', 'catering', 'evento'], unspsc: ['9010'], supplierCiiu: ['561', '562'], accounts: ['519520', '519560'] },
  { key: 'musica', label: 'música ambiental', kind: 'service', words: ['sayco', 'acinpro'], phrases: [['musica', 'ambiental']], accounts: ['519515'] },
  { key: 'suscripciones', label: 'libros, suscripciones y revistas', kind: 'goods', words: ['libro', 'revista', 'periodico', 'prensa', 'legis'], unspsc: ['5510', '5511'], supplierCiiu: ['5811'], accounts: ['519510'], sector: { educacion: 'cost' } },

  // Health (accounting-co.md §4.3 Q; UNSPSC 42 equipo médico, 41 laboratorio, 51 medicamentos): supplies a clinic
  // consumes are the cost of its service (6165); for any other company they are staff first aid (510584).
  {
    key: 'insumos-medicos',
    label: 'insumos médico-quirúrgicos',
    kind: 'goods',
    words: ['jeringa', 'aguja', 'gasa', 'venda', 'vendaje', 'esparadrapo', 'microporosa', 'micropore', 'sutura', 'cateter', 'sonda', 'canula', 'bajalengua', 'depresor', 'aplicador', 'torunda', 'aposito', 'electrodo', 'especulo', 'bisturi', 'lanceta', 'jelco', 'venoclisis', 'buretrol', 'curita', 'compresa', 'quirurgico', 'hipodermica', 'esteril', 'algodon', 'ostomia', 'glucometria'],
    phrases: [['guante', 'examen'], ['guante', 'quirurgico'], ['guante', 'esteril'], ['equipo', 'macrogoteo'], ['hilo', 'sutura']],
    // 4228 «esterilización» holds the sterilizer (422815, equipo-medico) and what it consumes: disinfecting solutions,
    // cleaning solutions, indicators and wraps (422816–422819); 4227 the ventilator and the intubation and
    // resuscitation supplies (422720, 422723).
    unspsc: ['42', '4213', '4214', '4215', '4229', '4231', '421815', '422816', '422817', '422818', '422819', '422720', '422723'],
    supplierCiiu: ['4645', '3250'],
    accounts: ['510584'],
    stock: ['merchandise'],
    tradeWords: ['farmaceuticos', 'medicinales', 'medicos'],
    sector: { salud: 'cost' },
    sectorWords: { salud: ['guante', 'nitrilo', 'latex', 'tapabocas'] },
  },
  // UNSPSC 4226 «Equipo y suministros post mortem y funerarios» and 4813 «Equipo y materiales funerarios»: not medical
  // supplies (segment 42 → 510584 gastos médicos) nor machinery (segment 48). Coffins and urns (422621, 4813) a
  // funeral home sells with its service (merchandise, see OVER_THE_COUNTER); embalming, autopsy and body-transport
  // supplies (the rest of 4226) it consumes in the service (cost 617060 through its CIIU words «pompas fúnebres»).
  {
    key: 'funerario',
    label: 'cofres, urnas y artículos funerarios',
    kind: 'goods',
    words: ['ataud', 'feretro', 'mortuorio', 'mortuoria', 'cenizario', 'osario'],
    phrases: [['cofre', 'funebre'], ['cofre', 'mortuorio'], ['urna', 'ceniza'], ['urna', 'cineraria']],
    unspsc: ['422621', '4813'],
    accounts: ['519595'],
    stock: ['merchandise'],
    tradeWords: ['funebres', 'pompas'],
  },
  { key: 'tanatopraxia', label: 'insumos de tanatopraxia y post mortem', kind: 'goods', words: ['tanatopraxia', 'cadaver', 'necropsia', 'autopsia'], phrases: [['liquido', 'embalsamar'], ['fluido', 'embalsamar']], unspsc: ['4226'], accounts: ['519595'], tradeWords: ['funebres', 'pompas'] },
  // UNSPSC 4610 «Armas ligeras y munición» (segment 46 said dotación): a firearm is PUC 1560 armamento de vigilancia;
  // ammunition is consumed, the cost of a security company (its CIIU description says «seguridad»: 615565).
  // «Pistola» and «revólver» are not keywords: they are also a barcode scanner, a silicone gun, a truncated
  // «revolvedor», and «mantenimiento revólver calibre 38» is a service; the UNSPSC class says it.
  { key: 'armamento', label: 'armamento de vigilancia', kind: 'goods', words: ['escopeta', 'carabina'], phrases: [['arma', 'fuego']], unspsc: ['461015'], accounts: ['1560'] },
  { key: 'municion', label: 'munición', kind: 'goods', words: ['municion'], unspsc: ['461016', '461017', '461018'], accounts: ['519595'], tradeWords: ['seguridad', 'vigilancia'] },
  // A test or analysis bought from a testing laboratory (CIIU 712 «Ensayos y análisis técnicos»; UNSPSC 811415
  // «Control de calidad»): not the lab's supplies nor a staff medical exam. An office has no account of its own for
  // it (519595); a plant or a works books it to its production cost (postura-por-seccion.csv «ensayos»), an
  // engineering firm to its service's (insumos-de-servicio.csv, division 71), a health provider to its own (§4.3 Q).
  {
    key: 'ensayos',
    label: 'ensayos y análisis técnicos',
    kind: 'service',
    words: ['ensayo'],
    phrases: [['ensayo', 'laboratorio'], ['analisis', 'laboratorio'], ['analisis', 'tecnico']],
    // No supplier CIIU: a testing lab also calibrates, inspects and certifies equipment (its upkeep, 5145), and the
    // supplier alone would pull those lines here. No «control de calidad» phrase: a clinical lab's quality-control
    // material is a supply (laboratorio), not a test bought.
    unspsc: ['811415'],
    accounts: ['519595'],
    sector: { salud: 'cost' },
  },
  {
    key: 'laboratorio',
    label: 'insumos de laboratorio',
    kind: 'goods',
    words: ['reactivo', 'pipeta', 'micropipeta', 'vacutainer', 'portaobjeto', 'cubreobjeto', 'probeta', 'beaker', 'erlenmeyer', 'edta', 'uroanalisis', 'hemograma', 'coprologico', 'glucosa', 'colesterol', 'laboratorio'],
    phrases: [['tubo', 'ensayo'], ['tubo', 'tapa'], ['prueba', 'rapida']],
    // 411041: containers for collecting and carrying specimens, and their supplies (not equipment like the rest of 4110).
    unspsc: ['41', '4111', '4112', '411041'],
    supplierCiiu: ['4659', '2029'],
    accounts: ['519595'],
    sector: { salud: '616520' },
  },
  {
    key: 'equipo-medico',
    label: 'equipo médico-científico',
    kind: 'goods',
    words: ['tensiometro', 'electrocardiografo', 'oximetro', 'pulsioximetro', 'glucometro', 'fonendoscopio', 'estetoscopio', 'desfibrilador', 'autoclave', 'camilla', 'nebulizador', 'ecografo', 'doppler'],
    phrases: [['monitor', 'signo'], ['signo', 'vital'], ['equipo', 'electrocardiografia'], ['mesa', 'cirugia'], ['mesa', 'quirurgico'], ['mesa', 'examen'], ['mesa', 'procedimiento']],
    unspsc: ['4110', '421816', '421817', '421818', '4220', '4227', '422815', '421215', '421217', '421418', '421442', '421517', '421829', '421918', '421920'],
    accounts: ['153205', '1532'],
    stock: ['merchandise'],
    tradeWords: ['medicos', 'quirurgicos'],
  },
  // Education (§4.3 P; UNSPSC 60 material didáctico): teaching material is the school's cost of service (6160).
  // UNSPSC 6012 (arte y manualidades: pintura del aula, utensilios de dibujo, compuestos de modelado y arcilla,
  // purpurina, pompones), 6014 (juguetes, juegos, bloques infantiles) and 601023 «Libros de lectura y recursos».
  {
    key: 'material-didactico',
    label: 'material didáctico',
    kind: 'goods',
    words: ['didactico', 'abaco', 'regleta', 'cartilla', 'rompecabeza', 'lamina', 'afiche', 'mapa', 'globo', 'terraqueo', 'escolar', 'preescolar', 'lector', 'geometria', 'ciencia', 'tempera', 'crayon', 'crayola', 'plastilina', 'arcilla', 'acuarela', 'pincel', 'purpurina', 'escarcha', 'lentejuela', 'pompon', 'foami', 'juguete', 'puzzle', 'lego', 'titere', 'manualidad', 'encajable', 'ensartado'],
    phrases: [['texto', 'escolar'], ['plan', 'lector'], ['modelo', 'anatomico'], ['material', 'didactico'], ['laboratorio', 'ciencia'], ['libro', 'lectura'], ['cartilla', 'lectura'], ['pintura', 'dedo'], ['vinilo', 'escolar'], ['bloque', 'armar'], ['ficha', 'armar'], ['bloque', 'madera'], ['bloque', 'encajable']],
    unspsc: ['60', '6010', '6011', '6012', '6013', '6014'],
    supplierCiiu: ['5811', '3240'],
    accounts: ['519595'],
    stock: ['merchandise'],
    tradeWords: ['libros', 'utiles', 'escolares'],
    sector: { educacion: 'cost' },
  },
  { key: 'transporte-escolar', label: 'transporte escolar', kind: 'service', words: [], phrases: [['transporte', 'escolar'], ['ruta', 'escolar'], ['transporte', 'estudiante']], unspsc: ['781118'], accounts: ['519545'], sector: { educacion: 'cost' } },
  // Agriculture (§4.3 A; UNSPSC 10 material vivo vegetal y animal): seeds, fertilizers, agrochemicals and feed
  // are the crop's or herd's production cost (6105).
  { key: 'semillas', label: 'semillas y material vegetal', kind: 'goods', words: ['semilla', 'plantula', 'esqueje', 'colino', 'hibrido'], unspsc: ['1015', '1016'], supplierCiiu: ['4620', '0130'], accounts: ['519595'], stock: ['merchandise'], tradeWords: ['agricolas', 'semillas'], sector: { agro: 'cost' } },
  { key: 'fertilizantes', label: 'abonos y fertilizantes', kind: 'goods', words: ['abono', 'fertilizante', 'urea', 'gallinaza', 'compost', 'compostado', 'lombricompost', 'npk', 'dap', 'enmienda', 'nitrogenado'], phrases: [['cal', 'agricola']], unspsc: ['1017', '101715', '101716', '101718'], supplierCiiu: ['2012', '4620'], accounts: ['519595'], stock: ['merchandise'], tradeWords: ['agricolas', 'abonos'], sector: { agro: 'cost' } },
  { key: 'agroquimicos', label: 'plaguicidas y agroquímicos', kind: 'goods', words: ['herbicida', 'insecticida', 'fungicida', 'plaguicida', 'pesticida', 'glifosato', 'acaricida', 'coadyuvante', 'atrazina', 'paraquat', 'mancozeb', 'clorpirifos', 'cihalotrina'], unspsc: ['1019', '101717'], supplierCiiu: ['2021', '4620'], accounts: ['519595'], stock: ['merchandise'], tradeWords: ['agricolas', 'plaguicidas'], sector: { agro: 'cost' } },
  // Pets (UNSPSC 101218 «Alimento para perros y gatos», 1014 «Accesorios para animales domésticos», 101416 «Arneses»):
  // «cuido» is the Colombian word for pet food (synonyms.ts); the brands are the best-known ones on the Colombian market.
  {
    key: 'mascotas',
    label: 'alimento y accesorios para mascotas',
    kind: 'goods',
    words: ['mascota', 'perro', 'gato', 'canino', 'felino', 'cachorro', 'gatito', 'collar', 'pechera', 'arnes', 'trailla', 'comedero', 'bebedero', 'arenero', 'guacal', 'rascador', 'whiskas', 'pedigree', 'chunky', 'mirringo', 'agility', 'nutrecan', 'ringo'],
    phrases: [['concentrado', 'perro'], ['concentrado', 'gato'], ['concentrado', 'mascota'], ['concentrado', 'cachorro'], ['concentrado', 'canino'], ['concentrado', 'felino'], ['alimento', 'perro'], ['alimento', 'gato'], ['arena', 'gato'], ['arena', 'sanitario'], ['arena', 'aglomerante'], ['pro', 'plan'], ['dog', 'chow'], ['cat', 'chow'], ['royal', 'canin']],
    unspsc: ['101218', '1014'],
    supplierCiiu: [],
    accounts: ['519595'],
    stock: ['merchandise'],
    tradeWords: ['mascotas', 'animales', 'domesticos'],
  },
  { key: 'alimento-animal', label: 'alimento para animales', kind: 'goods', words: ['concentrado', 'pienso', 'purina', 'forraje', 'silo', 'ensilaje'], phrases: [['sal', 'mineralizada']], unspsc: ['1012'], supplierCiiu: ['1090'], accounts: ['519595'], stock: ['merchandise'], tradeWords: ['animales', 'concentrados'], sector: { agro: 'cost' } },
  { key: 'servicios-agricolas', label: 'servicios agrícolas', kind: 'service', words: ['fumigacion', 'aspersion', 'arado', 'rastrillada', 'siembra', 'cosecha', 'desyerbe', 'poda'], phrases: [['preparacion', 'terreno']], unspsc: ['70', '7010', '7011', '7012', '7014'], supplierCiiu: ['016'], accounts: ['519595'], sector: { agro: 'cost' } },
  // Construction (§4.2 rule 6, §4.3 F; UNSPSC 30): materials of a builder's works are work in progress (1415).
  {
    key: 'materiales-construccion',
    label: 'materiales de construcción',
    kind: 'goods',
    words: ['cemento', 'concreto', 'mortero', 'arena', 'gravilla', 'triturado', 'grava', 'recebo', 'varilla', 'bloque', 'ladrillo', 'tolete', 'ceramica', 'porcelanato', 'enchape', 'baldosa', 'teja', 'drywall', 'yeso', 'estuco', 'impermeabilizante', 'pegacor', 'agregado', 'premezclado', 'corrugado'],
    phrases: [['acero', 'refuerzo'], ['malla', 'electrosoldada'], ['hierro', 'corrugado']],
    unspsc: ['30', '3010', '3011', '3012', '3013', '3015'],
    supplierCiiu: ['2394', '2395', '2392', '4663', '0812'],
    accounts: ['514510', '519595'],
    stock: ['merchandise', 'construction'],
    tradeWords: ['construccion', 'ferreteria', 'materiales'],
    sector: { construccion: 'cost' },
  },
  { key: 'alquiler-maquinaria', label: 'alquiler de maquinaria y equipo', kind: 'service', words: ['formaleta', 'andamio', 'retroexcavadora', 'minicargador', 'vibrocompactador', 'mezcladora'], phrases: [['alquiler', 'maquinaria'], ['alquiler', 'equipo', 'construccion']], unspsc: ['721417'], supplierCiiu: ['7730'], accounts: ['512015'], sector: { construccion: 'cost' } },

  // Goods.
  {
    key: 'papeleria',
    label: 'útiles, papelería y fotocopias',
    kind: 'goods',
    words: ['papeleria', 'resma', 'bond', 'fotocopia', 'fotocopias', 'impresion', 'lapicero', 'boligrafo', 'esfero', 'lapiz', 'portaminas', 'marcador', 'resaltador', 'borrador', 'corrector', 'cuaderno', 'libreta', 'agenda', 'block', 'carpeta', 'folder', 'legajador', 'archivador', 'az', 'sobre', 'cosedora', 'grapadora', 'grapa', 'gancho', 'clip', 'perforadora', 'toner', 'cartucho', 'tinta', 'tijera', 'pegante', 'colbon', 'pegastic', 'sacapunta', 'tajalapiz', 'regla', 'cartulina', 'etiqueta', 'notas', 'postit', 'chinche', 'bisturi', 'calculadora'],
    phrases: [['papel', 'carta'], ['papel', 'oficio'], ['papel', 'multiproposito'], ['cinta', 'transparente'], ['notas', 'adhesivas'], ['utiles', 'escritorio'], ['marcador', 'borrable'], ['marcador', 'tablero']],
    unspsc: ['1411', '141115', '4412', '4411', '441031', '312015', '5512'],
    supplierCiiu: ['4761', '1811', '1812'],
    accounts: ['519530'],
    stock: ['merchandise'],
    tradeWords: ['papeleria', 'escritorio', 'utiles'],
  },
  {
    key: 'aseo',
    label: 'elementos de aseo y cafetería',
    kind: 'goods',
    // Waste bags by the colour code (Res. 2184/2019; hospital waste, Res. 1164/2002: roja = riesgo biológico), UNSPSC
    // 471217 «Envases y accesorios para residuos», 471318 «Soluciones de limpieza y desinfección» (amonio cuaternario).
    words: ['aseo', 'detergente', 'jabon', 'blanqueador', 'hipoclorito', 'limpido', 'cloro', 'desinfectante', 'limpiador', 'ambientador', 'aromatizante', 'higienico', 'toalla', 'servilleta', 'trapero', 'escoba', 'recogedor', 'guante', 'limpiavidrio', 'lavaloza', 'lavaplatos', 'esponja', 'esponjilla', 'alcohol', 'antibacterial', 'gel', 'suavizante', 'varsol', 'ambientador', 'shampoo', 'crema', 'dental', 'papelera', 'caneca', 'balde', 'mopa', 'microfibra', 'insecticida', 'cera', 'residuo', 'cuaternario', 'biosanitario'],
    phrases: [['bolsa', 'basura'], ['papel', 'higienico'], ['papel', 'sanitario'], ['toalla', 'mano'], ['bolsa', 'negra'], ['bolsa', 'residuo'], ['bolsa', 'ordinario'], ['bolsa', 'reciclable'], ['riesgo', 'biologico'], ['amonio', 'cuaternario'], ['limpiador', 'piso']],
    unspsc: ['4713', '4712', '141117', '5313'],
    supplierCiiu: ['4645', '2023'],
    accounts: ['519525'],
    stock: ['merchandise'],
    tradeWords: ['aseo', 'limpieza', 'tocador', 'cosmeticos'],
  },
  {
    key: 'cafeteria',
    label: 'insumos de cafetería',
    kind: 'goods',
    words: ['cafe', 'tinto', 'azucar', 'panela', 'aromatica', 'te', 'infusion', 'agua', 'botellon', 'vaso', 'mezclador', 'revolvedor', 'crema', 'galleta', 'pasaboca', 'snack', 'chocolate', 'cafeteria', 'endulzante', 'stevia', 'leche'],
    phrases: [['vaso', 'desechable'], ['agua', 'botellon']],
    unspsc: ['502017', '5016', '5018'],
    supplierCiiu: ['1061', '1063', '1071', '1072'],
    accounts: ['519525'],
    stock: ['merchandise', 'food-input'],
    tradeWords: ['alimentos', 'viveres', 'cafe'],
  },
  {
    key: 'alimentos',
    label: 'alimentos',
    kind: 'goods',
    words: ['arroz', 'aceite', 'sal', 'harina', 'trigo', 'maiz', 'frijol', 'lenteja', 'garbanzo', 'arveja', 'pasta', 'espagueti', 'atun', 'sardina', 'salsa', 'mayonesa', 'ketchup', 'condimento', 'sazonador', 'adobo', 'comino', 'pimienta', 'levadura', 'margarina', 'mantequilla', 'queso', 'quesillo', 'cuajada', 'leche', 'yogur', 'kumis', 'huevo', 'pollo', 'pechuga', 'muslo', 'carne', 'res', 'cerdo', 'costilla', 'lomo', 'chorizo', 'salchicha', 'jamon', 'tocineta', 'pescado', 'tilapia', 'camaron', 'tomate', 'cebolla', 'papa', 'yuca', 'platano', 'zanahoria', 'lechuga', 'limon', 'naranja', 'fruta', 'verdura', 'hortaliza', 'aguacate', 'cilantro', 'ajo', 'pan', 'arepa', 'avena', 'cereal', 'mermelada', 'vinagre', 'gelatina', 'fruver', 'viveres', 'abarrote', 'mora', 'mango', 'banano', 'pina', 'chocolate'],
    unspsc: ['5010', '5011', '5012', '5013', '5015', '5017', '5018', '5019', '5022', '503', '504', '5016'],
    supplierCiiu: ['101', '102', '103', '104', '105', '107', '108', '4631', '4711', '472', '4620'],
    accounts: ['519525'],
    stock: ['merchandise', 'food-input'],
    tradeWords: ['alimentos', 'viveres', 'carnes', 'leche', 'lacteos', 'agricolas', 'huevos', 'comestibles', 'abarrotes'],
  },
  {
    key: 'bebidas',
    label: 'bebidas',
    kind: 'goods',
    words: ['bebida', 'gaseosa', 'refresco', 'jugo', 'nectar', 'cerveza', 'energizante', 'hidratante', 'licor', 'aguardiente', 'ron', 'vino', 'whisky', 'malta', 'soda', 'kola', 'limonada', 'te'],
    phrases: [['agua', 'gas'], ['agua', 'botella'], ['agua', 'mineral']],
    unspsc: ['5020', '502022', '502023'],
    supplierCiiu: ['110', '4632', '4724'],
    accounts: ['519525'],
    stock: ['merchandise', 'beverage'],
    tradeWords: ['bebidas', 'licores', 'tabaco'],
  },
  {
    key: 'empaques',
    label: 'envases y empaques',
    kind: 'goods',
    words: ['empaque', 'embalaje', 'envase', 'saco', 'costal', 'fique', 'icopor', 'portacomida', 'contenedor', 'vinipel', 'film', 'estiba', 'zuncho', 'domicilio', 'desechable', 'cubierto', 'pitillo', 'tapa'],
    phrases: [['caja', 'carton'], ['bolsa', 'plastica'], ['bolsa', 'papel'], ['bolsa', 'kraft'], ['cinta', 'empaque'], ['vaso', 'llevar'], ['papel', 'parafinado'], ['caja', 'corrugada']],
    // 241125 «cartón ondulado y otros materiales para distribución» is packaging, not the machinery of segment 24.
    unspsc: ['2411', '2412', '2414', '521516', '241125'],
    supplierCiiu: ['222', '170'],
    accounts: ['519540'],
    stock: ['packaging'],
    tradeWords: ['envases', 'empaques'],
  },
  {
    key: 'ferreteria',
    label: 'materiales de ferretería y mantenimiento',
    kind: 'goods',
    words: ['ferreteria', 'tornillo', 'chazo', 'taco', 'puntilla', 'clavo', 'tuerca', 'arandela', 'perno', 'bisagra', 'candado', 'cerradura', 'chapa', 'silicona', 'sellador', 'lija', 'tubo', 'tuberia', 'pvc', 'codo', 'union', 'soldadura', 'cemento', 'arena', 'ladrillo', 'bloque', 'varilla', 'alambre', 'malla', 'manguera', 'llave', 'grifo', 'sanitario', 'teflon', 'pegante', 'drywall', 'broca', 'escalera', 'carretilla', 'disco', 'abrazadera', 'empaque', 'teja', 'impermeabilizante', 'estuco'],
    // 232718 «suministros para soldar» (electrodes, wire, flux) and 231616 «suministros de fundición» are consumed,
    // not the machinery of segment 23.
    unspsc: ['3116', '3016', '4014', '4017', '312016', '3118', '3119', '232718', '231616'],
    supplierCiiu: ['4663', '4752', '2599'],
    accounts: ['514510', '519595'],
    stock: ['merchandise', 'spare-part', 'construction'],
    tradeWords: ['ferreteria', 'construccion', 'fontaneria'],
  },
  // §4.2 rule 12: low-value hand tools (UNSPSC 2711 «Herramientas de mano», 271120 «Herramientas manuales de jardinería,
  // agricultura y forestación») are expensed, not stock of a builder.
  {
    key: 'herramientas-mano',
    label: 'herramientas de mano',
    kind: 'goods',
    words: ['herramienta', 'destornillador', 'martillo', 'alicate', 'pinza', 'flexometro', 'nivel', 'segueta', 'serrucho', 'pala', 'azadon', 'machete', 'rastrillo', 'barreton', 'hacha', 'garlancha', 'palin', 'paladraga', 'tijeron'],
    phrases: [['tijera', 'podar']],
    unspsc: ['2711'],
    supplierCiiu: ['4752'],
    accounts: ['519595'],
    // A manufacturer keeps its tools with its maintenance stock (1455, rule 5); a builder's are not works in progress.
    stock: ['merchandise', 'spare-part'],
    tradeWords: ['ferreteria', 'herramientas'],
  },
  {
    key: 'electricos',
    label: 'materiales eléctricos',
    kind: 'goods',
    words: ['bombillo', 'bombilla', 'foco', 'led', 'lampara', 'reflector', 'luminaria', 'cable', 'alambre', 'thhn', 'encauchetado', 'aislante', 'tomacorriente', 'toma', 'enchufe', 'clavija', 'interruptor', 'suiche', 'breaker', 'taco', 'extension', 'multitoma', 'regleta', 'pila', 'bateria', 'electrico', 'canaleta', 'tubo', 'fotocelda', 'sensor'],
    phrases: [['cinta', 'aislante'], ['cable', 'electrico'], ['tablero', 'electrico'], ['tablero', 'breaker'], ['tablero', 'circuito'], ['tablero', 'distribucion']],
    unspsc: ['3911', '3912', '3913', '2611', '2612', '3212'],
    supplierCiiu: ['4659', '2732', '2740'],
    accounts: ['514510', '519595'],
    stock: ['merchandise', 'spare-part', 'construction'],
    tradeWords: ['ferreteria', 'electric'],
    sector: { construccion: 'cost' },
  },
  {
    key: 'pinturas',
    label: 'pinturas',
    kind: 'goods',
    words: ['pintura', 'vinilo', 'esmalte', 'anticorrosivo', 'laca', 'barniz', 'thinner', 'disolvente', 'brocha', 'rodillo', 'estuco', 'masilla', 'sellador', 'imprimante', 'aerosol'],
    unspsc: ['3121'],
    supplierCiiu: ['2022'],
    accounts: ['514510', '519595'],
    stock: ['merchandise', 'construction'],
    tradeWords: ['pinturas'],
  },
  {
    key: 'equipo-computo',
    label: 'equipo de cómputo',
    kind: 'goods',
    phrases: [['computo', 'escritorio'], ['computador', 'escritorio']],
    words: ['computador', 'computo', 'portatil', 'laptop', 'notebook', 'pc', 'monitor', 'pantalla', 'impresora', 'multifuncional', 'escaner', 'servidor', 'tablet', 'ipad', 'macbook', 'desktop', 'torre', 'videobeam', 'proyector'],
    unspsc: ['432115', '432119', '432121', '432122', '4321'],
    accounts: ['152805', '1528'],
    stock: ['merchandise'],
    tradeWords: ['computadores', 'informatica', 'perifericos'],
  },
  {
    key: 'equipo-comunicacion',
    label: 'equipos de telecomunicaciones',
    kind: 'goods',
    words: ['celular', 'smartphone', 'telefono', 'radio', 'router', 'switch', 'iphone', 'conmutador'],
    unspsc: ['431915', '4319', '4322'],
    accounts: ['152810', '1528'],
    stock: ['merchandise'],
    tradeWords: ['telecomunicaciones', 'comunicaciones'],
  },
  {
    key: 'accesorios-computo',
    label: 'accesorios de cómputo',
    kind: 'goods',
    words: ['mouse', 'raton', 'teclado', 'usb', 'memoria', 'hdmi', 'vga', 'cable', 'diadema', 'audifono', 'headset', 'parlante', 'camara', 'webcam', 'cargador', 'adaptador', 'hub', 'disco', 'ssd', 'ram', 'pad', 'base', 'soporte', 'patch', 'cord', 'utp', 'flash', 'micro'],
    unspsc: ['432116', '432117', '432118', '432020', '432021', '4320', '432120'],
    supplierCiiu: ['4651', '4741'],
    accounts: ['519595'],
    stock: ['merchandise'],
    tradeWords: ['computadores', 'informatica', 'perifericos'],
  },
  {
    key: 'muebles',
    label: 'muebles y enseres',
    kind: 'goods',
    // «Cajonera» (DLE: conjunto de cajones) and the workstation of UNSPSC 561115 «Sitios de trabajo y paquetes para la
    // oficina», which Colombian suppliers call «puesto de trabajo» or «módulo operativo».
    words: ['silla', 'escritorio', 'mesa', 'archivador', 'estante', 'estanteria', 'biblioteca', 'mueble', 'sofa', 'locker', 'casillero', 'counter', 'vitrina', 'gondola', 'pupitre', 'pizarra', 'tablero', 'bipersonal', 'unipersonal', 'giratoria', 'ergonomica', 'interlocutora', 'cajonera'],
    phrases: [['tablero', 'acrilico'], ['tablero', 'borrable'], ['tablero', 'vidrio'], ['silla', 'universitaria'], ['puesto', 'trabajo'], ['modulo', 'operativo']],
    unspsc: ['5610', '5611', '5612'],
    supplierCiiu: ['3110', '4754'],
    accounts: ['152405', '1524'],
    stock: ['merchandise'],
    tradeWords: ['muebles'],
  },
  {
    key: 'dotacion',
    label: 'dotación y elementos de protección',
    kind: 'goods',
    words: ['dotacion', 'uniforme', 'overol', 'camisa', 'camibuso', 'pantalon', 'jean', 'bata', 'delantal', 'gorro', 'cofia', 'bota', 'zapato', 'casco', 'tapabocas', 'mascarilla', 'respirador', 'gafa', 'monogafa', 'careta', 'protector', 'arnes', 'chaleco', 'epp', 'nitrilo', 'guante'],
    phrases: [['elemento', 'proteccion'], ['calzado', 'seguridad']],
    unspsc: ['4618', '5310', '5311', '5312'],
    supplierCiiu: ['141', '4642', '4771', '1521'],
    accounts: ['510551'],
    stock: ['merchandise'],
    tradeWords: ['prendas', 'vestir', 'calzado', 'textiles'],
  },
  {
    key: 'botiquin',
    label: 'gastos médicos y drogas',
    kind: 'goods',
    words: ['botiquin', 'medicamento', 'farmaco', 'droga', 'drogueria', 'tableta', 'capsula', 'jarabe', 'ampolla', 'vial', 'inyectable', 'suspension', 'unguento', 'acetaminofen', 'ibuprofeno', 'dolex', 'naproxeno', 'diclofenaco', 'dipirona', 'amoxicilina', 'cefalexina', 'ampicilina', 'antibiotico', 'analgesico', 'loratadina', 'omeprazol', 'losartan', 'metformina', 'ivermectina', 'albendazol', 'praziquantel', 'meloxicam', 'tramadol', 'enrofloxacina', 'oxitetraciclina', 'penicilina', 'dexametasona', 'antiparasitario', 'desparasitante', 'antipulga', 'suero', 'antiseptico', 'clorhexidina', 'yodopovidona', 'isodine', 'vacuna'],
    phrases: [['solucion', 'salina'], ['cloruro', 'sodio'], ['lactato', 'ringer']],
    unspsc: ['51'],
    // A farm's medicines are its animals' (§4.3 A: what is consumed in production is its cost), not staff first aid.
    sector: { salud: 'cost', agro: 'cost' },
    supplierCiiu: ['4645', '4773', '2100'],
    accounts: ['510584'],
    stock: ['merchandise'],
    tradeWords: ['farmaceuticos', 'medicinales'],
  },
  {
    key: 'combustible',
    label: 'combustibles y lubricantes',
    kind: 'goods',
    words: ['gasolina', 'acpm', 'diesel', 'biodiesel', 'combustible', 'lubricante', 'tanqueo', 'galones', 'gnv', 'grasa', 'valvulina'],
    phrases: [['aceite', 'motor'], ['aceite', 'transmision'], ['aceite', 'hidraulico'], ['aceite', 'caja'], ['aceite', 'diferencial']],
    unspsc: ['1510', '1511', '1512'],
    supplierCiiu: ['4731', '4732', '4661', '192'],
    accounts: ['519535'],
    sector: { transporte: 'cost', agro: 'cost' },
    stock: ['merchandise'],
    tradeWords: ['combustible', 'lubricantes'],
  },
  {
    key: 'repuestos-vehiculo',
    label: 'repuestos de vehículos',
    kind: 'goods',
    words: ['llanta', 'neumatico', 'filtro', 'pastilla', 'freno', 'bujia', 'amortiguador', 'correa', 'repuesto', 'rodamiento', 'embrague', 'bateria', 'acumulador'],
    unspsc: ['2517', '2519'],
    supplierCiiu: ['4530', '4541'],
    accounts: ['514540'],
    sector: { transporte: 'cost' },
    stock: ['merchandise', 'spare-part'],
    tradeWords: ['vehiculos', 'partes', 'autopartes', 'motocicletas'],
  },
  // Power tools (UNSPSC 271127 «Herramientas mecánicas») and motorised farm machines are maquinaria y equipo (rule 11).
  {
    key: 'maquinaria',
    label: 'maquinaria y equipo',
    kind: 'goods',
    words: ['maquina', 'nevera', 'congelador', 'refrigerador', 'horno', 'estufa', 'freidora', 'licuadora', 'batidora', 'compresor', 'planta', 'motobomba', 'montacarga', 'greca', 'cafetera', 'vitrina', 'taladro', 'pulidora', 'rotomartillo', 'esmeril', 'esmeriladora', 'caladora', 'tronzadora', 'guadana', 'desbrozadora', 'motosierra', 'hidrolavadora', 'generador', 'despulpadora', 'trilladora'],
    phrases: [['sierra', 'circular']],
    unspsc: ['20', '21', '22', '23', '24', '4810', '4811', '2712', '2713', '271127', '261011', '261012', '261013', '261015', '2613', '401015', '401017', '401018', '401019', '401020', '401515', '401516', '451015', '4711', '471015', '461716'],
    accounts: ['1520'],
    stock: ['merchandise'],
    tradeWords: ['maquinaria', 'equipo', 'electrodomesticos', 'domestico', 'ferreteria'],
    // PUC 1536 «equipo de hoteles y restaurantes» (accounting-co.md §4.4, segment 48): a hotel's or restaurant's kitchen.
    sector: { hospitalidad: '153610' },
  },
  {
    key: 'vehiculos',
    label: 'flota y equipo de transporte',
    kind: 'goods',
    words: ['automovil', 'camioneta', 'camion', 'motocicleta', 'moto', 'furgon'],
    unspsc: ['2510'],
    accounts: ['154005', '1540'],
    stock: ['merchandise'],
    tradeWords: ['vehiculos', 'automotores', 'motocicletas'],
  },
];

/** UNSPSC segments → concept, when the code says no more than its segment (accounting-co.md §4.4). */
export const SEGMENT_CONCEPTS: Record<string, string> = {
  '10': 'semillas',
  '14': 'papeleria',
  '15': 'combustible',
  '25': 'repuestos-vehiculo',
  '24': 'empaques',
  '26': 'electricos',
  '27': 'ferreteria',
  '30': 'materiales-construccion',
  '31': 'ferreteria',
  '39': 'electricos',
  '40': 'ferreteria',
  '41': 'laboratorio',
  '42': 'insumos-medicos',
  '43': 'accesorios-computo',
  '44': 'papeleria',
  '45': 'papeleria',
  '46': 'dotacion',
  '47': 'aseo',
  '48': 'maquinaria',
  '50': 'alimentos',
  '51': 'botiquin',
  '53': 'dotacion',
  '55': 'suscripciones',
  '56': 'muebles',
  '60': 'material-didactico',
  '70': 'servicios-agricolas',
  '72': 'mant-locativo',
  '76': 'vigilancia',
  '78': 'fletes',
  '80': 'consultoria',
  '81': 'soporte',
  '82': 'publicidad',
  '83': 'telecomunicaciones',
  '84': 'bancarios',
  '85': 'salud',
  '86': 'capacitacion',
  '90': 'hotel',
  '92': 'vigilancia',
};

/** CIIU classes of general stores: they resell everyday goods of every kind their description names. */
export const GENERAL_STORE_CONCEPTS: Record<string, string[]> = {
  '4711': ['alimentos', 'bebidas', 'cafeteria', 'aseo'],
  '4719': ['aseo', 'papeleria', 'ferreteria', 'electricos', 'accesorios-computo', 'dotacion', 'muebles', 'cafeteria', 'alimentos', 'bebidas'],
  '4690': ['alimentos', 'bebidas', 'cafeteria', 'aseo', 'papeleria', 'ferreteria', 'electricos', 'pinturas', 'accesorios-computo', 'dotacion', 'empaques'],
  '4729': ['alimentos', 'bebidas', 'cafeteria'],
};

/** UN/ECE units that only services use (time, months, "activity"). */
export const SERVICE_UNITS = new Set(['HUR', 'DAY', 'MON', 'ANN', 'E48', 'WEE', 'MIN', 'ACT', 'E49', 'E53', 'E54']);
