import type { DianDocument, ResponseInfo } from '#shared/dian-document';
import { DianReadError } from './errors';
import { ReadContext } from './read-context';
import { readEnvironment, readUuid } from './read-header';
import { readParty } from './read-party';
import { all, at, attr, child, optional, text, textAt } from './xml-node';

const ZERO_TOTALS = {
  lineExtension: '0.00',
  taxExclusive: '0.00',
  taxInclusive: '0.00',
  allowances: '0.00',
  charges: '0.00',
  prepaid: '0.00',
  rounding: '0.00',
  payable: '0.00',
};

/** RADIAN event codes (030 acuse … 034 aceptación tácita); everything else is a DIAN validation response. */
const RADIAN_EVENT = /^03\d$/;

/**
 * Reads an `ApplicationResponse`: DIAN's validation of a document (02 validado / 04 rechazado) or a RADIAN event.
 * `supplier` is the sender of the response and `customer` its receiver, so the record keeps one shape.
 */
export function readApplicationResponse(tree: Record<string, unknown>, ctx = new ReadContext('ApplicationResponse')): DianDocument {
  const number = ctx.requireText(child(tree, 'ID'), 'el número de la respuesta', 'ID');
  const { cufe, cufeScheme } = readUuid(tree, ctx);
  const issueDate = ctx.date(child(tree, 'IssueDate'), 'IssueDate');
  if (!issueDate) throw new DianReadError('MISSING_FIELD', 'Falta la fecha de la respuesta (IssueDate).', ctx.path('IssueDate'));
  const response = readResponse(tree, ctx);
  return {
    kind: RADIAN_EVENT.test(response.code) ? 'radian-event' : 'application-response',
    cufe,
    ...optional('cufeScheme', cufeScheme),
    number,
    issueDate,
    ...optional('issueTime', textAt(tree, 'IssueTime')),
    currency: 'COP',
    environment: readEnvironment(tree, ctx),
    ...optional('operationType', textAt(tree, 'CustomizationID')),
    supplier: readParty(child(tree, 'SenderParty'), 'emisor de la respuesta', ctx),
    customer: readParty(child(tree, 'ReceiverParty'), 'receptor de la respuesta', ctx),
    lines: [],
    taxes: [],
    withholdings: [],
    allowanceCharges: [],
    totals: ZERO_TOTALS,
    paymentMeans: [],
    billingReferences: [],
    prepaidPayments: [],
    notes: all(tree, 'Note')
      .map((n) => text(n))
      .filter((n): n is string => !!n),
    response,
    warnings: ctx.warnings,
  };
}

export function readResponse(tree: unknown, ctx: ReadContext): ResponseInfo {
  const documentResponse = child(tree, 'DocumentResponse');
  const codeNode = at(documentResponse, 'Response', 'ResponseCode');
  const code = ctx.requireText(codeNode, 'el código de respuesta', 'DocumentResponse', 'Response', 'ResponseCode');
  const reference = child(documentResponse, 'DocumentReference');
  const uuid = child(reference, 'UUID');
  // DIAN's RADIAN samples put IssuerParty inside DocumentResponse; accept it at the root too.
  const person = at(documentResponse, 'IssuerParty', 'Person') ?? at(tree, 'IssuerParty', 'Person');
  const personName = [textAt(person, 'FirstName'), textAt(person, 'FamilyName')].filter(Boolean).join(' ');
  const lineNotes = all(documentResponse, 'LineResponse')
    .map((l) => textAt(l, 'Response', 'Description'))
    .filter((d): d is string => !!d && d !== '0');
  return {
    code,
    ...optional('description', textAt(documentResponse, 'Response', 'Description')),
    ...optional('claimCode', attr(codeNode, 'listID') || undefined),
    ...optional('claimName', attr(codeNode, 'name') || undefined),
    ...(reference
      ? {
          referencedDocument: {
            ...optional('number', textAt(reference, 'ID')),
            ...optional('uuid', text(uuid)?.toLowerCase()),
            ...optional('uuidScheme', attr(uuid, 'schemeName') || undefined),
            ...optional('typeCode', textAt(reference, 'DocumentTypeCode')),
          },
        }
      : {}),
    ...optional('issuerPerson', personName || undefined),
    notes: lineNotes,
  };
}
