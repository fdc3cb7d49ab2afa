import type { DianEnvironment } from '../ports';

/**
 * DIAN's WcfDianCustomerServices hosts (docs/ingestion-channels.md §1c, authenticity-and-events.md B4): `vpfe-hab`
 * for habilitación (ProfileExecutionID 2) and `vpfe` for producción (1). The same SOAP contract on both.
 */
export const DIAN_ENDPOINTS: Record<DianEnvironment, string> = {
  habilitacion: 'https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc',
  produccion: 'https://vpfe.dian.gov.co/WcfDianCustomerServices.svc',
};

/** WCF's service namespace; every SOAP action is `{namespace}/IWcfDianCustomerServices/{method}`. */
export const DIAN_SERVICE_NS = 'http://wcf.dian.colombia';

export type DianMethod = 'SendEventUpdateStatus' | 'GetStatus' | 'GetStatusEvent' | 'GetXmlByDocumentKey';

export function soapAction(method: DianMethod): string {
  return `${DIAN_SERVICE_NS}/IWcfDianCustomerServices/${method}`;
}
