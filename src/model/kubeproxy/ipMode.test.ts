/**
 * status.loadBalancer.ingress[].ipMode, mirroring TestLoadBalancerIngressRouteTypeProxy in
 * pkg/proxy/iptables/proxier_test.go (LoadBalancerIPMode is GA and locked on since v1.32, so only
 * its "enabled" cases remain): kube-proxy writes its KUBE-SERVICES rule for the LB IP only when
 * ipMode is VIP or unset (proxyutil.IsVIPMode, read in newBaseServiceInfo).
 */
import { describe, expect, it } from 'vitest';
import type { LoadBalancerIngress, Service } from '../cluster';
import { servicePortInfo } from './adapter';
import { buildRuleSet } from './sync';
import { ep, fakeInput, testExternalClient } from './testing';
import { tracePacket } from './tracer';

function svc1(ingress: LoadBalancerIngress): Service {
  return {
    apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'ns1', name: 'svc1' },
    spec: { type: 'LoadBalancer', clusterIP: '10.20.30.41', selector: { app: 'x' }, sessionAffinity: 'None',
      ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 3001 }] },
    status: { loadBalancer: { ingress: [ingress] } },
  };
}

const rulesFor = (ingress: LoadBalancerIngress) =>
  buildRuleSet(fakeInput([{ info: servicePortInfo(svc1(ingress), 0), endpoints: [ep('10.180.0.1', 80)] }]));

const servicesChain = (ingress: LoadBalancerIngress) =>
  rulesFor(ingress).tables.find((t) => t.name === 'nat')!.chains.find((c) => c.name === 'KUBE-SERVICES')!.rules;

const hasLBRule = (ingress: LoadBalancerIngress) =>
  servicesChain(ingress).some((r) => r.matches.some((m) => m.kind === 'destination' && m.address.split('/')[0] === '1.2.3.4'));

describe('ipMode (TestLoadBalancerIngressRouteTypeProxy)', () => {
  it.each([
    ['ipMode Proxy', { ip: '1.2.3.4', ipMode: 'Proxy' } as const, false],
    ['ipMode VIP', { ip: '1.2.3.4', ipMode: 'VIP' } as const, true],
    ['ipMode nil', { ip: '1.2.3.4' }, true],
  ])('%s: rule for the LB IP %s', (_name, ingress, expected) => {
    expect(hasLBRule(ingress)).toBe(expected);
  });

  it('ipMode Proxy: a packet to the LB IP matches no Service rule on the node (it goes on to the balancer)', () => {
    const proxy = tracePacket(rulesFor({ ip: '1.2.3.4', ipMode: 'Proxy' }), { sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, protocol: 'TCP' });
    expect(proxy.endpoints).toEqual([]);
    const vip = tracePacket(rulesFor({ ip: '1.2.3.4', ipMode: 'VIP' }), { sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, protocol: 'TCP' });
    expect(vip.endpoints.map((e) => e.destination)).toEqual(['10.180.0.1:80']);
  });

  it('a balancer known only by its hostname gets no rule (there is no IP to match)', () => {
    const info = servicePortInfo(svc1({ hostname: 'a1b2-123.us-east-1.elb.amazonaws.com' }), 0);
    expect(info.loadBalancerIPs).toEqual([]);
    expect(servicesChain({ hostname: 'a1b2-123.us-east-1.elb.amazonaws.com' }).some((r) => r.text.includes('loadbalancer IP'))).toBe(false);
  });
});
