/**
 * The per-service-port body of syncProxyRules (pkg/proxy/nftables/proxier.go, the
 * `for svcName, svc := range proxier.svcPortMap` loop and writeServiceToEndpointRules), statement
 * by statement in the same order, so each chain gets its rules in kube-proxy's order. Endpoints
 * are categorized as on the iptables side (../categorize.ts: CategorizeEndpoints).
 */
import { categorizeEndpoints, externallyAccessible, normalizeEndpoints } from '../categorize';
import { endpointString, servicePortNameString } from '../names';
import type { EndpointInfo, NodeFacts, ServicePortEntry, ServicePortKey } from '../types';
import { cidrContains, parseCidr, type Cidr } from '../../ip';
import { sloppyCidr, sloppyIPv4 } from './sloppy';
import { endpointNames, nftProtocol, servicePortChainNames } from './names';
import { nm, ns } from './rule';
import {
  CLUSTER_IPS, FIREWALL_IPS, MARK_MASQ, NO_ENDPOINT_NODEPORTS, NO_ENDPOINT_SERVICES, REJECT_CHAIN, SERVICE_IPS, SERVICE_NODEPORTS,
} from './setup';
import type { NftRulePurpose, NftServiceRulePurpose, NftVerdict, NftablesOptions } from './types';
import type { NftWriter } from './writer';

/** Shared state of one sync. */
export interface NftSyncContext {
  node: NodeFacts;
  options: NftablesOptions;
  /** LocalTrafficDetector.IfLocalNFT's CIDR (--cluster-cidr); undefined: the no-op detector. */
  localCIDR: string | undefined;
}

/** Writes everything syncProxyRules writes for one service port. */
/** The IPv4 addresses of a list, read sloppily and written canonical (TestBadIPs). */
function ipv4s(values: string[]): string[] {
  return values.map(sloppyIPv4).filter((ip): ip is string => ip !== undefined);
}

export function writeNftServicePort(w: NftWriter, ctx: NftSyncContext, entry: ServicePortEntry): void {
  const svc = { ...entry.info, clusterIP: sloppyIPv4(entry.info.clusterIP) ?? entry.info.clusterIP };
  const protocol = nftProtocol(svc.protocol);
  const nameString = servicePortNameString(svc.namespace, svc.name, svc.portName);
  const servicePort: ServicePortKey = { namespace: svc.namespace, name: svc.name, portName: svc.portName };
  const p = (purpose: NftServiceRulePurpose): NftRulePurpose => ({ ...purpose, servicePort });
  const port = String(svc.port);
  const names = servicePortChainNames(svc.namespace, svc.name, svc.portName, protocol);
  // newEndpointInfo computes each endpoint's names once (two sha256 per endpoint otherwise repeat).
  const namesByEndpoint = new Map<EndpointInfo, { chain: string; affinitySet: string }>();
  const epNames = (ep: EndpointInfo) => {
    let n = namesByEndpoint.get(ep);
    if (n === undefined) {
      n = endpointNames(svc.namespace, svc.name, svc.portName, protocol, endpointString(ep.ip, ep.port));
      namesByEndpoint.set(ep, n);
    }
    return n;
  };
  const affinity = svc.sessionAffinityTimeoutSeconds;

  const allEndpoints = normalizeEndpoints(entry.endpoints.flatMap((ep) => {
    const ip = sloppyIPv4(ep.ip);
    return ip !== undefined ? [{ ...ep, ip }] : [];
  }));
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } =
    categorizeEndpoints(allEndpoints, svc);

  // Note the endpoint chains that will be used.
  for (const ep of allReachableEndpoints) w.chain(epNames(ep).chain);

  const clusterPolicyChain = names.clusterPolicy;
  const usesClusterPolicyChain = clusterEndpoints.length > 0;
  if (usesClusterPolicyChain) w.chain(clusterPolicyChain);
  const localPolicyChain = names.localPolicy;
  const usesLocalPolicyChain = localEndpoints.length > 0;
  if (usesLocalPolicyChain) w.chain(localPolicyChain);

  let internalTrafficChain = clusterPolicyChain;
  let hasInternalEndpoints = hasEndpoints;
  if (svc.internalPolicyLocal) {
    internalTrafficChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }

  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasEndpoints;
  if (svc.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = names.external;
  // Based on hasEndpoints, not hasExternalEndpoints: the short-circuit rules are needed anyway.
  const usesExternalTrafficChain = hasEndpoints && externallyAccessible(svc);
  if (usesExternalTrafficChain) w.chain(externalTrafficChain);

  const reject: NftVerdict = { kind: 'goto', chain: REJECT_CHAIN };
  const drop: NftVerdict = { kind: 'drop' };
  const internalFilterVerdict = !hasEndpoints ? reject : drop;
  const externalFilterVerdict = !hasEndpoints ? reject : drop;
  const goto = (chain: string): NftVerdict => ({ kind: 'goto', chain });

  // Capture the clusterIP.
  w.element(CLUSTER_IPS, [svc.clusterIP], { kind: 'clusterIP', ip: svc.clusterIP, servicePort });
  if (hasInternalEndpoints) {
    w.element(SERVICE_IPS, [svc.clusterIP, protocol, port], { kind: 'dispatch', path: 'clusterIP', ip: svc.clusterIP, servicePort },
      goto(internalTrafficChain));
  } else {
    w.element(NO_ENDPOINT_SERVICES, [svc.clusterIP, protocol, port],
      { kind: 'noEndpoints', path: 'clusterIP', local: hasEndpoints, ip: svc.clusterIP, servicePort }, internalFilterVerdict, nameString);
  }

  // Capture externalIPs.
  for (const externalIP of ipv4s(svc.externalIPs)) {
    if (hasEndpoints) {
      w.element(SERVICE_IPS, [externalIP, protocol, port], { kind: 'dispatch', path: 'externalIP', ip: externalIP, servicePort },
        goto(externalTrafficChain));
    }
    if (!hasExternalEndpoints) {
      w.element(NO_ENDPOINT_SERVICES, [externalIP, protocol, port],
        { kind: 'noEndpoints', path: 'externalIP', local: hasEndpoints, ip: externalIP, servicePort }, externalFilterVerdict, nameString);
    }
  }

  const lbIPs = ipv4s(svc.loadBalancerIPs);
  // proxyutil.MapCIDRsByIPFamily: trimmed, parsed sloppily, what does not parse dropped.
  const ranges = svc.loadBalancerSourceRanges.map(sloppyCidr).flatMap((c) => (c !== undefined ? [c] : []));
  const usesFWChain = lbIPs.length > 0 && ranges.length > 0;
  const fwChain = names.firewall;
  if (usesFWChain) w.chain(fwChain);

  // Capture load-balancer ingress.
  for (const lbip of lbIPs) {
    if (hasEndpoints) {
      w.element(SERVICE_IPS, [lbip, protocol, port], { kind: 'dispatch', path: 'loadBalancerIP', ip: lbip, servicePort },
        goto(externalTrafficChain));
    }
    if (usesFWChain) {
      w.element(FIREWALL_IPS, [lbip, protocol, port], { kind: 'firewall', ip: lbip, servicePort }, goto(fwChain));
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of lbIPs) {
      w.element(NO_ENDPOINT_SERVICES, [lbip, protocol, port],
        { kind: 'noEndpoints', path: 'loadBalancerIP', local: hasEndpoints, ip: lbip, servicePort }, externalFilterVerdict, nameString);
    }
  }

  // Capture nodeports. (Nodeports are not subject to loadBalancerSourceRanges.)
  if (svc.nodePort !== 0) {
    const key = [protocol, String(svc.nodePort)];
    if (hasEndpoints) {
      w.element(SERVICE_NODEPORTS, key, { kind: 'dispatch', path: 'nodePort', servicePort }, goto(externalTrafficChain));
    }
    if (!hasExternalEndpoints) {
      w.element(NO_ENDPOINT_NODEPORTS, key, { kind: 'noEndpoints', path: 'nodePort', local: hasEndpoints, servicePort },
        externalFilterVerdict, nameString);
    }
  }

  // Set up internal traffic handling.
  if (hasInternalEndpoints) {
    if (ctx.options.masqueradeAll) {
      w.rule(internalTrafficChain, [nm.daddr(svc.clusterIP)], [ns.jump(MARK_MASQ)], p({ kind: 'clusterIPMasquerade', masqueradeAll: true }));
    } else if (ctx.localCIDR !== undefined) {
      // Masquerades off-cluster traffic to a service VIP (a static route to the Service range
      // may bounce off-node).
      w.rule(internalTrafficChain, [nm.daddr(svc.clusterIP), nm.saddr(ctx.localCIDR, true)], [ns.jump(MARK_MASQ)],
        p({ kind: 'clusterIPMasquerade', masqueradeAll: false }));
    }
  }

  // Set up external traffic handling.
  if (usesExternalTrafficChain) {
    if (!svc.externalPolicyLocal) {
      // Non-local endpoints: masquerade, in case we cross nodes.
      w.rule(externalTrafficChain, [], [ns.jump(MARK_MASQ)], p({ kind: 'externalMasquerade' }));
    } else {
      if (ctx.localCIDR !== undefined) {
        // Pod → external destination: subject to neither traffic policy, as if it went out to
        // the load balancer and came back.
        w.rule(externalTrafficChain, [nm.saddr(ctx.localCIDR)], [ns.goto(clusterPolicyChain)], p({ kind: 'externalFromPod' }),
          'short-circuit pod traffic');
      }
      // The node itself still needs masquerade (the LB IP is local, so it would be the source).
      w.rule(externalTrafficChain, [nm.fibLocal('saddr')], [ns.jump(MARK_MASQ)], p({ kind: 'externalFromNodeMasquerade' }),
        'masquerade local traffic');
      w.rule(externalTrafficChain, [nm.fibLocal('saddr')], [ns.goto(clusterPolicyChain)], p({ kind: 'externalFromNode' }),
        'short-circuit local traffic');
    }
    // Anything else falls through to the appropriate policy chain.
    if (hasExternalEndpoints) {
      w.rule(externalTrafficChain, [], [ns.goto(externalPolicyChain)], p({ kind: 'externalPolicy', local: svc.externalPolicyLocal }));
    }
  }

  if (usesFWChain) {
    const sources = [...ranges];
    // A VIP-like LB IP is often local: a node's request to it loops back with the VIP as source.
    const nodeIP = ctx.node.nodeIP;
    const allowFromNode = nodeIP !== undefined && ranges.some((r) => {
      const cidr: Cidr | undefined = parseCidr(r);
      return cidr !== undefined && cidrContains(cidr, nodeIP);
    });
    if (allowFromNode) sources.push(...lbIPs);
    w.rule(fwChain, [{ kind: 'addrInAnonSet', field: 'saddr', negated: true, values: sources, separator: ' , ' }],
      [ns.verdict('drop')], p({ kind: 'firewallDrop', sources }));
  }

  if (affinity !== undefined) {
    // Per-endpoint affinity sets: the client IP (not port), for this ServicePort whichever of its IPs was used.
    for (const ep of allReachableEndpoints) {
      w.set({ name: epNames(ep).affinitySet, type: 'ipv4_addr', flags: ['dynamic', 'timeout'], timeoutSeconds: affinity });
    }
  }

  const writeServiceToEndpointRules = (svcChain: string, endpoints: EndpointInfo[], local: boolean): void => {
    if (affinity !== undefined) {
      for (const ep of endpoints) {
        const { chain, affinitySet } = epNames(ep);
        w.rule(svcChain, [nm.inSet('saddr', affinitySet)], [ns.goto(chain)], p({ kind: 'affinity', endpoint: endpointString(ep.ip, ep.port) }));
      }
    }
    w.rule(svcChain, [], [{ kind: 'numgen', chains: endpoints.map((ep) => epNames(ep).chain) }],
      p({ kind: 'endpointPick', endpoints: endpoints.map((ep) => endpointString(ep.ip, ep.port)), local }));
  };
  if (usesClusterPolicyChain) writeServiceToEndpointRules(clusterPolicyChain, clusterEndpoints, false);
  if (usesLocalPolicyChain) writeServiceToEndpointRules(localPolicyChain, localEndpoints, true);

  // The per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const { chain, affinitySet } = epNames(ep);
    const endpoint = endpointString(ep.ip, ep.port);
    // Traffic that loops back to its originator gets SNAT.
    w.rule(chain, [nm.saddr(ep.ip)], [ns.jump(MARK_MASQ)], p({ kind: 'endpointHairpin', endpoint }));
    if (affinity !== undefined) w.rule(chain, [], [{ kind: 'updateSet', set: affinitySet }], p({ kind: 'affinityUpdate', endpoint }));
    w.rule(chain, [{ kind: 'l4proto', protocol }], [{ kind: 'dnat', destination: endpoint }], p({ kind: 'endpointDnat', endpoint }));
  }
}
