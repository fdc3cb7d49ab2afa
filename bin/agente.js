#!/usr/bin/env node
// Entry point of `npx agente …`: the agent is written in TypeScript and run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv);
