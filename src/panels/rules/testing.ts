/** Shared fixtures of the iptables panel's unit tests: the default scenario and its first trace. */
import { kubeProxyRules } from '../../model/kubeproxy';
import { defaultRequestFor } from '../../model/requestOptions';
import { defaultScenario } from '../../model/scenarios/defaultScenario';
import { trace } from '../../model/trace/trace';
import type { Hop } from '../../model/trace/types';

/** The default scenario, the node its LoadBalancer request lands on, and that trace's DNAT hop. */
export function defaultTrace() {
  const cluster = defaultScenario();
  const t = trace(cluster, defaultRequestFor(cluster)!, { seed: 0 });
  const dnatHop = t.hops.find((h) => h.rewrites.some((r) => r.by === 'kube-proxy' && r.kind === 'DNAT')) as Hop;
  const node = dnatHop.node!;
  return { cluster, trace: t, dnatHop, node, ruleSet: kubeProxyRules(cluster, node) };
}
