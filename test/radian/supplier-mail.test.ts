import { unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignature } from '../../server/authenticity/xml-signature';
import { readDianFile, signedTextsOf } from '../../server/dian';
import { createDianGateway } from '../../server/radian/dian';
import type { DianAnswer, SignedEvent, SmtpSettings, SupplierNotice } from '../../server/radian/ports';
import { createSmtpNotifier, eventAttachedDocument } from '../../server/radian/supplier-mail';
import { startDianImitation, type DianImitation } from '../support/dian-imitation';
import { COMPANY, companyCredential, SUPPLIER, TEST_SOFTWARE, testCufe, testEvent } from '../support/radian-events';
import { startTestSmtp, type TestSmtp } from '../support/smtp';

/**
 * The supplier's copy travels through a real SMTP server: `smtp-server` (nodemailer's authors' server library) on
 * loopback, with AUTH, recording every message it accepts; the message is then parsed back with mailparser and the
 * ZIP read with our own DIAN reader.
 */

const USER = 'facturacion@compradora.test';
const PASSWORD = 'clave-smtp';
let smtp: TestSmtp;
let dian: DianImitation;
let event: SignedEvent;
let answer: DianAnswer;

beforeAll(async () => {
  smtp = await startTestSmtp({ user: USER, password: PASSWORD });

  // A real 030 accepted by the imitation of DIAN: the answer the supplier gets is DIAN's signed ApplicationResponse.
  dian = await startDianImitation({ software: { [TEST_SOFTWARE.softwareId]: TEST_SOFTWARE.pin } });
  const cufe = testCufe('FV-2001');
  dian.seedInvoice({ cufe, number: 'FV-2001', supplierNit: SUPPLIER.nit, buyerNit: COMPANY.nit, issueDate: '2026-11-18' });
  event = testEvent({ code: '030', number: 'ACR0001', invoiceNumber: 'FV-2001', invoiceCufe: cufe });
  answer = await createDianGateway({ baseUrl: dian.url }).sendEvent(event, TEST_SOFTWARE, companyCredential());
  expect(answer.isValid).toBe(true);
});

afterAll(async () => {
  await dian.close();
  await smtp.close();
});

function settings(overrides: Partial<SmtpSettings> = {}): SmtpSettings {
  return { host: '127.0.0.1', port: smtp.port, secure: false, user: USER, password: PASSWORD, from: 'Compradora de Pruebas <facturacion@compradora.test>', ...overrides };
}

function notice(overrides: Partial<SupplierNotice> = {}): SupplierNotice {
  return { to: 'recepcion@proveedor.test', companyName: COMPANY.name, companyNit: COMPANY.nit, supplierName: SUPPLIER.name, supplierNit: SUPPLIER.nit, event, dianAnswer: answer, ...overrides };
}

describe('the supplier’s copy of an accepted event', () => {
  it('arrives through SMTP with the zipped AttachedDocument holding the event and DIAN’s answer, which our reader reads back', async () => {
    const before = smtp.received.length;
    const { messageId } = await createSmtpNotifier(settings(), { now: () => new Date('2026-11-20T15:20:00Z') }).notify(notice());
    expect(smtp.received).toHaveLength(before + 1);
    const message = smtp.received.at(-1)!;
    expect(message.from).toBe('facturacion@compradora.test');
    expect(message.to).toEqual(['recepcion@proveedor.test']);

    const mail = await simpleParser(message.raw);
    expect(mail.messageId).toBe(messageId);
    expect(mail.subject).toBe('Evento;ACR0001;900111222;Compradora de Pruebas S.A.S.;030');
    expect(mail.text).toContain('Compradora de Pruebas S.A.S. (NIT 900111222) registró ante la DIAN el evento 030, acuse de recibo de la factura electrónica, sobre tu factura FV-2001.');
    expect(mail.attachments).toHaveLength(1);
    const zip = mail.attachments[0]!;
    expect(zip.filename).toBe('ACR0001.zip');

    const entries = unzipSync(new Uint8Array(zip.content));
    expect(Object.keys(entries)).toEqual(['ACR0001.xml']);
    const { outcomes } = readDianFile(new Uint8Array(zip.content), { name: zip.filename ?? 'adjunto.zip' });
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0]!;
    if (!outcome.ok) throw new Error(`el lector no leyó el adjunto: ${JSON.stringify(outcome)}`);
    const document = outcome.document;
    expect(document.kind).toBe('radian-event');
    expect(document.cufe).toBe(event.cude);
    expect(document.number).toBe('ACR0001');
    expect(document.response).toMatchObject({ code: '030', referencedDocument: { number: 'FV-2001', uuid: event.invoiceCufe, typeCode: '01' } });
    expect(document.supplier.nit).toBe(COMPANY.nit); // the sender of the event
    expect(document.customer.nit).toBe(SUPPLIER.nit);
    expect(document.dianValidation).toMatchObject({ responseCode: '02', validated: true, cufeMatches: true });

    // Both documents travel exactly as signed: their signatures still verify.
    const texts = signedTextsOf(document)!;
    expect(texts.document).toBe(event.xml);
    expect(texts.applicationResponse).toBe(answer.applicationResponseXml);
    expect(checkSignature(texts.document).facts.valid).toBe(true);
    expect(checkSignature(texts.applicationResponse!).facts.valid).toBe(true);
  });

  it('still builds a readable container when DIAN said «procesado anteriormente» without sending its answer again', () => {
    const repeat: DianAnswer = { ...answer, isValid: false, statusCode: '99', alreadyProcessed: true, applicationResponseXml: null, errors: ['Regla: 90, Rechazo: Documento procesado anteriormente.'] };
    const xml = eventAttachedDocument(notice({ dianAnswer: repeat }), new Date('2026-11-20T15:20:00Z'));
    const { outcomes } = readDianFile(new TextEncoder().encode(xml));
    expect(outcomes[0]).toMatchObject({ ok: true, document: { kind: 'radian-event', cufe: event.cude } });
    expect(xml).toContain('<cbc:IssueDate>2026-11-20</cbc:IssueDate>\n  <cbc:IssueTime>10:20:00-05:00</cbc:IssueTime>');
  });

  it('sends one message per notice with the same notifier (one connection each)', async () => {
    const before = smtp.received.length;
    const notifier = createSmtpNotifier(settings());
    const first = await notifier.notify(notice());
    const second = await notifier.notify(notice({ to: 'cartera@proveedor.test' }));
    expect(first.messageId).not.toBe(second.messageId);
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['recepcion@proveedor.test'], ['cartera@proveedor.test']]);
  });

  it('refuses to send an event DIAN rejected', async () => {
    const before = smtp.received.length;
    const rejected: DianAnswer = { ...answer, isValid: false, statusCode: '99', alreadyProcessed: false, errors: ['Regla: LGC02, Rechazo: …'] };
    await expect(createSmtpNotifier(settings()).notify(notice({ dianAnswer: rejected }))).rejects.toThrow('La DIAN no aceptó el evento 030 (ACR0001); no se envía al proveedor.');
    expect(smtp.received).toHaveLength(before);
  });

  it('says in Spanish when the mail server refuses the password', async () => {
    const before = smtp.received.length;
    await expect(createSmtpNotifier(settings({ password: 'equivocada' })).notify(notice())).rejects.toThrow(
      'No se pudo enviar la copia del evento 030 al proveedor por correo (el usuario o la contraseña del correo no son correctos).',
    );
    expect(smtp.received).toHaveLength(before);
  });
});
