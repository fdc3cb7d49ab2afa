import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tempDir } from './agent-harness';

/** xmlsec1 (Debian's, an independent implementation) on a standalone signed document. */
export function xmlsec(xml: string, trusted?: string): { ok: boolean; output: string } {
  const dir = tempDir('agente-xmlsec-');
  try {
    writeFileSync(dir.file('doc.xml'), xml);
    const args = ['--verify', '--id-attr:Id', 'SignedProperties', '--id-attr:Id', 'KeyInfo', ...(trusted ? ['--trusted-pem', trusted] : ['--insecure']), dir.file('doc.xml')];
    const run = spawnSync('xmlsec1', args, { encoding: 'utf8' });
    if (run.error) throw new Error(`xmlsec1 no está instalado (apt-get install xmlsec1): ${run.error.message}`);
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    dir.remove();
  }
}
