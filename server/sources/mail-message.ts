import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { parseDianSubject, type DianSubject } from './dian-subject';

/** A part of a message that the DIAN reader will receive: a ZIP (any name, any declared type) or a DIAN XML. */
export interface MailPart {
  /** The attachment's file name as sent (or `adjunto-<n>`), only for people. */
  name: string;
  kind: 'zip' | 'xml';
  bytes: Uint8Array;
}

export type MailSkipCode = 'NO_DIAN_CONTENT' | 'PORTAL_LINK_ONLY' | 'PDF_ONLY';

/** What a received e-mail holds, decided by content: the subject is only a hint. */
export interface MailReading {
  /** The Message-ID as sent (with its angle brackets), when there is one. */
  messageId?: string;
  /** What identifies the message for dedupe: the Message-ID, or `sha256:<hex>` of the raw message. */
  key: string;
  /** sha256 over the DIAN parts' own hashes (of nothing, when there are none). */
  partsDigest: string;
  /** Decoded (RFC 2047) and unfolded. */
  subject?: string;
  dianSubject?: DianSubject;
  from?: string;
  parts: MailPart[];
  /** Attachments that are not DIAN content (the PDF, images…): kept in the raw message, never read. */
  ignored: { name: string; contentType: string; size: number }[];
  /** Why there is nothing to receive, when `parts` is empty. */
  skip?: { code: MailSkipCode; reason: string };
}

/** Root elements of the documents the DIAN reader understands. */
const DIAN_ROOTS = new Set(['AttachedDocument', 'Invoice', 'CreditNote', 'DebitNote', 'ApplicationResponse']);

/**
 * Reads one raw message (RFC 5322 bytes, as fetched): decodes the subject, reads the DIAN fields when present, and
 * picks the parts worth receiving by their bytes: ZIPs by their magic number (a `FE77.ZIP` sent as
 * `application/octet-stream` included), and XML whose root is a DIAN document. Forwarded messages
 * (`message/rfc822`) are looked into. Everything else is ignored.
 */
export async function readMailMessage(raw: Uint8Array): Promise<MailReading> {
  const mail = await parse(raw);
  const messageId = mail.messageId?.trim() || undefined;
  const subject = mail.subject?.trim() || undefined;
  const dianSubject = parseDianSubject(subject);
  const parts: MailPart[] = [];
  const ignored: MailReading['ignored'] = [];
  await collectParts(mail, parts, ignored, 0);
  const reading: MailReading = {
    ...(messageId ? { messageId } : {}),
    key: messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
    partsDigest: digestParts(parts),
    ...(subject ? { subject } : {}),
    ...(dianSubject ? { dianSubject } : {}),
    ...(mail.from?.text ? { from: mail.from.text } : {}),
    parts,
    ignored,
  };
  if (parts.length === 0) reading.skip = whyNothing(mail, dianSubject, ignored);
  return reading;
}

async function parse(raw: Uint8Array): Promise<ParsedMail> {
  // Loaded on first use: mailparser takes ~170 ms to load, which every start of the CLI would pay (issue 17).
  const { simpleParser } = await import('mailparser');
  return simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
}

/**
 * mailparser already inlines a forwarded message sent as 7bit/8bit; one sent base64-encoded (some webmails do)
 * arrives as an attachment and is opened here, a few levels deep at most.
 */
async function collectParts(mail: ParsedMail, parts: MailPart[], ignored: MailReading['ignored'], depth: number): Promise<void> {
  for (const [index, attachment] of mail.attachments.entries()) {
    const bytes = new Uint8Array(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
    const name = attachment.filename?.trim() || `adjunto-${index + 1}`;
    const kind = isZip(bytes) ? 'zip' : isDianXml(bytes) ? 'xml' : undefined;
    if (kind) parts.push({ name, kind, bytes });
    else if (attachment.contentType === 'message/rfc822' && depth < 3) await collectParts(await parse(bytes), parts, ignored, depth + 1);
    else ignored.push({ name, contentType: attachment.contentType, size: bytes.length });
  }
}

function digestParts(parts: MailPart[]): string {
  const hashes = parts.map((p) => createHash('sha256').update(p.bytes).digest('hex')).sort();
  return createHash('sha256').update(hashes.join('\n')).digest('hex');
}

function whyNothing(mail: ParsedMail, dianSubject: DianSubject | undefined, ignored: MailReading['ignored']): NonNullable<MailReading['skip']> {
  const what = dianSubject ? `la factura ${dianSubject.number} de ${dianSubject.issuerName}` : 'la factura';
  if (ignored.some((a) => a.contentType === 'application/pdf' || /\.pdf$/i.test(a.name))) {
    return {
      code: 'PDF_ONLY',
      reason: `El mensaje solo trae el PDF de ${what}, sin el XML. Pide el XML al proveedor o descárgalo del portal de la DIAN y súbelo al panel.`,
    };
  }
  const body = `${mail.text ?? ''} ${typeof mail.html === 'string' ? mail.html : ''}`;
  if (/https?:\/\/\S+/i.test(body) && (dianSubject || /factura|documento electr[oó]nico|descarg/i.test(`${mail.subject ?? ''} ${body}`))) {
    return {
      code: 'PORTAL_LINK_ONLY',
      reason: `El mensaje no trae ${what} adjunta, solo un enlace para descargarla. Descárguela y súbala al panel o déjela en la carpeta vigilada.`,
    };
  }
  return { code: 'NO_DIAN_CONTENT', reason: 'El mensaje no trae ningún ZIP ni XML de documento electrónico; se deja sin tocar en el buzón.' };
}

/** `PK\x03\x04` (local file), `PK\x05\x06` (empty archive) or `PK\x07\x08` (spanned). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07);
}

/** An XML whose root element (after the prolog, comments and DOCTYPE) is a DIAN document, whatever its prefix. */
export function isDianXml(bytes: Uint8Array): boolean {
  const head = decodeHead(bytes);
  if (head === undefined) return false;
  const text = head.replace(/^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/, '');
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(text)?.[1];
  return root !== undefined && DIAN_ROOTS.has(root);
}

/** The first few KB as text, honouring a UTF-8 or UTF-16 byte-order mark; undefined when it cannot be XML. */
function decodeHead(bytes: Uint8Array): string | undefined {
  const slice = bytes.subarray(0, 8192);
  if (slice[0] === 0xff && slice[1] === 0xfe) return new TextDecoder('utf-16le').decode(slice.subarray(2));
  if (slice[0] === 0xfe && slice[1] === 0xff) return new TextDecoder('utf-16be').decode(slice.subarray(2));
  const text = new TextDecoder('utf-8').decode(slice).replace(/^\uFEFF/, '');
  return /^\s*</.test(text) ? text : undefined;
}
