// Whether dist/ (scripts/build-server.js) was built from the sources as they are now. Shared by bin/agente.js,
// the build itself and the test set-up; plain JavaScript with no dependencies, since it runs before any build.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILT_CLI = path.join(ROOT, 'dist', 'server', 'cli', 'main.js');
const BUILD_INFO = path.join(ROOT, 'dist', 'build-info.json');
const SOURCE_DIRS = ['server', 'shared'];

/** The newest modification time of any file the build reads (TypeScript sources and server/data). */
export function newestSourceTime(root = ROOT) {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const folder = path.join(root, dir);
    if (!existsSync(folder)) continue; // an installed copy may ship dist/ alone
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** 'current', 'missing' or 'stale' (a source changed after the build: a `git pull` without `npm install`). */
export function buildState(root = ROOT) {
  let info;
  try {
    if (!existsSync(BUILT_CLI)) return 'missing';
    info = JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return 'missing';
  }
  return newestSourceTime(root) > info.sourceTime ? 'stale' : 'current';
}

/** Written last by the build, so an interrupted build leaves no build-info.json and counts as missing. */
export function writeBuildInfo(info) {
  writeFileSync(BUILD_INFO, `${JSON.stringify(info, null, 2)}\n`);
}
