import { describe, expect, it } from 'vitest';
import { nativeModuleError } from '../../server/db/native-sqlite';

/** After a Node upgrade the agent says the one command that fixes it (issue 17; .ci/node24-smoke sees it for real). */
describe('better-sqlite3 compiled for another Node', () => {
  it('becomes a Spanish message with `npm rebuild better-sqlite3`', () => {
    // Node's own message, as Node 24 prints it for a module built on Node 20.
    const dlopen = Object.assign(
      new Error(
        "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. Please try re-compiling or re-installing\nthe module (for instance, using `npm rebuild` or `npm install`).",
      ),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const error = nativeModuleError(dlopen, 'v24.22.3')!;
    expect(error.message).toBe(
      'La base de datos (better-sqlite3) se compiló para otra versión de Node (módulo 115) y ahora usas Node v24.22.3 (módulo 137). Ejecuta `npm rebuild better-sqlite3` en la carpeta del agente (tarda alrededor de un minuto) y vuelve a intentarlo.',
    );
    expect(error.cause).toBe(dlopen);
  });

  it('leaves any other error alone', () => {
    expect(nativeModuleError(new Error('SQLITE_CANTOPEN: unable to open database file'))).toBeUndefined();
  });
});
