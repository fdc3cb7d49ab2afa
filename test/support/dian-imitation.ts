import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { unzipSync } from 'fflate';
import { SignedXml } from 'xml-crypto';
import { child, children, parseStrict, path, textOf } from '../../server/authenticity/dom';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { computeDv } from '#shared/nit';
import { testCa, toPem } from './pki';
import { dianApplicationResponse, dianResponse } from './signing';

/**
 * A local imitation of DIAN's WcfDianCustomerServices, written from the public descriptions (docs/ingestion-channels.md
 * §1c, authenticity-and-events.md B3–B4, the recorded answers in public clients' tests; no code copied). It runs on
 * node:http on loopback and checks, in DIAN's order, what DIAN is described to check:
 *
 * 1. transport: POST, `application/soap+xml`, a SOAP 1.2 envelope, `wsa:Action` naming a method it knows (and the
 *    same action in the Content-Type when given), `wsa:To` equal to the address it listens on;
 * 2. WS-Security: a Timestamp not yet expired (and not from the future), a BinarySecurityToken holding an X.509
 *    certificate issued by the CA it trusts (the tests' CA) and valid now, and a `ds:Signature` whose KeyInfo points
 *    at that token, verified by xml-crypto with the token's key, covering `wsa:To`;
 *    any failure is a SOAP Fault `wsse:InvalidSecurity` with HTTP 500, as WCF answers;
 * 3. SendEventUpdateStatus: base64 → ZIP → one XML; the event's XAdES signature (server/authenticity's verifier)
 *    by a certificate of the CA it trusts;
 *    ProfileExecutionID of this environment; the SoftwareID it knows and its SoftwareSecurityCode; the CUDE-SHA384
 *    recomputed with the PIN it was configured with; the invoice CUFE it was seeded with (number and parties agree);
 *    the order rules per CUFE: 030 first; 031 and 032 need 030; 033 needs 032; no 033 or 032 after 031, no 031
 *    after 033; a second event of the same code is refused;
 *    an exact repeat (same CUDE) answers StatusCode 99 `Regla: 90, Rechazo: Documento procesado anteriormente.`;
 * 4. answers like DIAN: IsValid true, StatusCode 00, and an ApplicationResponse 02 signed by the test "DIAN" in
 *    XmlBase64Bytes; or IsValid false, StatusCode 99 and the reasons in ErrorMessage.
 * GetStatus / GetStatusEvent answer for the CUFEs it was seeded with and the events it accepted.
 * GetXmlByDocumentKey(trackId) answers an `EventResponse` (Code, Message, XmlBytesBase64; ingestion-channels.md §1c)
 * for the documents it was given with `storeDocument` (the exact bytes, as DIAN keeps what it validated): Code 100
 * and the bytes; 404 for a CUFE it does not hold; 401 when the NIT of the certificate that signed the request (its
 * subject's serialNumber, DV left out) is neither the document's sender (AccountingSupplierParty) nor its receiver
 * (AccountingCustomerParty), with the message wording public clients record. The 404 message is this imitation's own.
 *
 * Rule codes other than 90 are this imitation's own labels (DIAN's real codes for events were not read).
 * It can be told to fail the next N calls with 503, with an HTML 500, by never answering, or by losing its answer
 * after doing the work.
 */

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSA = 'http://www.w3.org/2005/08/addressing';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const WCF = 'http://wcf.dian.colombia';
const ACTION_PREFIX = `${WCF}/IWcfDianCustomerServices/`;
const PATH = '/WcfDianCustomerServices.svc';
const METHODS = new Set(['SendEventUpdateStatus', 'GetStatus', 'GetStatusEvent', 'GetXmlByDocumentKey']);
const ALREADY_PROCESSED = 'Regla: 90, Rechazo: Documento procesado anteriormente.';

export interface SeededInvoice {
  cufe: string;
  number: string;
  supplierNit: string;
  buyerNit: string;
  issueDate: string;
}

export interface ImitationOptions {
  /** Software registered at this imitation of DIAN: SoftwareID → PIN. */
  software: Record<string, string>;
  /** '2' habilitación (default) or '1' producción. */
  environment?: '1' | '2';
  /** The clock it checks Timestamps and certificates with. */
  now?: () => Date;
  /** CA whose certificates it accepts in the BinarySecurityToken (default: the tests' CA). */
  trustedCaPem?: string;
}

/**
 * `unavailable`: 503 before reading anything; `html-500`: an IIS-style HTML error page; `hang`: never answers;
 * `lose-answer`: processes the call (an event is registered) and then never answers, as when the answer is lost.
 */
export type FailureMode = 'unavailable' | 'html-500' | 'hang' | 'lose-answer';

export interface RecordedCall {
  method: string;
  status: number;
  statusCode?: string;
  /** The trackId asked about (GetStatus, GetStatusEvent, GetXmlByDocumentKey). */
  trackId?: string;
}

export interface DianImitation {
  /** `http://127.0.0.1:{port}/WcfDianCustomerServices.svc`: give it to the gateway as `baseUrl`. */
  readonly url: string;
  readonly calls: RecordedCall[];
  seedInvoice(invoice: SeededInvoice): void;
  /**
   * A document DIAN holds, as the exact text it stored (a signed Invoice, CreditNote or DebitNote): answered by
   * GetXmlByDocumentKey under its UUID (CUFE/CUDE), or under `key` when given.
   */
  storeDocument(xml: string, key?: string): void;
  /** The next `count` requests fail this way before anything is read. */
  failNext(count: number, mode: FailureMode): void;
  /** Event codes registered for a CUFE, in order. */
  eventsFor(cufe: string): string[];
  close(): Promise<void>;
}

interface RegisteredEvent {
  code: string;
  cude: string;
  number: string;
  issueDate: string;
  issueTime: string;
}

class Fault extends Error {
  constructor(
    readonly subcode: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startDianImitation(options: ImitationOptions): Promise<DianImitation> {
  const environment = options.environment ?? '2';
  const now = options.now ?? (() => new Date());
  const ca = new X509Certificate(options.trustedCaPem ?? toPem(testCa().certDer));
  const invoices = new Map<string, SeededInvoice>();
  const stored = new Map<string, { xml: string; senderNit: string; receiverNit: string }>();
  const events = new Map<string, RegisteredEvent[]>();
  const calls: RecordedCall[] = [];
  const failures: FailureMode[] = [];
  const sockets = new Set<Socket>();
  let url = '';

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, 'text/plain', `error de la imitación: ${(error as Error).message}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const failure = failures.shift();
    if (failure === 'hang') {
      calls.push({ method: '?', status: 0 });
      return; // never answers; the socket is destroyed on close()
    }
    if (failure === 'unavailable') {
      calls.push({ method: '?', status: 503 });
      return reply(res, 503, 'text/html', '<html><body><h1>Service Unavailable</h1></body></html>');
    }
    if (failure === 'html-500') {
      calls.push({ method: '?', status: 500 });
      return reply(res, 500, 'text/html', '<html><body>Runtime Error</body></html>');
    }
    let method = '?';
    try {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== PATH) throw new HttpError(404, 'No existe ese recurso.');
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/soap\+xml\b/i.test(contentType)) {
        throw new HttpError(415, `Cannot process the message because the content type '${contentType}' was not the expected type 'application/soap+xml; charset=utf-8'.`);
      }
      const envelope = parseEnvelope(body);
      method = envelope.method;
      const headerAction = /action="([^"]+)"/i.exec(contentType)?.[1];
      if (headerAction && headerAction !== envelope.action) throw new Fault('a:ActionMismatch', 'La acción del Content-Type no coincide con wsa:Action.');
      const certificate = checkSecurity(envelope, body);
      if (method === 'GetXmlByDocumentKey') {
        const trackId = (textOf(child(envelope.operation, 'trackId', WCF)) ?? '').toLowerCase();
        const copy = storedCopy(trackId, certificate);
        if (failure === 'lose-answer') {
          calls.push({ method, status: 0, statusCode: copy.code, trackId });
          return;
        }
        calls.push({ method, status: 200, statusCode: copy.code, trackId });
        return reply(res, 200, 'application/soap+xml; charset=utf-8', eventResponseEnvelope(method, copy));
      }
      const result = dispatch(envelope);
      if (failure === 'lose-answer') {
        calls.push({ method, status: 0, statusCode: result.statusCode });
        return;
      }
      calls.push({ method, status: 200, statusCode: result.statusCode });
      return reply(res, 200, 'application/soap+xml; charset=utf-8', answerEnvelope(method, result));
    } catch (error) {
      if (error instanceof HttpError) {
        calls.push({ method, status: error.status });
        return reply(res, error.status, 'text/plain', error.message);
      }
      if (error instanceof Fault) {
        calls.push({ method, status: 500 });
        return reply(res, 500, 'application/soap+xml; charset=utf-8', faultEnvelope(error));
      }
      throw error;
    }
  }

  interface Envelope {
    doc: Document;
    method: string;
    action: string;
    operation: Element;
    security: Element;
    toElement: Element;
  }

  function parseEnvelope(xml: string): Envelope {
    let doc: Document;
    try {
      doc = parseStrict(xml);
    } catch (error) {
      throw new Fault('a:BadRequest', (error as Error).message);
    }
    const root = doc.documentElement!;
    if (root.localName !== 'Envelope' || root.namespaceURI !== SOAP12) throw new Fault('a:VersionMismatch', 'Se esperaba un sobre SOAP 1.2.');
    const header = child(root, 'Header', SOAP12);
    const body = child(root, 'Body', SOAP12);
    const action = textOf(child(header, 'Action', WSA));
    if (!header || !body || !action) throw new Fault('a:MessageAddressingHeaderRequired', 'Falta el encabezado wsa:Action.');
    const method = action.startsWith(ACTION_PREFIX) ? action.slice(ACTION_PREFIX.length) : '';
    if (!METHODS.has(method)) throw new Fault('a:ActionNotSupported', `The message with Action '${action}' cannot be processed at the receiver.`);
    const toElement = child(header, 'To', WSA);
    if (!toElement || textOf(toElement) !== url) throw new Fault('a:DestinationUnreachable', `The message with To '${textOf(toElement) ?? ''}' cannot be processed at the receiver, due to an AddressFilter mismatch.`);
    const security = child(header, 'Security', WSSE);
    if (!security) throw new Fault('wsse:InvalidSecurity', 'An error occurred when verifying security for the message.');
    const operation = child(body, method, WCF);
    if (!operation) throw new Fault('a:BadRequest', `El cuerpo no trae wcf:${method}.`);
    return { doc, method, action, operation, security, toElement };
  }

  /** WS-Security as described for DIAN: Timestamp, the certificate token, and a signature over wsa:To by its key. */
  function checkSecurity(envelope: Envelope, xml: string): X509Certificate {
    const invalid = (why: string): never => {
      throw new Fault('wsse:InvalidSecurity', `An error occurred when verifying security for the message. (${why})`);
    };
    const { security } = envelope;
    const timestamp = child(security, 'Timestamp', WSU);
    const created = new Date(textOf(child(timestamp, 'Created', WSU)) ?? '');
    const expires = new Date(textOf(child(timestamp, 'Expires', WSU)) ?? '');
    const at = now().getTime();
    if (Number.isNaN(created.getTime()) || Number.isNaN(expires.getTime())) invalid('Timestamp ausente o ilegible');
    if (expires.getTime() <= at) invalid('el Timestamp expiró');
    if (created.getTime() > at + 5 * 60_000) invalid('el Timestamp es del futuro');

    const signature = child(security, 'Signature', DS);
    if (!signature) invalid('sin ds:Signature');
    const reference = path(signature, 'KeyInfo', 'SecurityTokenReference', 'Reference');
    const tokenUri = reference?.getAttribute('URI') ?? '';
    const token = children(security, 'BinarySecurityToken', WSSE).find((t) => `#${t.getAttributeNS(WSU, 'Id')}` === tokenUri);
    if (!token) invalid('la firma no apunta a un BinarySecurityToken del mensaje');
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(textOf(token) ?? '', 'base64'));
    } catch {
      return invalid('el BinarySecurityToken no es un certificado X.509');
    }
    if (!certificate.checkIssued(ca) || !certificate.verify(ca.publicKey)) invalid('el certificado no es de una entidad de certificación aceptada');
    if (at < new Date(certificate.validFrom).getTime() || at > new Date(certificate.validTo).getTime()) invalid('el certificado no está vigente');

    const verifier = new SignedXml({ publicCert: createPublicKey(certificate.publicKey.export({ type: 'spki', format: 'pem' })), idMode: 'wssecurity' });
    verifier.loadSignature(signature!);
    let valid = false;
    try {
      valid = verifier.checkSignature(xml);
    } catch (error) {
      invalid(`firma inválida: ${(error as Error).message}`);
    }
    if (!valid) invalid('firma inválida');
    const toId = envelope.toElement.getAttributeNS(WSU, 'Id');
    const signedUris = verifier.getReferences().map((r) => r.uri);
    if (!toId || !signedUris.includes(`#${toId}`)) invalid('la firma no cubre wsa:To');
    return certificate;
  }

  /** GetXmlByDocumentKey: the stored bytes to the document's sender or receiver only (by the certificate's NIT). */
  function storedCopy(trackId: string, certificate: X509Certificate): CopyAnswer {
    const document = stored.get(trackId);
    if (!document) return { code: '404', message: `No se encontró el documento con trackId ${trackId}.` };
    const nit = certificateNit(certificate);
    if (nit !== document.senderNit && nit !== document.receiverNit) {
      return { code: '401', message: `NIT: ${nit} del certificado no autorizado para consultar xmls de emisor ${document.senderNit} y receptor ${document.receiverNit}` };
    }
    return { code: '100', message: 'Accion completada OK', xml: document.xml };
  }

  interface Result {
    isValid: boolean;
    statusCode: string;
    statusDescription: string;
    statusMessage?: string;
    errors: string[];
    xml?: string;
    documentKey?: string;
    fileName?: string;
  }

  function dispatch(envelope: Envelope): Result {
    if (envelope.method === 'SendEventUpdateStatus') return sendEvent(textOf(child(envelope.operation, 'contentFile', WCF)) ?? '');
    const trackId = (textOf(child(envelope.operation, 'trackId', WCF)) ?? '').toLowerCase();
    if (envelope.method === 'GetStatus') return getStatus(trackId);
    return getStatusEvent(trackId);
  }

  function rejected(errors: string[]): Result {
    return { isValid: false, statusCode: '99', statusDescription: 'Validación contiene errores en campos mandatorios.', errors };
  }

  function sendEvent(contentFile: string): Result {
    const compact = contentFile.replace(/\s+/g, '');
    if (!compact || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return rejected(['Regla: ZIP01, Rechazo: contentFile no es base64.']);
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(Buffer.from(compact, 'base64'));
    } catch {
      return rejected(['Regla: ZIP02, Rechazo: contentFile no es un archivo ZIP válido.']);
    }
    const xmlEntries = Object.entries(entries).filter(([name]) => name.toLowerCase().endsWith('.xml'));
    if (xmlEntries.length !== 1) return rejected(['Regla: ZIP03, Rechazo: El ZIP debe contener un único documento XML.']);
    const xml = Buffer.from(xmlEntries[0]![1]).toString('utf8');

    let doc: Document;
    try {
      doc = parseStrict(xml);
    } catch (error) {
      return rejected([`Regla: XML01, Rechazo: ${(error as Error).message}`]);
    }
    const root = doc.documentElement!;
    if (root.localName !== 'ApplicationResponse') return rejected(['Regla: XML02, Rechazo: El documento no es un ApplicationResponse.']);

    const signatureCheck = checkSignature(xml);
    if (!signatureCheck.facts.valid) return rejected(signatureCheck.facts.problems.map((p) => `Regla: FIR01, Rechazo: ${p}`));
    const signer = new X509Certificate(signatureCheck.signer!.der);
    if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey)) return rejected(['Regla: FIR02, Rechazo: El certificado que firmó el evento no es de una entidad de certificación aceptada.']);

    const top = (name: string) => textOf(child(root, name)) ?? '';
    const dianExtensions = children(root, 'UBLExtensions').flatMap((e) => children(e, 'UBLExtension')).flatMap((e) => children(e, 'ExtensionContent')).flatMap((e) => children(e, 'DianExtensions'))[0];
    const softwareId = textOf(path(dianExtensions, 'SoftwareProvider', 'SoftwareID')) ?? '';
    const pin = options.software[softwareId];
    const number = top('ID');
    const issueDate = top('IssueDate');
    const issueTime = top('IssueTime');
    const cude = (textOf(child(root, 'UUID')) ?? '').toLowerCase();
    const senderNit = textOf(path(root, 'SenderParty', 'PartyTaxScheme', 'CompanyID')) ?? '';
    const receiverNit = textOf(path(root, 'ReceiverParty', 'PartyTaxScheme', 'CompanyID')) ?? '';
    const documentResponse = child(root, 'DocumentResponse');
    const code = textOf(path(documentResponse, 'Response', 'ResponseCode')) ?? '';
    const reference = child(documentResponse, 'DocumentReference');
    const invoiceNumber = textOf(child(reference, 'ID')) ?? '';
    const invoiceCufe = (textOf(child(reference, 'UUID')) ?? '').toLowerCase();
    const typeCode = textOf(child(reference, 'DocumentTypeCode')) ?? '';

    const errors: string[] = [];
    if (top('ProfileExecutionID') !== environment) errors.push(`Regla: AAD05, Rechazo: ProfileExecutionID no corresponde al ambiente (${environment}).`);
    if (pin === undefined) errors.push('Regla: AAB07, Rechazo: El SoftwareID no está habilitado.');
    else {
      const securityCode = createHash('sha384').update(`${softwareId}${pin}${number}`).digest('hex');
      if ((textOf(child(dianExtensions, 'SoftwareSecurityCode')) ?? '').toLowerCase() !== securityCode) errors.push('Regla: AAB08, Rechazo: SoftwareSecurityCode no corresponde.');
      const expected = createHash('sha384').update(`${number}${issueDate}${issueTime}${senderNit}${receiverNit}${code}${invoiceNumber}${typeCode}${pin}`).digest('hex');
      if (cude !== expected) errors.push('Regla: AAD06, Rechazo: El valor del CUDE no está calculado correctamente.');
    }
    if (!['030', '031', '032', '033'].includes(code)) errors.push(`Regla: AAH03, Rechazo: Código de evento ${code || '(vacío)'} no permitido para el adquiriente.`);
    if (code === '031' && !/^0[1-4]$/.test(path(documentResponse, 'Response', 'ResponseCode')?.getAttribute('listID') ?? '')) errors.push('Regla: AAH04, Rechazo: El reclamo no informa el concepto (listID 01–04).');
    const invoice = invoices.get(invoiceCufe);
    if (!invoice) errors.push('Regla: AAH07, Rechazo: El CUFE referenciado no existe en los registros de la DIAN.');
    else {
      if (invoice.number !== invoiceNumber) errors.push('Regla: AAH08, Rechazo: El número de la factura no corresponde al CUFE referenciado.');
      if (invoice.buyerNit !== senderNit) errors.push('Regla: AAH09, Rechazo: El emisor del evento no es el adquiriente de la factura.');
      if (invoice.supplierNit !== receiverNit) errors.push('Regla: AAH10, Rechazo: El receptor del evento no es el emisor de la factura.');
    }
    if (errors.length > 0) return rejected(errors);

    const registered = events.get(invoiceCufe) ?? [];
    if (registered.some((e) => e.cude === cude)) return rejected([ALREADY_PROCESSED]);
    const has = (c: string) => registered.some((e) => e.code === c);
    const order = orderProblem(code, has);
    if (order) return rejected([order]);

    registered.push({ code, cude, number, issueDate, issueTime });
    events.set(invoiceCufe, registered);
    return {
      isValid: true,
      statusCode: '00',
      statusDescription: 'Procesado Correctamente.',
      statusMessage: `La Application response ${number}, ha sido autorizada.`,
      errors: [],
      xml: dianAnswerXml({ number, cude, senderNit, senderName: textOf(path(root, 'SenderParty', 'PartyTaxScheme', 'RegistrationName')) ?? '' }),
      documentKey: cude,
      fileName: number,
    };
  }

  function dianAnswerXml(event: { number: string; cude: string; senderNit: string; senderName: string }): string {
    const date = now().toISOString().slice(0, 10);
    return dianApplicationResponse({
      id: String(70_000_000 + calls.length),
      uuid: createHash('sha384').update(`respuesta|${event.cude}`).digest('hex'),
      issueDate: date,
      issueTime: '10:16:00-05:00',
      environment,
      receiver: { nit: event.senderNit, name: event.senderName },
      responseCode: '02',
      description: 'Documento validado por la DIAN',
      reference: { id: event.number, uuid: event.cude, schemeName: 'CUDE-SHA384' },
      lineResponse: true,
      signingTime: `${date}T10:16:00.000-05:00`,
    });
  }

  function getStatus(cufe: string): Result {
    const invoice = invoices.get(cufe);
    if (!invoice) return { isValid: false, statusCode: '66', statusDescription: 'TrackId no existe en los registros de la DIAN.', errors: [] };
    return {
      isValid: true,
      statusCode: '00',
      statusDescription: 'Procesado Correctamente.',
      statusMessage: `La Factura electrónica ${invoice.number}, ha sido autorizada.`,
      errors: [],
      xml: dianResponse({ number: invoice.number, cufe, supplierNit: invoice.supplierNit, issueDate: invoice.issueDate, environment }),
      documentKey: cufe,
      fileName: invoice.number,
    };
  }

  function getStatusEvent(cufe: string): Result {
    const registered = events.get(cufe) ?? [];
    if (!invoices.has(cufe) || registered.length === 0) {
      return { isValid: false, statusCode: '67', statusDescription: 'EL CUFE o Factura consultada no tiene a la fecha eventos asociados.', errors: [], documentKey: cufe };
    }
    const responses = registered
      .map(
        (e, i) =>
          `<cac:DocumentResponse><cac:Response><cbc:ReferenceID>${i + 1}</cbc:ReferenceID><cbc:ResponseCode>${e.code}</cbc:ResponseCode><cbc:EffectiveDate>${e.issueDate}</cbc:EffectiveDate><cbc:EffectiveTime>${e.issueTime}</cbc:EffectiveTime></cac:Response><cac:DocumentReference><cbc:ID>${e.number}</cbc:ID><cbc:UUID schemeName="CUDE-SHA384">${e.cude}</cbc:UUID></cac:DocumentReference></cac:DocumentResponse>`,
      )
      .join('');
    const xml = `<?xml version="1.0" encoding="utf-8" standalone="no"?><ApplicationResponse xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"><cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID><cbc:ProfileExecutionID>${environment}</cbc:ProfileExecutionID>${responses}</ApplicationResponse>`;
    const invoice = invoices.get(cufe)!;
    return { isValid: true, statusCode: '00', statusDescription: 'Procesado Correctamente.', statusMessage: `La Factura electrónica ${invoice.number}, ha sido autorizada.`, errors: [], xml, documentKey: cufe, fileName: 'invoice' };
  }

  return {
    get url() {
      return url;
    },
    calls,
    seedInvoice: (invoice) => invoices.set(invoice.cufe.toLowerCase(), { ...invoice, cufe: invoice.cufe.toLowerCase() }),
    failNext: (count, mode) => {
      for (let i = 0; i < count; i++) failures.push(mode);
    },
    storeDocument: (xml, key) => {
      const doc = parseStrict(xml);
      const root = doc.documentElement!;
      const uuid = (key ?? textOf(child(root, 'UUID')) ?? '').toLowerCase();
      const nitOf = (party: string) => textOf(path(root, party, 'Party', 'PartyTaxScheme', 'CompanyID')) ?? '';
      stored.set(uuid, { xml, senderNit: nitOf('AccountingSupplierParty'), receiverNit: nitOf('AccountingCustomerParty') });
    },
    eventsFor: (cufe) => (events.get(cufe.toLowerCase()) ?? []).map((e) => e.code),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The order rules as DIAN is described to enforce them (B2): a reason in DIAN's words, or undefined when allowed. */
function orderProblem(code: string, has: (code: string) => boolean): string | undefined {
  if (has(code)) return `Regla: LGC01, Rechazo: El evento ${code} ya fue registrado para esta factura.`;
  if (code !== '030' && !has('030')) return `Regla: LGC02, Rechazo: El evento ${code} requiere el acuse de recibo (030) previo.`;
  if (code === '033' && !has('032')) return 'Regla: LGC03, Rechazo: La aceptación expresa (033) requiere el recibo del bien o servicio (032).';
  // DIAN's platform also refuses a goods receipt after a claim (authenticity-and-events.md B2, from its public enums).
  if (code === '032' && has('031')) return 'Regla: LGC06, Rechazo: No se puede registrar el recibo del bien o servicio (032) después de un reclamo (031).';
  if (code === '033' && has('031')) return 'Regla: LGC04, Rechazo: No se puede aceptar una factura que tiene un reclamo (031).';
  if (code === '031' && has('033')) return 'Regla: LGC05, Rechazo: No se puede reclamar una factura ya aceptada (033).';
  return undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isoNow(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

/** The DianResponse envelope, shaped like the recorded answers (WCF data contract namespaces). */
function answerEnvelope(method: string, result: { isValid: boolean; statusCode: string; statusDescription: string; statusMessage?: string; errors: string[]; xml?: string; documentKey?: string; fileName?: string }): string {
  const errors = result.errors.map((e) => `<c:string>${escapeXml(e)}</c:string>`).join('');
  const nil = (name: string, value: string | undefined) => (value === undefined ? `<b:${name} i:nil="true"/>` : `<b:${name}>${escapeXml(value)}</b:${name}>`);
  return (
    `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}" xmlns:u="${WSU}">` +
    `<s:Header><a:Action s:mustUnderstand="1">${ACTION_PREFIX}${method}Response</a:Action>` +
    `<o:Security s:mustUnderstand="1" xmlns:o="${WSSE}"><u:Timestamp u:Id="_0"><u:Created>${isoNow()}</u:Created><u:Expires>${isoNow(300_000)}</u:Expires></u:Timestamp></o:Security></s:Header>` +
    `<s:Body><${method}Response xmlns="${WCF}"><${method}Result xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
    `<b:ErrorMessage xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays">${errors}</b:ErrorMessage>` +
    `<b:IsValid>${result.isValid}</b:IsValid><b:StatusCode>${result.statusCode}</b:StatusCode>` +
    nil('StatusDescription', result.statusDescription) +
    nil('StatusMessage', result.statusMessage) +
    nil('XmlBase64Bytes', result.xml === undefined ? undefined : Buffer.from(result.xml, 'utf8').toString('base64')) +
    `<b:XmlBytes i:nil="true"/>` +
    nil('XmlDocumentKey', result.documentKey) +
    nil('XmlFileName', result.fileName) +
    `</${method}Result></${method}Response></s:Body></s:Envelope>`
  );
}

interface CopyAnswer {
  code: string;
  message: string;
  xml?: string;
}

/** The certificate holder's NIT: its subject's serialNumber (NIT followed by its DV, as Colombian CAs write it). */
function certificateNit(certificate: X509Certificate): string {
  const serial = /(?:^|\n)serialNumber=(\d+)/.exec(certificate.subject)?.[1] ?? '';
  return serial.length > 1 && computeDv(serial.slice(0, -1)) === serial.slice(-1) ? serial.slice(0, -1) : serial;
}

/** `GetXmlByDocumentKeyResponse` with its `EventResponse` data contract (Code, Message, XmlBytesBase64). */
function eventResponseEnvelope(method: string, answer: CopyAnswer): string {
  const bytes = answer.xml === undefined ? '<b:XmlBytesBase64 i:nil="true"/>' : `<b:XmlBytesBase64>${Buffer.from(answer.xml, 'utf8').toString('base64')}</b:XmlBytesBase64>`;
  return (
    `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}" xmlns:u="${WSU}">` +
    `<s:Header><a:Action s:mustUnderstand="1">${ACTION_PREFIX}${method}Response</a:Action>` +
    `<o:Security s:mustUnderstand="1" xmlns:o="${WSSE}"><u:Timestamp u:Id="_0"><u:Created>${isoNow()}</u:Created><u:Expires>${isoNow(300_000)}</u:Expires></u:Timestamp></o:Security></s:Header>` +
    `<s:Body><${method}Response xmlns="${WCF}"><${method}Result xmlns:b="http://schemas.datacontract.org/2004/07/EventResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
    `<b:Code>${answer.code}</b:Code><b:Message>${escapeXml(answer.message)}</b:Message><b:ValidationDate i:nil="true"/>${bytes}` +
    `</${method}Result></${method}Response></s:Body></s:Envelope>`
  );
}

/** WCF's SOAP 1.2 fault for a refused message. */
function faultEnvelope(fault: Fault): string {
  return (
    `<s:Envelope xmlns:s="${SOAP12}" xmlns:a="${WSA}"><s:Header><a:Action s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/soap/fault</a:Action></s:Header>` +
    `<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a="${WSA}" xmlns:wsse="${WSSE}">${fault.subcode}</s:Value></s:Subcode></s:Code>` +
    `<s:Reason><s:Text xml:lang="en-US">${escapeXml(fault.message)}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`
  );
}
