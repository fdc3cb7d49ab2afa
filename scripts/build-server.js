#!/usr/bin/env node
// Compiles the server and the CLI from TypeScript to JavaScript in dist/, so that `npx agente …` and `npm start`
// start in a fraction of a second instead of compiling TypeScript on every start (issue 17). Runs on
// `npm install` (the `prepare` script), before the tests (test/support/build-server.ts) and by hand with
// `npm run build:server`. Plain JavaScript on purpose: it runs before anything is compiled.
//
// esbuild bundles the CLI (server/cli/main.ts, which reaches the whole server) with the packages it uses into
// dist/server/cli/: main.js plus shared chunks, one entry chunk per group of commands, since main.ts loads a
// command's module only when that command runs. A few files instead of hundreds of small modules is what makes the
// start fast (kysely alone is ~170 ms of module loading on this machine). `#shared/*` resolves through
// package.json's import map, as everywhere else. Every output file sits one folder below dist/server/, as the
// sources sit one folder below server/, so `new URL('../data/…', import.meta.url)` (ledger/puc.ts) finds
// dist/server/data, copied here.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, buildState, newestSourceTime, writeBuildInfo } from './build-state.js';

const OUT = path.join(ROOT, 'dist');

/**
 * Left in node_modules: native code (better-sqlite3 loads its .node file relative to itself), and the mail
 * packages, which load on first use only (sources/imap-client.ts, sources/mail-message.ts).
 */
const EXTERNAL = ['better-sqlite3', 'imapflow', 'mailparser'];

export async function buildServer() {
  const started = performance.now();
  const sourceTime = newestSourceTime();
  rmSync(OUT, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The signature-verification threads start their own entry (server/authenticity/verify-pool.ts finds
    // verify-worker.js beside the chunk that starts them); it shares the chunks of the CLI.
    entryPoints: { main: 'server/cli/main.ts', 'verify-worker': 'server/authenticity/verify-worker.ts' },
    outdir: path.join(OUT, 'server', 'cli'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS packages inside an ES module bundle call require() for Node's own modules.
    banner: { js: "import { createRequire as __agenteCreateRequire } from 'node:module'; const require = __agenteCreateRequire(import.meta.url);" },
    // Less to parse on every start; names are kept, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  cpSync(path.join(ROOT, 'server', 'data'), path.join(OUT, 'server', 'data'), { recursive: true });
  const files = Object.keys(result.metafile.outputs).length;
  writeBuildInfo({ sourceTime, files, node: process.version });
  return { files, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && buildState() === 'current') process.exit(0);
  const { files, ms } = await buildServer();
  process.stdout.write(`agente: servidor compilado en dist/ (${files} archivos, ${ms} ms)\n`);
}
