import type { DianDocument, DianValidation } from '#shared/dian-document';
import { normalizeNit } from '#shared/nit';
import { DianReadError } from './errors';
import { ReadContext } from './read-context';
import { readResponse } from './read-application-response';
import { findRoot, parseXmlOrThrow } from './parse-xml';
import { rememberSignedTexts } from './signed-texts';
import { at, cdataOrText, child, optional, text, textAt } from './xml-node';

/** Reads an embedded XML document (the CDATA of a container). Injected to avoid a module cycle with `read-xml`. */
export type ReadEmbedded = (xml: string, where: string) => DianDocument;

/**
 * Unwraps an `AttachedDocument` ("contenedor", docs/dian-ubl.md §2): reads the embedded signed document, reads
 * DIAN's ApplicationResponse beside it, and cross-checks the parts. Dates and numbers come from the embedded
 * document, never from the container (its ID and time are the vendor's own).
 *
 * @throws DianReadError `CONTAINER_EMPTY`, `CONTAINER_MISMATCH` (parts disagree) or `DIAN_REJECTED`; the last two
 *   carry the embedded document so the inbox can still show it.
 */
export function unwrapAttachedDocument(tree: Record<string, unknown>, readEmbedded: ReadEmbedded): DianDocument {
  const embeddedXml = cdataOrText(at(tree, 'Attachment', 'ExternalReference', 'Description'));
  if (!embeddedXml) {
    throw new DianReadError('CONTAINER_EMPTY', 'El contenedor (AttachedDocument) no trae el documento electrónico adjunto.', 'AttachedDocument/Attachment');
  }
  const document = readEmbedded(embeddedXml, 'AttachedDocument/Attachment');
  const parentReference = at(tree, 'ParentDocumentLineReference', 'DocumentReference');
  const responseXml = cdataOrText(at(parentReference, 'Attachment', 'ExternalReference', 'Description'));
  const validation = readValidation(parentReference, responseXml, document);
  const container = {
    ...optional('id', textAt(tree, 'ID')),
    ...optional('issueDate', textAt(tree, 'IssueDate')),
    ...optional('parentDocumentId', textAt(tree, 'ParentDocumentID')),
    ...optional('senderNit', textAt(tree, 'SenderParty', 'PartyTaxScheme', 'CompanyID')),
    ...optional('receiverNit', textAt(tree, 'ReceiverParty', 'PartyTaxScheme', 'CompanyID')),
  };
  const result: DianDocument = { ...document, container, ...optional('dianValidation', validation) };
  rememberSignedTexts(result, { document: embeddedXml, ...optional('applicationResponse', responseXml) });
  if (!validation) {
    result.warnings.push({ code: 'DIAN_VALIDATION_ABSENT', message: 'El contenedor no trae la validación de la DIAN (ApplicationResponse).' });
  }

  const disagreements = [
    compare('el número del documento (ParentDocumentID)', container.parentDocumentId, document.number),
    compare('el número referenciado por la validación', textAt(parentReference, 'ID'), document.number),
    compare('el CUFE referenciado por el contenedor', text(child(parentReference, 'UUID'))?.toLowerCase(), document.cufe),
    compare('el NIT del emisor del contenedor', container.senderNit && normalizeNit(container.senderNit), normalizeNit(document.supplier.nit)),
    compare('el NIT del receptor del contenedor', container.receiverNit && normalizeNit(container.receiverNit), normalizeNit(document.customer.nit)),
    validation && !validation.cufeMatches ? 'la validación de la DIAN corresponde a otro CUFE' : undefined,
  ].filter((d): d is string => !!d);
  if (disagreements.length > 0) {
    throw new DianReadError('CONTAINER_MISMATCH', `Las partes del contenedor no coinciden: ${disagreements.join('; ')}.`, 'AttachedDocument', {
      document: result,
    });
  }
  if (validation && !validation.validated) {
    const detail = validation.description ? `: ${validation.description}` : '';
    throw new DianReadError('DIAN_REJECTED', `La DIAN no validó este documento (código ${validation.responseCode}${detail}).`, 'AttachedDocument/ParentDocumentLineReference', {
      document: result,
    });
  }
  return result;
}

/** DIAN's verdict: `ResultOfVerification` of the container and the ApplicationResponse in its CDATA. */
function readValidation(reference: unknown, responseXml: string | undefined, document: DianDocument): DianValidation | undefined {
  const verification = child(reference, 'ResultOfVerification');
  if (!verification && !responseXml) return undefined;

  let responseCode = textAt(verification, 'ValidationResultCode');
  let description: string | undefined;
  let responseId: string | undefined;
  let referencedCufe: string | undefined;
  let notes: string[] = [];
  if (responseXml) {
    const { tree } = parseXmlOrThrow(responseXml, findRoot(responseXml));
    const ctx = new ReadContext('ApplicationResponse');
    const response = readResponse(tree, ctx);
    if (responseCode && response.code !== responseCode) {
      throw new DianReadError('CONTAINER_MISMATCH', `El contenedor dice que la validación es ${responseCode}, pero la respuesta de la DIAN dice ${response.code}.`, 'AttachedDocument', {
        document,
      });
    }
    responseCode = response.code;
    description = response.description;
    responseId = textAt(tree, 'ID');
    referencedCufe = response.referencedDocument?.uuid;
    notes = response.notes;
  }
  const code = responseCode ?? '';
  return {
    responseCode: code,
    ...optional('description', description),
    validated: code === '02',
    ...optional('date', textAt(verification, 'ValidationDate')),
    ...optional('time', textAt(verification, 'ValidationTime')),
    ...optional('responseId', responseId),
    cufeMatches: referencedCufe === undefined ? true : referencedCufe === document.cufe,
    notes,
  };
}

function compare(what: string, a: string | undefined, b: string | undefined): string | undefined {
  return a && b && a !== b ? `${what} es «${a}» y no «${b}»` : undefined;
}
