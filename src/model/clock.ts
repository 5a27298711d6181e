/**
 * The fixed clock of the explainer. Real kubectl prints AGE from creationTimestamp to "now"; to keep
 * every view reproducible (tests, links, screenshots) the model's "now" is a constant and objects
 * without a creationTimestamp get a plausible one: nodes joined a while before the workloads.
 */
export const CLUSTER_NOW = '2025-06-06T10:30:00Z';
export const DEFAULT_NODE_CREATED = '2025-05-20T08:00:00Z';
export const DEFAULT_OBJECT_CREATED = '2025-06-01T08:00:00Z';

/**
 * Milliseconds on the host's monotonic clock, for measuring the model's own work (the benchmark,
 * the fuzz budget), never for anything a view shows. The one place the model reads a real clock:
 * `performance.now()`, which browsers and Node ≥ 16 both have, looked up here so the model needs
 * no DOM or Node types for it.
 */
export function monotonicMs(): number {
  return (globalThis as unknown as { performance: { now(): number } }).performance.now();
}
