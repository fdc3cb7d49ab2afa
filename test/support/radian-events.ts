import { createHash } from 'node:crypto';
import type { CompanyCredential, DianSoftware, RadianEventCode, SignedEvent } from '../../server/radian/ports';
import { computeDv } from '#shared/nit';
import { supplierIdentity, toPem } from './pki';
import { signUbl } from './signing';

/**
 * A minimal, well-formed buyer's RADIAN event for the transport tests (B3 of docs/authenticity-and-events.md): the
 * DianExtensions, the header with its CUDE-SHA384, the parties, DocumentResponse with the referenced invoice and the
 * person, XAdES-signed with the company's test certificate. The real builder (server/radian, the event side) replaces
 * this at merge; it is kept small on purpose and is not what the product sends.
 */

export const TEST_SOFTWARE: DianSoftware = { softwareId: '5c3a8d2e-0b1f-4e7a-9c6d-2f8e1a4b7c90', pin: '54321', environment: 'habilitacion', providerNit: '900111222' };
export const COMPANY = { nit: '900111222', name: 'Compradora de Pruebas S.A.S.' };
export const SUPPLIER = { nit: '900508908', name: 'Proveedor de Pruebas S.A.S.' };

const DESCRIPTIONS: Record<RadianEventCode, string> = {
  '030': 'Acuse de recibo de Factura Electrónica de Venta',
  '031': 'Reclamo de la Factura Electrónica de Venta',
  '032': 'Recibo del bien y/o prestación del servicio',
  '033': 'Aceptación expresa',
};

export interface TestEventSpec {
  code: RadianEventCode;
  number: string;
  invoiceNumber: string;
  invoiceCufe: string;
  issueDate?: string;
  issueTime?: string;
  software?: DianSoftware;
  /** 031 only: concepto de reclamo 01–04. */
  claimCode?: string;
}

/** The company's credential in tests: its certificate under the test CA (pki.ts). */
export function companyCredential(nit = COMPANY.nit): CompanyCredential {
  const identity = supplierIdentity(nit, COMPANY.name);
  return { certificatePem: toPem(identity.certDer), chainPem: [], privateKey: identity.key };
}

/** CUDE of an event (B3): SHA-384 of ID + date + time + sender NIT + receiver NIT + code + invoice ID + type + PIN. */
export function eventCude(parts: { number: string; issueDate: string; issueTime: string; senderNit: string; receiverNit: string; code: string; invoiceNumber: string; documentTypeCode: string; pin: string }): string {
  const input = `${parts.number}${parts.issueDate}${parts.issueTime}${parts.senderNit}${parts.receiverNit}${parts.code}${parts.invoiceNumber}${parts.documentTypeCode}${parts.pin}`;
  return createHash('sha384').update(input).digest('hex');
}

/** An unsigned event; `cude` may be forced (to test a wrong one). */
export function unsignedEvent(spec: TestEventSpec, forcedCude?: string): { xml: string; cude: string } {
  const software = spec.software ?? TEST_SOFTWARE;
  const issueDate = spec.issueDate ?? '2026-11-20';
  const issueTime = spec.issueTime ?? '10:15:00-05:00';
  const environment = software.environment === 'produccion' ? '1' : '2';
  const cude = forcedCude ?? eventCude({ number: spec.number, issueDate, issueTime, senderNit: COMPANY.nit, receiverNit: SUPPLIER.nit, code: spec.code, invoiceNumber: spec.invoiceNumber, documentTypeCode: '01', pin: software.pin });
  const securityCode = createHash('sha384').update(`${software.softwareId}${software.pin}${spec.number}`).digest('hex');
  const claim = spec.code === '031' ? ` listID="${spec.claimCode ?? '01'}" name="Documento con inconsistencias"` : '';
  const party = (p: { nit: string; name: string }) =>
    `<cac:PartyTaxScheme><cbc:RegistrationName>${p.name}</cbc:RegistrationName><cbc:CompanyID schemeAgencyID="195" schemeID="${computeDv(p.nit) ?? ''}" schemeName="31">${p.nit}</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sts="dian:gov:co:facturaelectronica:Structures-2-1">
  <ext:UBLExtensions>
    <ext:UBLExtension>
      <ext:ExtensionContent>
        <sts:DianExtensions>
          <sts:InvoiceSource><cbc:IdentificationCode listAgencyID="6" listAgencyName="United Nations Economic Commission for Europe">CO</cbc:IdentificationCode></sts:InvoiceSource>
          <sts:SoftwareProvider><sts:ProviderID schemeAgencyID="195" schemeID="${computeDv(software.providerNit) ?? ''}" schemeName="31">${software.providerNit}</sts:ProviderID><sts:SoftwareID schemeAgencyID="195">${software.softwareId}</sts:SoftwareID></sts:SoftwareProvider>
          <sts:SoftwareSecurityCode schemeAgencyID="195">${securityCode}</sts:SoftwareSecurityCode>
          <sts:AuthorizationProvider><sts:AuthorizationProviderID schemeAgencyID="195" schemeID="4" schemeName="31">800197268</sts:AuthorizationProviderID></sts:AuthorizationProvider>
          <sts:QRCode>https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=${spec.invoiceCufe}</sts:QRCode>
        </sts:DianExtensions>
      </ext:ExtensionContent>
    </ext:UBLExtension>
    <ext:UBLExtension>
      <ext:ExtensionContent/>
    </ext:UBLExtension>
  </ext:UBLExtensions>
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>1</cbc:CustomizationID>
  <cbc:ProfileID>DIAN 2.1: ApplicationResponse de la Factura Electrónica de Venta</cbc:ProfileID>
  <cbc:ProfileExecutionID>${environment}</cbc:ProfileExecutionID>
  <cbc:ID>${spec.number}</cbc:ID>
  <cbc:UUID schemeID="${environment}" schemeName="CUDE-SHA384">${cude}</cbc:UUID>
  <cbc:IssueDate>${issueDate}</cbc:IssueDate>
  <cbc:IssueTime>${issueTime}</cbc:IssueTime>
  <cac:SenderParty>${party(COMPANY)}</cac:SenderParty>
  <cac:ReceiverParty>${party(SUPPLIER)}</cac:ReceiverParty>
  <cac:DocumentResponse>
    <cac:Response><cbc:ResponseCode${claim}>${spec.code}</cbc:ResponseCode><cbc:Description>${DESCRIPTIONS[spec.code]}</cbc:Description></cac:Response>
    <cac:DocumentReference><cbc:ID>${spec.invoiceNumber}</cbc:ID><cbc:UUID schemeName="CUFE-SHA384">${spec.invoiceCufe}</cbc:UUID><cbc:DocumentTypeCode>01</cbc:DocumentTypeCode></cac:DocumentReference>
    <cac:IssuerParty><cac:Person><cbc:ID schemeID="" schemeName="13">1020304050</cbc:ID><cbc:FirstName>Ana</cbc:FirstName><cbc:FamilyName>Gómez</cbc:FamilyName><cbc:JobTitle>Almacenista</cbc:JobTitle><cbc:OrganizationDepartment>Compras</cbc:OrganizationDepartment></cac:Person></cac:IssuerParty>
  </cac:DocumentResponse>
</ApplicationResponse>`;
  return { xml, cude };
}

/** A signed event ready for the gateway (signed with the company's test certificate). */
export function testEvent(spec: TestEventSpec, options: { forcedCude?: string } = {}): SignedEvent {
  const { xml, cude } = unsignedEvent(spec, options.forcedCude);
  const identity = supplierIdentity(COMPANY.nit, COMPANY.name);
  const signed = signUbl(xml, identity, { signingTime: `${spec.issueDate ?? '2026-11-20'}T10:15:01.000-05:00` });
  return { code: spec.code, number: spec.number, cude, invoiceCufe: spec.invoiceCufe, xml: signed };
}

/** A fake but well-formed CUFE (96 hex) for a test invoice number. */
export function testCufe(invoiceNumber: string): string {
  return createHash('sha384').update(`cufe|${invoiceNumber}`).digest('hex');
}
