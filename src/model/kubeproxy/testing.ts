/**
 * Test helpers: hand-built kube-proxy inputs with the conventions of
 * pkg/proxy/iptables/proxier_test.go (NewFakeProxier):
 *   Pod IPs 10.0.0.0/8, ClusterIPs 172.30.0.0/16, node "test-node" at 192.168.0.2 (also local:
 *   192.168.1.2 and 192.168.99.11), LB IPs 1.2.3.4 / 5.6.7.8, external clients 203.0.113.0/24,
 *   LB source range 203.0.113.0/25. The fake iptables has no --random-fully; nfacct counters exist.
 */
import type { EndpointInfo, KubeProxyInput, KubeProxyOptions, NodeFacts, ServicePortEntry, ServicePortInfo } from './types';

export const testNodeName = 'test-node';
export const testNodeIP = '192.168.0.2';
export const testNodeIPAlt = '192.168.1.2';
export const testExternalIP = '192.168.99.11';
export const testExternalClient = '203.0.113.2';
export const testExternalClientBlocked = '203.0.113.130';

export const testNode: NodeFacts = {
  name: testNodeName,
  nodeIP: testNodeIP,
  localIPs: [testNodeIP, testNodeIPAlt, testExternalIP],
  clusterCIDR: '10.0.0.0/8',
};

/** NewFakeProxier's flags and capabilities. */
export const fakeProxierOptions: Partial<KubeProxyOptions> = { randomFully: false, nfacct: true, localhostNodePorts: true };

/** A service port with kube-proxy's defaults (ClusterIP, port name "p80", TCP 80). */
export function svcPort(namespace: string, name: string, overrides: Partial<ServicePortInfo> = {}): ServicePortInfo {
  return {
    namespace,
    name,
    portName: 'p80',
    protocol: 'TCP',
    clusterIP: '',
    port: 80,
    nodePort: 0,
    externalIPs: [],
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalPolicyLocal: false,
    internalPolicyLocal: false,
    healthCheckNodePort: 0,
    ...overrides,
  };
}

/** A ready endpoint (EndpointSlice conditions left nil), local when nodeName is test-node. */
export function ep(ip: string, port: number, overrides: Partial<EndpointInfo> = {}): EndpointInfo {
  return { ip, port, isLocal: false, ready: true, serving: true, terminating: false, ...overrides };
}

/** The input NewFakeProxier + makeServiceMap + populateEndpointSlices would hold. */
export function fakeInput(servicePorts: ServicePortEntry[], options: Partial<KubeProxyOptions> = {}): KubeProxyInput {
  return { node: testNode, servicePorts, options: { ...fakeProxierOptions, ...options } };
}

/** dedent for expected iptables-save text written as an indented template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/[ \t]+$/, '');
}

/**
 * The Services and endpoints of TestOverallIPTablesRules and TestOverallNFTablesRules (both modes'
 * proxier_test.go use the same six), fresh for each caller.
 */
export function overallServicePorts(): ServicePortEntry[] {
  return [
  // ClusterIP service
  { info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41' }), endpoints: [ep('10.180.0.1', 80)] },
  // LoadBalancer service with Local traffic policy (its one endpoint has no nodeName: not local)
  {
    info: svcPort('ns2', 'svc2', {
      clusterIP: '172.30.0.42', nodePort: 3001, loadBalancerIPs: ['1.2.3.4'], externalIPs: ['192.168.99.22'],
      externalPolicyLocal: true, healthCheckNodePort: 30000,
    }),
    endpoints: [ep('10.180.0.2', 80)],
  },
  // NodePort service
  { info: svcPort('ns3', 'svc3', { clusterIP: '172.30.0.43', nodePort: 3003 }), endpoints: [ep('10.180.0.3', 80)] },
  // ExternalIP service (type NodePort without a nodePort in the test)
  {
    info: svcPort('ns4', 'svc4', { clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'] }),
    endpoints: [ep('10.180.0.4', 80), ep('10.180.0.5', 80, { isLocal: true })],
  },
  // LoadBalancer with Cluster policy, source ranges and session affinity (its healthCheckNodePort
  // is ignored: NeedsHealthCheck is false for Cluster policy)
  {
    info: svcPort('ns5', 'svc5', {
      clusterIP: '172.30.0.45', nodePort: 3002, loadBalancerIPs: ['5.6.7.8'],
      loadBalancerSourceRanges: [' 203.0.113.0/25'], sessionAffinityTimeoutSeconds: 10800,
    }),
    endpoints: [ep('10.180.0.3', 80)],
  },
  // ClusterIP service with no endpoints
  { info: svcPort('ns6', 'svc6', { clusterIP: '172.30.0.46' }), endpoints: [] },
];
}
