import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../server/matching/calibration';
import { fit, FITTED, measuredKinds, type MeasuredLine, type Sets } from '../bench/calibration-fit';
import { kindsChosenOn, NEW_KINDS, UNSEEN_AND_BLIND_SETS } from '../bench/scenario-sets';

/**
 * Round 20 of issue #13: a kind of evidence a round added is measured only on the sets written after its rules were
 * chosen. Round 19's operation moves measured 0.87 on the sets their rows were picked from and were right on 10 of
 * 18 lines of the judges; a table fitted where a rule was written cannot see how often it is wrong elsewhere.
 */
const line = (kind: string, right: boolean, raw = 0.9): MeasuredLine => ({ kind, raw, right });
const many = (kind: string, n: number, wrong: number): MeasuredLine[] => Array.from({ length: n }, (_, i) => line(kind, i >= wrong));

describe('calibration fit: new kinds measured out of sample (round 20 of #13)', () => {
  const chosenOn = new Map([['actividad/operacion', new Set(['viejo'])]]);

  it('a line of a set the kind was chosen on counts for its parents, not for the kind or what is under it', () => {
    expect(measuredKinds('actividad/operacion/palabras/fuerte', 'viejo', chosenOn)).toEqual(['actividad', '*']);
    expect(measuredKinds('actividad/operacion/palabras/fuerte', 'nuevo', chosenOn)).toEqual([
      'actividad/operacion/palabras/fuerte',
      'actividad/operacion/palabras',
      'actividad/operacion',
      'actividad',
      '*',
    ]);
    // Other kinds are not touched.
    expect(measuredKinds('actividad/palabras/fuerte', 'viejo', chosenOn)).toEqual(['actividad/palabras/fuerte', 'actividad/palabras', 'actividad', '*']);
  });

  it('the kind’s accuracy comes from the later set only: the flattering one no longer lifts it', () => {
    // On the set its rows were chosen from the kind is right 40 of 40 times; on a later set, 10 of 20.
    const sets: Sets = new Map([
      ['viejo', [...many('actividad/operacion', 40, 0), ...many('actividad/palabras', 60, 12)]],
      ['nuevo', [...many('actividad/operacion', 20, 10), ...many('actividad/palabras', 80, 16)]],
    ]);
    const band = bandOf(0.9);
    const everywhere = fit(sets, FITTED).get('actividad/operacion')![band]!;
    const outOfSample = fit(sets, { ...FITTED, chosenOn }).get('actividad/operacion')![band]!;
    expect(everywhere.lines).toBe(60);
    expect(outOfSample.lines).toBe(20);
    expect(outOfSample.hits).toBe(10);
    expect(outOfSample.p).toBeLessThan(everywhere.p - 0.1);
    // The parent still counts every line of both sets.
    expect(fit(sets, { ...FITTED, chosenOn }).get('actividad')![band]!.lines).toBe(200);
  });

  it('each round-19 kind was chosen on every set written before its judges, and is measured from them on', () => {
    const chosen = kindsChosenOn();
    expect(NEW_KINDS.map((k) => k.kind)).toEqual(expect.arrayContaining(['actividad/operacion', 'actividad/aparato', 'leccion/clase-51-61']));
    const operation = chosen.get('actividad/operacion')!;
    expect(operation.has('propio')).toBe(true);
    expect(operation.has('a ciegas 29')).toBe(true);
    expect(operation.has('a ciegas 30')).toBe(false);
    expect(operation.has('a ciegas 31')).toBe(false);
    // Every `since` names a blind set that exists (its judges), or the kind would be measured nowhere new without
    // anyone noticing; until they join the fit, the kind reads as its parent.
    for (const { since } of NEW_KINDS) {
      const n = /^a ciegas (\d+)$/.exec(since)?.[1];
      expect(n, since).toBeDefined();
      expect(existsSync(fileURLToPath(new URL(`../fixtures/matching/blind${n}/scenarios.ts`, import.meta.url))), since).toBe(true);
    }
  });

  it('a kind whose first later set has not joined the fit yet is chosen on all of them', () => {
    const chosen = kindsChosenOn([{ kind: 'x/nuevo', since: 'a ciegas 999', why: 'prueba' }]);
    expect(chosen.get('x/nuevo')!.size).toBe(UNSEEN_AND_BLIND_SETS.length + 1);
  });
});
