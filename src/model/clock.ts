/**
 * The fixed clock of the explainer. Real kubectl prints AGE from creationTimestamp to "now"; to keep
 * every view reproducible (tests, links, screenshots) the model's "now" is a constant and objects
 * without a creationTimestamp get a plausible one: nodes joined a while before the workloads.
 */
export const CLUSTER_NOW = '2025-06-06T10:30:00Z';
export const DEFAULT_NODE_CREATED = '2025-05-20T08:00:00Z';
export const DEFAULT_OBJECT_CREATED = '2025-06-01T08:00:00Z';
