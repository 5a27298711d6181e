/**
 * What every Cluster the model accepts must satisfy (the invariants written on cluster.ts, plus
 * what the API server would have refused). Each check returns a sentence naming the object, so a
 * fuzz failure says what was wrong, not only that something was.
 */
import { nodeInternalIP, type Cluster } from '../cluster';
import { parsePortRange } from '../addressing';
import { inCidr, isIPv4, parseCidr } from '../ip';
import { isDNS1123Label, isDNS1123Subdomain } from '../validation/names';
import { validateServiceSpec } from '../validation/service';
import { MAX_EXPANDED_REPLICAS } from '../validation/workloads';

const ok = (problems: string[]): boolean => problems.length === 0;

/** Every broken invariant of `cluster`, as sentences; empty when it holds whole. */
export function invariantViolations(cluster: Cluster): string[] {
  const out: string[] = [];
  const bad = (what: string): void => { out.push(what); };
  const s = cluster.settings;

  for (const [field, value] of [['serviceCIDR', s.serviceCIDR], ['podCIDR', s.podCIDR], ['nodeSubnet', s.nodeSubnet]] as const) {
    if (typeof value !== 'string' || !parseCidr(value)) bad(`settings.${field} ${JSON.stringify(value)} is not a CIDR`);
  }
  if (!inCidr(s.dnsServiceIP, s.serviceCIDR)) bad(`settings.dnsServiceIP ${s.dnsServiceIP} is not inside ${s.serviceCIDR}`);
  if (typeof s.clusterDomain !== 'string' || !ok(isDNS1123Subdomain(s.clusterDomain))) bad(`settings.clusterDomain ${JSON.stringify(s.clusterDomain)} is not a DNS name`);
  const range = typeof s.nodePortRange === 'string' ? parsePortRange(s.nodePortRange) : undefined;
  if (!range || range.base < 1) bad(`settings.nodePortRange ${JSON.stringify(s.nodePortRange)} is not a port range`);
  if (!['NodePort', 'VIP', 'Pod'].includes(s.loadBalancerTargets)) bad(`settings.loadBalancerTargets ${String(s.loadBalancerTargets)}`);
  if (!['iptables', 'nftables'].includes(s.kubeProxyMode)) bad(`settings.kubeProxyMode ${String(s.kubeProxyMode)}`);
  if (typeof s.masqueradeOutgoing !== 'boolean') bad('settings.masqueradeOutgoing is not a boolean');
  for (const c of s.nonMasqueradeCIDRs) if (!parseCidr(c)) bad(`settings.nonMasqueradeCIDRs holds ${JSON.stringify(c)}`);
  const clientNames = new Set<string>();
  for (const c of s.clients) {
    if (!ok(isDNS1123Label(c.name))) bad(`client name ${JSON.stringify(c.name)} is not a DNS label`);
    if (clientNames.has(c.name)) bad(`client ${c.name} twice`);
    clientNames.add(c.name);
    if (!isIPv4(c.ip)) bad(`client ${c.name} has IP ${JSON.stringify(c.ip)}`);
  }

  const nodes = new Map(cluster.nodes.map((n) => [n.metadata.name, n]));
  if (nodes.size !== cluster.nodes.length) bad('two nodes share a name');
  const nodeIPs = new Set<string>();
  for (const n of cluster.nodes) {
    if (!ok(isDNS1123Subdomain(n.metadata.name))) bad(`node name ${JSON.stringify(n.metadata.name.slice(0, 80))} is invalid`);
    for (const a of n.status.addresses) {
      if (a.type !== 'InternalIP' && a.type !== 'ExternalIP') continue;
      if (!isIPv4(a.address)) bad(`node ${n.metadata.name} ${a.type} ${JSON.stringify(a.address)} is not IPv4`);
      else if (nodeIPs.has(a.address)) bad(`node IP ${a.address} twice`);
      nodeIPs.add(a.address);
    }
    if (n.spec.podCIDR !== undefined && !parseCidr(n.spec.podCIDR)) bad(`node ${n.metadata.name} podCIDR ${JSON.stringify(n.spec.podCIDR)}`);
    if (!nodeInternalIP(n) && cluster.pods.some((p) => p.spec.nodeName === n.metadata.name && p.status.podIP)) bad(`node ${n.metadata.name} has pods but no InternalIP`);
  }

  const podKeys = new Set<string>();
  const podIPs = new Set<string>();
  for (const p of cluster.pods) {
    const id = `${p.metadata.namespace}/${p.metadata.name}`;
    if (podKeys.has(id)) bad(`pod ${id} twice`);
    podKeys.add(id);
    if (!ok(isDNS1123Subdomain(p.metadata.name)) || !ok(isDNS1123Label(p.metadata.namespace))) bad(`pod name ${JSON.stringify(id.slice(0, 80))} is invalid`);
    for (const c of p.spec.containers) for (const cp of c.ports ?? []) {
      if (!Number.isInteger(cp.containerPort) || cp.containerPort < 1 || cp.containerPort > 65535) bad(`pod ${id} containerPort ${cp.containerPort}`);
      if (!['TCP', 'UDP', 'SCTP'].includes(cp.protocol)) bad(`pod ${id} protocol ${String(cp.protocol)}`);
    }
    // ValidatePodSpec: hostname and subdomain are DNS labels (a controller's pods included).
    for (const field of ['hostname', 'subdomain'] as const) {
      const v = p.spec[field];
      if (v !== undefined && !ok(isDNS1123Label(v))) bad(`pod ${id} spec.${field} ${JSON.stringify(v.slice(0, 80))} is not a DNS label`);
    }
    const nodeName = p.spec.nodeName;
    if (nodeName !== undefined && !nodes.has(nodeName)) bad(`pod ${id} is on node ${nodeName}, which does not exist`);
    if (p.status.podIP !== undefined && p.spec.hostNetwork === true) {
      // A hostNetwork pod shares its node's network namespace: its IP is the node's InternalIP, which
      // every other hostNetwork pod on that node shares too, so it is no duplicate.
      const node = nodeName ? nodes.get(nodeName) : undefined;
      const nodeIP = node ? nodeInternalIP(node) : undefined;
      if (p.status.phase === 'Running' && p.status.podIP !== nodeIP) bad(`hostNetwork pod ${id} IP ${p.status.podIP} is not its node's InternalIP ${nodeIP}`);
    } else if (p.status.podIP !== undefined) {
      const node = nodeName ? nodes.get(nodeName) : undefined;
      if (!isIPv4(p.status.podIP)) bad(`pod ${id} IP ${JSON.stringify(p.status.podIP)} is not IPv4`);
      else if (podIPs.has(p.status.podIP)) bad(`pod IP ${p.status.podIP} twice`);
      else if (p.status.phase === 'Running' && (!node?.spec.podCIDR || !inCidr(p.status.podIP, node.spec.podCIDR))) bad(`pod ${id} IP ${p.status.podIP} is outside its node's podCIDR ${node?.spec.podCIDR}`);
      podIPs.add(p.status.podIP);
    }
    if (p.status.phase === 'Running' && !nodeName) bad(`pod ${id} is Running on no node`);
  }

  const clusterIPs = new Set<string>();
  const nodePorts = new Set<number>();
  for (const svc of cluster.services) {
    const id = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const errs = validateServiceSpec(structuredClone(svc));
    if (errs.length) bad(`Service ${id} fails validation: ${errs[0]!.field} ${errs[0]!.message}`);
    const ip = svc.spec.clusterIP;
    if (svc.spec.type !== 'ExternalName' && ip !== 'None') {
      if (!ip || !inCidr(ip, s.serviceCIDR)) bad(`Service ${id} ClusterIP ${ip} outside ${s.serviceCIDR}`);
      // dnsServiceIP belongs to kube-system/kube-dns (added to every cluster), and to no other Service.
      else if (clusterIPs.has(ip) || (ip === s.dnsServiceIP && id !== 'kube-system/kube-dns')) bad(`ClusterIP ${ip} twice`);
      if (ip) clusterIPs.add(ip);
    }
    const wantNodePorts = svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
    const mine = new Set<number>();
    for (const p of svc.spec.ports) {
      if (wantNodePorts && !p.nodePort) bad(`Service ${id} port ${p.port} has no nodePort`);
      if (p.nodePort === undefined) continue;
      if (!range || p.nodePort < range.base || p.nodePort >= range.base + range.size) bad(`Service ${id} nodePort ${p.nodePort} outside ${s.nodePortRange}`);
      if (nodePorts.has(p.nodePort)) bad(`nodePort ${p.nodePort} twice`);
      mine.add(p.nodePort);
    }
    if (svc.spec.healthCheckNodePort !== undefined) mine.add(svc.spec.healthCheckNodePort);
    for (const p of mine) nodePorts.add(p);
  }

  for (const d of cluster.deployments ?? []) {
    const r = d.spec.replicas;
    if (!Number.isInteger(r) || r < 0 || r > MAX_EXPANDED_REPLICAS) bad(`Deployment ${d.metadata.name} replicas ${r}`);
    const sel = d.spec.selector.matchLabels;
    if (!Object.entries(sel).every(([k, v]) => d.spec.template.metadata.labels[k] === v)) bad(`Deployment ${d.metadata.name} selector does not match its template`);
  }

  for (const ing of cluster.ingresses) {
    if (!ok(isDNS1123Subdomain(ing.metadata.name))) bad(`Ingress name ${JSON.stringify(ing.metadata.name)}`);
    if (ing.spec.rules !== undefined && !Array.isArray(ing.spec.rules)) bad(`Ingress ${ing.metadata.name} rules is not a list`);
    for (const rule of Array.isArray(ing.spec.rules) ? ing.spec.rules : []) {
      if (rule.host !== undefined && (typeof rule.host !== 'string' || !ok(isDNS1123Subdomain(rule.host.replace(/^\*\./, ''))))) bad(`Ingress ${ing.metadata.name} host ${JSON.stringify(rule.host)}`);
      if (rule.http !== undefined && !Array.isArray(rule.http.paths)) bad(`Ingress ${ing.metadata.name} paths is not a list`);
    }
  }

  for (const slice of cluster.endpointSlices) {
    if (!ok(isDNS1123Subdomain(slice.metadata.name))) bad(`EndpointSlice name ${JSON.stringify(slice.metadata.name)}`);
    for (const e of slice.endpoints) for (const a of e.addresses) if (slice.addressType === 'IPv4' && !isIPv4(a)) bad(`EndpointSlice ${slice.metadata.name} address ${JSON.stringify(a)}`);
    for (const p of slice.ports) if (p.port !== undefined && (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)) bad(`EndpointSlice ${slice.metadata.name} port ${p.port}`);
  }
  return out;
}
