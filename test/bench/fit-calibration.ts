/**
 * Fits the engine's confidence to what it measures (issue #13, eighth round) and writes
 * server/data/calibracion-confianza.csv. Run: `npx tsx test/bench/fit-calibration.ts [--escribir]`.
 *
 * 1. Runs the forty-seven matching sets as `npm run bench:matching` does, recording for every evaluated line the kind of
 *    evidence that decided it, the mechanism's own (raw) confidence and whether the account was right. One pass is
 *    enough: the agent learns back its registrations with the raw number (`evidence.raw`) and the first reading behind
 *    a repeated guess as a kind and a raw number (`evidence.first`), so no decision of the engine depends on the
 *    table. A repeated guess is read through the table being fitted twice: as its own kind, capped by its first
 *    reading's (calibration.ts).
 * 2. Per kind of evidence (a path general → specific, calibration.ts) and band of raw confidence: the share of right
 *    lines (each set weighing the same), smoothed toward the parent kind (a kind seen a few times says little: `prior`
 *    pseudo-lines of its parent), then made non-decreasing in the raw band within each kind (pool-adjacent-violators): a mechanism surer
 *    of itself is never reported as less right than when it was less sure.
 * 3. The «por verificar» threshold: the one that leaves the most sets meeting the goal (recall ≥ the target, at most
 *    `maxFlagged` of the lines flagged), then the best mean recall (fourteenth round; calibration-fit.ts says why). The
 *    recall target is chosen by leave-one-set-out among 80–90 % (twenty-second round, `heldOutByTarget`).
 * 4. Leave-one-set-out: for each set, the table and threshold fitted on the others, applied to it — what a new
 *    set may expect, and the figure every choice of the fit (FITTED in calibration-fit.ts) was chosen by. `FIT_DIAG=1` also prints, per held-out set, the kinds of evidence of the errors left unflagged.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Calibration, CALIBRATION_FILE } from '../../server/matching/calibration';
import { describeOptions, FITTED, fitAll, type FitOptions, heldOutByTarget, pickRecallTarget, read, RECALL_GOAL, RECALL_TARGETS, score, toCsv } from './calibration-fit';
import { accuracy } from './matching.bench';
import { runScenarioSet, type Observed } from './matching-unseen.bench';
import { kindsChosenOn, UNSEEN_AND_BLIND_SETS } from './scenario-sets';

// Every choice of the fit is a hyper-parameter chosen by leave-one-set-out (see calibration-fit.ts); the environment
// overrides them to try others.
const OPTIONS: FitOptions = {
  ...FITTED,
  ...(process.env.FIT_PRIOR ? { prior: Number(process.env.FIT_PRIOR) } : {}),
  ...(process.env.FIT_MIN_SETS ? { minSets: Number(process.env.FIT_MIN_SETS) } : {}),
  ...(process.env.FIT_BETWEEN ? { betweenSets: process.env.FIT_BETWEEN === '1' } : {}),
  ...(process.env.FIT_MAX ? { maxFlagged: Number(process.env.FIT_MAX) } : {}),
  ...(process.env.FIT_RULE ? { rule: process.env.FIT_RULE as FitOptions['rule'] } : {}),
  ...(process.env.FIT_OOF ? { outOfFold: process.env.FIT_OOF === '1' } : {}),
  // `FIT_RECALL=0.8` fixes the recall target; by default it is chosen by leave-one-set-out (below).
  ...(process.env.FIT_RECALL ? { recallTarget: Number(process.env.FIT_RECALL) } : {}),
  // A round's new kinds are measured only on the sets written after their rules were chosen (scenario-sets.ts);
  // `FIT_NEW_KINDS=0` measures them everywhere, to compare.
  ...(process.env.FIT_NEW_KINDS === '0' ? {} : { chosenOn: kindsChosenOn() }),
};

// `FIT_REVIEW=1`: each set the engine's author did not write is also run with a person opening every line the
// shipped table flags (flag-review.bench.ts), as the agent is used. The table is fitted on both passes (each half of
// the set's weight): what a person's corrections teach the agent is evidence whose reliability the table must know.
// The threshold is still chosen for the flag's goal on the passes without review.
const REVIEW = process.env.FIT_REVIEW === '1';

/** A measured line, and whether a person was reviewing the flagged lines on its pass. */
type Measured = Observed & { reviewed?: boolean };

const SETS: { name: string; run: (calibration: Calibration) => Promise<Measured[]> }[] = [
  { name: 'propio', run: (calibration) => accuracy({ quiet: true, engine: { calibration } }) },
  ...UNSEEN_AND_BLIND_SETS.map(([name, build]) => ({
    name,
    run: async (calibration: Calibration) => {
      const alone = await runScenarioSet(name, build(), { quiet: true, engine: { calibration } });
      // Who reviews what depends on the flag, so this pass uses the table the agent ships with.
      const reviewed = REVIEW ? await runScenarioSet(name, build(), { quiet: true, review: true }) : [];
      return [...alone, ...reviewed.map((line) => ({ ...line, reviewed: true }))];
    },
  })),
];

type Lines = Map<string, Measured[]>;

async function collect(calibration: Calibration): Promise<Lines> {
  const out: Lines = new Map();
  for (const set of SETS) {
    const started = performance.now();
    out.set(set.name, await set.run(calibration));
    process.stderr.write(`  ${set.name}: ${out.get(set.name)!.length} líneas (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  return out;
}

const pc = (x: number) => `${(100 * x).toFixed(1)} %`;

// `--reusar`: the passes of the last run (test/bench/.fit-calibration.json), to try fitting choices quickly.
const cache = fileURLToPath(new URL('.fit-calibration.json', import.meta.url));
let lines: Lines;
if (process.argv.includes('--reusar')) {
  // Passes measured with review are fitted on only when asked for (FIT_REVIEW=1); they are always reported.
  lines = new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, Measured[]][]);
} else {
  lines = await collect(Calibration.identity());
  writeFileSync(cache, JSON.stringify([...lines]));
}
/** What the table is fitted on: every pass with FIT_REVIEW=1, else only those without review. */
const fitOn = (sets: Lines): Lines => (REVIEW ? sets : new Map([...sets].map(([name, set]) => [name, set.filter((l) => !l.reviewed)])));
// The recall target (twenty-second round, calibration-fit.ts `heldOutByTarget`): unless fixed, the candidate that
// leaves the most sets meeting the goal when each is left out, then the fewest errors booked without the flag.
const pct = (x: number) => `${Math.round(100 * x)} %`;
let targets = '';
let options = OPTIONS;
if (OPTIONS.recallTarget === undefined) {
  const outcomes = heldOutByTarget(fitOn(lines), OPTIONS, RECALL_TARGETS);
  options = { ...OPTIONS, recallTarget: pickRecallTarget(outcomes) };
  targets = `Meta de recall para elegir el umbral, elegida dejando cada conjunto fuera (cumplen la meta / errores sin marca / con más de 25 % marcado): ${outcomes.map((o) => `${pct(o.target)}${o.target === options.recallTarget ? ' ←' : ''} ${o.met}/${o.silent}/${o.overFlagged}`).join(', ')}`;
}
const { cells, calibration } = fitAll(fitOn(lines), options);

const report: string[] = [];
report.push(`Umbral «por verificar» ajustado: confianza < ${calibration.threshold} (${describeOptions(options)})`);
if (targets) report.push(targets);
report.push('Conjunto, exactitud    | motor sin calibrar (< 0,6): marca / atrapa | calibrado, todos los conjuntos: marca / atrapa | dejando este conjunto fuera: umbral, marca / atrapa, Brier');
let held = 0;
let inFit = 0;
const silent: string[] = [];
let silentLines = 0;
let reviewedLines = 0;
// Wrong lines the flag lets through, summed over the sets: the set count above is brittle near the 80 % recall line (a
// set one line short of it counts as a failure), so fits are also compared by how many errors would be booked silently.
const through = { held: 0, inFit: 0, lines: 0 };
for (const [name, set] of lines) {
  const others: Lines = new Map([...lines].filter(([n]) => n !== name));
  const loso = fitAll(fitOn(others), options).calibration;
  const alone = set.filter((l) => !l.reviewed);
  const raw = score(read(alone, Calibration.identity()), Calibration.identity().threshold);
  const all = score(read(alone, calibration), calibration.threshold);
  const out = score(read(alone, loso), loso.threshold);
  const reviewed = set.filter((l) => l.reviewed);
  const quiet = reviewed.filter((l) => !l.right && calibration.confidence(l) >= calibration.threshold).length;
  if (reviewed.length) silent.push(`${name} ${pc(quiet / reviewed.length)}`);
  silentLines += quiet;
  reviewedLines += reviewed.length;
  through.held += out.wrong - out.caught;
  through.inFit += all.wrong - all.caught;
  through.lines += alone.length;
  if (out.recall >= RECALL_GOAL && out.flagged <= 0.25) held++;
  if (all.recall >= RECALL_GOAL && all.flagged <= 0.25) inFit++;
  if (process.env.FIT_DIAG) {
    const missed = new Map<string, number>();
    for (const l of alone) if (!l.right && loso.confidence(l) >= loso.threshold) missed.set(l.kind, (missed.get(l.kind) ?? 0) + 1);
    process.stderr.write(`${name}: errores sin marca por tipo: ${[...missed].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  const accuracy = alone.filter((l) => l.right).length / alone.length;
  report.push(
    `${`${name} ${pc(accuracy)}`.padEnd(22)} | ${pc(raw.flagged).padStart(7)} / ${pc(raw.recall).padStart(7)} (${raw.caught}/${raw.wrong}) | ${pc(all.flagged).padStart(7)} / ${pc(all.recall).padStart(7)} (${all.caught}/${all.wrong}) | ${loso.threshold}, ${pc(out.flagged).padStart(7)} / ${pc(out.recall).padStart(7)} (${out.caught}/${out.wrong}), ${out.brier.toFixed(3)} ${out.recall >= RECALL_GOAL && out.flagged <= 0.25 ? '✔' : '✘'}`,
  );
}
if (silent.length) report.push(`Con revisión (leída con la tabla nueva, aproximado: quién revisó lo decidió la tabla anterior), líneas mal y sin marca: ${pc(silentLines / reviewedLines)} (${silent.join(', ')})`);
report.push(`Conjuntos que cumplen atrapa ≥ 80 % con marca ≤ 25 %: dejados fuera ${held} de ${lines.size}; con la tabla de todos ${inFit} de ${lines.size}`);
const per100 = (n: number) => ((100 * n) / through.lines).toFixed(2).replace('.', ',');
report.push(`Errores que pasan sin marca, de ${through.lines} líneas: dejando cada conjunto fuera ${through.held} (${per100(through.held)} por 100 líneas); con la tabla de todos ${through.inFit} (${per100(through.inFit)} por 100)`);
process.stdout.write(`${report.join('\n')}\n`);

if (process.argv.includes('--escribir')) {
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const dirty = execSync('git status --porcelain server/matching', { encoding: 'utf8' }).trim() ? ' (con cambios sin comitear en server/matching)' : '';
  const header = [
    'Confianza medida por tipo de evidencia y franja de confianza propia del mecanismo (issue #13, octava ronda).',
    'NO EDITAR A MANO: la escribe `npx tsx test/bench/fit-calibration.ts --escribir`.',
    `Conjuntos: ${[...lines.keys()].join(', ')} (${[...lines.values()].flat().length} líneas evaluadas; test/fixtures/matching/).`,
    `Motor: commit ${commit}${dirty}; fecha ${new Date().toISOString().slice(0, 10)}.`,
    describeOptions(options),
    `Dejando un conjunto fuera (tabla y umbral ajustados en los otros ${lines.size - 1}):`,
    ...report.slice(1),
  ];
  writeFileSync(fileURLToPath(new URL(`../../server/data/${CALIBRATION_FILE}`, import.meta.url)), toCsv(cells, calibration.threshold, header));
  process.stdout.write(`Escrito server/data/${CALIBRATION_FILE}\n`);
}
process.exit(0);
