import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../support/fixtures';

/**
 * `node bin/agente.js parse <files…>` as a person runs it: JSON on stdout (one object, or an array for several
 * documents), exit 0 when everything was read, exit 2 with the reasons on stderr when anything was refused.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'agente-parse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function parse(...files: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/agente.js', 'parse', ...files], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const fixture = (name: string) => join(FIXTURES_DIR, name);

describe('agente parse', () => {
  it('un archivo: un objeto JSON con el registro', async () => {
    const run = await parse(fixture('dian-toolkit__Factura_otra_Moneda.xml'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(Array.isArray(doc)).toBe(false);
    // Values checked by hand in the XML (see fields.test.ts).
    expect(doc).toMatchObject({
      kind: 'invoice',
      cufe: '47d45a899ce74cd8378972dd2058582f5796e8fd986ba9d9af8cbb396ea23e591eeb95c879d7e7160a199e0643a7a6ac',
      number: 'SETG980000441',
      issueDate: '2023-03-09',
      dueDate: '2023-04-08',
      currency: 'COP',
      environment: 'test',
      supplier: { nit: '2022516219', name: 'PRUEBAS FACTURA' },
      customer: { nit: '154698949' },
      totals: { lineExtension: '1000000.00', taxExclusive: '1000000.00', taxInclusive: '1190000.00', payable: '1190000.00' },
    });
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]).toMatchObject({ description: 'Producto con Iva y rete', quantity: '1', lineTotal: '1000000.00' });
    expect(doc.taxes).toEqual([expect.objectContaining({ code: '01', amount: '190000.00' })]);
    expect(doc.withholdings).toEqual([expect.objectContaining({ code: '06', amount: '15000.00', rate: '1.5' })]);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'DIAN_VALIDATION_ABSENT', message: expect.any(String) })]);
    expect(doc.source).toContain('dian-toolkit__Factura_otra_Moneda.xml');
    // DIAN edited this sample after signing it: `authenticity` says so, with the facts behind it.
    expect(doc.authenticity).toMatchObject({ code: 'supplier_signature_invalid', supplier: { present: true, valid: false } });
    expect(doc.authenticity.supplier.references).toHaveLength(3);
  });

  it('varios archivos: un arreglo en el orden recibido', async () => {
    const run = await parse(fixture('dian-toolkit__CreditNote.xml'), fixture('dian-toolkit__DebitNote.xml'), fixture('dian-toolkit__RADIAN_031_-_Reclamo_de_la_factura_Electronica_de_Venta.xml'));
    expect(run.code).toBe(0);
    const docs = JSON.parse(run.stdout);
    expect(Array.isArray(docs)).toBe(true);
    expect(docs.map((d: { kind: string; number: string }) => [d.kind, d.number])).toEqual([
      ['credit-note', 'NC3'],
      ['debit-note', 'ND1'],
      ['radian-event', 'REC00001'],
    ]);
  });

  it('un archivo rechazado: salida 2 y el motivo en stderr', async () => {
    const bad = join(scratch, 'no-es-factura.xml');
    writeFileSync(bad, '<Foo/>');
    const run = await parse(bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-es-factura.xml');
    expect(run.stderr).toContain('NOT_DIAN_DOCUMENT');
    expect(run.stderr).toContain('no es un documento electrónico DIAN');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('uno bueno, uno truncado y uno que no existe: salida 2, el bueno igual sale en stdout', async () => {
    const truncated = join(scratch, 'truncada.xml');
    writeFileSync(truncated, '<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID>1');
    const run = await parse(fixture('dian-toolkit__Generica.xml'), truncated, join(scratch, 'no-existe.xml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/truncada\.xml: XML_TRUNCATED: El XML está incompleto/);
    expect(run.stderr).toMatch(/no-existe\.xml: no se pudo leer el archivo \(ENOENT\)/);
    expect(JSON.parse(run.stdout)).toMatchObject({ number: 'SETP990000002' });
  });
});
