/**
 * The node pool a cluster gets when the manifests hold pods or workloads but describe no Node:
 * three Ready workers named as the scenarios name theirs, labelled as the kubelet labels a node it
 * registers. Addresses, podCIDRs and nodeInfo are filled by allocateNodes like any other node's.
 */
import type { Node } from '../cluster';
import { kubeletLabels } from './nodeFit';

export const DEFAULT_POOL_NAMES = ['worker-1', 'worker-2', 'worker-3'] as const;

export function defaultNodePool(): Node[] {
  return DEFAULT_POOL_NAMES.map((name) => ({
    apiVersion: 'v1', kind: 'Node', metadata: { name, labels: kubeletLabels(name) }, spec: {}, status: { addresses: [], ready: true },
  }));
}
