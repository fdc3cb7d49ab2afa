import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { createDianGateway, createDianStatusGateway, DianServiceError, isAlreadyProcessed } from '../../server/radian/dian';
import { parseSoapBody, toDianAnswer } from '../../server/radian/dian/dian-response';
import { signedEnvelope } from '../../server/radian/dian/ws-security';
import type { DianAnswer, SignedEvent } from '../../server/radian/ports';
import { tempDir } from '../support/agent-harness';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { freePort } from '../support/dovecot';
import { identityUnder, rogueCa, testCa, toPem } from '../support/pki';
import { COMPANY, companyCredential, SUPPLIER, TEST_SOFTWARE, testCufe, testEvent, unsignedEvent, type TestEventSpec } from '../support/radian-events';
import { signUbl } from '../support/signing';

/** The collector, callable from a test (the flag must be set before the context that exposes it is made). */
setFlagsFromString('--expose-gc');
const forceGc = runInNewContext('gc') as () => void;

let dian: DianImitation;
const credential = companyCredential();

beforeAll(async () => {
  dian = await startDianImitation({ software: { [TEST_SOFTWARE.softwareId]: TEST_SOFTWARE.pin } });
});
afterAll(async () => {
  await dian.close();
});

function gateway(options: Parameters<typeof createDianGateway>[0] = {}) {
  return createDianGateway({ baseUrl: dian.url, backoffMs: 5, timeoutMs: 5_000, ...options });
}

/** A fresh invoice known to the imitation, and a maker of events about it. */
function invoice(number: string) {
  const cufe = testCufe(number);
  dian.seedInvoice({ cufe, number, supplierNit: SUPPLIER.nit, buyerNit: COMPANY.nit, issueDate: '2026-11-18' });
  let n = 0;
  return {
    cufe,
    event: (code: TestEventSpec['code'], extra: Partial<TestEventSpec> = {}) => testEvent({ code, number: `EV-${number}-${code}-${++n}`, invoiceNumber: number, invoiceCufe: cufe, ...extra }),
  };
}

function expectAccepted(answer: DianAnswer, event: SignedEvent): void {
  expect(answer.errors).toEqual([]);
  expect(answer).toMatchObject({ isValid: true, statusCode: '00', alreadyProcessed: false, documentKey: event.cude });
  // DIAN's own ApplicationResponse: signed (by the test "DIAN"), validating exactly this event.
  const response = answer.applicationResponseXml!;
  expect(checkSignature(response).facts.valid).toBe(true);
  expect(response).toContain('<cbc:CompanyID schemeID="4" schemeName="31">800197268</cbc:CompanyID>');
  expect(response).toContain(`<cbc:UUID schemeName="CUDE-SHA384">${event.cude}</cbc:UUID>`);
  expect(response).toContain('<cbc:ResponseCode>02</cbc:ResponseCode>');
}

describe('WS-Security envelope', () => {
  it('verifies with xmlsec1 (an independent XMLDSig implementation) over wsa:To and the Timestamp', () => {
    const temp = tempDir();
    const dir = temp.dir;
    const xml = signedEnvelope({ method: 'GetStatus', to: 'https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc', body: '<wcf:trackId>abc</wcf:trackId>', credential, signTimestamp: true });
    writeFileSync(join(dir, 'envelope.xml'), xml);
    writeFileSync(join(dir, 'cert.pem'), credential.certificatePem);
    const args = ['--verify', '--pubkey-cert-pem', join(dir, 'cert.pem'), '--id-attr:Id', 'http://www.w3.org/2005/08/addressing:To', '--id-attr:Id', 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd:Timestamp'];
    const ok = spawnSync('xmlsec1', [...args, join(dir, 'envelope.xml')], { encoding: 'utf8' });
    expect(ok.stderr).toContain('SignedInfo References (ok/all): 2/2');
    expect(ok.status).toBe(0);
    // The same check fails once wsa:To is changed after signing.
    writeFileSync(join(dir, 'changed.xml'), xml.replace('vpfe-hab.dian.gov.co', 'vpfe.dian.gov.co'));
    expect(spawnSync('xmlsec1', [...args, join(dir, 'changed.xml')], { encoding: 'utf8' }).status).not.toBe(0);
    temp.remove();
  });

  it('carries the action, the address, a BinarySecurityToken and a direct reference to it', () => {
    const xml = signedEnvelope({ method: 'SendEventUpdateStatus', to: 'https://vpfe.dian.gov.co/WcfDianCustomerServices.svc', body: '<wcf:contentFile>UEs=</wcf:contentFile>', credential, now: new Date('2026-12-03T15:00:00Z') });
    expect(xml).toContain('<wsa:Action>http://wcf.dian.colombia/IWcfDianCustomerServices/SendEventUpdateStatus</wsa:Action>');
    expect(xml).toMatch(/<wsa:To [^>]*wsu:Id="ID-[^"]+">https:\/\/vpfe\.dian\.gov\.co\/WcfDianCustomerServices\.svc<\/wsa:To>/);
    expect(xml).toContain('<wsu:Created>2026-12-03T15:00:00Z</wsu:Created><wsu:Expires>2026-12-03T15:01:00Z</wsu:Expires>');
    const token = /<wsse:BinarySecurityToken [^>]*wsu:Id="([^"]+)">([^<]+)</.exec(xml)!;
    expect(toPem(Buffer.from(token[2]!, 'base64'))).toBe(credential.certificatePem);
    expect(xml).toContain(`<wsse:Reference URI="#${token[1]}" ValueType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"/>`);
    expect(xml).toMatch(/<ds:CanonicalizationMethod Algorithm="http:\/\/www\.w3\.org\/2001\/10\/xml-exc-c14n#"><InclusiveNamespaces PrefixList="wsa soap wcf"/);
    expect(xml).toContain('<InclusiveNamespaces PrefixList="soap wcf" xmlns="http://www.w3.org/2001/10/xml-exc-c14n#"/>');
    expect(xml).toContain('<soap:Body><wcf:SendEventUpdateStatus><wcf:contentFile>UEs=</wcf:contentFile></wcf:SendEventUpdateStatus></soap:Body>');
  });
});

describe('SendEventUpdateStatus against the imitation of DIAN', () => {
  it('accepts 030, then 032, then 033 on a credit invoice', async () => {
    const bill = invoice('FV-1001');
    for (const code of ['030', '032', '033'] as const) {
      const event = bill.event(code);
      expectAccepted(await gateway().sendEvent(event, TEST_SOFTWARE, credential), event);
    }
    expect(dian.eventsFor(bill.cufe)).toEqual(['030', '032', '033']);
  });

  it('accepts a claim (031) after 030, and then refuses a goods receipt (032) and an acceptance (033)', async () => {
    const bill = invoice('FV-1002');
    const ack = bill.event('030');
    expectAccepted(await gateway().sendEvent(ack, TEST_SOFTWARE, credential), ack);
    const claim = bill.event('031', { claimCode: '02' });
    expectAccepted(await gateway().sendEvent(claim, TEST_SOFTWARE, credential), claim);
    const receipt = await gateway().sendEvent(bill.event('032'), TEST_SOFTWARE, credential);
    expect(receipt).toMatchObject({ isValid: false, statusCode: '99', alreadyProcessed: false });
    const acceptance = await gateway().sendEvent(bill.event('033'), TEST_SOFTWARE, credential);
    expect(acceptance).toMatchObject({ isValid: false, statusCode: '99', alreadyProcessed: false });
    expect(acceptance.errors.join(' ')).toMatch(/requiere el recibo del bien|reclamo \(031\)/);
    expect(dian.eventsFor(bill.cufe)).toEqual(['030', '031']);
  });

  it('refuses an acceptance (033) after 030 and 031 even when 032 came first', async () => {
    const bill = invoice('FV-1007');
    for (const code of ['030', '032'] as const) {
      const event = bill.event(code);
      expectAccepted(await gateway().sendEvent(event, TEST_SOFTWARE, credential), event);
    }
    const claim = bill.event('031', { claimCode: '03' });
    expectAccepted(await gateway().sendEvent(claim, TEST_SOFTWARE, credential), claim);
    const acceptance = await gateway().sendEvent(bill.event('033'), TEST_SOFTWARE, credential);
    expect(acceptance.errors).toEqual(['Regla: LGC04, Rechazo: No se puede aceptar una factura que tiene un reclamo (031).']);
    expect(dian.eventsFor(bill.cufe)).toEqual(['030', '032', '031']);
  });

  it('refuses 032 before 030, answering once: a business rejection is never retried', async () => {
    const bill = invoice('FV-1003');
    const before = dian.calls.length;
    const answer = await gateway({ retries: 3 }).sendEvent(bill.event('032'), TEST_SOFTWARE, credential);
    expect(answer).toMatchObject({ isValid: false, statusCode: '99', alreadyProcessed: false, applicationResponseXml: null });
    expect(answer.errors).toEqual(['Regla: LGC02, Rechazo: El evento 032 requiere el acuse de recibo (030) previo.']);
    expect(dian.calls.length - before).toBe(1);
    expect(dian.eventsFor(bill.cufe)).toEqual([]);
  });

  it('refuses an event whose CUDE was not computed with the software PIN', async () => {
    const bill = invoice('FV-1004');
    const wrongPin = bill.event('030', { software: { ...TEST_SOFTWARE, pin: '99999' } });
    const answer = await gateway().sendEvent(wrongPin, TEST_SOFTWARE, credential);
    expect(answer.isValid).toBe(false);
    expect(answer.errors).toContain('Regla: AAD06, Rechazo: El valor del CUDE no está calculado correctamente.');
  });

  it('refuses an event changed after it was signed', async () => {
    const bill = invoice('FV-1005');
    const event = bill.event('030');
    const tampered = { ...event, xml: event.xml.replace('<cbc:JobTitle>Almacenista</cbc:JobTitle>', '<cbc:JobTitle>Gerente</cbc:JobTitle>') };
    expect(tampered.xml).not.toBe(event.xml);
    const answer = await gateway().sendEvent(tampered, TEST_SOFTWARE, credential);
    expect(answer.isValid).toBe(false);
    expect(answer.errors.join(' ')).toMatch(/FIR01.*cambió después de firmado/);
    expect(dian.eventsFor(bill.cufe)).toEqual([]);
  });

  it('does not send a habilitación event to producción', async () => {
    const bill = invoice('FV-1008');
    const before = dian.calls.length;
    const error = await gateway().sendEvent(bill.event('030'), { ...TEST_SOFTWARE, environment: 'produccion' }, credential).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WRONG_ENVIRONMENT', retryable: false });
    expect((error as Error).message).toMatch(/^El evento EV-FV-1008-030-1 se hizo para habilitación \(pruebas\) y la empresa envía a producción; no se envía\.$/);
    expect(dian.calls.length).toBe(before);
  });

  it('refuses an event signed with a certificate from an authority it does not trust', async () => {
    const bill = invoice('FV-1009');
    const { xml, cude } = unsignedEvent({ code: '030', number: 'EV-FV-1009', invoiceNumber: 'FV-1009', invoiceCufe: bill.cufe });
    const forged = signUbl(xml, identityUnder(rogueCa(), COMPANY.nit, COMPANY.name));
    const answer = await gateway().sendEvent({ code: '030', number: 'EV-FV-1009', cude, invoiceCufe: bill.cufe, xml: forged }, TEST_SOFTWARE, credential);
    expect(answer.errors).toEqual(['Regla: FIR02, Rechazo: El certificado que firmó el evento no es de una entidad de certificación aceptada.']);
  });

  it('answers a repeat with StatusCode 99 «procesado anteriormente», which the client reports as already processed', async () => {
    const bill = invoice('FV-1006');
    const event = bill.event('030');
    expectAccepted(await gateway().sendEvent(event, TEST_SOFTWARE, credential), event);
    const again = await gateway().sendEvent(event, TEST_SOFTWARE, credential);
    expect(again).toMatchObject({ isValid: false, statusCode: '99', alreadyProcessed: true, errors: ['Regla: 90, Rechazo: Documento procesado anteriormente.'] });
    // A second, different 030 for the same invoice is a repeat of the event, not of the document: refused, not "already processed".
    const other = await gateway().sendEvent(bill.event('030'), TEST_SOFTWARE, credential);
    expect(other).toMatchObject({ isValid: false, alreadyProcessed: false });
    expect(dian.eventsFor(bill.cufe)).toEqual(['030']);
  });
});

describe('WS-Security checks of the imitation', () => {
  it('refuses a message signed with a key that is not the certificate’s, with a SOAP Fault that is not retried', async () => {
    const bill = invoice('FV-1101');
    const wrongKey = { ...credential, privateKey: testCa().key };
    const before = dian.calls.length;
    const error = await gateway({ retries: 3 }).sendEvent(bill.event('030'), TEST_SOFTWARE, wrongKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DianServiceError);
    expect(error).toMatchObject({ code: 'SOAP_FAULT', retryable: false, attempts: 1 });
    expect((error as Error).message).toMatch(/^La DIAN rechazó la solicitud antes de leer el documento \(wsse:InvalidSecurity: An error occurred when verifying security for the message\. \(firma inválida/);
    expect(dian.calls.slice(before)).toEqual([{ method: 'SendEventUpdateStatus', status: 500 }]);
    expect(dian.eventsFor(bill.cufe)).toEqual([]);
  });

  it('refuses a message whose signed part was changed on the way', async () => {
    const bill = invoice('FV-1102');
    // A proxy that rewrites the signed digest: the signature no longer matches.
    const tamper: typeof fetch = (url, init) => fetch(url, { ...init, body: String(init?.body).replace(/<ds:DigestValue>(.)/, (_m, c: string) => `<ds:DigestValue>${c === 'A' ? 'B' : 'A'}`) });
    const error = await gateway({ fetch: tamper as never }).sendEvent(bill.event('030'), TEST_SOFTWARE, credential).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOAP_FAULT', retryable: false });
    expect((error as Error).message).toMatch(/firma inválida/);
  });

  it('refuses a certificate from an authority it does not trust', async () => {
    const bill = invoice('FV-1103');
    const forged = identityUnder(rogueCa(), COMPANY.nit, COMPANY.name);
    const error = await gateway().sendEvent(bill.event('030'), TEST_SOFTWARE, { certificatePem: toPem(forged.certDer), chainPem: [], privateKey: forged.key }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/entidad de certificación aceptada/);
  });

  it('refuses an expired Timestamp', async () => {
    const late = await startDianImitation({ software: { [TEST_SOFTWARE.softwareId]: TEST_SOFTWARE.pin }, now: () => new Date(Date.now() + 5 * 60_000) });
    try {
      const error = await createDianGateway({ baseUrl: late.url, backoffMs: 5 }).sendEvent(invoice('FV-1104').event('030'), TEST_SOFTWARE, credential).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/el Timestamp expiró/);
    } finally {
      await late.close();
    }
  });

  it('refuses a message addressed to another host (wsa:To is the signed address)', async () => {
    const proxy: typeof fetch = (_url, init) => fetch(dian.url, init);
    const error = await createDianGateway({ baseUrl: 'https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc', fetch: proxy as never }).sendEvent(invoice('FV-1105').event('030'), TEST_SOFTWARE, credential).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/AddressFilter mismatch/);
  });
});

describe('retries', () => {
  it('retries after two 503s, waiting longer each time, then takes DIAN’s answer', async () => {
    const bill = invoice('FV-1201');
    const waits: number[] = [];
    dian.failNext(2, 'unavailable');
    const before = dian.calls.length;
    const event = bill.event('030');
    const answer = await gateway({ backoffMs: 100, sleep: async (ms) => void waits.push(ms) }).sendEvent(event, TEST_SOFTWARE, credential);
    expectAccepted(answer, event);
    expect(dian.calls.slice(before).map((c) => c.status)).toEqual([503, 503, 200]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(80);
    expect(waits[0]).toBeLessThanOrEqual(120);
    expect(waits[1]).toBeGreaterThanOrEqual(160);
    expect(waits[1]).toBeLessThanOrEqual(240);
  });

  it('retries after a call that never answers (timeout) and after an HTML 500', async () => {
    const bill = invoice('FV-1202');
    dian.failNext(1, 'hang');
    dian.failNext(1, 'html-500');
    const event = bill.event('030');
    expectAccepted(await gateway({ timeoutMs: 3000 }).sendEvent(event, TEST_SOFTWARE, credential), event);
  });

  it('reports an event whose answer was lost as already processed when the retry meets «procesado anteriormente»', async () => {
    const bill = invoice('FV-1205');
    dian.failNext(1, 'lose-answer');
    const before = dian.calls.length;
    const answer = await gateway({ timeoutMs: 3000 }).sendEvent(bill.event('030'), TEST_SOFTWARE, credential);
    expect(answer).toMatchObject({ statusCode: '99', alreadyProcessed: true });
    expect(dian.calls.slice(before)).toEqual([
      { method: 'SendEventUpdateStatus', status: 0, statusCode: '00' },
      { method: 'SendEventUpdateStatus', status: 200, statusCode: '99' },
    ]);
    expect(dian.eventsFor(bill.cufe)).toEqual(['030']);
  });

  it('gives up after the last retry with a Spanish reason, marked retryable for a later run', async () => {
    const bill = invoice('FV-1203');
    dian.failNext(3, 'unavailable');
    const error = await gateway({ retries: 2 }).sendEvent(bill.event('030'), TEST_SOFTWARE, credential).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DianServiceError);
    expect(error).toMatchObject({ code: 'HTTP', retryable: true, attempts: 3 });
    expect((error as Error).message).toBe('El servicio de la DIAN no está disponible ahora (HTTP 503). Se intentó 3 veces; se reintentará más tarde.');
    expect(dian.eventsFor(bill.cufe)).toEqual([]);
  });

  it('stops at the caller’s deadline, retries included, with the deadline’s reason; retryable', async () => {
    const bill = invoice('FV-1206');
    dian.failNext(1, 'hang');
    const deadline = new AbortController();
    setTimeout(() => deadline.abort(new Error('La DIAN no respondió en 1 segundos.')), 1_000);
    const error = await gateway({ timeoutMs: 60_000, retries: 3, backoffMs: 1_000 }).sendEvent(bill.event('030'), TEST_SOFTWARE, credential, { signal: deadline.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DianServiceError);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, attempts: 1, message: 'La DIAN no respondió en 1 segundos.' });
    expect(dian.eventsFor(bill.cufe)).toEqual([]);
  });

  it('an attempt’s own timeout fires under the caller’s deadline even when the garbage collector runs meanwhile', async () => {
    // Node can collect an AbortSignal.timeout held only by an AbortSignal.any, which then never fires
    // (nodejs/node#57736): a 1 s attempt then waited for the person's 20 s deadline, and CI timed out on it.
    const bill = invoice('FV-1207');
    dian.failNext(1, 'hang');
    const deadline = new AbortController();
    const person = setTimeout(() => deadline.abort(new Error('Plazo de la persona.')), 3_000);
    const collect = setInterval(forceGc, 25);
    try {
      const error = await gateway({ timeoutMs: 1_000, retries: 0 }).sendEvent(bill.event('030'), TEST_SOFTWARE, credential, { signal: deadline.signal }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, attempts: 1, message: 'La DIAN no respondió en 1 segundos. Se intentó 1 veces; se reintentará más tarde.' });
    } finally {
      clearInterval(collect);
      clearTimeout(person);
    }
  });

  it('reports a host that refuses connections', async () => {
    const port = await freePort();
    const error = await createDianGateway({ baseUrl: `http://127.0.0.1:${port}/WcfDianCustomerServices.svc`, retries: 1, backoffMs: 1 }).sendEvent(invoice('FV-1204').event('030'), TEST_SOFTWARE, credential).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK', retryable: true, attempts: 2 });
    expect((error as Error).message).toMatch(/^No se pudo conectar con el servicio de la DIAN \(conexión rechazada\)\./);
  });
});

describe('GetStatus / GetStatusEvent', () => {
  it('says whether DIAN knows a CUFE, and lists its events oldest first', async () => {
    const bill = invoice('FV-1301');
    const status = createDianStatusGateway({ baseUrl: dian.url, backoffMs: 5 });
    expect(await status.documentStatus(bill.cufe, TEST_SOFTWARE, credential)).toEqual({ exists: true, isValid: true, statusCode: '00', statusDescription: 'Procesado Correctamente.', events: [] });
    for (const code of ['030', '032'] as const) await gateway().sendEvent(bill.event(code), TEST_SOFTWARE, credential);
    expect((await status.documentStatus(bill.cufe.toUpperCase(), TEST_SOFTWARE, credential)).events).toEqual(['030', '032']);
    expect(await status.documentStatus(testCufe('NO-EXISTE'), TEST_SOFTWARE, credential)).toEqual({
      exists: false,
      isValid: false,
      statusCode: '66',
      statusDescription: 'TrackId no existe en los registros de la DIAN.',
      events: [],
    });
  });
  it('does not report as existing a CUFE DIAN will not tell about (an authorisation refusal), and asks nothing more', async () => {
    const methods: string[] = [];
    const refusing = async (_url: string, init: { body: string }) => {
      const method = /IWcfDianCustomerServices\/(\w+)</.exec(init.body)![1]!;
      methods.push(method);
      const body = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><${method}Response xmlns="http://wcf.dian.colombia"><${method}Result xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><b:ErrorMessage xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><c:string>NIT del certificado no autorizado para consultar este documento.</c:string></b:ErrorMessage><b:IsValid>false</b:IsValid><b:StatusCode>99</b:StatusCode><b:StatusDescription i:nil="true"/><b:XmlBase64Bytes i:nil="true"/></${method}Result></${method}Response></s:Body></s:Envelope>`;
      return { status: 200, text: async () => body };
    };
    const status = createDianStatusGateway({ baseUrl: 'https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc', fetch: refusing as never });
    expect(await status.documentStatus(testCufe('AJENA'), TEST_SOFTWARE, credential)).toEqual({
      exists: false,
      isValid: false,
      statusCode: '99',
      statusDescription: 'NIT del certificado no autorizado para consultar este documento.',
      events: [],
    });
    expect(methods).toEqual(['GetStatus']);
  });
});

describe('reading DianResponse', () => {
  it('reads a recorded-shape answer: codes as text, errors as a list, nil fields, base64 with line breaks', () => {
    const xml = Buffer.from('<ApplicationResponse/>').toString('base64');
    const envelope = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><SendEventUpdateStatusResponse xmlns="http://wcf.dian.colombia"><SendEventUpdateStatusResult xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
      <b:ErrorMessage xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
        <c:string>Regla: AAH17, Notificación: No fue informado el cargo de la persona</c:string>
        <c:string>Regla: AAH18, Notificación: No fue informado el área. sección o departamento de la
          persona</c:string>
      </b:ErrorMessage>
      <b:IsValid>true</b:IsValid><b:StatusCode>00</b:StatusCode><b:StatusDescription>Procesado Correctamente.</b:StatusDescription>
      <b:StatusMessage i:nil="true"/><b:XmlBase64Bytes>
        ${xml.slice(0, 10)}
        ${xml.slice(10)}
      </b:XmlBase64Bytes><b:XmlBytes i:nil="true"/><b:XmlDocumentKey>
        ABC123
      </b:XmlDocumentKey></SendEventUpdateStatusResult></SendEventUpdateStatusResponse></s:Body></s:Envelope>`;
    const parsed = parseSoapBody(envelope, 'SendEventUpdateStatus');
    expect(parsed.kind).toBe('result');
    expect(toDianAnswer((parsed as { result: Record<string, unknown> }).result)).toEqual({
      isValid: true,
      statusCode: '00',
      statusDescription: 'Procesado Correctamente.',
      statusMessage: '',
      errors: ['Regla: AAH17, Notificación: No fue informado el cargo de la persona', 'Regla: AAH18, Notificación: No fue informado el área. sección o departamento de la persona'],
      documentKey: 'ABC123',
      applicationResponseXml: '<ApplicationResponse/>',
      alreadyProcessed: false,
    });
  });

  it('recognises «procesado anteriormente» however DIAN words it, only with StatusCode 99', () => {
    expect(isAlreadyProcessed('99', ['Regla: 90, Rechazo: Documento procesado anteriormente.'])).toBe(true);
    expect(isAlreadyProcessed('99', ['regla:90 rechazo: documento PROCESADO   ANTERIORMENTE'])).toBe(true);
    expect(isAlreadyProcessed('99', ['Regla: 90, Rechazo: Documento con CUDE procesado anteriormente'])).toBe(true);
    expect(isAlreadyProcessed('99', ['Rechazo: El documento fue procesado con anterioridad'])).toBe(true);
    expect(isAlreadyProcessed('99', ['Regla: 900, Rechazo: otra cosa'])).toBe(false);
    expect(isAlreadyProcessed('99', ['Regla: AAD06, Rechazo: El valor del CUDE no está calculado correctamente.'])).toBe(false);
    expect(isAlreadyProcessed('00', ['Regla: 90, Rechazo: Documento procesado anteriormente.'])).toBe(false);
  });
});
