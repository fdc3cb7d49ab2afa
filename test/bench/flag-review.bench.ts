import { reviewThreshold } from '../../server/matching/calibration';
import { pct } from './matching-calibration';
import { runScenarioSet, type Observed } from './matching-unseen.bench';
import { UNSEEN_AND_BLIND_SETS } from './scenario-sets';

/**
 * What the books look like when a person does what «por verificar» asks (issue #13: a wrong line that is not flagged
 * is booked silently; that is what costs an accountant trust). The matching benches measure the agent alone: nobody
 * opens a flagged line, so its first guesses teach it. Here every line marked «por verificar» is opened as it is
 * registered: a wrong one corrected, a right one verified (bills.ts records both as a person's decision), and the
 * agent learns from that before the next invoice. Per set: how often the suggestion was right, how many lines the
 * person had to open, and the errors left in the books that nobody was asked to look at («silenciosos»), against the
 * same figures with nobody reviewing. Not part of `bench:matching`: `npm run bench -- flag-review` (≈ 5 min).
 */
export async function run(): Promise<void> {
  const threshold = reviewThreshold();
  process.stdout.write(`Revisión de lo marcado «por verificar» (confianza < ${threshold}): una persona abre cada línea marcada\n`);
  process.stdout.write(`${'Conjunto'.padEnd(14)} | ${'sin revisión: acierta / marca / silenciosos'.padEnd(44)} | con revisión: acierta / marca / silenciosos / libros bien\n`);
  const totals: { alone: Figures; reviewed: Figures } = { alone: [0, 0, 0, 0], reviewed: [0, 0, 0, 0] };
  for (const [name, build] of UNSEEN_AND_BLIND_SETS) {
    const alone = figures(await runScenarioSet(name, build(), { quiet: true }), threshold);
    const reviewed = figures(await runScenarioSet(name, build(), { quiet: true, review: true }), threshold);
    totals.alone = add(totals.alone, alone);
    totals.reviewed = add(totals.reviewed, reviewed);
    process.stdout.write(`${name.padEnd(14)} | ${row(alone).padEnd(44)} | ${row(reviewed)} / ${pct(reviewed[0] - reviewed[3], reviewed[0])}\n`);
  }
  const { alone, reviewed } = totals;
  process.stdout.write(`${'Todos'.padEnd(14)} | ${row(alone).padEnd(44)} | ${row(reviewed)} / ${pct(reviewed[0] - reviewed[3], reviewed[0])}\n`);
  process.stdout.write('«Silenciosos»: líneas mal y sin marca, de cada 100; «libros bien»: tras corregir lo que se marcó.\n');
}

/** Lines, right, flagged, wrong and not flagged. */
type Figures = [lines: number, right: number, flagged: number, silent: number];

function figures(lines: Observed[], threshold: number): Figures {
  return [lines.length, lines.filter((l) => l.right).length, lines.filter((l) => l.confidence < threshold).length, lines.filter((l) => !l.right && l.confidence >= threshold).length];
}

function add(a: Figures, b: Figures): Figures {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

function row([lines, right, flagged, silent]: Figures): string {
  return `${pct(right, lines)} / ${pct(flagged, lines)} / ${pct(silent, lines)}`;
}
