/**
 * Fits the engine's confidence to what it measures (issue #13, eighth round) and writes
 * server/data/calibracion-confianza.csv. Run: `npx tsx test/bench/fit-calibration.ts [--escribir]`.
 *
 * 1. Runs the nine matching sets as `npm run bench:matching` does, recording for every evaluated line the kind of
 *    evidence that decided it, the mechanism's own (raw) confidence and whether the account was right. One pass is
 *    enough: the agent learns back its registrations with the raw number (`evidence.raw`), so no decision of the
 *    engine depends on the table.
 * 2. Per kind of evidence (a path general → specific, calibration.ts) and band of raw confidence: the share of right
 *    lines (each set weighing the same), smoothed toward the parent kind (a kind seen a few times says little: `PRIOR_LINES` pseudo-lines of its
 *    parent), then made non-decreasing in the raw band within each kind (pool-adjacent-violators): a mechanism surer
 *    of itself is never reported as less right than when it was less sure.
 * 3. The «por verificar» threshold: the highest recall of wrong lines (mean over the sets) such that no set gets more
 *    than `MAX_FLAGGED` of its lines flagged (the goal is 25 %).
 * 4. Leave-one-set-out: for each set, the table and threshold fitted on the others, applied to it — what a new
 *    set may expect. `FIT_DIAG=1` also prints, per held-out set, the kinds of evidence of the errors left unflagged.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ancestry, bandOf, Calibration, CALIBRATION_FILE, RAW_BANDS } from '../../server/matching/calibration';
import { buildBlindScenarios } from '../fixtures/matching/blind/scenarios';
import { buildBlind2Scenarios } from '../fixtures/matching/blind2/scenarios';
import { buildBlind3Scenarios } from '../fixtures/matching/blind3/scenarios';
import { buildBlind4Scenarios } from '../fixtures/matching/blind4/scenarios';
import { buildBlind5Scenarios } from '../fixtures/matching/blind5/scenarios';
import { buildBlind6Scenarios } from '../fixtures/matching/blind6/scenarios';
import { buildBlind7Scenarios } from '../fixtures/matching/blind7/scenarios';
import { buildBlind8Scenarios } from '../fixtures/matching/blind8/scenarios';
import { buildBlind9Scenarios } from '../fixtures/matching/blind9/scenarios';
import { buildBlind10Scenarios } from '../fixtures/matching/blind10/scenarios';
import { buildBlind11Scenarios } from '../fixtures/matching/blind11/scenarios';
import { buildBlind12Scenarios } from '../fixtures/matching/blind12/scenarios';
import { buildBlind13Scenarios } from '../fixtures/matching/blind13/scenarios';
import { buildBlind14Scenarios } from '../fixtures/matching/blind14/scenarios';
import { buildBlind15Scenarios } from '../fixtures/matching/blind15/scenarios';
import { buildUnseenScenarios } from '../fixtures/matching/unseen/scenarios';
import { accuracy } from './matching.bench';
import { runScenarioSet, type Observed, type ScenarioToRun } from './matching-unseen.bench';

const PRIOR_LINES = Number(process.env.FIT_PRIOR ?? 12);
const SET_WEIGHT = 1000;
const MAX_FLAGGED = Number(process.env.FIT_MAX ?? 0.245);
const RECALL_GOAL = 0.8;

const SETS: { name: string; run: (calibration: Calibration) => Promise<Observed[]> }[] = [
  { name: 'propio', run: (calibration) => accuracy({ quiet: true, engine: { calibration } }) },
  ...(
    [
      ['no visto', buildUnseenScenarios],
      ['ciego', buildBlindScenarios],
      ['a ciegas 2', buildBlind2Scenarios],
      ['a ciegas 3', buildBlind3Scenarios],
      ['a ciegas 4', buildBlind4Scenarios],
      ['a ciegas 5', buildBlind5Scenarios],
      ['a ciegas 6', buildBlind6Scenarios],
      ['a ciegas 7', buildBlind7Scenarios],
      ['a ciegas 8', buildBlind8Scenarios],
      ['a ciegas 9', buildBlind9Scenarios],
      ['a ciegas 10', buildBlind10Scenarios],
      ['a ciegas 11', buildBlind11Scenarios],
      ['a ciegas 12', buildBlind12Scenarios],
      ['a ciegas 13', buildBlind13Scenarios],
      ['a ciegas 14', buildBlind14Scenarios],
      ['a ciegas 15', buildBlind15Scenarios],
    ] as [string, () => ScenarioToRun[]][]
  ).map(([name, build]) => ({ name, run: (calibration: Calibration) => runScenarioSet(name, build(), { quiet: true, engine: { calibration } }) })),
];

type Lines = Map<string, Observed[]>;

interface Cell {
  /** Lines and right lines, each set weighing the same (what the estimate uses). */
  n: number;
  k: number;
  /** The same, counted plainly (what the table shows). */
  lines: number;
  hits: number;
  p: number;
}

/** Smoothed, monotone accuracy per kind (every ancestor level) and raw band. */
function fit(sets: Lines): Map<string, Cell[]> {
  const counts = new Map<string, { n: number; k: number; lines: number; hits: number }[]>();
  let right = 0;
  let all = 0;
  for (const lines of sets.values()) {
    // Every set weighs the same (as many lines as the average set): the own and «no visto» sets are five times
    // larger than the blind ones and would otherwise decide what a kind of evidence is worth in a new trade.
    const w = SET_WEIGHT / lines.length;
    for (const line of lines) {
      const band = bandOf(line.raw);
      for (const kind of ancestry(line.kind)) {
        const row = counts.get(kind) ?? RAW_BANDS.map(() => ({ n: 0, k: 0, lines: 0, hits: 0 }));
        row[band]!.n += w;
        row[band]!.lines++;
        if (line.right) {
          row[band]!.k += w;
          row[band]!.hits++;
        }
        counts.set(kind, row);
      }
      all += w;
      if (line.right) right += w;
    }
  }
  const overall = right / Math.max(1, all);
  const cells = new Map<string, Cell[]>();
  // Parents before children: '*' first, then by depth.
  const kinds = [...counts.keys()].sort((a, b) => depth(a) - depth(b));
  for (const kind of kinds) {
    const parent = kind === '*' ? undefined : cells.get(ancestry(kind)[1]!);
    const row = counts.get(kind)!.map((c, band) => {
      const prior = parent ? parent[band]!.p : overall;
      return { ...c, p: (c.k + PRIOR_LINES * prior) / (c.n + PRIOR_LINES) };
    });
    cells.set(kind, monotone(row));
  }
  return cells;
}

function depth(kind: string): number {
  return kind === '*' ? 0 : kind.split('/').length;
}

/** Pool-adjacent-violators over the bands that hold lines, weighted by lines + prior; empty bands keep the prior. */
function monotone(row: Cell[]): Cell[] {
  const idx = row.map((_, i) => i).filter((i) => row[i]!.n > 0);
  const blocks: { members: number[]; w: number; p: number }[] = [];
  for (const i of idx) {
    blocks.push({ members: [i], w: row[i]!.n + PRIOR_LINES, p: row[i]!.p });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.p > blocks[blocks.length - 1]!.p) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      blocks.push({ members: [...a.members, ...b.members], w: a.w + b.w, p: (a.p * a.w + b.p * b.w) / (a.w + b.w) });
    }
  }
  const out = row.map((c) => ({ ...c }));
  for (const b of blocks) for (const i of b.members) out[i]!.p = b.p;
  return out;
}

function calibrationOf(cells: Map<string, Cell[]>, threshold: number): Calibration {
  return Calibration.parse(toCsv(cells, threshold, []));
}

function toCsv(cells: Map<string, Cell[]>, threshold: number, header: string[]): string {
  const rows = ['evidencia,franja,desde,hasta,lineas,aciertos,confianza'];
  for (const [kind, row] of [...cells.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    row.forEach((c, band) => {
      if (c.n === 0) return;
      rows.push([kind, band, band === 0 ? 0 : RAW_BANDS[band - 1], Math.min(1, RAW_BANDS[band]!), c.lines, c.hits, c.p.toFixed(3)].join(','));
    });
  }
  return [...header.map((h) => `# ${h}`), `# umbral_por_verificar: ${threshold}`, ...rows, ''].join('\n');
}

/** Flag share and recall of one set's lines under a calibration. */
function score(lines: Observed[], calibration: Calibration, threshold = calibration.threshold): { flagged: number; recall: number; wrong: number; caught: number; brier: number } {
  let flagged = 0;
  let caught = 0;
  let brier = 0;
  const wrong = lines.filter((l) => !l.right).length;
  for (const line of lines) {
    const p = calibration.confidence(line);
    brier += (p - (line.right ? 1 : 0)) ** 2;
    if (p < threshold) {
      flagged++;
      if (!line.right) caught++;
    }
  }
  return { flagged: flagged / lines.length, recall: wrong ? caught / wrong : 1, wrong, caught, brier: brier / lines.length };
}

/** The threshold with the best recall (mean over sets, each weighing the same) such that no set flags more than MAX_FLAGGED of its lines. */
function chooseThreshold(sets: Lines, calibration: Calibration): number {
  const candidates = [...new Set([...sets.values()].flat().map((l) => calibration.confidence(l)))].map((p) => Math.round(p * 1000) / 1000 + 0.0005).sort((a, b) => a - b);
  let best = { t: 0.6, recall: -1 };
  for (const t of candidates) {
    let recall = 0;
    let ok = true;
    for (const lines of sets.values()) {
      const s = score(lines, calibration, t);
      if (s.flagged > MAX_FLAGGED) ok = false;
      recall += s.recall / sets.size;
    }
    if (ok && recall > best.recall) best = { t: Math.round(t * 1000) / 1000, recall };
  }
  return best.t;
}

async function collect(calibration: Calibration): Promise<Lines> {
  const out: Lines = new Map();
  for (const set of SETS) {
    const started = performance.now();
    out.set(set.name, await set.run(calibration));
    process.stderr.write(`  ${set.name}: ${out.get(set.name)!.length} líneas (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  return out;
}

function fitAll(sets: Lines): { cells: Map<string, Cell[]>; calibration: Calibration } {
  const cells = fit(sets);
  const provisional = calibrationOf(cells, 0.6);
  const threshold = chooseThreshold(sets, provisional);
  return { cells, calibration: calibrationOf(cells, threshold) };
}

const pc = (x: number) => `${(100 * x).toFixed(1)} %`;

// `--reusar`: the passes of the last run (test/bench/.fit-calibration.json), to try fitting choices quickly.
const cache = fileURLToPath(new URL('.fit-calibration.json', import.meta.url));
let lines: Lines;
if (process.argv.includes('--reusar')) {
  lines = new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, Observed[]][]);
} else {
  lines = await collect(Calibration.identity());
  writeFileSync(cache, JSON.stringify([...lines]));
}
const { cells, calibration } = fitAll(lines);

const report: string[] = [];
report.push(`Umbral «por verificar» ajustado: confianza < ${calibration.threshold} (ningún conjunto con más de ${pc(MAX_FLAGGED)} marcado)`);
report.push('Conjunto, exactitud    | motor sin calibrar (< 0,6): marca / atrapa | calibrado, todos los conjuntos: marca / atrapa | dejando este conjunto fuera: umbral, marca / atrapa, Brier');
let held = 0;
for (const [name, set] of lines) {
  const others: Lines = new Map([...lines].filter(([n]) => n !== name));
  const loso = fitAll(others).calibration;
  const raw = score(set, Calibration.identity());
  const all = score(set, calibration);
  const out = score(set, loso);
  if (out.recall >= RECALL_GOAL && out.flagged <= 0.25) held++;
  if (process.env.FIT_DIAG) {
    const missed = new Map<string, number>();
    for (const l of set) if (!l.right && loso.confidence(l) >= loso.threshold) missed.set(l.kind, (missed.get(l.kind) ?? 0) + 1);
    process.stderr.write(`${name}: errores sin marca por tipo: ${[...missed].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  const accuracy = set.filter((l) => l.right).length / set.length;
  report.push(
    `${`${name} ${pc(accuracy)}`.padEnd(22)} | ${pc(raw.flagged).padStart(7)} / ${pc(raw.recall).padStart(7)} (${raw.caught}/${raw.wrong}) | ${pc(all.flagged).padStart(7)} / ${pc(all.recall).padStart(7)} (${all.caught}/${all.wrong}) | ${loso.threshold}, ${pc(out.flagged).padStart(7)} / ${pc(out.recall).padStart(7)} (${out.caught}/${out.wrong}), ${out.brier.toFixed(3)} ${out.recall >= RECALL_GOAL && out.flagged <= 0.25 ? '✔' : '✘'}`,
  );
}
report.push(`Conjuntos que, dejados fuera, cumplen atrapa ≥ 80 % con marca ≤ 25 %: ${held} de ${lines.size}`);
process.stdout.write(`${report.join('\n')}\n`);

if (process.argv.includes('--escribir')) {
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const dirty = execSync('git status --porcelain server/matching', { encoding: 'utf8' }).trim() ? ' (con cambios sin comitear en server/matching)' : '';
  const header = [
    'Confianza medida por tipo de evidencia y franja de confianza propia del mecanismo (issue #13, octava ronda).',
    'NO EDITAR A MANO: la escribe `npx tsx test/bench/fit-calibration.ts --escribir`.',
    `Conjuntos: ${[...lines.keys()].join(', ')} (${[...lines.values()].flat().length} líneas evaluadas; test/fixtures/matching/).`,
    `Motor: commit ${commit}${dirty}; fecha ${new Date().toISOString().slice(0, 10)}.`,
    `Suavizado: ${PRIOR_LINES} líneas del tipo padre; monótona en la franja dentro de cada tipo. Umbral: mejor recall con ningún conjunto > ${pc(MAX_FLAGGED)} marcado.`,
    'Dejando un conjunto fuera (tabla y umbral ajustados en los otros ocho):',
    ...report.slice(1),
  ];
  writeFileSync(fileURLToPath(new URL(`../../server/data/${CALIBRATION_FILE}`, import.meta.url)), toCsv(cells, calibration.threshold, header));
  process.stdout.write(`Escrito server/data/${CALIBRATION_FILE}\n`);
}
process.exit(0);
