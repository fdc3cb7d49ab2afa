import { main } from './main';

/**
 * The CLI straight from the TypeScript sources, for development and the start-up benchmark:
 * `node --import tsx server/cli/run-from-source.ts …`. People use bin/agente.js, which runs the compiled dist/.
 */
process.exitCode = await main(process.argv);
