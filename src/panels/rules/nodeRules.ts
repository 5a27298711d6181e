/**
 * The panel's data for one node, memoised per (cluster object, node name): the cluster is replaced,
 * never mutated, so its identity says when the rules must be rebuilt (a change of
 * settings.kubeProxyMode replaces it too). Stepping a trace, searching or picking another node and
 * back never rebuilds them.
 */
import type { Cluster } from '../../model/cluster';
import { kubeProxyRules } from '../../model/kubeproxy';
import { nftablesRulesFor } from '../../model/kubeproxy/nftables';
import { chainOwners, type ChainOwner } from './chainOwner';
import { buildIptablesView } from './iptablesView';
import { buildNftView } from './nftView';
import type { RuleView } from './ruleView';

export interface NodeRules {
  view: RuleView;
  /**
   * Who each hashed iptables chain (KUBE-SVC-…, KUBE-SEP-…) belongs to. Empty in nftables mode,
   * where kube-proxy writes the Service port into the chain name itself (service-…-ns/name/tcp/port).
   */
  owners: ReadonlyMap<string, ChainOwner>;
}

const NO_OWNERS: ReadonlyMap<string, ChainOwner> = new Map();

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

/** kube-proxy's rules on `node` in the cluster's proxy mode, grouped for display with their chain owners. */
export function nodeRules(cluster: Cluster, node: string): NodeRules {
  let byNode = cache.get(cluster);
  if (!byNode) cache.set(cluster, (byNode = new Map()));
  let found = byNode.get(node);
  if (!found) {
    if (cluster.settings.kubeProxyMode === 'nftables') {
      found = { view: buildNftView(nftablesRulesFor(cluster, node)), owners: NO_OWNERS };
    } else {
      const ruleSet = kubeProxyRules(cluster, node);
      found = { view: buildIptablesView(ruleSet), owners: chainOwners(ruleSet, podLookup(cluster)) };
    }
    byNode.set(node, found);
  }
  return found;
}
