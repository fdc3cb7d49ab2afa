import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/**
 * This process, as other processes see it in claims and leases: machine, pid and a random part (a pid is reused
 * after a restart; the random part tells a restarted process from the dead one).
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
