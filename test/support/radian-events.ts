import { createHash } from 'node:crypto';
import type { ClaimCode } from '#shared/radian';
import { buildEventXml } from '../../server/radian/event-document';
import type { CompanyCredential, DianSoftware, RadianEventCode, SignedEvent } from '../../server/radian/ports';
import { signEvent } from '../../server/radian/sign-event';
import { supplierIdentity, toPem } from './pki';

/**
 * Events for the transport tests (dian-gateway, supplier-mail), made by the product's own builder and signer
 * (server/radian/event-document.ts, sign-event.ts) about a test invoice between two fixed parties, so those tests
 * send exactly what the agent sends without registering an invoice first (test/radian/end-to-end.test.ts does that).
 */

export const TEST_SOFTWARE: DianSoftware = { softwareId: '5c3a8d2e-0b1f-4e7a-9c6d-2f8e1a4b7c90', pin: '54321', environment: 'habilitacion', providerNit: '900111222' };
export const COMPANY = { nit: '900111222', name: 'Compradora de Pruebas S.A.S.' };
export const SUPPLIER = { nit: '900508908', name: 'Proveedor de Pruebas S.A.S.' };
const PERSON = { firstName: 'Ana', familyName: 'Gómez', idType: '13', idNumber: '1020304050', jobTitle: 'Almacenista', department: 'Compras' };

export interface TestEventSpec {
  code: RadianEventCode;
  number: string;
  invoiceNumber: string;
  invoiceCufe: string;
  issueDate?: string;
  issueTime?: string;
  software?: DianSoftware;
  /** 031 only: concepto de reclamo 01–04 (default 01). */
  claimCode?: ClaimCode;
}

/** The company's credential in tests: its certificate under the test CA (pki.ts). */
export function companyCredential(nit = COMPANY.nit): CompanyCredential {
  const identity = supplierIdentity(nit, COMPANY.name);
  return { certificatePem: toPem(identity.certDer), chainPem: [], privateKey: identity.key };
}

/** An unsigned event, as the real builder makes it. */
export function unsignedEvent(spec: TestEventSpec): { xml: string; cude: string } {
  const { xml, cude } = buildEventXml({
    code: spec.code,
    number: spec.number,
    issueDate: spec.issueDate ?? '2026-11-20',
    issueTime: spec.issueTime ?? '10:15:00-05:00',
    software: spec.software ?? TEST_SOFTWARE,
    sender: COMPANY,
    receiver: SUPPLIER,
    invoice: { number: spec.invoiceNumber, cufe: spec.invoiceCufe },
    ...(spec.code === '030' || spec.code === '032' ? { person: PERSON } : {}),
    ...(spec.code === '031' ? { claim: spec.claimCode ?? '01' } : {}),
  });
  return { xml, cude };
}

/** A signed event ready for the gateway, signed by the real signer with the company's test certificate. */
export function testEvent(spec: TestEventSpec): SignedEvent {
  const { xml, cude } = unsignedEvent(spec);
  const signed = signEvent(xml, companyCredential(), { signingTime: `${spec.issueDate ?? '2026-11-20'}T10:15:01.000-05:00` });
  return { code: spec.code, number: spec.number, cude, invoiceCufe: spec.invoiceCufe, xml: signed };
}

/** A fake but well-formed CUFE (96 hex) for a test invoice number. */
export function testCufe(invoiceNumber: string): string {
  return createHash('sha384').update(`cufe|${invoiceNumber}`).digest('hex');
}
