import { isHeadless, nodeExternalIP, nodeInternalIP, type Cluster, type Protocol, type Service } from './cluster';

/** Which of a Service's doors an address is: what kube-proxy (or the cloud) answers it for. */
export type ExposureVia = 'cluster-ip' | 'node-port' | 'load-balancer' | 'external-ip';

/**
 * The farthest client that reaches an address, each including the nearer ones: `cluster` (pods and
 * nodes only), `lan` (also clients on the nodes' LAN), `internet` (anyone). The same answer the
 * trace gives when it routes a packet from outside (trace/entry.ts fromOutside).
 */
export type Audience = 'cluster' | 'lan' | 'internet';

/** One address:port a Service answers on, and who can send to it. */
export interface ExposedAddress {
  /** An IPv4 address; a DNS name for a load balancer known only by its hostname (AWS ELB). */
  host: string;
  port: number;
  protocol: Protocol;
  via: ExposureVia;
  reachableFrom: Audience;
  /** spec.ports[].name, when set. */
  portName?: string;
  /** NodeIP:nodePort addresses: the node it belongs to, and which of its status.addresses it is. */
  nodeName?: string;
  nodeAddress?: 'InternalIP' | 'ExternalIP';
  /**
   * On a load balancer address (status.loadBalancer.ingress): whether it is a DNS name only (AWS
   * ELB), its ipMode, and whether kube-proxy writes a rule for it — only an IP with ipMode VIP or
   * unset (proxyutil.IsVIPMode) — so that pods and nodes reach it without leaving their node.
   */
  loadBalancer?: { hostname: boolean; ipMode?: 'VIP' | 'Proxy'; kubeProxyRule: boolean };
}

/**
 * How the load balancer reaches the pods (ClusterSettings.loadBalancerTargets), or `none` when it
 * targets NodeIP:nodePort and a port of the Service has none (allocateLoadBalancerNodePorts: false).
 */
export type LoadBalancerBackend = 'node-port' | 'vip' | 'pod' | 'none';

/**
 * Every address a Service is reachable at, grouped by who can reach it. This is the answer to
 * "is NodeIP:nodePort the same as ClusterIP:nodePort?": the nodePort is opened on the nodes' own
 * addresses; the ClusterIP only ever answers on `port`.
 */
export interface ServiceExposure {
  /** `<name>.<namespace>.svc.<clusterDomain>`: what pods resolve through cluster DNS. */
  dnsName: string;
  /** What the DNS name resolves to: an A record to the ClusterIP, pod IPs (headless), or a CNAME. */
  dnsAnswer: 'cluster-ip' | 'pod-ips' | 'cname';
  /** Reachable from pods and nodes only: `spec.clusterIP:spec.ports[].port`. */
  inCluster: ExposedAddress[];
  /** `NodeIP:spec.ports[].nodePort` on every node (NodePort and LoadBalancer). */
  onEveryNode: ExposedAddress[];
  /** Load balancer ingress IPs (or hostnames) and spec.externalIPs, each on `spec.ports[].port`. */
  external: ExposedAddress[];
  /** LoadBalancer Services only: where the balancer sends. */
  loadBalancerBackend?: LoadBalancerBackend;
  /** A LoadBalancer whose status.loadBalancer.ingress is still empty (no cloud provider, or not yet). */
  loadBalancerPending: boolean;
  /** Whether clients on the internet can reach the nodes' addresses (ClusterSettings.nodesPublic). */
  nodesReachableFromInternet: boolean;
}

export function serviceExposure(cluster: Cluster, service: Service): ServiceExposure {
  const { spec, metadata } = service;
  const dnsName = `${metadata.name}.${metadata.namespace}.svc.${cluster.settings.clusterDomain}`;
  const onPorts = (host: string, via: ExposureVia, reachableFrom: Audience, extra: Partial<ExposedAddress> = {}): ExposedAddress[] =>
    spec.ports.map((p) => ({ host, port: p.port, protocol: p.protocol, via, reachableFrom, ...(p.name ? { portName: p.name } : {}), ...extra }));

  if (spec.type === 'ExternalName') {
    // No virtual IP and no proxying: cluster DNS answers with a CNAME to spec.externalName.
    return {
      dnsName,
      dnsAnswer: 'cname',
      inCluster: [],
      onEveryNode: [],
      external: [],
      loadBalancerPending: false,
      nodesReachableFromInternet: cluster.settings.nodesPublic,
    };
  }

  const headless = isHeadless(service);
  const inCluster = headless || !spec.clusterIP ? [] : onPorts(spec.clusterIP, 'cluster-ip', 'cluster');

  // kube-proxy opens nodePorts on the node's addresses (iptables mode accepts any local address,
  // KUBE-NODEPORTS matches `-m addrtype --dst-type LOCAL`); we list InternalIP and ExternalIP.
  // The internet reaches an ExternalIP, and an InternalIP only on a public subnet with no ExternalIP.
  const onEveryNode: ExposedAddress[] = [];
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const node of cluster.nodes) {
      const internal = nodeInternalIP(node);
      const external = nodeExternalIP(node);
      const ips: [string | undefined, 'InternalIP' | 'ExternalIP', Audience][] = [
        [internal, 'InternalIP', cluster.settings.nodesPublic && external === undefined ? 'internet' : 'lan'],
        [external, 'ExternalIP', 'internet'],
      ];
      for (const [ip, nodeAddress, reachableFrom] of ips) {
        if (!ip) continue;
        for (const p of spec.ports) {
          if (p.nodePort === undefined) continue;
          onEveryNode.push({
            host: ip, port: p.nodePort, protocol: p.protocol, via: 'node-port', reachableFrom,
            ...(p.name ? { portName: p.name } : {}),
            nodeName: node.metadata.name, nodeAddress,
          });
        }
      }
    }
  }

  // An ingress known only by its hostname is reached through that name (public DNS resolves it).
  const lbAddresses = spec.type === 'LoadBalancer'
    ? (service.status.loadBalancer.ingress ?? []).flatMap((i) => {
      const host = i.ip ?? i.hostname;
      if (!host) return [];
      const loadBalancer = {
        hostname: i.ip === undefined, ...(i.ip !== undefined ? { ipMode: i.ipMode ?? 'VIP' as const } : {}),
        kubeProxyRule: i.ip !== undefined && (i.ipMode ?? 'VIP') === 'VIP',
      };
      return onPorts(host, 'load-balancer', 'internet', { loadBalancer });
    })
    : [];
  // spec.externalIPs are honoured on any Service type with a ClusterIP (kube-proxy adds
  // "external IP" rules for them), not only LoadBalancers.
  const externalIPs = headless ? [] : spec.externalIPs ?? [];
  const external = [...lbAddresses, ...externalIPs.flatMap((ip) => onPorts(ip, 'external-ip', 'internet'))];
  const targets = cluster.settings.loadBalancerTargets;
  const loadBalancerBackend: LoadBalancerBackend | undefined = spec.type !== 'LoadBalancer' ? undefined
    : targets === 'Pod' ? 'pod'
      : targets === 'VIP' ? 'vip'
        : spec.ports.every((p) => p.nodePort !== undefined) ? 'node-port' : 'none';

  return {
    dnsName,
    dnsAnswer: headless ? 'pod-ips' : 'cluster-ip',
    inCluster,
    onEveryNode,
    external,
    ...(loadBalancerBackend ? { loadBalancerBackend } : {}),
    loadBalancerPending: spec.type === 'LoadBalancer' && (service.status.loadBalancer.ingress ?? []).length === 0,
    nodesReachableFromInternet: cluster.settings.nodesPublic,
  };
}
