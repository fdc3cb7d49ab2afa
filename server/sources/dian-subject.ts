/**
 * The subject DIAN asks issuers to use when e-mailing an electronic document to the buyer (Anexo Técnico FE v1.9,
 * numeral 9.1): `NIT;Nombre;Número;Código de tipo;Nombre comercial;Línea de negocio (opcional)`.
 * Only a hint for people and logs: the XML decides everything.
 */
export interface DianSubject {
  /** NIT of the issuer, digits only (without DV). */
  nit: string;
  issuerName: string;
  /** Document number (prefix + number), `cbc:ID`. */
  number: string;
  /** `01` factura, `02` exportación, `03` contingencia, `91` nota crédito, `92` nota débito, `60`… */
  typeCode: string;
  tradeName?: string;
  businessLine?: string;
}

/**
 * Reads a DIAN subject, tolerating what real senders do: spaces around fields, a trailing `;`, a NIT written with
 * dots or with its DV, a `Fwd:`/`RV:` prefix. Returns undefined when the subject is not in DIAN form (iDempiere's
 * `NIT-Name 01-FE1`, spam, free text). The subject must already be decoded (RFC 2047): decode first, split later.
 *
 * @example parseDianSubject('99998888; Facturador Ejemplo; FEV500;01; Facturador Ejemplo;ContabilidadBog')
 * // → { nit: '99998888', issuerName: 'Facturador Ejemplo', number: 'FEV500', typeCode: '01', … }
 */
export function parseDianSubject(subject: string | undefined | null): DianSubject | undefined {
  if (!subject) return undefined;
  const text = subject.replace(/\s+/g, ' ').replace(/^(?:\s*(?:re|rv|fw|fwd|reenv|tr)\s*:\s*)+/i, '');
  const fields = text.split(';').map((f) => f.trim());
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  if (fields.length < 4) return undefined;
  const [nitField, issuerName, number, typeCode, tradeName, businessLine] = fields as [string, string, string, string, string?, string?];
  const nit = normalizeSubjectNit(nitField);
  if (!nit || !issuerName || !/^[A-Za-z0-9-]{1,40}$/.test(number) || !/^\d{2,3}$/.test(typeCode)) return undefined;
  return {
    nit,
    issuerName,
    number,
    typeCode,
    ...(tradeName ? { tradeName } : {}),
    ...(businessLine ? { businessLine } : {}),
  };
}

/** `900.123.456-7` → `900123456`; anything that is not a NIT → undefined. */
function normalizeSubjectNit(field: string): string | undefined {
  const match = /^(\d{1,3}(?:\.\d{3})+|\d{5,15})(?:\s*-\s*\d)?$/.exec(field);
  if (!match) return undefined;
  const digits = match[1]!.replace(/\./g, '');
  return digits.length >= 5 && digits.length <= 15 ? digits : undefined;
}
