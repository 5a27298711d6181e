import { describe, expect, it } from 'vitest';
import * as model from './index';

describe('the public API', () => {
  it('exports the functions other work relies on, with their argument orders', () => {
    const names = ['parseManifests', 'toManifests', 'validateService', 'endpointsFor', 'resolveDns', 'kubectl', 'iptablesSave', 'nodeVerdict', 'trace'] as const;
    for (const name of names) expect(typeof model[name], name).toBe('function');
  });

  it('answers one request end to end on the default scenario', () => {
    const cluster = model.defaultScenario();
    const lbIP = cluster.services[0]!.status.loadBalancer.ingress![0]!.ip!;
    const t = model.trace(cluster, { from: { kind: 'client', name: 'client' }, to: { host: lbIP, port: 80 } }, { seed: 1 });
    expect(t.outcome).toBe('delivered');
    expect(t.hops.at(-1)!.packet.dst.port).toBe(8080);
    expect(model.iptablesSave(cluster, 'worker-1')).toContain('-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport 30080 -j KUBE-EXT-');
  });
});
