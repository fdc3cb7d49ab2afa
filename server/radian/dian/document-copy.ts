import type { CompanyCredential, DianCopyGateway, DianEnvironment, DianStoredCopy } from '../ports';
import { decodeBase64Xml, text } from './dian-response';
import { createSoapCaller, DianServiceError, type DianClientOptions } from './soap-client';
import { escapeText } from './ws-security';

/**
 * `GetXmlByDocumentKey(trackId)`: DIAN's own stored copy of a document, by CUFE/CUDE, asked with the company's
 * certificate under the same WS-Security as every other call (docs/ingestion-channels.md §1c). DIAN answers an
 * `EventResponse` — `Code`, `Message`, `XmlBytesBase64` (and `ValidationDate` in one generated client) — not the
 * `DianResponse` of the other methods: `Code` 100 found, 404 not found, 401 "NIT … del certificado no autorizado para
 * consultar xmls de emisor … y receptor …". DIAN allows the query when the certificate's NIT is the document's
 * sender or receiver (or holds a GlobalAuthorization for either, as a technology provider does).
 *
 * Unverified against DIAN (README «¿Cómo sé que una factura es auténtica?»): only against the tests' imitation,
 * written from those public descriptions. Whether `XmlBytesBase64` holds the bare Invoice or an AttachedDocument is
 * not documented; the comparison (server/authenticity/dian-copy.ts) accepts either.
 */
export function createDianCopyGateway(options: DianClientOptions = {}): DianCopyGateway {
  const call = createSoapCaller(options);
  return {
    async storedCopy(documentKey: string, environment: DianEnvironment, credential: CompanyCredential): Promise<DianStoredCopy> {
      const result = await call({
        method: 'GetXmlByDocumentKey',
        environment,
        body: `<wcf:trackId>${escapeText(documentKey.trim().toLowerCase())}</wcf:trackId>`,
        credential,
      });
      const code = text(result['Code']);
      if (!code) throw new DianServiceError('BAD_RESPONSE', 'La respuesta de la DIAN a GetXmlByDocumentKey no trae Code.', false, 1);
      return { code, message: text(result['Message']) ?? '', xml: code === '100' ? decodeBase64Xml(text(result['XmlBytesBase64'])) : null };
    },
  };
}
