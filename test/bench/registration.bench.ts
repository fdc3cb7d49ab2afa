import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/agent-harness';
import { encoder, fixtureNames, fixtureText, retarget } from '../support/fixtures';

/**
 * Registration throughput (issue #3): a backlog of 5,000 production invoices, built from DIAN's samples with new
 * CUFEs, numbers and suppliers, received into a fresh database file with the agent active, then registered by the
 * processor exactly as in production (one transaction per document). Targets on the 2-core reference machine:
 * at least 300 invoices per second, and peak memory (RSS) under 300 MB.
 *
 * The suppliers' side (signing each invoice and DIAN's response with the test PKI) is done first, untimed, into a
 * folder; the agent's side runs in a fresh process (registration-backlog.ts), so its memory is the agent's alone.
 */
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 5_000);
const SUPPLIERS = 250;
const COMPANY_NIT = '900123456';

const INVOICE_SAMPLES = fixtureNames().filter((n) => !n.includes('RADIAN') && !/CreditNote|DebitNote|nota_credito|nota_debito/.test(n) && !n.startsWith('volt'));

export async function run(): Promise<void> {
  const backlog = tempDir('agente-bench-acumulado-');
  try {
    const templates = INVOICE_SAMPLES.map((name) => fixtureText(name));
    for (let i = 0; i < BACKLOG; i++) {
      const xml = retarget(templates[i % templates.length]!, {
        customerNit: COMPANY_NIT,
        cufeSeed: `bench-${i}`,
        number: `BN${String(i).padStart(6, '0')}`,
        supplierNit: String(900_000_000 + (i % SUPPLIERS)),
        issueDate: '2026-03-10',
      });
      writeFileSync(backlog.file(`bn${i}.xml`), encoder.encode(xml));
    }
    const script = fileURLToPath(new URL('registration-backlog.ts', import.meta.url));
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, backlog.dir, String(templates.length), String(SUPPLIERS), COMPANY_NIT], { stdio: 'inherit' });
      child.on('close', resolve);
    });
    if (code !== 0) process.exitCode = 1;
  } finally {
    backlog.remove();
  }
}
