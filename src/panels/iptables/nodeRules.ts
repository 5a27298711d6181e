/**
 * The panel's data for one node, memoised per (cluster object, node name): the cluster is replaced,
 * never mutated, so its identity says when the rules must be rebuilt. Stepping a trace, searching or
 * picking another node and back never rebuilds them.
 */
import type { Cluster } from '../../model/cluster';
import { kubeProxyRules } from '../../model/kubeproxy';
import type { RuleSet } from '../../model/kubeproxy/types';
import { chainOwners, type ChainOwner } from './chainOwner';
import { buildRuleView, type RuleView } from './ruleView';

export interface NodeRules {
  ruleSet: RuleSet;
  view: RuleView;
  owners: ReadonlyMap<string, ChainOwner>;
}

const cache = new WeakMap<Cluster, Map<string, NodeRules>>();

function podLookup(cluster: Cluster): (ip: string) => string | undefined {
  let byIP: Map<string, string> | undefined;
  return (ip) => {
    if (!byIP) {
      byIP = new Map();
      for (const pod of cluster.pods) {
        const podIP = pod.status.podIP;
        if (podIP) byIP.set(podIP, `${pod.metadata.namespace}/${pod.metadata.name}`);
      }
    }
    return byIP.get(ip);
  };
}

/** kube-proxy's rules on `node`, grouped for display with their chain owners. */
export function nodeRules(cluster: Cluster, node: string): NodeRules {
  let byNode = cache.get(cluster);
  if (!byNode) cache.set(cluster, (byNode = new Map()));
  let found = byNode.get(node);
  if (!found) {
    const ruleSet = kubeProxyRules(cluster, node);
    found = { ruleSet, view: buildRuleView(ruleSet), owners: chainOwners(ruleSet, podLookup(cluster)) };
    byNode.set(node, found);
  }
  return found;
}
