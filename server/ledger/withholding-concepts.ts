/**
 * Which retención en la fuente concept a purchase line falls under, decided by the account it is debited to
 * (accounting-co.md §3.1 and §4.2). `undefined` means the line is not subject to retención (insurance premiums,
 * taxes, domiciliary public services, financial costs).
 */
export type WithholdingConcept =
  | 'compras'
  | 'combustibles'
  | 'servicios'
  | 'hoteles_restaurantes'
  | 'transporte_carga'
  | 'honorarios'
  | 'arrendamiento_inmuebles'
  | 'arrendamiento_muebles';

/** Longest prefix wins. 51xx and 52xx (administración / ventas) mirror each other, so rules are written for 51. */
const BY_PREFIX: [prefix: string, concept: WithholdingConcept | null][] = [
  ['14', 'compras'], // inventories
  ['15', 'compras'], // property, plant and equipment
  ['16', 'compras'], // intangibles (licences)
  ['17', 'servicios'], // prepaid expenses (insurance is excluded below)
  ['170520', null], // seguros pagados por anticipado
  ['61', 'compras'],
  ['62', 'compras'],
  ['7', 'compras'],
  ['5105', 'compras'], // dotación, capacitación… bought as goods for staff
  ['510563', 'servicios'], // capacitación al personal
  ['510584', 'servicios'], // gastos médicos
  ['5110', 'honorarios'],
  ['5115', null], // impuestos
  ['5120', 'arrendamiento_muebles'],
  ['512010', 'arrendamiento_inmuebles'], // construcciones y edificaciones
  ['512005', 'arrendamiento_inmuebles'], // terrenos
  ['5125', null], // contribuciones y afiliaciones
  ['5130', null], // seguros
  ['5135', 'servicios'],
  ['513525', null], // acueducto y alcantarillado
  ['513530', null], // energía eléctrica
  ['513555', null], // gas
  ['513550', 'transporte_carga'],
  ['5140', null], // gastos legales (notaría, registro)
  ['5145', 'servicios'],
  ['5150', 'servicios'],
  ['5155', 'servicios'],
  ['515505', 'hoteles_restaurantes'],
  ['5160', null],
  ['5165', null],
  ['5195', 'compras'],
  ['519520', 'hoteles_restaurantes'],
  ['519560', 'hoteles_restaurantes'],
  ['519535', 'combustibles'],
  ['519545', null], // taxis y buses
  ['519565', 'servicios'], // parqueaderos
  ['53', null], // gastos no operacionales (financieros)
];

export function withholdingConcept(accountCode: string): WithholdingConcept | undefined {
  const code = accountCode.startsWith('52') ? `51${accountCode.slice(2)}` : accountCode;
  let best: { length: number; concept: WithholdingConcept | null } | undefined;
  for (const [prefix, concept] of BY_PREFIX) {
    if (code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, concept };
  }
  if (best) return best.concept ?? undefined;
  return code.startsWith('5') ? 'servicios' : 'compras';
}

/** Services (anything but goods) are owed in 2335 costos y gastos por pagar; goods in 2205 proveedores. */
export function isGoodsConcept(concept: WithholdingConcept | undefined): boolean {
  return concept === 'compras' || concept === 'combustibles';
}
