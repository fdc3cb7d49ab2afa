import type { DianDocument } from '#shared/dian-document';
import { DianReadError } from './errors';
import { findRoot, isUblRoot, parseXmlOrThrow } from './parse-xml';
import { readApplicationResponse } from './read-application-response';
import { isCommercialRoot, readCommercialDocument } from './read-commercial-document';
import { ReadContext } from './read-context';
import { rememberSignedTexts } from './signed-texts';
import { unwrapAttachedDocument } from './unwrap-attached-document';

/**
 * Reads one XML text (already decoded) into a DIAN document, deciding by the root element, never by file name.
 * @throws DianReadError
 */
export function readXmlDocumentOrThrow(xml: string, nested = false): DianDocument {
  const root = findRoot(xml);
  const known = root.local === 'AttachedDocument' || root.local === 'ApplicationResponse' || isCommercialRoot(root.local);
  if (!known || !isUblRoot(root)) {
    throw new DianReadError(
      'NOT_DIAN_DOCUMENT',
      known
        ? `El XML <${root.qname}> no usa el espacio de nombres UBL 2.1 de la DIAN; no es un documento electrónico DIAN.`
        : `El XML no es un documento electrónico DIAN (su elemento raíz es <${root.qname}>).`,
    );
  }
  const { tree } = parseXmlOrThrow(xml, root);
  if (root.local === 'AttachedDocument') {
    if (nested) throw new DianReadError('NOT_DIAN_DOCUMENT', 'Un contenedor no puede traer otro contenedor adentro.');
    return unwrapAttachedDocument(tree, (embedded) => readXmlDocumentOrThrow(embedded, true));
  }
  // A bare document (or one embedded in a container) is signed over exactly this text.
  if (root.local === 'ApplicationResponse') return withText(readApplicationResponse(tree, new ReadContext(root.local)), xml);
  if (isCommercialRoot(root.local)) return withText(readCommercialDocument(tree, root.local, new ReadContext(root.local)), xml);
  throw new DianReadError('NOT_DIAN_DOCUMENT', `El XML no es un documento electrónico DIAN (<${root.qname}>).`);
}

function withText(document: DianDocument, xml: string): DianDocument {
  rememberSignedTexts(document, { document: xml });
  return document;
}
