/** Types of build-state.js (plain JavaScript: it runs before anything is compiled). */
export const ROOT: string;
export const BUILT_CLI: string;
export function newestSourceTime(root?: string): number;
export function buildState(root?: string): 'current' | 'missing' | 'stale';
export function writeBuildInfo(info: { sourceTime: number; files: number; node: string }): void;
