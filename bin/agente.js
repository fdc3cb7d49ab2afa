#!/usr/bin/env node
// Entry point of `npx agente …` and `npm start`. Runs the JavaScript that `npm install` compiled into dist/
// (scripts/build-server.js), so a command starts in a fraction of a second (issue 17). When dist/ is missing or
// older than the TypeScript sources (a `git pull` without `npm install`), it says the one command that rebuilds it
// and, where tsx is installed (a development checkout), runs the sources meanwhile.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILT_CLI, ROOT, buildState } from '../scripts/build-state.js';

// Node 22.1+ keeps V8's compiled code between runs: a second start skips most of the parsing.
module.enableCompileCache?.();

const state = buildState();
const { main } = await import(pathToFileURL(state === 'current' ? BUILT_CLI : await sourceFallback(state)).href);
process.exitCode = await main(process.argv);

async function sourceFallback(state) {
  const what = state === 'stale' ? 'está desactualizado (el código cambió después de compilarlo)' : 'no está compilado';
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write(`Error: el agente ${what}. Ejecuta \`npm run build:server\` en ${ROOT} y vuelve a intentarlo.\n`);
    process.exit(1);
  }
  process.stderr.write(`Aviso: el agente ${what}; uso el código fuente, que arranca más lento. Para arreglarlo: \`npm run build:server\`.\n`);
  tsx.register();
  return path.join(ROOT, 'server', 'cli', 'main.ts');
}
