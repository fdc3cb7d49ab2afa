import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * Confidence by measurement (issue #13, eighth round). Each mechanism of the engine still says how sure it is (its
 * raw confidence), but what a line's confidence means is measured: `server/data/calibracion-confianza.csv` holds, per
 * kind of evidence that decided the line and per band of raw confidence, how many such lines the benchmarks saw and
 * how many were right. The engine reports that observed accuracy, so «0,85» means «of lines decided like this one,
 * 85 in 100 were right», and the «por verificar» threshold is chosen on the same measurement (the table's header
 * says which sets, which commit and the held-out figures). The table is written by `test/bench/fit-calibration.ts`;
 * nothing in it is typed by hand.
 *
 * A kind is a path from general to specific — stage / who or what decided / how strongly / whether independent
 * sources agreed / whether a rival account was close — and the table holds every level, already smoothed toward its
 * parent, so a kind never measured falls back to the nearest measured ancestor.
 */
export interface Evidence {
  /** e.g. `descripcion/persona`, `actividad/palabras/fuerte/sola`, `item-similar/libros/coinciden/rival`. */
  kind: string;
  /** The mechanism's own confidence before calibration (0…1). */
  raw: number;
  /**
   * A repeat of the agent's own unverified guess: the reading that first made the guess. The line is never reported
   * surer than that reading is measured (issue #13: the agent's registrations never make it surer than the original
   * evidence) — a kind right on most lines would otherwise lift a guess first flagged «por verificar» above the
   * threshold just because nobody looked at it.
   */
  first?: FirstReading;
}

/** The kind of evidence and the mechanism's own number of the reading that first made a guess. */
export interface FirstReading {
  kind: string;
  raw: number;
}

/** Upper edges of the raw-confidence bands (the last one closes at 1). */
export const RAW_BANDS = [0.3, 0.45, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001] as const;

export function bandOf(raw: number): number {
  const i = RAW_BANDS.findIndex((edge) => raw < edge);
  return i < 0 ? RAW_BANDS.length - 1 : i;
}

/** The kinds a line's evidence belongs to, most specific first (the lookup order). */
export function ancestry(kind: string): string[] {
  const parts = kind.split('/');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join('/'));
  out.push('*');
  return out;
}

const MAX_CONFIDENCE = 0.99;

export const CALIBRATION_FILE = 'calibracion-confianza.csv';

export class Calibration {
  private constructor(
    private readonly cells: Map<string, number>,
    /** Below this calibrated confidence a line is «por verificar». */
    readonly threshold: number,
  ) {}

  /** Per kind, per band: the measured value of its nearest measured ancestor (resolved once per kind). */
  private readonly resolved = new Map<string, (number | undefined)[]>();

  /** The measured accuracy of lines decided by this kind of evidence at this raw confidence (a repeated guess: never above its first reading). */
  confidence({ kind, raw, first }: Evidence): number {
    const measured = this.measured(kind, raw);
    return first ? Math.min(measured, this.measured(first.kind, first.raw)) : measured;
  }

  private measured(kind: string, raw: number): number {
    let row = this.resolved.get(kind);
    if (!row) {
      const kinds = ancestry(kind);
      row = RAW_BANDS.map((_, band) => {
        const found = kinds.map((k) => this.cells.get(`${k}|${band}`)).find((p) => p !== undefined);
        // Measured, never certain: a kind right on every line seen so far is still reported as at most 0.99.
        return found === undefined ? undefined : Math.min(MAX_CONFIDENCE, found);
      });
      this.resolved.set(kind, row);
    }
    return row[bandOf(raw)] ?? raw;
  }

  static parse(text: string): Calibration {
    const threshold = /^#\s*umbral_por_verificar:\s*([0-9.]+)/m.exec(text);
    if (!threshold) throw new Error(`${CALIBRATION_FILE}: falta la línea «# umbral_por_verificar: …».`);
    const rows = parse(text, { columns: true, skip_empty_lines: true, comment: '#' }) as Record<string, string>[];
    const cells = new Map<string, number>();
    for (const row of rows) {
      const band = Number(row.franja);
      const p = Number(row.confianza);
      if (!row.evidencia || !Number.isInteger(band) || !(p >= 0 && p <= 1)) throw new Error(`${CALIBRATION_FILE}: fila inválida ${JSON.stringify(row)}`);
      cells.set(`${row.evidencia}|${band}`, p);
    }
    return new Calibration(cells, Number(threshold[1]));
  }

  /** No calibration: every mechanism's own number, the 0.6 threshold of the hand-set era (for the fitting script). */
  static identity(): Calibration {
    return new Calibration(new Map(), 0.6);
  }
}

let loaded: Calibration | undefined;

/** The calibration the engine uses by default (read once). */
export function defaultCalibration(): Calibration {
  loaded ??= Calibration.parse(readFileSync(fileURLToPath(new URL(`../data/${CALIBRATION_FILE}`, import.meta.url)), 'utf8'));
  return loaded;
}

/** The «por verificar» threshold the calibration was fitted for (AGENTE_UMBRAL_CONFIANZA overrides it). */
export function reviewThreshold(): number {
  return defaultCalibration().threshold;
}
