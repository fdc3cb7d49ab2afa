/**
 * Compares two runs of the matching benches line by line (issue #13): which lines a change fixed, broke, or moved from
 * one wrong account to another, and which wrong lines it left unflagged or started to flag. Each run is the output of
 * `BENCH_MAX=100000 BENCH_VERBOSE=3 npm run bench -- matching` (every line printed, in the same order on every run:
 * the scenarios are built from fixed seeds). Analysis only, no engine code:
 * `npx tsx test/bench/compare-runs.ts before.txt after.txt [--lista]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PrintedLine {
  right: boolean;
  /** company/situation, as the bench prints it. */
  where: string;
  description: string;
  account: string;
  confidence: number;
  expected: string;
}

/** The printed lines of each bench file («▶ name»), in order. */
export function parseRun(text: string): Map<string, PrintedLine[]> {
  const sets = new Map<string, PrintedLine[]>();
  let current: PrintedLine[] | undefined;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('▶ ')) {
      current = [];
      sets.set(raw.slice(2).trim(), current);
      continue;
    }
    const m = /^([✘✔]) ([^:]+): «(.*)» → (\d+) \(([\d.]+)\) esperada (\d+)/.exec(raw);
    if (m && current) current.push({ right: m[1] === '✔', where: m[2]!, description: m[3]!, account: m[4]!, confidence: Number(m[5]), expected: m[6]! });
  }
  return sets;
}

export interface SetChange {
  set: string;
  fixed: PrintedLine[];
  broken: PrintedLine[];
  /** Wrong before and after, on another account. */
  moved: PrintedLine[];
  /** Wrong after and not flagged («por verificar»: below the threshold), though before it was right or flagged. */
  newlySilent: PrintedLine[];
  /** Wrong before and not flagged, now right or flagged. */
  noLongerSilent: PrintedLine[];
}

/** Line by line, per set both runs printed with the same number of lines. */
export function compareRuns(before: Map<string, PrintedLine[]>, after: Map<string, PrintedLine[]>, thresholds: { before: number; after: number }): { changes: SetChange[]; mismatched: string[] } {
  const changes: SetChange[] = [];
  const mismatched: string[] = [];
  for (const [set, a] of before) {
    const b = after.get(set);
    if (!b) continue;
    if (a.length !== b.length) {
      mismatched.push(set);
      continue;
    }
    const change: SetChange = { set, fixed: [], broken: [], moved: [], newlySilent: [], noLongerSilent: [] };
    a.forEach((x, i) => {
      const y = b[i]!;
      if (!x.right && y.right) change.fixed.push(y);
      if (x.right && !y.right) change.broken.push(y);
      if (!x.right && !y.right && x.account !== y.account) change.moved.push(y);
      const silentBefore = !x.right && x.confidence >= thresholds.before;
      const silentAfter = !y.right && y.confidence >= thresholds.after;
      if (silentAfter && !silentBefore) change.newlySilent.push(y);
      if (silentBefore && !silentAfter) change.noLongerSilent.push(y);
    });
    if (Object.values(change).some((v) => Array.isArray(v) && v.length)) changes.push(change);
  }
  return { changes, mismatched };
}

/** The «por verificar» threshold a run printed («confianza < 0.849»). */
export function thresholdOf(text: string): number {
  const m = /confianza < ([\d.]+)/.exec(text);
  if (!m) throw new Error('La corrida no dice su umbral «por verificar» (¿es la salida de `npm run bench -- matching`?).');
  return Number(m[1]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [beforePath, afterPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!beforePath || !afterPath) {
    process.stderr.write('Uso: npx tsx test/bench/compare-runs.ts antes.txt despues.txt [--lista]\n');
    process.exit(2);
  }
  const [beforeText, afterText] = [readFileSync(beforePath, 'utf8'), readFileSync(afterPath, 'utf8')];
  const { changes, mismatched } = compareRuns(parseRun(beforeText), parseRun(afterText), { before: thresholdOf(beforeText), after: thresholdOf(afterText) });
  const list = process.argv.includes('--lista');
  const show = (sign: string, lines: PrintedLine[]) => {
    if (list) for (const l of lines) process.stdout.write(`   ${sign} ${l.where} «${l.description}» → ${l.account} (${l.confidence}) esperada ${l.expected}\n`);
  };
  let fixed = 0;
  let broken = 0;
  let silent = 0;
  for (const c of changes) {
    process.stdout.write(`${c.set}: +${c.fixed.length} −${c.broken.length}; de una cuenta mal a otra ${c.moved.length}; mal sin marca: ${c.newlySilent.length} nuevas, ${c.noLongerSilent.length} menos\n`);
    show('+', c.fixed);
    show('−', c.broken);
    show('!', c.newlySilent);
    fixed += c.fixed.length;
    broken += c.broken.length;
    silent += c.newlySilent.length - c.noLongerSilent.length;
  }
  for (const set of mismatched) process.stdout.write(`${set}: las corridas no imprimieron el mismo número de líneas (¿falta BENCH_MAX=100000?)\n`);
  process.stdout.write(`Total: +${fixed} −${broken}, neto ${fixed - broken}; mal sin marca ${silent >= 0 ? '+' : ''}${silent}\n`);
}
