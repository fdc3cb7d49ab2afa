import { XMLParser } from 'fast-xml-parser';
import type { DianAnswer } from '../ports';
import type { DianMethod } from './endpoints';

/**
 * Reading DIAN's answers. Every method used here answers a WCF data contract `DianResponse`
 * (namespace `http://schemas.datacontract.org/2004/07/DianResponse`) inside `{Method}Response/{Method}Result`:
 * `ErrorMessage` (a list of `string`), `IsValid`, `StatusCode`, `StatusDescription`, `StatusMessage`,
 * `XmlBase64Bytes` (DIAN's signed ApplicationResponse), `XmlBytes`, `XmlDocumentKey`, `XmlFileName`
 * (docs/authenticity-and-events.md B4; the shapes of recorded answers in public clients' tests). A SOAP 1.2 Fault
 * (`soap:Body/soap:Fault`) is what WCF sends instead when the envelope or its security is refused.
 */

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  // Codes stay text: "00" and "030" are not numbers.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'string',
  processEntities: true,
});

export interface SoapFault {
  code: string;
  subcode?: string;
  reason: string;
}

export type ParsedBody = { kind: 'result'; result: Record<string, unknown> } | { kind: 'fault'; fault: SoapFault };

/** @throws Error (Spanish) when the text is not a SOAP envelope with the method's result or a Fault. */
export function parseSoapBody(xml: string, method: DianMethod): ParsedBody {
  let tree: Record<string, unknown>;
  try {
    tree = parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`La respuesta de la DIAN no es XML válido (${(error as Error).message}).`);
  }
  const body = obj(obj(tree['Envelope'])?.['Body']);
  if (!body) throw new Error('La respuesta de la DIAN no es un sobre SOAP (falta soap:Body).');
  const fault = obj(body['Fault']);
  if (fault) {
    const subcode = text(obj(obj(obj(fault['Code'])?.['Subcode']))?.['Value']);
    return {
      kind: 'fault',
      fault: {
        code: text(obj(fault['Code'])?.['Value']) ?? '',
        ...(subcode ? { subcode } : {}),
        reason: text(obj(fault['Reason'])?.['Text']) ?? text(fault['Reason']) ?? '',
      },
    };
  }
  const result = obj(obj(body[`${method}Response`])?.[`${method}Result`]);
  if (!result) throw new Error(`La respuesta de la DIAN no trae ${method}Result.`);
  return { kind: 'result', result };
}

/** A `DianResponse` as the port's `DianAnswer`. */
export function toDianAnswer(result: Record<string, unknown>): DianAnswer {
  const errors = errorList(result['ErrorMessage']);
  const statusCode = text(result['StatusCode']) ?? '';
  return {
    isValid: (text(result['IsValid']) ?? '').toLowerCase() === 'true',
    statusCode,
    statusDescription: text(result['StatusDescription']) ?? '',
    statusMessage: text(result['StatusMessage']) ?? '',
    errors,
    documentKey: text(result['XmlDocumentKey']) ?? null,
    applicationResponseXml: decodeBase64Xml(text(result['XmlBase64Bytes'])),
    alreadyProcessed: isAlreadyProcessed(statusCode, errors),
  };
}

/**
 * DIAN's answer to an event it already holds: StatusCode 99 with `Regla: 90, Rechazo: Documento procesado
 * anteriormente.` (B4; Odoo treats it as "already registered"). Matched on the rule number or the words, ignoring
 * case, accents, spacing and punctuation, so a reworded message still counts; never on another status code.
 */
export function isAlreadyProcessed(statusCode: string, errors: string[]): boolean {
  if (statusCode !== '99') return false;
  return errors.some((error) => {
    // Narrower than server/text/fold.ts (only U+0300–036F, no trim), left as written so no DIAN answer reads differently.
    const plain = error.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ');
    return /\bregla\s*:?\s*90\b/.test(plain) || /procesad[oa]s? (con )?anterioridad|procesad[oa]s? anteriormente/.test(plain);
  });
}

function errorList(node: unknown): string[] {
  const holder = obj(node);
  const items = holder?.['string'];
  if (!Array.isArray(items)) return [];
  return items.map((item) => (text(item) ?? '').replace(/\s+/g, ' ').trim()).filter((item) => item.length > 0);
}

/** DIAN's bytes as text: base64 → UTF-8, without a byte-order mark. `null` when it is not base64 or empty. */
export function decodeBase64Xml(value: string | undefined): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  const decoded = Buffer.from(compact, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  return decoded.length > 0 ? decoded : null;
}

function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Text of an element: a string, or `#text` of one with attributes; `undefined` for empty or nil. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  const o = obj(value);
  if (o && typeof o['#text'] === 'string') return o['#text'].trim() || undefined;
  return undefined;
}
