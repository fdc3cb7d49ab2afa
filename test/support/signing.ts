import { createHash } from 'node:crypto';
import { signXadesEpes } from '../../server/authenticity/sign-xades';
import { computeDv } from '#shared/nit';
import { dianIdentity, supplierIdentity, type TestIdentity } from './pki';

/**
 * Signs test documents the way DIAN's rules say suppliers and DIAN sign them, with the production XAdES-EPES signer
 * (server/authenticity/sign-xades.ts) and the test PKI (pki.ts). Signing is slow next to everything else a test does, so the
 * result for a given text and signer is kept for the life of the process.
 */

const EXT = 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2';

const signed = new Map<string, string>();

export interface SignOptions {
  /** XAdES SigningTime (default: the document's IssueDate at 10:00 Bogotá). */
  signingTime?: string;
}

/**
 * Signs a standalone UBL document (Invoice/CreditNote/DebitNote/ApplicationResponse) with `identity`. Any signature
 * already there (a DIAN sample's) is removed first; the new one goes into an empty `ext:ExtensionContent`, added
 * when the document has none.
 */
export function signUbl(xml: string, identity: TestIdentity, options: SignOptions = {}): string {
  const cacheKey = createHash('sha256').update(xml).update(identity.certDer).update(options.signingTime ?? '').digest('hex');
  const cached = signed.get(cacheKey);
  if (cached) return cached;

  let text = xml.replace(/<ds:Signature[\s>][\s\S]*?<\/ds:Signature>/g, '');
  text = ensureEmptyExtension(text);
  // The `agente-prueba-` prefix marks a signature made here (containerFor keeps those and re-signs anything else).
  const id = `agente-prueba-${cacheKey.slice(0, 8)}-${cacheKey.slice(8, 12)}-${cacheKey.slice(12, 16)}`;
  const issueDate = /<cbc:IssueDate>([^<]+)<\/cbc:IssueDate>/.exec(text)?.[1] ?? '2026-01-01';
  const signingTime = options.signingTime ?? `${issueDate}T10:00:00.000-05:00`;
  const out = signXadesEpes(text, { certificateDer: identity.certDer, privateKey: identity.key }, { signingTime, id });
  // Bounded: benchmarks sign thousands of distinct documents once each; tests sign the same few again and again.
  if (signed.size >= 500) signed.delete(signed.keys().next().value!);
  signed.set(cacheKey, out);
  return out;
}

/** Signs a supplier's document with a certificate carrying the supplier's NIT (read from the document). */
export function signAsSupplier(xml: string, options: SignOptions = {}): string {
  return signUbl(xml, supplierIdentity(supplierNitOf(xml)), options);
}

/** The supplier NIT of a UBL document: the CompanyID of its AccountingSupplierParty. */
export function supplierNitOf(xml: string): string {
  const block = xml.slice(xml.indexOf('<cac:AccountingSupplierParty'), xml.indexOf('</cac:AccountingSupplierParty>'));
  const nit = /<cbc:CompanyID[^>]*>\s*([^<\s]+)\s*<\/cbc:CompanyID>/.exec(block)?.[1];
  if (!nit) throw new Error('El documento de prueba no tiene NIT del proveedor.');
  return nit;
}

/** What DIAN's ApplicationResponse says, and about which document (see {@link dianApplicationResponse}). */
export interface DianAnswerSpec {
  /** DIAN's own number for the response, its CUDE, and when it answered. */
  id: string;
  uuid: string;
  issueDate: string;
  issueTime: string;
  /** ProfileExecutionID: 1 production, 2 habilitación. */
  environment: '1' | '2';
  /** Whom DIAN answers (the document's sender). */
  receiver: { nit: string; name: string };
  responseCode: string;
  description: string;
  /** The document answered: its number and CUFE/CUDE, and which of the two it is. */
  reference: { id: string; uuid: string; schemeName: 'CUFE-SHA384' | 'CUDE-SHA384' };
  /** DIAN's LineResponse 0000 (its answers to events carry one). */
  lineResponse?: boolean;
  signingTime?: string;
}

/**
 * DIAN's ApplicationResponse, signed by the test "DIAN" (or `identity`): the one builder of it for the tests, both for
 * the response inside a supplier's container ({@link dianResponse}) and for the imitation's answers to events
 * (dian-imitation.ts).
 */
export function dianApplicationResponse(spec: DianAnswerSpec, identity: TestIdentity = dianIdentity()): string {
  const lineResponse = spec.lineResponse
    ? '\n    <cac:LineResponse><cac:LineReference><cbc:LineID>1</cbc:LineID></cac:LineReference><cac:Response><cbc:ResponseCode>0000</cbc:ResponseCode><cbc:Description>0</cbc:Description></cac:Response></cac:LineResponse>'
    : '';
  const xml = `<?xml version="1.0" encoding="utf-8" standalone="no"?><ApplicationResponse xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="${EXT}" xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2">
  <ext:UBLExtensions>
    <ext:UBLExtension>
      <ext:ExtensionContent/>
    </ext:UBLExtension>
  </ext:UBLExtensions>
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>1</cbc:CustomizationID>
  <cbc:ProfileID>DIAN 2.1</cbc:ProfileID>
  <cbc:ProfileExecutionID>${spec.environment}</cbc:ProfileExecutionID>
  <cbc:ID>${spec.id}</cbc:ID>
  <cbc:UUID schemeName="CUDE-SHA384">${spec.uuid}</cbc:UUID>
  <cbc:IssueDate>${spec.issueDate}</cbc:IssueDate>
  <cbc:IssueTime>${spec.issueTime}</cbc:IssueTime>
  <cac:SenderParty><cac:PartyTaxScheme><cbc:RegistrationName>Unidad Especial Dirección de Impuestos y Aduanas Nacionales</cbc:RegistrationName><cbc:CompanyID schemeID="4" schemeName="31">800197268</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme></cac:SenderParty>
  <cac:ReceiverParty><cac:PartyTaxScheme><cbc:RegistrationName>${escapeXml(spec.receiver.name)}</cbc:RegistrationName><cbc:CompanyID schemeID="${computeDv(spec.receiver.nit) ?? ''}" schemeName="31">${spec.receiver.nit}</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme></cac:ReceiverParty>
  <cac:DocumentResponse>
    <cac:Response><cbc:ResponseCode>${spec.responseCode}</cbc:ResponseCode><cbc:Description>${escapeXml(spec.description)}</cbc:Description></cac:Response>
    <cac:DocumentReference><cbc:ID>${spec.reference.id}</cbc:ID><cbc:UUID schemeName="${spec.reference.schemeName}">${spec.reference.uuid}</cbc:UUID></cac:DocumentReference>${lineResponse}
  </cac:DocumentResponse>
</ApplicationResponse>`;
  return signUbl(xml, identity, spec.signingTime ? { signingTime: spec.signingTime } : {});
}

/** DIAN's ApplicationResponse for a document (02 validated by default), signed by the test "DIAN". */
export function dianResponse(meta: { number: string; cufe: string; supplierNit: string; issueDate: string; responseCode?: string; environment?: '1' | '2' }, identity: TestIdentity = dianIdentity()): string {
  const code = meta.responseCode ?? '02';
  return dianApplicationResponse(
    {
      id: `${meta.number}-R`,
      uuid: createHash('sha384').update(`response|${meta.cufe}`).digest('hex'),
      issueDate: meta.issueDate,
      issueTime: '10:05:00-05:00',
      environment: meta.environment ?? '1',
      receiver: { nit: meta.supplierNit, name: 'Proveedor' },
      responseCode: code,
      description: code === '02' ? 'Documento validado por la DIAN' : 'Documento con errores en campos mandatorios.',
      reference: { id: meta.number, uuid: meta.cufe, schemeName: 'CUFE-SHA384' },
    },
    identity,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Adds an empty `ext:UBLExtension` for the signature when the document has no empty ExtensionContent. */
function ensureEmptyExtension(xml: string): string {
  if (/<ext:ExtensionContent\s*\/>|<ext:ExtensionContent>\s*<\/ext:ExtensionContent>/.test(xml)) return xml;
  const close = xml.indexOf('</ext:UBLExtensions>');
  if (close >= 0) return `${xml.slice(0, close)}  <ext:UBLExtension>\n      <ext:ExtensionContent/>\n    </ext:UBLExtension>\n  ${xml.slice(close)}`;
  throw new Error('El documento de prueba no tiene ext:UBLExtensions donde poner la firma.');
}

export interface ContainerMeta {
  number: string;
  cufe: string;
  supplierNit: string;
  customerNit: string;
  issueDate: string;
  responseCode?: string;
}

/**
 * A document as suppliers deliver it: signed by the supplier, inside an AttachedDocument with DIAN's signed
 * ApplicationResponse 02. Numbers, CUFE, NITs and date are read from the document itself.
 */
export function deliverable(bareXml: string, options: { responseCode?: string } = {}): string {
  // Only purchase documents travel in a container (a RADIAN event or DIAN response is passed through as it is).
  if (!/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:\w+:)?(?:Invoice|CreditNote|DebitNote)[\s>]/.test(bareXml)) return bareXml;
  return containerFor(bareXml, { ...metaOf(bareXml), ...(options.responseCode ? { responseCode: options.responseCode } : {}) });
}

/** The container for `innerXml` (a bare document, signed here unless it already is, or a container to re-wrap). */
export function containerFor(innerXml: string, meta: ContainerMeta): string {
  const bare = /^\s*(?:<\?xml[^>]*\?>\s*)?<AttachedDocument[\s>]/.test(innerXml) ? embeddedDocument(innerXml) : innerXml;
  const inner = /<ds:SignatureValue/.test(bare) && isTestSigned(bare) ? bare : signAsSupplier(bare);
  const environment = /<cbc:ProfileExecutionID>2</.test(inner) ? '2' : '1';
  const response = dianResponse({ ...meta, environment });
  return containerXml(inner, response, meta);
}

/** The embedded document of a container (the CDATA of `cac:Attachment`), exactly as it is. */
export function embeddedDocument(containerXml: string): string {
  const start = containerXml.indexOf('<![CDATA[') + 9;
  return containerXml.slice(start, containerXml.indexOf(']]>', start));
}

/** DIAN's ApplicationResponse of a container (the second CDATA), exactly as it is. */
export function embeddedResponse(containerXml: string): string {
  const first = containerXml.indexOf(']]>');
  const start = containerXml.indexOf('<![CDATA[', first) + 9;
  return containerXml.slice(start, containerXml.indexOf(']]>', start));
}

/** Was this text signed here (by any test identity, even a rogue one), rather than carrying a DIAN sample's signature? */
function isTestSigned(xml: string): boolean {
  return /<ds:Signature[^>]*\sId="agente-prueba-/.test(xml);
}

function metaOf(xml: string): ContainerMeta {
  const body = xml.slice(Math.max(0, xml.indexOf('</ext:UBLExtensions>')));
  const root = (name: string) => new RegExp(`<cbc:${name}(?:\\s[^>]*)?>\\s*([^<]*?)\\s*</cbc:${name}>`).exec(body)?.[1] ?? '';
  const customer = xml.slice(xml.indexOf('<cac:AccountingCustomerParty'), xml.indexOf('</cac:AccountingCustomerParty>'));
  return {
    number: root('ID'),
    cufe: root('UUID'),
    supplierNit: supplierNitOf(xml),
    customerNit: /<cbc:CompanyID[^>]*>\s*([^<\s]+)\s*<\/cbc:CompanyID>/.exec(customer)?.[1] ?? '',
    issueDate: root('IssueDate'),
  };
}

function containerXml(inner: string, response: string, meta: ContainerMeta): string {
  const code = meta.responseCode ?? '02';
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<AttachedDocument xmlns="urn:oasis:names:specification:ubl:schema:xsd:AttachedDocument-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>Documentos adjuntos</cbc:CustomizationID>
  <cbc:ProfileID>Factura Electrónica de Venta</cbc:ProfileID>
  <cbc:ProfileExecutionID>1</cbc:ProfileExecutionID>
  <cbc:ID>AD-${meta.number}</cbc:ID>
  <cbc:IssueDate>${meta.issueDate}</cbc:IssueDate>
  <cbc:IssueTime>10:05:00</cbc:IssueTime>
  <cbc:DocumentType>Contenedor de Factura Electrónica</cbc:DocumentType>
  <cbc:ParentDocumentID>${meta.number}</cbc:ParentDocumentID>
  <cac:SenderParty><cac:PartyTaxScheme><cbc:RegistrationName>Proveedor</cbc:RegistrationName><cbc:CompanyID schemeName="31">${meta.supplierNit}</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme></cac:SenderParty>
  <cac:ReceiverParty><cac:PartyTaxScheme><cbc:RegistrationName>Comprador</cbc:RegistrationName><cbc:CompanyID schemeName="31">${meta.customerNit}</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme></cac:ReceiverParty>
  <cac:Attachment>
    <cac:ExternalReference>
      <cbc:MimeCode>text/xml</cbc:MimeCode>
      <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
      <cbc:Description><![CDATA[${inner.trim()}]]></cbc:Description>
    </cac:ExternalReference>
  </cac:Attachment>
  <cac:ParentDocumentLineReference>
    <cbc:LineID>1</cbc:LineID>
    <cac:DocumentReference>
      <cbc:ID>${meta.number}</cbc:ID>
      <cbc:UUID schemeName="CUFE-SHA384">${meta.cufe}</cbc:UUID>
      <cbc:IssueDate>${meta.issueDate}</cbc:IssueDate>
      <cbc:DocumentType>ApplicationResponse</cbc:DocumentType>
      <cac:Attachment>
        <cac:ExternalReference>
          <cbc:MimeCode>text/xml</cbc:MimeCode>
          <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
          <cbc:Description><![CDATA[${response}]]></cbc:Description>
        </cac:ExternalReference>
      </cac:Attachment>
      <cac:ResultOfVerification>
        <cbc:ValidatorID>Unidad Especial Dirección de Impuestos y Aduanas Nacionales</cbc:ValidatorID>
        <cbc:ValidationResultCode>${code}</cbc:ValidationResultCode>
        <cbc:ValidationDate>${meta.issueDate}</cbc:ValidationDate>
        <cbc:ValidationTime>10:05:00-05:00</cbc:ValidationTime>
      </cac:ResultOfVerification>
    </cac:DocumentReference>
  </cac:ParentDocumentLineReference>
</AttachedDocument>
`;
}
