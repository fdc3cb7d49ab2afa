import SqliteDatabase from 'better-sqlite3';

/**
 * Opens better-sqlite3's database, translating the one error a Node upgrade causes. better-sqlite3 is native code,
 * compiled by `npm install` for the Node version installed then; after moving from Node 22 to 24 (or back) Node
 * refuses to load it with an English message about NODE_MODULE_VERSION. The fix is one command, so say it.
 */
export function openSqlite(file: string, options: SqliteDatabase.Options = {}): SqliteDatabase.Database {
  try {
    return new SqliteDatabase(file, options);
  } catch (error) {
    throw nativeModuleError(error) ?? error;
  }
}

export class NativeModuleError extends Error {
  override readonly name = 'NativeModuleError';
}

/** The Spanish error for a native module compiled for another Node version, or undefined for any other error. */
export function nativeModuleError(error: unknown, node = process.version): NativeModuleError | undefined {
  const message = error instanceof Error ? error.message : '';
  const versions = /NODE_MODULE_VERSION (\d+)\.[^]*NODE_MODULE_VERSION (\d+)/.exec(message);
  if (!versions) return undefined;
  return new NativeModuleError(
    `La base de datos (better-sqlite3) se compiló para otra versión de Node (módulo ${versions[1]}) y ahora usas Node ${node} (módulo ${versions[2]}). ` +
      'Ejecuta `npm rebuild better-sqlite3` en la carpeta del agente (tarda alrededor de un minuto) y vuelve a intentarlo.',
    { cause: error },
  );
}
