import { XMLParser } from 'fast-xml-parser';
import { zipSync, strToU8 } from 'fflate';
import type { CompanyCredential, DianDocumentStatus, DianEventGateway, DianSoftware, DianStatusGateway, SendOptions, SignedEvent } from '../ports';
import { text, toDianAnswer } from './dian-response';
import { createSoapCaller, DianServiceError, type DianClientOptions } from './soap-client';
import { escapeText } from './ws-security';

export { DianServiceError, type DianClientOptions, type DianServiceErrorCode, type FetchLike } from './soap-client';

/**
 * `SendEventUpdateStatus(contentFile)`: the signed event, exactly as signed, zipped alone as `{number}.xml`, in
 * base64 (B4: there is no file-name parameter). Resolves with DIAN's answer, accepted or not; a business rejection
 * is an answer (isValid false, its errors), never an exception. Throws DianServiceError only when no answer came.
 *
 * The software's SoftwareID and PIN are not sent here: they are inside the signed event (SoftwareSecurityCode, CUDE).
 * The environment chooses the host.
 */
export function createDianGateway(options: DianClientOptions = {}): DianEventGateway {
  const call = createSoapCaller(options);
  return {
    async sendEvent(event: SignedEvent, software: DianSoftware, credential: CompanyCredential, options: SendOptions = {}) {
      // An event made for habilitación (ProfileExecutionID 2) must not reach producción, nor the other way round:
      // DIAN would reject it, but only after it left the machine with the company's signature on it.
      const profile = /<cbc:ProfileExecutionID>\s*([12])\s*</.exec(event.xml)?.[1];
      const expected = software.environment === 'produccion' ? '1' : '2';
      if (profile && profile !== expected) {
        const names = { '1': 'producción', '2': 'habilitación (pruebas)' } as const;
        throw new DianServiceError('WRONG_ENVIRONMENT', `El evento ${event.number} se hizo para ${names[profile as '1' | '2']} y la empresa envía a ${names[expected]}; no se envía.`, false, 0);
      }
      const contentFile = Buffer.from(zipEvent(event)).toString('base64');
      const result = await call({
        method: 'SendEventUpdateStatus',
        environment: software.environment,
        body: `<wcf:contentFile>${contentFile}</wcf:contentFile>`,
        credential,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return toDianAnswer(result);
    },
  };
}

/** The ZIP DIAN receives: one entry, `{number}.xml`, with the signed bytes untouched (UTF-8). */
export function zipEvent(event: SignedEvent): Uint8Array {
  const name = `${event.number.replace(/[^\w.-]/g, '_')}.xml`;
  // A fixed date keeps the ZIP reproducible; DIAN reads the XML, not the entry's timestamp.
  return zipSync({ [name]: [strToU8(event.xml), { mtime: new Date('2020-01-01T00:00:00Z') }] }, { level: 9 });
}

const eventListParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'DocumentResponse',
});

/**
 * What DIAN knows about a received CUFE, with the company's certificate: `GetStatus(trackId)` says whether DIAN holds
 * the document and validated it; `GetStatusEvent(trackId)` lists the RADIAN events on it (its XmlBase64Bytes is an
 * ApplicationResponse with one `DocumentResponse` per event, in the order DIAN registered them, per the recorded
 * answers in public clients' tests).
 *
 * Unverified (nothing here has reached DIAN; docs/authenticity-and-events.md A4, open question 1):
 * - whether a receiver's certificate may call GetStatus on a supplier's CUFE at all (GetXmlByDocumentKey allows the
 *   receiver; GetStatus may answer only to the issuer). A SOAP Fault or an authorisation message then surfaces as
 *   DianServiceError or as `exists: false` with DIAN's own description;
 * - GetStatus's codes: 00 with IsValid true is a validated document (recorded answers); 99 with DIAN's
 *   ApplicationResponse is read as "DIAN holds it but rejected it"; anything else (66 "TrackId no existe", seen in
 *   public clients; an authorisation refusal; an unknown code) is reported as `exists: false` with DIAN's own words
 *   in `statusDescription`, never as a valid document;
 * - GetStatusEvent's 67 ("no tiene a la fecha eventos asociados") is read as an empty list (recorded answer).
 */
export function createDianStatusGateway(options: DianClientOptions = {}): DianStatusGateway {
  const call = createSoapCaller(options);
  return {
    async documentStatus(cufe: string, software: DianSoftware, credential: CompanyCredential): Promise<DianDocumentStatus> {
      const trackId = `<wcf:trackId>${escapeText(cufe.trim().toLowerCase())}</wcf:trackId>`;
      const status = toDianAnswer(await call({ method: 'GetStatus', environment: software.environment, body: trackId, credential }));
      const exists = status.statusCode === '00' || (status.statusCode === '99' && status.applicationResponseXml !== null);
      const base = { exists, isValid: exists && status.isValid && status.statusCode === '00', statusCode: status.statusCode, statusDescription: status.statusDescription || status.errors.join(' ') };
      if (!exists) return { ...base, events: [] };
      const events = toDianAnswer(await call({ method: 'GetStatusEvent', environment: software.environment, body: trackId, credential }));
      return { ...base, events: events.statusCode === '67' ? [] : eventCodes(events.applicationResponseXml) };
    },
  };
}

/** The ResponseCode of every `DocumentResponse` in DIAN's event list, in document order (oldest first). */
export function eventCodes(applicationResponseXml: string | null): string[] {
  if (!applicationResponseXml) return [];
  let tree: Record<string, unknown>;
  try {
    tree = eventListParser.parse(applicationResponseXml) as Record<string, unknown>;
  } catch {
    return [];
  }
  const root = tree['ApplicationResponse'] as Record<string, unknown> | undefined;
  const responses = (root?.['DocumentResponse'] as unknown[] | undefined) ?? [];
  return responses
    .map((r) => text(((r as Record<string, unknown>)['Response'] as Record<string, unknown> | undefined)?.['ResponseCode']))
    .filter((code): code is string => !!code && /^0\d\d$/.test(code));
}
