/**
 * The transport to DIAN's WcfDianCustomerServices (issue 16): SOAP 1.2 under WS-Security with the company's
 * certificate. `createDianGateway` sends RADIAN events (SendEventUpdateStatus); `createDianStatusGateway` reads what
 * DIAN knows about a CUFE (GetStatus, GetStatusEvent). Nothing here has been run against DIAN: see the README.
 * @module
 */
export { createDianGateway, createDianStatusGateway, eventCodes, zipEvent, DianServiceError, type DianClientOptions, type DianServiceErrorCode, type FetchLike } from './gateways';
export { createDianCopyGateway } from './document-copy';
export { DIAN_ENDPOINTS, soapAction } from './endpoints';
export { isAlreadyProcessed } from './dian-response';
