import type { TraceEngine } from './engineSlice';

/**
 * The engine a store starts with when none is handed in. Outside a browser there is no first paint
 * to protect: under Vite's SSR loader (the benchmark's preparation) and Vitest's Node environment
 * (every unit test) stores trace from the start. Browser builds drop this branch, and its `await`,
 * at build time, so there it is null and the engine comes as the caller decides.
 */
export const defaultEngine: TraceEngine | null = import.meta.env.SSR ? (await import('../model/trace/trace')).trace : null;
