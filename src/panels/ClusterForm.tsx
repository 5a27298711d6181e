import { useState } from 'react';
import type { ClusterSettingsSpec, KubeProxyMode } from '../model/cluster';
import { updateSettings, type EditError } from '../model/edits';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { ErrorSummary, Field, inputClass, primaryButton } from './controls';

const selectSettings = (s: AppState) => s.cluster.settings;

/** What each load-balancer data path means, for the select's hint. */
const TARGET_HINT: Record<ClusterSettingsSpec['loadBalancerTargets'], string> = {
  NodePort: 'The load balancer sends to a node\'s IP on the nodePort (AWS Classic ELB, NLB instance targets, many on-premises balancers).',
  VIP: 'The load balancer hands a node the packet still addressed to its own IP; kube-proxy\'s rule for that IP takes it (GCP and Azure passthrough, MetalLB).',
  Pod: 'The load balancer sends straight to pod IPs; no nodePort and no kube-proxy on the way in (AWS Load Balancer Controller IP targets, GKE container-native).',
};

/**
 * What each kube-proxy mode writes and how it answers differently, for the select's hint. True to
 * pkg/proxy/iptables and pkg/proxy/nftables proxier.go: nftables' cluster-ips-check rejects a
 * ClusterIP on a port no Service defines, and its --nodeport-addresses defaults to the primary IP.
 */
const MODE_HINT: Record<KubeProxyMode, string> = {
  iptables: 'Chains in the nat and filter tables (KUBE-SERVICES, KUBE-SVC-…, KUBE-SEP-…), walked rule by rule. A ClusterIP on a port the Service lacks matches no rule: the packet goes on unchanged and is lost.',
  nftables: 'One table, ip kube-proxy, whose verdict maps find a Service in one lookup. A ClusterIP on a port the Service lacks is rejected; NodePorts answer on the node\'s primary IP only, never 127.0.0.1. GA since v1.33.',
};

/** "a, b ,c" → ["a", "b", "c"]. */
const splitList = (text: string): string[] => text.split(',').map((t) => t.trim()).filter(Boolean);

/** What no Kubernetes object holds: where the cluster runs and how its nodes can be reached. */
export function ClusterForm() {
  const store = useAppStoreApi();
  const settings = useAppStore(selectSettings);
  const [range, setRange] = useState(settings.nodePortRange);
  const [exempt, setExempt] = useState(settings.nonMasqueradeCIDRs.join(', '));
  const [errors, setErrors] = useState<EditError[]>([]);
  const apply = (patch: Partial<ClusterSettingsSpec>) => setErrors(store.getState().applyEdit((c) => updateSettings(c, patch)));

  return (
    <form
      aria-label="Cluster settings"
      onSubmit={(e) => {
        e.preventDefault();
        apply({ nodePortRange: range, nonMasqueradeCIDRs: splitList(exempt) });
      }}
    >
      <ErrorSummary errors={errors} />
      <Field label="Where the cluster runs" field="spec.provider" errors={errors} hint="On bare metal no cloud controller answers for LoadBalancer Services: they stay <pending>.">
        {(a) => (
          <select {...a} className={inputClass} value={settings.provider} onChange={(e) => apply({ provider: e.target.value as ClusterSettingsSpec['provider'] })}>
            <option value="cloud">cloud</option>
            <option value="bare-metal">bare metal</option>
          </select>
        )}
      </Field>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-[#2456c4]" checked={settings.nodesPublic} onChange={(e) => apply({ nodesPublic: e.target.checked })} />
        Nodes on a public subnet (reachable from the internet)
      </label>
      <Field
        label="How load balancers reach the Service"
        field="spec.loadBalancerTargets"
        errors={errors}
        hint={TARGET_HINT[settings.loadBalancerTargets]}
      >
        {(a) => (
          <select {...a} className={inputClass} value={settings.loadBalancerTargets} onChange={(e) => apply({ loadBalancerTargets: e.target.value as ClusterSettingsSpec['loadBalancerTargets'] })}>
            <option value="NodePort">NodeIP:nodePort (instance targets)</option>
            <option value="VIP">the node, still addressed to the LB IP (passthrough)</option>
            <option value="Pod">pod IPs directly (IP targets)</option>
          </select>
        )}
      </Field>
      <Field label="kube-proxy mode (--proxy-mode)" field="spec.kubeProxyMode" errors={errors} hint={`${MODE_HINT[settings.kubeProxyMode]} IPVS mode is deprecated since v1.35 and not modelled.`}>
        {(a) => (
          <select {...a} className={inputClass} value={settings.kubeProxyMode} onChange={(e) => apply({ kubeProxyMode: e.target.value as KubeProxyMode })}>
            <option value="iptables">iptables</option>
            <option value="nftables">nftables</option>
          </select>
        )}
      </Field>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-[#2456c4]" checked={settings.masqueradeOutgoing} onChange={(e) => apply({ masqueradeOutgoing: e.target.checked })} />
        Nodes masquerade pod traffic leaving the cluster
      </label>
      <Field
        label="Destinations reached with the pod's own IP"
        field="spec.nonMasqueradeCIDRs"
        errors={errors}
        hint="CIDRs, separated by commas (ip-masq-agent's nonMasqueradeCIDRs). The pod network and the node subnet are never masqueraded."
      >
        {(a) => <input {...a} className={inputClass} value={exempt} placeholder="e.g. 172.16.0.0/12" onChange={(e) => setExempt(e.target.value)} />}
      </Field>
      <Field label="Node-port range" field="spec.nodePortRange" errors={errors}>
        {(a) => <input {...a} className={inputClass} value={range} onChange={(e) => setRange(e.target.value)} />}
      </Field>
      <button type="submit" className={`${primaryButton} mt-3`}>Apply ranges</button>
    </form>
  );
}
