import { strToU8, zipSync } from 'fflate';
import nodemailer from 'nodemailer';
import { computeDv, normalizeNit } from '#shared/nit';
import { readXmlDocumentOrThrow } from '../dian';
import type { RadianEventCode, SmtpSettings, SupplierNotice, SupplierNotifier } from './ports';

/**
 * The copy of an accepted event for the supplier ("remitido al emisor", art. 616-1 ET; docs/authenticity-and-events.md
 * B4): an AttachedDocument holding our signed event and DIAN's ApplicationResponse about it, both in CDATA byte for
 * byte, zipped and attached to a Spanish e-mail sent through the company's own SMTP server (nodemailer).
 *
 * The container follows the AttachedDocument the suppliers send us (docs/dian-ubl.md §2) and the one Odoo mails for
 * an event: the event in `Attachment`, DIAN's answer under `ParentDocumentLineReference` with its
 * `ResultOfVerification` 02. `ParentDocumentID` is the event's own number (the annex reads it as "the number of the
 * attached document"; Odoo writes the invoice's there), so that any reader that cross-checks the parts, ours
 * included, finds them consistent. The container itself is not signed: the notifier never holds the company's key,
 * and both documents inside carry their own signatures.
 *
 * Subject: DIAN fixes the invoice mail subject (`NIT;Nombre;Número;Código;…`, Anexo 1.9 §9.1) but the sources we have
 * give none for events. We write `Evento;{número del evento};{NIT de la empresa};{razón social};{código del evento}`:
 * the same `;` layout, led by "Evento" so that a supplier's system that routes by the 9.1 subject does not mistake it
 * for an invoice.
 */

export const EVENT_NAMES: Record<RadianEventCode, string> = {
  '030': 'Acuse de recibo de la factura electrónica',
  '031': 'Reclamo de la factura electrónica',
  '032': 'Recibo del bien o prestación del servicio',
  '033': 'Aceptación expresa de la factura electrónica',
};

export interface SmtpNotifierOptions {
  /** Clock for the container's issue date (default now). */
  now?: () => Date;
  /** Seconds to wait for the SMTP server at each step (default 30). */
  timeoutSeconds?: number;
}

export function createSmtpNotifier(settings: SmtpSettings, options: SmtpNotifierOptions = {}): SupplierNotifier {
  const timeout = (options.timeoutSeconds ?? 30) * 1000;
  // Not pooled: each notice opens its own connection and closes it, so nothing stays open between events.
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async notify(notice: SupplierNotice) {
      const message = supplierMessage(notice, options.now?.() ?? new Date());
      let info: { messageId: string; accepted: unknown[]; rejected: unknown[] };
      try {
        // The settings keep a bare address; the supplier then sees the company's name beside it.
        const from = settings.from.includes('<') ? settings.from : { name: notice.companyName, address: settings.from };
        info = await transport.sendMail({ from, to: notice.to, ...message });
      } catch (error) {
        throw new Error(`No se pudo enviar la copia del evento ${notice.event.code} al proveedor por correo (${smtpReason(error)}).`, { cause: error });
      }
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw new Error(`El servidor de correo no aceptó la dirección del proveedor (${notice.to}).`);
      }
      return { messageId: info.messageId };
    },
  };
}

export interface SupplierMessage {
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** Subject, Spanish body and the zipped AttachedDocument for one notice. */
export function supplierMessage(notice: SupplierNotice, now: Date): SupplierMessage {
  const { event, dianAnswer } = notice;
  if (!dianAnswer.isValid && !dianAnswer.alreadyProcessed) {
    throw new Error(`La DIAN no aceptó el evento ${event.code} (${event.number}); no se envía al proveedor.`);
  }
  const invoiceNumber = readXmlDocumentOrThrow(event.xml).response?.referencedDocument?.number ?? '';
  const container = eventAttachedDocument(notice, now);
  const stem = safeName(event.number);
  const zip = zipSync({ [`${stem}.xml`]: [strToU8(container), { mtime: now }] }, { level: 9 });
  const name = EVENT_NAMES[event.code];
  const subject = ['Evento', event.number, normalizeNit(notice.companyNit), notice.companyName, event.code].map(subjectField).join(';');
  const text = [
    `Hola, ${notice.supplierName}:`,
    '',
    `${notice.companyName} (NIT ${normalizeNit(notice.companyNit)}) registró ante la DIAN el evento ${event.code}, ${name.toLowerCase()}, sobre tu factura ${invoiceNumber || event.invoiceCufe}.`,
    '',
    `Número del evento: ${event.number}`,
    `CUDE: ${event.cude}`,
    `CUFE de la factura: ${event.invoiceCufe}`,
    ...(dianAnswer.statusMessage ? [`Respuesta de la DIAN: ${dianAnswer.statusMessage}`] : []),
    '',
    'Adjuntamos el evento firmado y la validación de la DIAN en un AttachedDocument (ZIP), como pide la DIAN.',
    'Este correo lo envió automáticamente Agente de Gastos; si tienes dudas, responde a este mensaje.',
  ].join('\n');
  return { subject, text, attachments: [{ filename: `${stem}.zip`, content: Buffer.from(zip), contentType: 'application/zip' }] };
}

/** The AttachedDocument for the supplier: our event and DIAN's answer, each exactly as signed. */
export function eventAttachedDocument(notice: SupplierNotice, now: Date): string {
  const { event, dianAnswer } = notice;
  const environment = /<cbc:ProfileExecutionID>\s*([12])\s*</.exec(event.xml)?.[1] ?? '1';
  const eventDate = /<cbc:IssueDate>\s*([^<\s]+)\s*</.exec(event.xml)?.[1] ?? bogota(now).date;
  const dianXml = dianAnswer.applicationResponseXml;
  const validatedAt = dianXml ? { date: /<cbc:IssueDate>\s*([^<\s]+)\s*</.exec(dianXml)?.[1], time: /<cbc:IssueTime>\s*([^<\s]+)\s*</.exec(dianXml)?.[1] } : {};
  const issued = bogota(now);
  const party = (name: string, nit: string) => {
    const plain = normalizeNit(nit);
    return `<cac:PartyTaxScheme><cbc:RegistrationName>${escapeXml(name)}</cbc:RegistrationName><cbc:CompanyID schemeAgencyID="195" schemeID="${computeDv(plain) ?? ''}" schemeName="31">${plain}</cbc:CompanyID><cac:TaxScheme><cbc:ID>01</cbc:ID><cbc:Name>IVA</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme>`;
  };
  const dianPart = dianXml
    ? `
  <cac:ParentDocumentLineReference>
    <cbc:LineID>1</cbc:LineID>
    <cac:DocumentReference>
      <cbc:ID>${escapeXml(event.number)}</cbc:ID>
      <cbc:UUID schemeName="CUDE-SHA384">${event.cude}</cbc:UUID>
      <cbc:IssueDate>${eventDate}</cbc:IssueDate>
      <cbc:DocumentType>ApplicationResponse</cbc:DocumentType>
      <cac:Attachment>
        <cac:ExternalReference>
          <cbc:MimeCode>text/xml</cbc:MimeCode>
          <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
          <cbc:Description>${cdata(dianXml)}</cbc:Description>
        </cac:ExternalReference>
      </cac:Attachment>
      <cac:ResultOfVerification>
        <cbc:ValidatorID>Unidad Especial Dirección de Impuestos y Aduanas Nacionales</cbc:ValidatorID>
        <cbc:ValidationResultCode>02</cbc:ValidationResultCode>
        <cbc:ValidationDate>${validatedAt.date ?? issued.date}</cbc:ValidationDate>
        <cbc:ValidationTime>${validatedAt.time ?? issued.time}</cbc:ValidationTime>
      </cac:ResultOfVerification>
    </cac:DocumentReference>
  </cac:ParentDocumentLineReference>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<AttachedDocument xmlns="urn:oasis:names:specification:ubl:schema:xsd:AttachedDocument-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>Documentos adjuntos</cbc:CustomizationID>
  <cbc:ProfileID>DIAN 2.1</cbc:ProfileID>
  <cbc:ProfileExecutionID>${environment}</cbc:ProfileExecutionID>
  <cbc:ID>${escapeXml(event.number)}</cbc:ID>
  <cbc:IssueDate>${issued.date}</cbc:IssueDate>
  <cbc:IssueTime>${issued.time}</cbc:IssueTime>
  <cbc:Note>${escapeXml(`Evento ${event.code} (${EVENT_NAMES[event.code]}) sobre la factura con CUFE ${event.invoiceCufe}.`)}</cbc:Note>
  <cbc:DocumentType>Contenedor de Factura Electrónica</cbc:DocumentType>
  <cbc:ParentDocumentID>${escapeXml(event.number)}</cbc:ParentDocumentID>
  <cac:SenderParty>${party(notice.companyName, notice.companyNit)}</cac:SenderParty>
  <cac:ReceiverParty>${party(notice.supplierName, notice.supplierNit)}</cac:ReceiverParty>
  <cac:Attachment>
    <cac:ExternalReference>
      <cbc:MimeCode>text/xml</cbc:MimeCode>
      <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
      <cbc:Description>${cdata(event.xml)}</cbc:Description>
    </cac:ExternalReference>
  </cac:Attachment>${dianPart}
</AttachedDocument>
`;
}

/** A CDATA section holding `text` exactly; a `]]>` inside (never in a signed UBL document, but possible) is split. */
function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Colombia keeps UTC−5 all year (no daylight saving), so Bogotá's wall clock is UTC minus five hours. */
function bogota(now: Date): { date: string; time: string } {
  const local = new Date(now.getTime() - 5 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: `${local.slice(11, 19)}-05:00` };
}

function subjectField(value: string): string {
  return value.replace(/[;\r\n]+/g, ' ').trim();
}

function safeName(value: string): string {
  return value.replace(/[^\w.-]/g, '_');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function smtpReason(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') return `no se pudo conectar con el servidor de correo: ${e.message ?? ''}`.trim();
  if (e.code === 'ETIMEDOUT') return 'el servidor de correo no respondió a tiempo';
  if (e.code === 'EAUTH') return 'el usuario o la contraseña del correo no son correctos';
  if (e.code === 'EENVELOPE') return `el servidor rechazó el remitente o el destinatario: ${e.response ?? e.message ?? ''}`.trim();
  if (e.responseCode) return `el servidor respondió ${e.responseCode}: ${e.response ?? ''}`.trim();
  return e.message ?? 'error desconocido';
}
