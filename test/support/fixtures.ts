import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deliverable } from './signing';

/**
 * Test fixtures built from DIAN's real samples (test/fixtures/dian). Every sample is a test-environment document
 * addressed to some other company, so tests that register documents turn a copy into a production document
 * addressed to the test company, with a fresh CUFE and number: the structure stays DIAN's own. The copy is then
 * delivered as a supplier would: signed (test PKI) inside an AttachedDocument with DIAN's signed validation.
 */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/dian/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES_DIR}${name}`, 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.xml')).sort();
}

export interface Retarget {
  /** The buyer: our test company. */
  customerNit: string;
  number?: string;
  /** Seed for a fresh, deterministic CUFE (96 hex). */
  cufeSeed?: string;
  issueDate?: string;
  /** Replace the supplier's NIT too (to make "new suppliers"). */
  supplierNit?: string;
  /** Keep ProfileExecutionID as is (to test the test-environment rule). */
  keepEnvironment?: boolean;
  /** Any other change to the bare document, made before it is signed (editing after signing is tampering). */
  edit?: (xml: string) => string;
}

export function fakeCufe(seed: string): string {
  return createHash('sha384').update(seed).digest('hex');
}

/** A sample retargeted at our company, signed and delivered in its container (see module comment). */
export function retarget(xml: string, target: Retarget): string {
  return deliverable(retargetUnsigned(xml, target));
}

/** The bare, unsigned document of {@link retarget} (its sample signature no longer matches: it was edited). */
export function retargetUnsigned(xml: string, target: Retarget): string {
  let out = xml;
  if (!target.keepEnvironment) {
    out = out.replace(/(<cbc:ProfileExecutionID>)2(<\/cbc:ProfileExecutionID>)/, '$11$2').replace(/(<cbc:UUID[^>]*schemeID=")2(")/, '$11$2');
  }
  out = replaceInBlock(out, 'AccountingCustomerParty', (block) =>
    block.replace(/(<cbc:CompanyID[^>]*>)\s*[^<]*(<\/cbc:CompanyID>)/g, `$1${target.customerNit}$2`).replace(/(<cbc:CompanyID[^>]*schemeID=")[^"]*(")/g, '$1$2'),
  );
  if (target.supplierNit) {
    out = replaceInBlock(out, 'AccountingSupplierParty', (block) => block.replace(/(<cbc:CompanyID[^>]*>)\s*[^<]*(<\/cbc:CompanyID>)/g, `$1${target.supplierNit}$2`).replace(/(<cbc:CompanyID[^>]*schemeID=")[^"]*(")/g, '$1$2'));
  }
  if (target.number) out = replaceRootChild(out, 'ID', target.number);
  if (target.cufeSeed) out = replaceRootChild(out, 'UUID', fakeCufe(target.cufeSeed));
  if (target.issueDate) {
    out = replaceRootChild(out, 'IssueDate', target.issueDate);
    // Keep due dates coherent with the new issue date.
    out = out.replace(/(<cbc:(?:DueDate|PaymentDueDate)>)[^<]*(<\/cbc:(?:DueDate|PaymentDueDate)>)/g, `$1${target.issueDate}$2`);
  }
  return target.edit ? target.edit(out) : out;
}

/** Replaces the text of the first direct-looking child `<cbc:Name>` after the signature block (root-level header). */
function replaceRootChild(xml: string, name: string, value: string): string {
  const extEnd = xml.indexOf('</ext:UBLExtensions>');
  const head = xml.slice(0, extEnd < 0 ? 0 : extEnd);
  const rest = xml.slice(head.length);
  return head + rest.replace(new RegExp(`(<cbc:${name}(?:\\s[^>]*)?>)[^<]*(</cbc:${name}>)`), `$1${value}$2`);
}

function replaceInBlock(xml: string, element: string, edit: (block: string) => string): string {
  const start = xml.indexOf(`<cac:${element}>`);
  const end = xml.indexOf(`</cac:${element}>`, start);
  if (start < 0 || end < 0) return xml;
  return xml.slice(0, start) + edit(xml.slice(start, end)) + xml.slice(end);
}

export const encoder = new TextEncoder();
