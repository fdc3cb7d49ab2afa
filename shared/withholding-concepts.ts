/**
 * The retención en la fuente concepts a purchase line can fall under, with their names in Spanish (rates, bases and
 * norms are dated data in `server/data/withholding-rules.json`). Shared so the panel offers the same list.
 */
export const WITHHOLDING_CONCEPTS = [
  'compras',
  'vehiculos',
  'combustibles',
  'servicios',
  'software_licencias',
  'software_servicios',
  'vigilancia_aseo',
  'servicios_temporales',
  'hoteles_restaurantes',
  'transporte_carga',
  'transporte_pasajeros_terrestre',
  'transporte_pasajeros_aereo',
  'salud_ips',
  'construccion',
  'honorarios',
  'arrendamiento_inmuebles',
  'arrendamiento_muebles',
] as const;

export type WithholdingConcept = (typeof WITHHOLDING_CONCEPTS)[number];

/** The value a person chooses for "no retención" on a line (stored as the line's concept). */
export const NO_WITHHOLDING = 'ninguno';

export const CONCEPT_NAMES: Record<WithholdingConcept, string> = {
  compras: 'compras',
  vehiculos: 'compra de vehículos',
  combustibles: 'combustibles',
  servicios: 'servicios',
  software_licencias: 'licenciamiento de software',
  software_servicios: 'desarrollo de software, diseño web y consultoría informática',
  vigilancia_aseo: 'vigilancia y aseo (sobre AIU)',
  servicios_temporales: 'servicios temporales (sobre AIU)',
  hoteles_restaurantes: 'hoteles y restaurantes',
  transporte_carga: 'transporte de carga',
  transporte_pasajeros_terrestre: 'transporte de pasajeros terrestre',
  transporte_pasajeros_aereo: 'transporte de pasajeros aéreo',
  salud_ips: 'servicios de salud (IPS)',
  construccion: 'contratos de construcción',
  honorarios: 'honorarios',
  arrendamiento_inmuebles: 'arrendamiento de inmuebles',
  arrendamiento_muebles: 'arrendamiento de muebles',
};

export function isWithholdingConcept(value: string): value is WithholdingConcept {
  return (WITHHOLDING_CONCEPTS as readonly string[]).includes(value);
}

