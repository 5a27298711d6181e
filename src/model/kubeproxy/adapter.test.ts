/**
 * The adapter from a Cluster to kube-proxy's input. endpointsFor (Model I) is built in parallel,
 * so these tests feed endpoints by hand through fromCluster's `getEndpoints` parameter; the last
 * block runs the public iptablesSave/nodeVerdict once endpointsFor is implemented.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Cluster, type Service } from '../cluster';
import { endpointsFor, type EndpointsResult } from '../endpoints';
import { fromCluster } from './adapter';
import { iptablesSave, nodeVerdict, verdictFor } from './index';
import { renderIptablesSave } from './render';
import { buildRuleSet } from './sync';
import { BIG_CLUSTER, endpointsFromSlices, syntheticCluster } from './synthetic';

function service(name: string, spec: Partial<Service['spec']>, ingress: string[] = []): Service {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
    spec: { type: 'ClusterIP', selector: { app: name }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
      sessionAffinity: 'None', ...spec },
    status: { loadBalancer: { ingress: ingress.map((ip) => ({ ip })) } },
  };
}

const node = (name: string, ip: string) => ({
  apiVersion: 'v1' as const, kind: 'Node' as const, metadata: { name },
  spec: { podCIDR: name === 'node-a' ? '10.244.1.0/24' : '10.244.2.0/24' },
  status: { addresses: [{ type: 'InternalIP' as const, address: ip }, { type: 'ExternalIP' as const, address: '34.1.2.3' }], ready: true },
});

const cluster: Cluster = {
  settings: { ...DEFAULT_SETTINGS },
  nodes: [node('node-a', '10.0.1.10'), node('node-b', '10.0.1.11')],
  pods: [],
  services: [
    service('web', { clusterIP: '10.96.0.20' }),
    service('shop', { type: 'LoadBalancer', clusterIP: '10.96.0.21', externalTrafficPolicy: 'Local', healthCheckNodePort: 31999,
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] }, ['34.9.9.9']),
    service('api', { type: 'NodePort', clusterIP: '10.96.0.22', externalTrafficPolicy: 'Cluster',
      ports: [{ protocol: 'TCP', port: 443, targetPort: 8443, nodePort: 30443 }] }),
    service('empty', { clusterIP: '10.96.0.23' }),
    service('db', { clusterIP: 'None' }),
    service('ext', { type: 'ExternalName', externalName: 'example.com' }),
  ],
  endpointSlices: [],
  ingresses: [],
};

const byHand = (svc: Service): EndpointsResult => {
  const eps: Record<string, [string, string][]> = {
    web: [['10.244.1.5', 'node-a'], ['10.244.2.5', 'node-b']],
    shop: [['10.244.2.6', 'node-b']],
    api: [['10.244.1.7', 'node-a']],
    db: [['10.244.1.8', 'node-a']],
  };
  return {
    source: 'selector', excluded: [],
    ports: svc.spec.ports.map((servicePort) => ({
      servicePort,
      endpoints: (eps[svc.metadata.name] ?? []).map(([ip, nodeName]) => ({
        ip, port: typeof servicePort.targetPort === 'number' ? servicePort.targetPort : 0, protocol: servicePort.protocol,
        nodeName, ready: true, serving: true, terminating: false,
      })),
    })),
  };
};

describe('fromCluster', () => {
  const inputA = fromCluster(cluster, 'node-a', undefined, byHand);
  const inputB = fromCluster(cluster, 'node-b', undefined, byHand);
  const saveA = renderIptablesSave(buildRuleSet(inputA));

  it('skips headless and ExternalName Services, keeps one entry per port', () => {
    expect(inputA.servicePorts.map((e) => `${e.info.name}:${e.info.portName}`)).toEqual(['web:http', 'shop:http', 'api:', 'empty:http']);
  });

  it('uses the InternalIP as the local address and the pod CIDR as --cluster-cidr', () => {
    expect(inputA.node).toEqual({ name: 'node-a', nodeIP: '10.0.1.10', localIPs: ['10.0.1.10'], clusterCIDR: '10.244.0.0/16' });
  });

  it('derives policies as kube-proxy does (LoadBalancer Local gets a health check node port)', () => {
    const shop = inputA.servicePorts.find((e) => e.info.name === 'shop')?.info;
    expect(shop).toMatchObject({ externalPolicyLocal: true, healthCheckNodePort: 31999, loadBalancerIPs: ['34.9.9.9'], nodePort: 30080 });
    const api = inputA.servicePorts.find((e) => e.info.name === 'api')?.info;
    expect(api).toMatchObject({ portName: '', externalPolicyLocal: false, healthCheckNodePort: 0 });
  });

  it('marks endpoints on this node as local', () => {
    const web = inputA.servicePorts.find((e) => e.info.name === 'web');
    expect(web?.endpoints.map((e) => [e.ip, e.isLocal])).toEqual([['10.244.1.5', true], ['10.244.2.5', false]]);
  });

  it('writes the unnamed port as "default/api" and masquerades off-cluster sources with the pod CIDR', () => {
    expect(saveA).toContain('-A KUBE-NODEPORTS -m comment --comment default/api -m tcp -p tcp --dport 30443 -j KUBE-EXT-');
    expect(saveA).toContain('-m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.0.20 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ');
    expect(saveA).toContain('-A KUBE-SERVICES -m comment --comment "default/empty:http has no endpoints" -m tcp -p tcp -d 10.96.0.23 --dport 80 -j REJECT');
    expect(saveA).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  });

  it('drops NodePort traffic for externalTrafficPolicy Local on a node without a local endpoint', () => {
    expect(saveA).toContain('-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/shop:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP');
    const lan = { sourceIP: '10.0.1.99', destPort: 30080, protocol: 'TCP' as const };
    expect(verdictFor(inputA, { ...lan, destIP: '10.0.1.10' })).toMatchObject({ output: 'DROP', masquerade: false });
    expect(verdictFor(inputB, { ...lan, destIP: '10.0.1.11' })).toMatchObject({ output: '10.244.2.6:8080', masquerade: false });
  });

  it('NodePort with Cluster policy: DNAT and masquerade from any node', () => {
    const v = verdictFor(inputB, { sourceIP: '10.0.1.99', destIP: '10.0.1.11', destPort: 30443, protocol: 'TCP' });
    expect(v).toMatchObject({ output: '10.244.1.7:8443', masquerade: true });
    expect(v.rules.some((r) => r.includes('-j DNAT --to-destination 10.244.1.7:8443'))).toBe(true);
  });

  it('NodeIP:port (the Service port instead of the nodePort) and ClusterIP:nodePort match no rule', () => {
    expect(verdictFor(inputA, { sourceIP: '10.0.1.99', destIP: '10.0.1.10', destPort: 80, protocol: 'TCP' }).output).toBe('');
    expect(verdictFor(inputA, { sourceIP: '10.244.1.5', destIP: '10.96.0.22', destPort: 30443, protocol: 'TCP' }).output).toBe('');
  });

  it(`renders one node of a generated cluster (${BIG_CLUSTER.nodes} nodes, ${BIG_CLUSTER.services} Services, ${BIG_CLUSTER.services * BIG_CLUSTER.podsPerService} endpoints)`, () => {
    const big = syntheticCluster();
    const getEndpoints = endpointsFromSlices(big);
    // Speed is measured by `npm run bench:model`; here only what the rules say on a big cluster.
    const ruleSet = buildRuleSet(fromCluster(big, 'node-7', undefined, getEndpoints));
    const text = renderIptablesSave(ruleSet);
    const v = verdictFor(ruleSet, { sourceIP: '10.244.3.9', destIP: '10.96.1.5', destPort: 80, protocol: 'TCP' });
    expect(ruleSet.largeClusterMode).toBe(true);
    expect(v.output.split(', ')).toHaveLength(5);
    // Large-cluster mode drops the per-endpoint comments, as kube-proxy does above 1000 endpoints.
    expect(text).toMatch(/\n-A KUBE-SEP-[A-Z2-7]{16} -s 10\.244\.\d+\.\d+ -j KUBE-MARK-MASQ\n/);
  }, 30_000);
});

let endpointsImplemented = true;
try {
  endpointsFor(cluster, cluster.services[0] as Service);
} catch {
  endpointsImplemented = false;
}

describe.skipIf(!endpointsImplemented)('iptablesSave / nodeVerdict with endpointsFor', () => {
  const withPods: Cluster = {
    ...cluster,
    pods: [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } },
        spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] },
        status: { phase: 'Running', podIP: '10.244.1.5', ready: true } },
    ],
  };
  it('writes the ClusterIP rules and DNATs to the ready pod', () => {
    expect(iptablesSave(withPods, 'node-a')).toContain('-j DNAT --to-destination 10.244.1.5:8080');
    expect(nodeVerdict(withPods, 'node-b', { sourceIP: '10.244.2.9', destIP: '10.96.0.20', destPort: 80, protocol: 'TCP' }))
      .toMatchObject({ output: '10.244.1.5:8080', masquerade: false });
  });
});
