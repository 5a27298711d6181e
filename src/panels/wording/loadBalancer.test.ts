/**
 * The load balancer's words, checked against traces of each data path (testClusters.ts addresses):
 * every sentence names the addresses of the trace and the condition it depends on.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster, LoadBalancerIngress } from '../../model/cluster';
import { sendMany } from '../../model/spread';
import { INTERNET_CLIENT, WEB_B_IP, WEB_NODE_PORTS, webCluster } from '../../model/trace/testClusters';
import { trace } from '../../model/trace/trace';
import { describeReason } from '../reasonWording';
import { describeMessage } from '../traceWording';

const browser = { kind: 'client', name: 'browser' } as const;
const LB_IP = '203.0.113.10';
const ELB = 'a1b2-123.us-east-1.elb.amazonaws.com';
const withIngress = (cluster: Cluster, ingress: LoadBalancerIngress[]): Cluster => ({
  ...cluster, services: cluster.services.map((s) => ({ ...s, status: { loadBalancer: { ingress } } })),
});
const to = { host: LB_IP, port: 80 };

describe('load balancer wording', () => {
  it('node targets under Cluster: the nodePort, the probe as each cloud does it, and kube-proxy\'s masquerade', () => {
    const t = trace(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), { from: browser, to }, { pick: { 'lb:default/web': 'worker-3' } });
    const words = describeMessage(t.hops[1]!.explanation);
    expect(words).toContain('node worker-3 (node chosen for this trace) at 10.0.1.12:30080');
    expect(words).toContain('depending on the cloud it probes the nodePort itself or kube-proxy\'s /healthz on port 10256');
    expect(words).toContain('Under externalTrafficPolicy: Cluster kube-proxy on the node then masquerades it, so the pod sees a node\'s address');
  });

  it('node targets under Local: the healthCheckNodePort by number, and the client IP kept', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalTrafficPolicy: 'Local' });
    const t = trace(c, { from: browser, to });
    const words = describeMessage(t.hops[1]!.explanation);
    expect(words).toContain(`probes the Service's healthCheckNodePort ${c.services[0]!.spec.healthCheckNodePort} on each node`);
    expect(words).toContain('(2 of 3)');
    expect(words).toContain('the pod sees the client\'s IP');
  });

  it('VIP targets: the LB IP kept, the traffic port or 10256 probed', () => {
    const t = trace(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { loadBalancerTargets: 'VIP' }), { from: browser, to }, { pick: { 'lb:default/web': 'worker-2' } });
    const words = describeMessage(t.hops[1]!.explanation);
    expect(words).toContain(`node worker-2 (node chosen for this trace) still addressed to ${LB_IP}:80`);
    expect(words).toContain('it probes the traffic port or kube-proxy\'s /healthz on port 10256');
  });

  it('Pod targets: the pod by name and address, no kube-proxy, pods probed, affinity not applied', () => {
    const c = webCluster({ type: 'LoadBalancer', sessionAffinity: 'ClientIP' }, { loadBalancerTargets: 'Pod' });
    const t = trace(c, { from: browser, to }, { pick: { 'lb:default/web': 'web-b' } });
    const words = describeMessage(t.hops[1]!.explanation);
    expect(words).toContain(`straight to pod default/web-b at ${WEB_B_IP}:8080 on worker-2, chosen for this trace from 2 ready endpoints`);
    expect(words).toContain('health-checks the pods themselves');
    expect(words).toContain('sessionAffinity: ClientIP is kept by kube-proxy and does not apply here');
    expect(describeMessage(t.reply!.explanation)).toContain('the load balancer of default/web undoes its own translation');
    expect(describeMessage(t.reply!.explanation)).not.toContain('conntrack on');
  });

  it('ipMode Proxy from a pod, and a hostname balancer', () => {
    const proxied = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), [{ ip: LB_IP, ipMode: 'Proxy' }]);
    const fromPod = trace(proxied, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to });
    expect(describeMessage(fromPod.hops[0]!.explanation)).toContain('ipMode is Proxy, so kube-proxy writes no rule for that IP');
    const named = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), [{ hostname: ELB }]);
    const t = trace(named, { from: browser, to: { host: ELB, port: 80 } });
    const dns = describeMessage(t.hops[0]!.explanation);
    expect(dns).toContain(`the client resolves "${ELB}" with its own resolver, outside the cluster: public DNS, not the cluster's`);
    expect(dns).toMatch(/The answer is 203\.0\.113\.\d+ \(TTL 60 s\): the explainer stands in for public DNS here, with an address from 203\.0\.113\.0\/24/);
    const receive = describeMessage(t.hops[1]!.explanation);
    expect(receive).toMatch(new RegExp(`sends to 203\\.0\\.113\\.\\d+:80, the address public DNS gave for ${ELB.replace(/\./g, '\\.')}, the load balancer the cloud created for default/web \\(the explainer's stand-in`));
    expect(receive).toContain('So no kube-proxy rule exists for it.');
    const fromPod2 = trace(named, { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { host: ELB, port: 80 } });
    expect(describeMessage(fromPod2.hops[1]!.explanation)).toContain('That address is the explainer standing in for public DNS');
  });

  it('the drops say why, with the addresses', () => {
    const noNodePort = trace(webCluster({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }), { from: browser, to });
    expect(describeReason(noNodePort.reason!).summary).toContain('Port 80/TCP of default/web has no nodePort (allocateLoadBalancerNodePorts: false)');
    const proxied = withIngress(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { loadBalancerTargets: 'VIP' }), [{ ip: LB_IP, ipMode: 'Proxy' }]);
    const lost = trace(proxied, { from: browser, to }, { pick: { 'lb:default/web': 'worker-1' } });
    expect(describeReason(lost.reason!).summary).toContain(`hands node worker-1 the packet still addressed to ${LB_IP}:80`);
    expect(describeReason(lost.reason!).summary).toContain('this one has ipMode: Proxy');
    const empty = trace(webCluster({ type: 'LoadBalancer', selector: { app: 'none' } }, { loadBalancerTargets: 'Pod' }), { from: browser, to });
    expect(describeReason(empty.reason!).summary).toContain(`at ${LB_IP} sends straight to pods, and default/web has no ready endpoint for port 80`);
  });

  it('session affinity: the node that remembers, and Send 100\'s note', () => {
    const c = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS, sessionAffinity: 'ClientIP' });
    const t = trace(c, { from: browser, to }, { pick: { 'lb:default/web': 'worker-3' } });
    const dnat = t.hops.find((h) => h.explanation.key === 'hop.service.dnat')!;
    expect(describeMessage(dnat.explanation)).toContain('kube-proxy\'s rules on worker-3 remember (iptables -m recent) which of 2 endpoints they sent this client IP to');
    const spread = sendMany(c, { from: browser, to }, 40);
    const note = describeMessage(spread.note!);
    expect(note).toContain(`over ${spread.byNode.length} nodes`);
    expect(note).toContain(`so the client reached ${spread.endpoints.length} pod`);
    expect(INTERNET_CLIENT).toBe(t.hops[0]!.packet.src.ip);
  });
});
