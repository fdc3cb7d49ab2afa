import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One form of address, as Alegra's own help writes: tú («Arrastra aquí…», «elige archivos», «Verifica»), in the
 * panel, the popup and the options (issue 17). Usted forms that slipped in before, and their usual neighbours.
 */
const USTED = /\b(Arrastre|[Ee]lija|[Vv]erifique|[Rr]evise|[Rr]ecargue|[Ii]ntente|[Cc]onecte|[Ee]scriba|[Cc]opie|[Gg]enere|[Ii]ngrese|[Ss]eleccione|[Hh]aga clic|[Pp]uede registrar|[Cc]ree|[Uu]sted|[Pp]ídale|[Pp]regunte)\b/;

const ROOT = fileURLToPath(new URL('../../extension/', import.meta.url));

describe('the extension speaks with tú everywhere', () => {
  it('no usted in any text of the panel, popup or options', () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(ROOT, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(tsx?|html)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments are for developers, in English
          if (USTED.test(line)) offenders.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
