import { describe, expect, it } from 'vitest';
import { printJson, printJsonList } from '../../server/cli/context';

/** What a print function writes to stdout, captured. */
function written(print: () => void): string {
  const chunks: string[] = [];
  const original = process.stdout.write;
  process.stdout.write = ((text: string) => chunks.push(text) > 0) as typeof process.stdout.write;
  try {
    print();
  } finally {
    process.stdout.write = original;
  }
  return chunks.join('');
}

describe('printJsonList (agente ingest: the results written a few at a time)', () => {
  const item = (i: number) => ({ file: `/tmp/factura ${i}.xml`, status: 'pending', reason: 'Compañía «ñandú»\nsegunda línea', source: [`f${i}.xml`, 'adjunto.xml'], warnings: [], nested: { authenticity: { code: 'verified', empty: {} } } });

  it.each([0, 1, 2, 255, 256, 257, 600])('writes exactly what printJson writes for a list of %i items', (count) => {
    const items = Array.from({ length: count }, (_, i) => item(i));
    expect(written(() => printJsonList(items))).toBe(written(() => printJson(items)));
  });

  it('writes a list of more than one chunk in several pieces, not one string', () => {
    const pieces: string[] = [];
    printJsonList(Array.from({ length: 600 }, (_, i) => item(i)), (text) => pieces.push(text));
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(pieces.join('').length / 2);
  });

  it('writes items JSON turns into null as printJson does', () => {
    const items = [undefined, () => 1, 'texto', 3];
    expect(written(() => printJsonList(items))).toBe(written(() => printJson(items)));
  });
});
