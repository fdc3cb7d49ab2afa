import type { AuthenticityResult, DianResponseFacts, SignatureFacts } from '#shared/authenticity';
import type { SignedTexts } from '../dian';
import { certificateNamesNit, DIAN_NIT } from './certificates';
import { xpath as path, xtext as textOf, type XNode } from './libxml';
import { checkChain, defaultAnchors, type TrustAnchors } from './trust-anchors';
import type { DocumentToVerify } from './to-verify';
import { checkSignature } from './xml-signature';

/** The exact texts the signatures cover, as the reader found them (server/dian `signedTextsOf`). */
export type { SignedTexts };

export { documentToVerify, type DocumentToVerify } from './to-verify';

export interface VerifyOptions {
  /** Defaults to the bundled anchors plus `AGENTE_ANCLAS_CONFIANZA`. */
  anchors?: TrustAnchors;
  now?: Date;
}

/**
 * Decides whether a received document is genuine, offline: the supplier's signature over the exact document, the
 * signing certificate being the supplier's, DIAN's signed response validating that very document, and both
 * certificates chaining to a trust anchor at signing time. The first failing check gives the code; every check's
 * facts are kept for the person who looks at it.
 */
export async function verifyAuthenticity(document: DocumentToVerify, texts: SignedTexts, options: VerifyOptions = {}): Promise<AuthenticityResult> {
  const anchors = options.anchors ?? defaultAnchors();
  const checkedAt = (options.now ?? new Date()).toISOString();
  const supplier = checkSignature(texts.document);
  const base = { checkedAt, supplier: supplier.facts, environment: document.environment };
  const result = (code: AuthenticityResult['code'], reason: string, extra: Partial<AuthenticityResult> = {}): AuthenticityResult => ({ code, reason, ...base, ...extra });

  // Well-formedness first: a text the two parsers could read differently says nothing about its signature.
  if (supplier.malformed) {
    return result('supplier_signature_invalid', `Puede haber sido alterado: el documento no es XML bien formado, así que su firma no prueba nada. ${supplier.facts.problems[0] ?? ''}`.trim());
  }
  // Too costly to check (an element with hundreds of attributes): nothing is said of its signature but that.
  if (supplier.costly) return result('supplier_signature_invalid', `No se comprobó la firma del proveedor. ${supplier.facts.problems[0] ?? ''}`.trim());
  if (!supplier.facts.present) {
    return result('unsigned', 'El documento no trae la firma electrónica del proveedor: no hay cómo saber si es auténtico.');
  }
  if (!supplier.facts.valid) {
    return result('supplier_signature_invalid', `Puede haber sido alterado: la firma del proveedor no corresponde al documento. ${supplier.facts.problems[0] ?? ''}`.trim());
  }
  supplier.facts.chain = await checkChain(supplier.signer!.cert, supplier.carried.map((c) => c.cert), anchors, supplier.signingTime);
  supplier.facts.holderMatches = certificateNamesNit(supplier.facts.certificate!, document.supplier.nit);
  if (!supplier.facts.holderMatches) {
    const ids = supplier.facts.certificate!.identifiers.join(', ') || 'ninguna identificación';
    // DIAN's habilitación is signed with the authorities' generic test certificates ("Usuario de Pruebas",
    // 11111111): there the holder is noted, not held against a document that has no fiscal value anyway.
    if (document.environment !== 'test') {
      return result('certificate_not_supplier', `Puede haber sido alterado: lo firmó un certificado de otra persona (${ids}), no del proveedor con NIT ${document.supplier.nit}.`);
    }
    supplier.facts.problems.push(`Certificado de pruebas: su titular (${ids}) no es el proveedor con NIT ${document.supplier.nit}.`);
  }

  let dian: DianResponseFacts | undefined;
  if (texts.applicationResponse !== undefined) {
    const response = checkSignature(texts.applicationResponse, responseContent);
    dian = { ...response.facts, ...response.read };
    const withDian = (code: AuthenticityResult['code'], reason: string, extra: Partial<AuthenticityResult> = {}) => result(code, reason, { dian: dian!, ...extra });
    if (response.malformed) {
      return withDian('dian_signature_invalid', `Puede haber sido alterado: la respuesta de la DIAN no es XML bien formado. ${response.facts.problems[0] ?? ''}`.trim());
    }
    if (response.costly) return withDian('dian_signature_invalid', `No se comprobó la firma de la respuesta de la DIAN. ${response.facts.problems[0] ?? ''}`.trim());
    if (!response.facts.present) return withDian('dian_signature_invalid', 'La respuesta de la DIAN que trae el archivo no está firmada: no se puede saber si la DIAN validó el documento.');
    if (!response.facts.valid) {
      return withDian('dian_signature_invalid', `Puede haber sido alterado: la firma de la respuesta de la DIAN no corresponde a su contenido. ${response.facts.problems[0] ?? ''}`.trim());
    }
    dian.holderMatches = certificateNamesNit(response.facts.certificate!, DIAN_NIT);
    if (!dian.holderMatches) {
      return withDian('dian_signature_invalid', `Puede haber sido alterado: la respuesta «de la DIAN» la firmó otra persona («${response.facts.certificate!.subject}»), no la DIAN (NIT ${DIAN_NIT}).`);
    }
    if (dian.referencedCufe !== document.cufe) {
      return withDian('cufe_mismatch', `Puede haber sido alterado: la respuesta de la DIAN es de otro documento (CUFE ${dian.referencedCufe?.slice(0, 12) ?? '—'}…, no ${document.cufe.slice(0, 12)}…).`);
    }
    if (dian.issueDate && dian.issueDate < document.issueDate) {
      return withDian('cufe_mismatch', `Puede haber sido alterado: la respuesta de la DIAN (${dian.issueDate}) es anterior al documento (${document.issueDate}).`);
    }
    if (dian.responseCode !== '02') {
      return withDian('no_dian_validation', `La DIAN no validó el documento: su respuesta dice ${dian.responseCode ?? 'otro código'}, no 02 «Documento validado por la DIAN».`);
    }
    dian.chain = await checkChain(response.signer!.cert, response.carried.map((c) => c.cert), anchors, response.signingTime);
  }

  if (!dian) {
    return result('no_dian_validation', 'Llegó solo el documento, sin la respuesta de la DIAN que lo valida.');
  }
  if (!trusted(dian)) {
    return result('unverifiable', `No se pudo confirmar que la respuesta sea de la DIAN: ${dian.chain?.problem ?? 'su certificado no es de una entidad de certificación conocida.'}`, { dian });
  }
  if (!trusted(supplier.facts)) {
    const onlyUnknown = !supplier.facts.chain!.anchored && supplier.facts.chain!.validAtSigningTime;
    return result('unverifiable', `Las firmas están completas y la DIAN lo validó, pero no se pudo confirmar el certificado del proveedor: ${supplier.facts.chain!.problem}`, {
      dian,
      ...(onlyUnknown ? { onlySupplierChainUnknown: true } : {}),
    });
  }
  return result('verified', 'Firma del proveedor verificada y validado por la DIAN.', { dian });
}

function trusted(facts: SignatureFacts): boolean {
  return !!facts.chain?.anchored && facts.chain.validAtSigningTime;
}

/** What DIAN's response says, read from its own signed text (never from the container's copy). */
function responseContent(root: XNode): Pick<DianResponseFacts, 'responseCode' | 'referencedCufe' | 'issueDate'> {
  const responseCode = textOf(path(root, 'DocumentResponse', 'Response', 'ResponseCode'));
  const referencedCufe = textOf(path(root, 'DocumentResponse', 'DocumentReference', 'UUID'))?.toLowerCase();
  const issueDate = textOf(path(root, 'IssueDate'));
  return { ...(responseCode ? { responseCode } : {}), ...(referencedCufe ? { referencedCufe } : {}), ...(issueDate ? { issueDate } : {}) };
}
