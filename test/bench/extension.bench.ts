import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension, launchWithExtension, startAlegraFixture } from '../e2e/fixtures/alegra/harness';

/**
 * The extension's figures:
 * - size of the production content script (what every Alegra page loads), gzipped; target < 60 KB;
 * - time from the reception page's title appearing to the "Agente de Gastos" entry being in the page, measured
 *   inside real Chromium by the imitation page itself (test/e2e/fixtures/alegra/app.js); target < 150 ms.
 */
const VISITS = 30;

export async function run(): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'agente-ext-bench-'));
  try {
    const production = await buildExtension('production', outDir);
    for (const [file, target] of [
      ['content-scripts/alegra.js', ' (objetivo: < 60 KB gzip)'],
      ['content-scripts/alegra.css', ' (cargado en las sombras de la interfaz, no en la página)'],
    ] as const) {
      const bytes = readFileSync(path.join(production, file));
      console.log(`extension: ${file} ${kb(bytes.length)} KB, gzip ${kb(gzipSync(bytes, { level: 9 }).length)} KB${target}`);
    }
    const testBuild = await buildExtension('test', outDir);
    const fixture = await startAlegraFixture();
    const browser = await launchWithExtension(testBuild);
    try {
      for (const [label, query] of [
        ['menú «Más acciones»', ''],
        ['menú «Más acciones», página con 2000 filas', '?filas=2000'],
        ['botón junto al título (sin menú)', '?menu=none'],
      ] as const) {
        const page = await browser.context.newPage();
        await page.goto(`${fixture.origin}/inicio${query}`);
        await page.getByRole('heading', { name: 'Inicio' }).waitFor();
        const delays: number[] = [];
        for (let visit = 0; visit < VISITS; visit++) {
          await page.evaluate(() => (window as unknown as { __navigate(path: string): void }).__navigate('/gastos/recepcion-de-comprobantes'));
          const timing = await page.waitForFunction(
            (count) => {
              const timings = (window as unknown as { __agenteTimings: { titleAt: number; entryAt?: number }[] }).__agenteTimings;
              const last = timings[count];
              return last?.entryAt !== undefined ? last.entryAt - last.titleAt : false;
            },
            visit,
            { timeout: 10_000 },
          );
          delays.push((await timing.jsonValue()) as number);
          await page.evaluate(() => (window as unknown as { __navigate(path: string): void }).__navigate('/inicio'));
          await page.getByRole('heading', { name: 'Inicio' }).waitFor();
        }
        delays.sort((a, b) => a - b);
        console.log(
          `extension: título → entrada inyectada, ${label}: mediana ${ms(percentile(delays, 0.5))} ms, p95 ${ms(percentile(delays, 0.95))} ms, máx ${ms(delays.at(-1)!)} ms (n=${VISITS}, Chromium real; objetivo < 150 ms)`,
        );
        await page.close();
      }
    } finally {
      await browser.close();
      await fixture.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);
