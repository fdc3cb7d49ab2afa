import type { Address, Party } from '#shared/dian-document';
import { computeDv, formatNit, normalizeNit } from '#shared/nit';
import { DianReadError } from './errors';
import { parseFragment } from './parse-xml';
import type { ReadContext } from './read-context';
import { all, at, attr, child, optional, text, textAt } from './xml-node';

const ID_TYPES: Record<string, string> = {
  '11': 'Registro civil',
  '12': 'Tarjeta de identidad',
  '13': 'Cédula de ciudadanía',
  '21': 'Tarjeta de extranjería',
  '22': 'Cédula de extranjería',
  '31': 'NIT',
  '41': 'Pasaporte',
  '42': 'Documento de identificación extranjero',
  '47': 'PEP',
  '48': 'PPT',
  '50': 'NIT de otro país',
  '91': 'NUIP',
};

/**
 * Reads a party: `AccountingSupplierParty/Party`, `AccountingCustomerParty/Party`, or the `SenderParty` /
 * `ReceiverParty` of containers and application responses (which have no `Party` wrapper).
 *
 * The NIT comes from `PartyTaxScheme/CompanyID` (without DV). The DV is kept as sent and also computed, because
 * DIAN's own Genérica sample sends DV 4 in one place and 9 in another for the same NIT (docs/dian-ubl.md §4).
 */
export function readParty(party: unknown, role: string, ctx: ReadContext, personTypeNode?: unknown): Party {
  const taxScheme = child(party, 'PartyTaxScheme');
  const legalEntity = child(party, 'PartyLegalEntity');
  const idNode = at(taxScheme, 'CompanyID') ?? at(legalEntity, 'CompanyID') ?? at(party, 'PartyIdentification', 'ID');
  const rawId = text(idNode);
  if (!rawId) {
    throw new DianReadError('MISSING_FIELD', `Falta la identificación (NIT) del ${role}.`, ctx.path(role));
  }
  const nit = rawId.replace(/\s+/g, '');
  const idType = attr(idNode, 'schemeName') || undefined;
  const dvSent = attr(idNode, 'schemeID') || undefined;
  const dvComputed = idType === '31' || (!idType && /^\d+$/.test(nit)) ? computeDv(nit) : undefined;
  if (dvSent && dvComputed && dvSent !== dvComputed && idType === '31') {
    ctx.warn('DV_MISMATCH', `El DV del ${role} (NIT ${nit}) viene como ${dvSent}, pero el calculado es ${dvComputed}.`);
  }
  const legalId = at(legalEntity, 'CompanyID');
  const otherNit = text(legalId)?.replace(/\s+/g, '');
  const otherDv = attr(legalId, 'schemeID');
  if (otherNit && normalizeNit(otherNit) !== normalizeNit(nit)) {
    // DIAN's EmisorAutoretenedor and ExcluidosExentos samples carry another company's NIT in PartyLegalEntity.
    ctx.warn('DV_INCONSISTENT', `El ${role} trae dos NIT distintos: ${formatNit(nit, dvSent)} (PartyTaxScheme) y ${formatNit(otherNit, otherDv || undefined)} (PartyLegalEntity); se usa el primero.`);
  } else if (dvSent && otherDv && otherDv !== dvSent) {
    ctx.warn('DV_INCONSISTENT', `El ${role} trae dos DV distintos para el NIT ${nit}: ${dvSent} y ${otherDv}.`);
  }

  const tradeNames = all(party, 'PartyName')
    .map((p) => textAt(p, 'Name'))
    .filter((n): n is string => !!n);
  const person = child(party, 'Person');
  const personName = [textAt(person, 'FirstName'), textAt(person, 'MiddleName'), textAt(person, 'FamilyName')]
    .filter(Boolean)
    .join(' ');
  const legalName =
    textAt(taxScheme, 'RegistrationName') ?? textAt(legalEntity, 'RegistrationName') ?? (personName || tradeNames[0]) ?? nit;

  const personType = text(personTypeNode);
  const schemeId = textAt(taxScheme, 'TaxScheme', 'ID');
  const schemeName = textAt(taxScheme, 'TaxScheme', 'Name');
  const contact = child(party, 'Contact');
  const address = readAddress(at(party, 'PhysicalLocation', 'Address') ?? parseFragment(at(taxScheme, 'RegistrationAddress')));

  return {
    nit,
    ...(dvSent !== undefined ? { dvSent } : {}),
    ...(dvComputed !== undefined ? { dvComputed } : {}),
    ...(idType ? { idType, ...(ID_TYPES[idType] ? { idTypeName: ID_TYPES[idType] } : {}) } : {}),
    ...(personType === '1' ? { personType: 'juridica' as const } : personType === '2' ? { personType: 'natural' as const } : {}),
    name: legalName,
    tradeNames,
    responsibilities: splitCodes(textAt(taxScheme, 'TaxLevelCode')),
    ...(schemeId ? { taxScheme: { id: schemeId, ...(schemeName ? { name: schemeName } : {}) } } : {}),
    ciiu: splitCodes(textAt(party, 'IndustryClassificationCode')),
    ...(address ? { address } : {}),
    ...optional('email', textAt(contact, 'ElectronicMail')),
    ...optional('phone', textAt(contact, 'Telephone')),
    ...optional('contactName', textAt(contact, 'Name')),
  };
}

function readAddress(node: unknown): Address | undefined {
  if (!node) return undefined;
  const address: Address = {
    ...optional('municipalityCode', textAt(node, 'ID')),
    ...optional('city', textAt(node, 'CityName')),
    ...optional('department', textAt(node, 'CountrySubentity')),
    ...optional('departmentCode', textAt(node, 'CountrySubentityCode')),
    ...optional('line', textAt(node, 'AddressLine', 'Line')),
    ...optional('postalZone', textAt(node, 'PostalZone')),
    ...optional('countryCode', textAt(node, 'Country', 'IdentificationCode')),
  };
  return Object.keys(address).length > 0 ? address : undefined;
}

/** `"O-13;O-15"`, `"2399;2599"` → lists; junk separators tolerated. */
function splitCodes(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
