import { createHash } from 'node:crypto';
import { CLAIM_REASONS, RADIAN_EVENT_NAMES, type ClaimCode, type ReceivingPerson } from '#shared/radian';
import { computeDv } from '#shared/nit';
import type { DianEnvironment, DianSoftware, RadianEventCode } from './ports';

/**
 * The buyer's event as DIAN's annex and its samples show it (docs/authenticity-and-events.md B3; dian-ubl.md §8;
 * `dian-samples/dian-toolkit__RADIAN_030…032…031`): a UBL 2.1 ApplicationResponse with DIAN's extension (software
 * provider, security code, authorization provider, QR of the invoice), an empty extension where the signature goes,
 * the header with the CUDE, Sender = the buyer (us), Receiver = the supplier, and the DocumentResponse naming the
 * invoice by number and CUFE. Built as text from escaped values: the signature then covers exactly these bytes.
 */

export const DIAN_NIT = '800197268';
const AGENCY = 'schemeAgencyID="195" schemeAgencyName="CO, DIAN (Dirección de Impuestos y Aduanas Nacionales)"';
const PROFILE = 'DIAN 2.1: ApplicationResponse de la Factura Electrónica de Venta';
/** The sample's QR host; the same for both environments there (the annex's habilitación host is not confirmed). */
const QR_BASE = 'https://catalogo-vpfe.dian.gov.co/document/searchqr?documentkey=';

export interface EventParty {
  name: string;
  /** Identification number without DV. */
  nit: string;
  /** DIAN ID type of the party (`31` NIT by default). */
  idType?: string;
  /** `1` persona jurídica, `2` persona natural (CompanyID@schemeVersionID). */
  personType?: '1' | '2';
}

export interface EventInput {
  code: RadianEventCode;
  /** Our own number, e.g. `EV00000001`. */
  number: string;
  /** Bogotá date and time of the event: `2026-12-03`, `10:15:00-05:00`. */
  issueDate: string;
  issueTime: string;
  software: DianSoftware;
  /** The buyer: our company. */
  sender: EventParty;
  /** The supplier who issued the invoice. */
  receiver: EventParty;
  invoice: { number: string; cufe: string; typeCode?: string };
  /** Who performed a 030/032 (IssuerParty/Person); required for those two. */
  person?: ReceivingPerson;
  /** 031 only. */
  claim?: ClaimCode;
  notes?: string[];
}

export interface BuiltEvent {
  xml: string;
  cude: string;
  softwareSecurityCode: string;
}

/** `1` production, `2` habilitación: ProfileExecutionID and the UUID's schemeID. */
export function profileExecutionId(environment: DianEnvironment): '1' | '2' {
  return environment === 'produccion' ? '1' : '2';
}

/**
 * CUDE of a RADIAN event (Anexo 1.9 §11.5 as implemented by Odoo; verified on the 030 sample's Note):
 * SHA-384 of ID + IssueDate + IssueTime + sender NIT + receiver NIT + ResponseCode + referenced invoice ID +
 * DocumentTypeCode + software PIN, without separators, lowercase hex.
 */
export function eventCude(parts: { number: string; issueDate: string; issueTime: string; senderNit: string; receiverNit: string; code: string; invoiceNumber: string; documentTypeCode: string; pin: string }): string {
  const text = parts.number + parts.issueDate + parts.issueTime + parts.senderNit + parts.receiverNit + parts.code + parts.invoiceNumber + parts.documentTypeCode + parts.pin;
  return createHash('sha384').update(text, 'utf8').digest('hex');
}

/** SoftwareSecurityCode: SHA-384 of SoftwareID + PIN + the document's number (the 030 sample's second Note). */
export function softwareSecurityCode(softwareId: string, pin: string, number: string): string {
  return createHash('sha384').update(softwareId + pin + number, 'utf8').digest('hex');
}

/** Builds the unsigned event; the signature goes into its second (empty) `ext:ExtensionContent`. */
export function buildEventXml(input: EventInput): BuiltEvent {
  if ((input.code === '030' || input.code === '032') && !input.person) {
    throw new Error(`El evento ${input.code} necesita la persona que recibe (nombre, identificación, cargo y área).`);
  }
  if (input.code === '031' && !input.claim) throw new Error('El reclamo (031) necesita su motivo (01 a 04).');
  const typeCode = input.invoice.typeCode ?? '01';
  const environment = profileExecutionId(input.software.environment);
  const cude = eventCude({
    number: input.number,
    issueDate: input.issueDate,
    issueTime: input.issueTime,
    senderNit: input.sender.nit,
    receiverNit: input.receiver.nit,
    code: input.code,
    invoiceNumber: input.invoice.number,
    documentTypeCode: typeCode,
    pin: input.software.pin,
  });
  const securityCode = softwareSecurityCode(input.software.softwareId, input.software.pin, input.number);
  const responseCode =
    input.code === '031'
      ? `<cbc:ResponseCode name="${esc(CLAIM_REASONS[input.claim!])}" listID="${input.claim}">031</cbc:ResponseCode>`
      : `<cbc:ResponseCode>${input.code}</cbc:ResponseCode>`;
  const person = input.person && (input.code === '030' || input.code === '032') ? personXml(input.person) : '';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sts="dian:gov:co:facturaelectronica:Structures-2-1" xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" xmlns:xades141="http://uri.etsi.org/01903/v1.4.1#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ext:UBLExtensions>
    <ext:UBLExtension>
      <ext:ExtensionContent>
        <sts:DianExtensions>
          <sts:InvoiceSource>
            <cbc:IdentificationCode listAgencyID="6" listAgencyName="United Nations Economic Commission for Europe" listSchemeURI="urn:oasis:names:specification:ubl:codelist:gc:CountryIdentificationCode-2.1">CO</cbc:IdentificationCode>
          </sts:InvoiceSource>
          <sts:SoftwareProvider>
            <sts:ProviderID schemeID="${computeDv(input.software.providerNit) ?? ''}" schemeName="31" ${AGENCY}>${esc(input.software.providerNit)}</sts:ProviderID>
            <sts:SoftwareID ${AGENCY}>${esc(input.software.softwareId)}</sts:SoftwareID>
          </sts:SoftwareProvider>
          <sts:SoftwareSecurityCode ${AGENCY}>${securityCode}</sts:SoftwareSecurityCode>
          <sts:AuthorizationProvider>
            <sts:AuthorizationProviderID schemeID="${computeDv(DIAN_NIT)}" schemeName="31" ${AGENCY}>${DIAN_NIT}</sts:AuthorizationProviderID>
          </sts:AuthorizationProvider>
          <sts:QRCode>${QR_BASE}${esc(input.invoice.cufe)}</sts:QRCode>
        </sts:DianExtensions>
      </ext:ExtensionContent>
    </ext:UBLExtension>
    <ext:UBLExtension>
      <ext:ExtensionContent/>
    </ext:UBLExtension>
  </ext:UBLExtensions>
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>1</cbc:CustomizationID>
  <cbc:ProfileID>${PROFILE}</cbc:ProfileID>
  <cbc:ProfileExecutionID>${environment}</cbc:ProfileExecutionID>
  <cbc:ID>${esc(input.number)}</cbc:ID>
  <cbc:UUID schemeID="${environment}" schemeName="CUDE-SHA384">${cude}</cbc:UUID>
  <cbc:IssueDate>${input.issueDate}</cbc:IssueDate>
  <cbc:IssueTime>${input.issueTime}</cbc:IssueTime>
${(input.notes ?? []).map((n) => `  <cbc:Note>${esc(n)}</cbc:Note>\n`).join('')}  <cac:SenderParty>
${partyXml(input.sender)}
  </cac:SenderParty>
  <cac:ReceiverParty>
${partyXml(input.receiver)}
  </cac:ReceiverParty>
  <cac:DocumentResponse>
    <cac:Response>
      ${responseCode}
      <cbc:Description>${esc(RADIAN_EVENT_NAMES[input.code])}</cbc:Description>
    </cac:Response>
    <cac:DocumentReference>
      <cbc:ID>${esc(input.invoice.number)}</cbc:ID>
      <cbc:UUID schemeName="CUFE-SHA384">${esc(input.invoice.cufe)}</cbc:UUID>
      <cbc:DocumentTypeCode>${esc(typeCode)}</cbc:DocumentTypeCode>
    </cac:DocumentReference>${person}
  </cac:DocumentResponse>
</ApplicationResponse>
`;
  return { xml, cude, softwareSecurityCode: securityCode };
}

function partyXml(party: EventParty): string {
  const idType = party.idType ?? '31';
  const dv = idType === '31' ? computeDv(party.nit) : undefined;
  return `    <cac:PartyTaxScheme>
      <cbc:RegistrationName>${esc(party.name)}</cbc:RegistrationName>
      <cbc:CompanyID ${AGENCY}${dv ? ` schemeID="${dv}"` : ''} schemeName="${esc(idType)}" schemeVersionID="${party.personType ?? '1'}">${esc(party.nit)}</cbc:CompanyID>
      <cac:TaxScheme>
        <cbc:ID>01</cbc:ID>
        <cbc:Name>IVA</cbc:Name>
      </cac:TaxScheme>
    </cac:PartyTaxScheme>`;
}

function personXml(person: ReceivingPerson): string {
  const dv = computeDv(person.idNumber);
  return `
    <cac:IssuerParty>
      <cac:Person>
        <cbc:ID${dv ? ` schemeID="${dv}"` : ''} schemeName="${esc(person.idType)}">${esc(person.idNumber)}</cbc:ID>
        <cbc:FirstName>${esc(person.firstName)}</cbc:FirstName>
        <cbc:FamilyName>${esc(person.familyName)}</cbc:FamilyName>
        <cbc:JobTitle>${esc(person.jobTitle)}</cbc:JobTitle>
        <cbc:OrganizationDepartment>${esc(person.department)}</cbc:OrganizationDepartment>
      </cac:Person>
    </cac:IssuerParty>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
