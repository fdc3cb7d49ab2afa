import { randomUUID } from 'node:crypto';
import { zipSync } from 'fflate';
import { encoder, fixtureText, retarget } from '../support/fixtures';

/**
 * Raw e-mails written byte by byte, the way real senders write them (RFC 2047 subjects, folded headers,
 * `application/octet-stream` ZIPs, unzipped XML+PDF pairs), with real DIAN documents from test/fixtures/dian.
 */
export interface EmlPart {
  contentType: string;
  filename?: string;
  disposition?: 'attachment' | 'inline';
  body: Uint8Array | string;
  /** base64 by default; `7bit` writes the body as is. */
  encoding?: 'base64' | '7bit';
}

export interface EmlOptions {
  /** The Subject header value exactly as it travels (already encoded/folded if the test wants it). */
  subject?: string;
  messageId?: string | null;
  from?: string;
  to?: string;
  text?: string;
  html?: string;
  parts?: EmlPart[];
  date?: Date;
}

/** A multipart/mixed message (or a single text part when there are no parts), CRLF line ends. */
export function eml(options: EmlOptions): Buffer {
  const boundary = `----=_Parte_${randomUUID()}`;
  const headers = [
    `From: ${options.from ?? 'Facturación Proveedor <facturacion@proveedor.test>'}`,
    `To: ${options.to ?? 'facturas@empresa.test'}`,
    ...(options.subject !== undefined ? [`Subject: ${options.subject}`] : []),
    ...(options.messageId === null ? [] : [`Message-ID: ${options.messageId ?? `<${randomUUID()}@proveedor.test>`}`]),
    `Date: ${(options.date ?? new Date('2026-11-20T15:00:00Z')).toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  const parts = options.parts ?? [];
  if (parts.length === 0 && !options.html) {
    return Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', options.text ?? 'Buenos días.', ''].join('\r\n'), 'utf8');
  }
  const lines = [...headers, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', 'This is a multi-part message in MIME format.'];
  lines.push(`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', options.text ?? 'Adjuntamos la factura electrónica.');
  if (options.html) lines.push(`--${boundary}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', options.html);
  for (const part of parts) {
    const name = part.filename ? `; name="${part.filename}"` : '';
    lines.push(`--${boundary}`, `Content-Type: ${part.contentType}${name}`);
    if (part.disposition || part.filename) lines.push(`Content-Disposition: ${part.disposition ?? 'attachment'}${part.filename ? `; filename="${part.filename}"` : ''}`);
    const bytes = typeof part.body === 'string' ? encoder.encode(part.body) : part.body;
    if (part.encoding === '7bit') {
      lines.push('Content-Transfer-Encoding: 7bit', '', Buffer.from(bytes).toString('utf8'));
    } else {
      lines.push('Content-Transfer-Encoding: base64', '', ...(Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []));
    }
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** A production invoice addressed to `customerNit`, fresh CUFE and number (DIAN's own "Genérica" sample). */
export function invoiceXml(customerNit: string, seed: string, options: { sample?: string; issueDate?: string; number?: string } = {}): string {
  return retarget(fixtureText(options.sample ?? 'dian-toolkit__Generica.xml'), {
    customerNit,
    number: options.number ?? `FE${seed.replace(/\W/g, '').slice(-8).toUpperCase()}`,
    cufeSeed: seed,
    issueDate: options.issueDate ?? '2026-11-20',
  });
}

export const PDF_BYTES = encoder.encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The usual ZIP: the XML plus its PDF (representación gráfica). */
export function invoiceZip(xml: string, name = 'ad0900123456'): Uint8Array {
  return zipSync({ [`${name}.xml`]: encoder.encode(xml), [`${name}.pdf`]: PDF_BYTES });
}

/** RFC 2047 Q-encoding of a UTF-8 subject, as mail clients send accented subjects (`;` becomes `=3B`). */
export function qEncode(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    if (byte === 0x20) out += '_';
    else if (/[A-Za-z0-9.,\-]/.test(ch) && byte < 0x80) out += ch;
    else out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?UTF-8?Q?${out}?=`;
}

/** RFC 2047 B-encoding split into several encoded words on folded lines (long subjects). */
export function bEncodeFolded(text: string, wordBytes = 30): string {
  const bytes = Buffer.from(text, 'utf8');
  const words: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    let end = Math.min(bytes.length, i + wordBytes);
    // Never split a UTF-8 sequence between two encoded words.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    words.push(`=?UTF-8?B?${bytes.subarray(i, end).toString('base64')}?=`);
    i = end;
  }
  return words.join('\r\n ');
}

/** A DIAN-compliant message: subject `NIT;Nombre;Número;01;Nombre comercial` and the ZIP attached. */
export function dianMessage(options: { customerNit: string; seed: string; supplierNit?: string; number?: string; messageId?: string; zipName?: string; sample?: string }): { raw: Buffer; xml: string; number: string } {
  const number = options.number ?? `FE${options.seed.replace(/\W/g, '').slice(-8).toUpperCase()}`;
  const xml = invoiceXml(options.customerNit, options.seed, { number, ...(options.sample ? { sample: options.sample } : {}) });
  const raw = eml({
    subject: `${options.supplierNit ?? '900373076'};Proveedor de Pruebas SAS;${number};01;Proveedor de Pruebas`,
    ...(options.messageId ? { messageId: options.messageId } : {}),
    parts: [{ contentType: 'application/zip', filename: `${options.zipName ?? `z${number}`}.zip`, body: invoiceZip(xml) }],
  });
  return { raw, xml, number };
}
