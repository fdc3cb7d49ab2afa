/**
 * Other common names of the same product in Colombia (issue #13): a supplier that writes «Paracetamol 500 mg» sells
 * the catalog's «Acetaminofén 500 mg», and the line must find that item before the agent creates a new one. Data,
 * not logic: each entry maps the variants to one canonical word (the one the company's catalog or the keyword
 * rules most likely use), with where the equivalence comes from. `normalize` applies it to every description, catalog
 * name and keyword alike, so they meet whatever name each one used.
 *
 * Written lowercase and without accents (as `normalize` compares). Sources:
 * - DLE: Diccionario de la lengua española (RAE–ASALE, 23.ª ed., dle.rae.es), the entry named;
 * - UNSPSC: the class names in server/data/unspsc-classes.csv (SAT Spanish edition), when two classes or a class and
 *   Colombian usage name the same product differently;
 * - «uso en Colombia»: common usage on Colombian invoices and catalogs, not backed by a dictionary here; to be
 *   confirmed by an accountant (README says so).
 */
export interface Synonym {
  canonical: string;
  variants: string[];
  source: string;
}

/** Single words (compared after plural reduction). */
export const WORD_SYNONYMS: Synonym[] = [
  { canonical: 'acetaminofen', variants: ['paracetamol'], source: 'DLE, s. v. «acetaminofén»: paracetamol' },
  { canonical: 'jeringa', variants: ['jeringuilla'], source: 'UNSPSC 421426 «Jeringas y accesorios» y 411220 «Jeringuillas de laboratorio o de muestreo»' },
  { canonical: 'llanta', variants: ['neumatico'], source: 'UNSPSC 251725 «Neumáticos y cámaras de neumáticos»; DLE, s. v. «llanta» (Am.)' },
  { canonical: 'microporosa', variants: ['micropore', 'microporo'], source: 'uso en Colombia (marca usada como nombre genérico de la cinta quirúrgica microporosa)' },
  { canonical: 'tapabocas', variants: ['mascarilla', 'cubrebocas', 'barbijo'], source: 'DLE, s. v. «mascarilla» y «tapabocas»; uso en Colombia' },
  { canonical: 'acpm', variants: ['diesel', 'gasoleo', 'gasoil'], source: 'DLE, s. v. «gasóleo» (diésel); ACPM es el nombre del diésel en Colombia (uso en Colombia)' },
  { canonical: 'frijol', variants: ['poroto', 'frejol'], source: 'DLE, s. v. «poroto» (Am. Mer.) y «fréjol»' },
  { canonical: 'arveja', variants: ['alverja', 'guisante'], source: 'DLE, s. v. «arveja» y «alverja»' },
  { canonical: 'aguacate', variants: ['palta'], source: 'DLE, s. v. «palta» (Am. Mer.)' },
  { canonical: 'banano', variants: ['guineo', 'banana'], source: 'DLE, s. v. «banano», «banana» y «guineo»' },
  { canonical: 'computador', variants: ['computadora', 'ordenador'], source: 'DLE, s. v. «computador» y «ordenador»' },
  { canonical: 'tablero', variants: ['pizarra', 'pizarron'], source: 'DLE, s. v. «pizarra» y «tablero»' },
  { canonical: 'esfero', variants: ['boligrafo', 'lapicero'], source: 'Diccionario de americanismos (ASALE), s. v. «esfero» (Col., Ec.); uso en Colombia' },
  { canonical: 'tajalapiz', variants: ['sacapunta', 'sacapuntas'], source: 'DLE, s. v. «tajalápiz» (Col.)' },
  { canonical: 'pegante', variants: ['pegamento'], source: 'DLE, s. v. «pegante» y «pegamento»' },
  { canonical: 'gaseosa', variants: ['refresco'], source: 'DLE, s. v. «gaseosa»' },
  { canonical: 'icopor', variants: ['poliestireno', 'anime', 'tecnopor'], source: 'uso en Colombia (icopor: poliestireno expandido)' },
  { canonical: 'curita', variants: ['tirita'], source: 'DLE, s. v. «curita» (Am.)' },
  { canonical: 'fonendoscopio', variants: ['estetoscopio'], source: 'DLE, s. v. «fonendoscopio» y «estetoscopio»' },
  { canonical: 'oximetro', variants: ['pulsioximetro'], source: 'UNSPSC 421818 «Oxímetros de pulso»' },
  { canonical: 'nevera', variants: ['refrigerador', 'refrigeradora', 'heladera'], source: 'DLE, s. v. «nevera», «refrigerador» y «heladera»' },
  { canonical: 'gravilla', variants: ['grava', 'triturado'], source: 'UNSPSC 301118 «Agregados»; uso en Colombia (triturado)' },
  { canonical: 'aplicador', variants: ['copito', 'hisopo'], source: 'UNSPSC 421415 «Bolas de algodón y copitos aplicadores»; DLE, s. v. «hisopo»' },
  { canonical: 'celular', variants: ['movil', 'smartphone'], source: 'DLE, s. v. «celular» y «móvil»' },
  { canonical: 'bateria', variants: ['acumulador'], source: 'DLE, s. v. «acumulador» (acumulador eléctrico) y «batería» (acumulador de electricidad); uso en Colombia para la batería del vehículo' },
  { canonical: 'concentrado', variants: ['cuido'], source: 'uso en Colombia («cuido»: alimento concentrado para perros y gatos); UNSPSC 101218 «Alimento para perros y gatos»' },
];

/** Several words naming the product, replaced before the words are read. */
export const PHRASE_SYNONYMS: Synonym[] = [
  { canonical: 'solucion salina', variants: ['suero fisiologico', 'cloruro de sodio 0.9'], source: 'uso en Colombia (solución salina normal = cloruro de sodio 0,9 %)' },
  { canonical: 'varilla corrugada', variants: ['hierro corrugado', 'barra de acero corrugado', 'acero corrugado'], source: 'UNSPSC 301119 «Elementos para reforzar concreto»; uso en Colombia' },
  { canonical: 'cinta pegante', variants: ['cinta adhesiva', 'cinta scotch'], source: 'UNSPSC 312015 «Cinta adhesiva»; uso en Colombia' },
  {
    canonical: 'concentrado para perro',
    variants: ['comida para perro', 'comida para perros', 'alimento para perro', 'alimento para perros', 'comida de perro', 'comida para mascota', 'comida para mascotas', 'alimento para mascota', 'alimento para mascotas'],
    source: 'UNSPSC 101218 «Alimento para perros y gatos»',
  },
  { canonical: 'concentrado para gato', variants: ['comida para gato', 'comida para gatos', 'alimento para gato', 'alimento para gatos', 'comida de gato'], source: 'UNSPSC 101218 «Alimento para perros y gatos»' },
];
