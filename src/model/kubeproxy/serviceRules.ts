/**
 * The per-service-port body of syncProxyRules (pkg/proxy/iptables/proxier.go, the
 * `for svcName, svc := range proxier.svcPortMap` loop and writeServiceToEndpointRules), written
 * statement by statement in the same order, so each chain gets its rules in kube-proxy's order.
 */
import { categorizeEndpoints, externallyAccessible, normalizeEndpoints } from './categorize';
import { jump, m } from './rule';
import {
  endpointString,
  lowerProtocol,
  portProtoHash,
  servicePortEndpointChainName,
  servicePortNameString,
} from './names';
import { cidrContains, formatCidr, isIPv4, parseCidr, type Cidr } from '../ip';
import type {
  EndpointInfo, KubeProxyOptions, Match, NodeFacts, RulePurpose, ServicePortEntry, ServicePortKey, ServiceRulePurpose, Target,
} from './types';
import type { RuleWriter } from './writer';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBE_FIREWALL = 'KUBE-FIREWALL';
/** metrics.LocalhostNodePortAcceptedNFAcctCounter */
export const LOCALHOST_NP_NFACCT = 'localhost_nps_accepted_pkts';
/** metrics.IPTablesCTStateInvalidDroppedNFAcctCounter */
export const CT_INVALID_NFACCT = 'ct_state_invalid_dropped_pkts';

/** Shared state of one sync: the node, the flags and large-cluster mode. */
export interface SyncContext {
  node: NodeFacts;
  options: KubeProxyOptions;
  largeClusterMode: boolean;
  /** The --cluster-cidr if local-traffic detection is implemented (LocalTrafficDetector). */
  localCIDR: string | undefined;
}

/** computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function probability(n: number): string {
  return (1 / n).toFixed(10);
}

/**
 * proxyutil.MapCIDRsByIPFamily for IPv4: trims whitespace, drops what does not parse, and prints
 * the network as net.IPNet.String() does (host bits masked).
 */
export function sourceRanges(ranges: string[]): Cidr[] {
  return ranges.map((r) => parseCidr(r.trim())).filter((c): c is Cidr => c !== undefined);
}

/** appendServiceCommentLocked: no comment in large-cluster mode. */
function serviceComment(ctx: SyncContext, text: string): Match[] {
  return ctx.largeClusterMode ? [] : [m.comment(text)];
}

/** Writes everything kube-proxy writes for one service port. */
export function writeServicePort(w: RuleWriter, ctx: SyncContext, entry: ServicePortEntry): void {
  const svc = entry.info;
  const protocol = lowerProtocol(svc.protocol);
  const name = servicePortNameString(svc.namespace, svc.name, svc.portName);
  const proto = m.proto(protocol);
  // Every rule below is written for this port; `p` stamps its purpose with it.
  const servicePort: ServicePortKey = { namespace: svc.namespace, name: svc.name, portName: svc.portName };
  const p = (purpose: ServiceRulePurpose): RulePurpose => ({ ...purpose, servicePort });

  const allEndpoints = normalizeEndpoints(entry.endpoints.filter((ep) => isIPv4(ep.ip)));
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } =
    categorizeEndpoints(allEndpoints, svc);

  // The four per-port chains share portProtoHash(name, protocol); hash once.
  const hash = portProtoHash(name, protocol);
  const clusterPolicyChain = `KUBE-SVC-${hash}`; // servicePortPolicyClusterChain
  const usesClusterPolicyChain = clusterEndpoints.length > 0;
  const localPolicyChain = `KUBE-SVL-${hash}`; // servicePortPolicyLocalChainName
  const usesLocalPolicyChain = localEndpoints.length > 0;

  let internalPolicyChain = clusterPolicyChain;
  let hasInternalEndpoints = hasEndpoints;
  if (svc.internalPolicyLocal) {
    internalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  const internalTrafficChain = internalPolicyChain;

  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasEndpoints;
  if (svc.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = `KUBE-EXT-${hash}`; // serviceExternalChainName
  // Based on hasEndpoints, not hasExternalEndpoints: the short-circuit rules are needed anyway.
  const usesExternalTrafficChain = hasEndpoints && externallyAccessible(svc);

  const lbIPs = svc.loadBalancerIPs.filter(isIPv4);
  const externalIPs = svc.externalIPs.filter(isIPv4);
  const ranges = sourceRanges(svc.loadBalancerSourceRanges);
  let loadBalancerTrafficChain = externalTrafficChain;
  const fwChain = `KUBE-FW-${hash}`; // serviceFirewallChainName
  const usesFWChain = hasEndpoints && lbIPs.length > 0 && ranges.length > 0;
  if (usesFWChain) loadBalancerTrafficChain = fwChain;

  let internalFilterTarget: Target = { kind: 'REJECT' };
  let internalFilterComment = '';
  let externalFilterTarget: Target = { kind: 'REJECT' };
  let externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilterComment = `${name} has no endpoints`;
    externalFilterComment = internalFilterComment;
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = { kind: 'DROP' };
      internalFilterComment = `${name} has no local endpoints`;
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = { kind: 'DROP' };
      externalFilterComment = `${name} has no local endpoints`;
    }
  }

  const clusterIPMatches = [m.comment(`${name} cluster IP`), proto, m.dst(svc.clusterIP), m.dport(svc.port)];
  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    w.nat(KUBE_SERVICES, clusterIPMatches, jump(internalTrafficChain), p({ kind: 'capture', path: 'clusterIP', ip: svc.clusterIP }));
  } else {
    w.filter(KUBE_SERVICES, [m.comment(internalFilterComment), proto, m.dst(svc.clusterIP), m.dport(svc.port)],
      internalFilterTarget, p({ kind: 'noEndpoints', path: 'clusterIP', local: hasEndpoints, ip: svc.clusterIP }));
  }

  // Capture externalIPs.
  for (const externalIP of externalIPs) {
    if (hasEndpoints) {
      w.nat(KUBE_SERVICES, [m.comment(`${name} external IP`), proto, m.dst(externalIP), m.dport(svc.port)],
        jump(externalTrafficChain), p({ kind: 'capture', path: 'externalIP', ip: externalIP }));
    }
    if (!hasExternalEndpoints) {
      w.filter(KUBE_EXTERNAL_SERVICES, [m.comment(externalFilterComment), proto, m.dst(externalIP), m.dport(svc.port)],
        externalFilterTarget, p({ kind: 'noEndpoints', path: 'externalIP', local: hasEndpoints, ip: externalIP }));
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of lbIPs) {
    if (hasEndpoints) {
      w.nat(KUBE_SERVICES, [m.comment(`${name} loadbalancer IP`), proto, m.dst(lbip), m.dport(svc.port)],
        jump(loadBalancerTrafficChain), p({ kind: 'capture', path: 'loadBalancerIP', ip: lbip }));
    }
    if (usesFWChain) {
      w.filter(KUBE_PROXY_FIREWALL,
        [m.comment(`${name} traffic not accepted by ${fwChain}`), proto, m.dst(lbip), m.dport(svc.port)],
        { kind: 'DROP' }, p({ kind: 'firewallDrop', ip: lbip }));
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of lbIPs) {
      w.filter(KUBE_EXTERNAL_SERVICES, [m.comment(externalFilterComment), proto, m.dst(lbip), m.dport(svc.port)],
        externalFilterTarget, p({ kind: 'noEndpoints', path: 'loadBalancerIP', local: hasEndpoints, ip: lbip }));
    }
  }

  // Capture nodeports. (Nodeports are not subject to loadBalancerSourceRanges.)
  if (svc.nodePort !== 0) {
    if (hasEndpoints) {
      if (ctx.options.localhostNodePorts && ctx.options.nfacct) {
        w.nat(KUBE_NODEPORTS, [m.comment(name), proto, m.dst('127.0.0.0/8'), m.dport(svc.nodePort),
          { kind: 'nfacct', name: LOCALHOST_NP_NFACCT }], jump(externalTrafficChain),
          p({ kind: 'capture', path: 'nodePort', localhost: true }));
      }
      w.nat(KUBE_NODEPORTS, [m.comment(name), proto, m.dport(svc.nodePort)], jump(externalTrafficChain),
        p({ kind: 'capture', path: 'nodePort', localhost: false }));
    }
    if (!hasExternalEndpoints) {
      w.filter(KUBE_EXTERNAL_SERVICES, [m.comment(externalFilterComment), m.dstLocal(), proto, m.dport(svc.nodePort)],
        externalFilterTarget, p({ kind: 'noEndpoints', path: 'nodePort', local: hasEndpoints }));
    }
  }

  // Capture healthCheckNodePorts (accepted whether or not this node has local endpoints).
  if (svc.healthCheckNodePort !== 0) {
    w.filter(KUBE_NODEPORTS, [m.comment(`${name} health check node port`), m.proto('tcp'), m.dport(svc.healthCheckNodePort)],
      { kind: 'ACCEPT' }, p({ kind: 'healthCheck', port: svc.healthCheckNodePort }));
  }

  // Internal traffic: masquerade off-cluster traffic to the clusterIP.
  if (hasInternalEndpoints) {
    if (ctx.options.masqueradeAll) {
      w.nat(internalTrafficChain, clusterIPMatches, jump(KUBE_MARK_MASQ), p({ kind: 'clusterIPMasquerade' }));
    } else if (ctx.localCIDR !== undefined) {
      w.nat(internalTrafficChain, [...clusterIPMatches, m.src(ctx.localCIDR, true)], jump(KUBE_MARK_MASQ),
        p({ kind: 'clusterIPMasquerade' }));
    }
  }

  // External traffic.
  if (usesExternalTrafficChain) {
    w.natChain(externalTrafficChain);
    if (!svc.externalPolicyLocal) {
      w.nat(externalTrafficChain, [m.comment(`masquerade traffic for ${name} external destinations`)],
        jump(KUBE_MARK_MASQ), p({ kind: 'externalMasquerade' }));
    } else {
      if (ctx.localCIDR !== undefined) {
        w.nat(externalTrafficChain, [m.comment(`pod traffic for ${name} external destinations`), m.src(ctx.localCIDR)],
          jump(clusterPolicyChain), p({ kind: 'externalFromPod' }));
      }
      w.nat(externalTrafficChain, [m.comment(`masquerade LOCAL traffic for ${name} external destinations`), m.srcLocal()],
        jump(KUBE_MARK_MASQ), p({ kind: 'externalFromNodeMasquerade' }));
      w.nat(externalTrafficChain, [m.comment(`route LOCAL traffic for ${name} external destinations`), m.srcLocal()],
        jump(clusterPolicyChain), p({ kind: 'externalFromNode' }));
    }
    if (hasExternalEndpoints) {
      w.nat(externalTrafficChain, [], jump(externalPolicyChain), p({ kind: 'externalPolicy' }));
    }
  }

  // Firewall chain (loadBalancerSourceRanges).
  if (usesFWChain) {
    w.natChain(fwChain);
    const fwComment = m.comment(`${name} loadbalancer IP`);
    let allowFromNode = false;
    for (const cidr of ranges) {
      const source = formatCidr(cidr);
      w.nat(fwChain, [fwComment, m.src(source)], jump(externalTrafficChain), p({ kind: 'firewallAllow', source }));
      if (ctx.node.nodeIP !== undefined && isIPv4(ctx.node.nodeIP) && cidrContains(cidr, ctx.node.nodeIP)) {
        allowFromNode = true;
      }
    }
    if (allowFromNode) {
      for (const lbip of lbIPs) {
        w.nat(fwChain, [fwComment, m.src(lbip)], jump(externalTrafficChain), p({ kind: 'firewallAllow', source: lbip }));
      }
    }
    w.nat(fwChain, [m.comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], { kind: 'none' },
      p({ kind: 'firewallOther' }));
  }

  const sepChains = new Map<EndpointInfo, string>();
  const sepChain = (ep: EndpointInfo): string => {
    let chain = sepChains.get(ep);
    if (chain === undefined) {
      chain = servicePortEndpointChainName(name, protocol, endpointString(ep.ip, ep.port));
      sepChains.set(ep, chain);
    }
    return chain;
  };

  if (usesClusterPolicyChain) {
    w.natChain(clusterPolicyChain);
    writeServiceToEndpointRules(w, ctx, entry, name, p, clusterPolicyChain, clusterEndpoints, sepChain);
  }
  if (usesLocalPolicyChain) {
    w.natChain(localPolicyChain);
    writeServiceToEndpointRules(w, ctx, entry, name, p, localPolicyChain, localEndpoints, sepChain);
  }

  // The per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const chain = sepChain(ep);
    w.natChain(chain);
    const comment = serviceComment(ctx, name);
    const endpoint = endpointString(ep.ip, ep.port);
    // Hairpin: traffic that loops back to the endpoint itself is masqueraded.
    w.nat(chain, [...comment, m.src(ep.ip)], jump(KUBE_MARK_MASQ), p({ kind: 'endpointHairpin', endpoint }));
    const affinity: Match[] = svc.sessionAffinityTimeoutSeconds !== undefined ? [{ kind: 'recentSet', name: chain }] : [];
    w.nat(chain, [...comment, ...affinity, proto], { kind: 'DNAT', destination: endpoint }, p({ kind: 'endpointDnat', endpoint }));
  }
}

/** writeServiceToEndpointRules: session-affinity checks first, then the probability ladder. */
function writeServiceToEndpointRules(
  w: RuleWriter,
  ctx: SyncContext,
  entry: ServicePortEntry,
  name: string,
  p: (purpose: ServiceRulePurpose) => RulePurpose,
  svcChain: string,
  endpoints: EndpointInfo[],
  sepChain: (ep: EndpointInfo) => string,
): void {
  const timeout = entry.info.sessionAffinityTimeoutSeconds;
  if (timeout !== undefined) {
    for (const ep of endpoints) {
      const endpoint = endpointString(ep.ip, ep.port);
      const comment = serviceComment(ctx, `${name} -> ${endpoint}`);
      w.nat(svcChain, [...comment, { kind: 'recentCheck', name: sepChain(ep), seconds: timeout }], jump(sepChain(ep)),
        p({ kind: 'affinity', endpoint }));
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const endpoint = endpointString(ep.ip, ep.port);
    const comment = serviceComment(ctx, `${name} -> ${endpoint}`);
    const stat: Match[] = i < n - 1 ? [{ kind: 'statistic', probability: probability(n - i) }] : [];
    w.nat(svcChain, [...comment, ...stat], jump(sepChain(ep)), p({ kind: 'endpointPick', endpoint }));
  });
}
