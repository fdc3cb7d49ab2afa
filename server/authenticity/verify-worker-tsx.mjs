// The verification thread when running from the TypeScript sources (tests, benchmarks, `tsx`): a thread does not
// inherit the parent's `--import tsx` hooks on Node 20, so it registers tsx itself, then loads the real worker.
// From dist/ the bundled verify-worker.js is started instead (scripts/build-server.js).
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
