import { describe, expect, it } from 'vitest';
import { compareRuns, parseRun, thresholdOf } from '../bench/compare-runs';

/** The line-by-line comparison of two bench runs (test/bench/compare-runs.ts), on two tiny printed runs. */
const before = `
▶ matching-blind9.bench.ts
Exactitud top-1 (umbral «por verificar»: confianza < 0.84):
✘ taller/arranque en frío: «ALQUILER GRUA 50 TON» → 512095 (0.656) esperada 614530 · Actividad 5224: alquiler de equipos → 512095
✔ taller/recurrente: «RESMA CARTA» → 519530 (0.99) esperada 519530 · Usada 12 veces
✘ taller/arranque en frío: «MANGUERA HIDRAULICA» → 514510 (0.9) esperada 1455 · Actividad 0510: ferretería
✘ taller/arranque en frío: «TORNO CNC» → 612065 (0.318) esperada 1520 · Este proveedor se registra en 612065
▶ matching-blind10.bench.ts
✔ mina/recurrente: «ACPM» → 611520 (0.99) esperada 611520 · Usada 21 veces
`;
const after = `
▶ matching-blind9.bench.ts
Exactitud top-1 (umbral «por verificar»: confianza < 0.849):
✔ taller/arranque en frío: «ALQUILER GRUA 50 TON» → 614530 (0.59) esperada 614530 · Actividad 5224: operación
✘ taller/recurrente: «RESMA CARTA» → 1405 (0.9) esperada 519530 · Actividad: materia prima
✘ taller/arranque en frío: «MANGUERA HIDRAULICA» → 611515 (0.5) esperada 1455 · Actividad 0510: operación
✘ taller/arranque en frío: «TORNO CNC» → 612065 (0.318) esperada 1520 · Este proveedor se registra en 612065
▶ matching-blind10.bench.ts
✔ mina/recurrente: «ACPM» → 611520 (0.99) esperada 611520 · Usada 21 veces
✔ mina/recurrente: «ACPM» → 611520 (0.99) esperada 611520 · Usada 22 veces
`;

describe('compare-runs', () => {
  it('reads each set’s printed lines and the run’s threshold', () => {
    const run = parseRun(before);
    expect([...run.keys()]).toEqual(['matching-blind9.bench.ts', 'matching-blind10.bench.ts']);
    expect(run.get('matching-blind9.bench.ts')!.map((l) => [l.right, l.account, l.expected])).toEqual([
      [false, '512095', '614530'],
      [true, '519530', '519530'],
      [false, '514510', '1455'],
      [false, '612065', '1520'],
    ]);
    expect(thresholdOf(before)).toBe(0.84);
    expect(() => thresholdOf('nada')).toThrow(/umbral/);
  });

  it('says, line by line, what a change fixed, broke, moved and left unflagged', () => {
    const { changes, mismatched } = compareRuns(parseRun(before), parseRun(after), { before: 0.84, after: 0.849 });
    // A set whose two runs printed a different number of lines is not compared line by line.
    expect(mismatched).toEqual(['matching-blind10.bench.ts']);
    const [blind9] = changes;
    expect(blind9!.fixed.map((l) => l.description)).toEqual(['ALQUILER GRUA 50 TON']);
    expect(blind9!.broken.map((l) => l.description)).toEqual(['RESMA CARTA']);
    expect(blind9!.moved.map((l) => l.account)).toEqual(['611515']);
    // The broken line is wrong above the new threshold: silent. The hose was wrong and unflagged (0.9), now flagged.
    expect(blind9!.newlySilent.map((l) => l.description)).toEqual(['RESMA CARTA']);
    expect(blind9!.noLongerSilent.map((l) => l.description)).toEqual(['MANGUERA HIDRAULICA']);
  });
});
