import type { KyselyPlugin, RootOperationNode } from 'kysely';

/**
 * A Kysely plugin that stops a reception at its worst moment: when the `nth` inbox entry is about to be inserted,
 * that is after the received file was stored and committed, inside the transaction that records its documents.
 * `die` decides how: throw (the agent in the test process survives, the transaction rolls back) or SIGKILL the
 * process (as `kill -9` or a power cut would; PostgreSQL and SQLite roll the open transaction back).
 *
 * @example new Agent(db.withPlugin(dieBeforeRecording(4, 'kill')))
 */
export function dieBeforeRecording(nth: number, die: 'throw' | 'kill'): KyselyPlugin {
  let inserts = 0;
  return {
    transformQuery({ node }: { node: RootOperationNode }) {
      if (node.kind === 'InsertQueryNode' && /^inbox_?document$/i.test(node.into?.table.identifier.name ?? '') && ++inserts === nth) {
        if (die === 'kill') process.kill(process.pid, 'SIGKILL');
        throw new Error('El proceso que leía se detuvo aquí (prueba).');
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}
