import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (where `package.json` is): relative database paths and the installation's own files (the
 * database, the trust anchors installed with `agente anclas`) are taken from here, not from whatever folder the shell
 * is in, so `npx agente …` from a sub-folder finds the same files `npm start` uses. Works from the sources and from
 * the compiled `dist/`. A module of its own so that light modules (the verification threads) need not load the
 * database driver to know it.
 */
export function projectRoot(): string {
  // Asked on every verification (the installed anchors' default path): found once, it never moves.
  found ??= searchProjectRoot();
  return found;
}

let found: string | undefined;

function searchProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'agente-de-gastos') return dir;
      } catch {
        // not ours: keep looking upwards
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
