/**
 * Whether the engine's confidence means something (issue #13): the reliability curve (of the lines whose confidence
 * falls in each band, how many were right) and what the «por verificar» flag (confidence below the threshold) does:
 * its recall (share of the wrong lines it catches), its precision (share of flagged lines that were wrong) and how
 * many lines it flags. Shared by both matching benchmarks.
 */
export interface Outcome {
  confidence: number;
  right: boolean;
}

const BANDS = [0, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];

export function calibrationReport(outcomes: Outcome[], threshold: number, goals = { recall: 0.8, flagged: 0.25 }): string {
  const lines: string[] = [];
  lines.push('  Curva de confiabilidad (confianza → acierto real):');
  for (let i = 0; i < BANDS.length - 1; i++) {
    const lo = BANDS[i]!;
    const hi = BANDS[i + 1]!;
    const inBand = outcomes.filter((o) => o.confidence >= lo && o.confidence < hi);
    if (inBand.length === 0) continue;
    const right = inBand.filter((o) => o.right).length;
    const label = `${lo.toFixed(2)}–${Math.min(1, hi).toFixed(2)}`;
    lines.push(`      ${label.padEnd(10)} ${String(inBand.length).padStart(5)} líneas (${pct(inBand.length, outcomes.length).padStart(7)})   acierto ${pct(right, inBand.length).padStart(7)}   ${bar(right / inBand.length)}`);
  }
  const wrong = outcomes.filter((o) => !o.right);
  const flagged = outcomes.filter((o) => o.confidence < threshold);
  const caught = flagged.filter((o) => !o.right).length;
  const recall = wrong.length ? caught / wrong.length : 1;
  const share = outcomes.length ? flagged.length / outcomes.length : 0;
  lines.push(
    `  «Por verificar» (confianza < ${threshold}): marca ${pct(flagged.length, outcomes.length)} de las líneas (objetivo ≤ ${goals.flagged * 100} % ${share <= goals.flagged ? '✔' : '✘'}); ` +
      `atrapa ${pct(caught, wrong.length)} de los errores, ${caught}/${wrong.length} (recall, objetivo ≥ ${goals.recall * 100} % ${recall >= goals.recall ? '✔' : '✘'}); ` +
      `precisión ${pct(caught, flagged.length)} (de lo marcado, cuánto estaba mal)`,
  );
  const silent = wrong.length - caught;
  lines.push(`      errores que pasan sin marca: ${silent} de ${outcomes.length} líneas (${pct(silent, outcomes.length)})`);
  return lines.join('\n');
}

export function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`;
}

function bar(share: number): string {
  return '█'.repeat(Math.round(share * 20)).padEnd(20, '·');
}
