import { describe, expect, it } from 'vitest';
import { markerLegs, markerRest } from './markerPath';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { trace } from '../model/trace/trace';

describe('marker path', () => {
  const cluster = defaultScenario();
  const lbIP = cluster.services[0]!.status.loadBalancer.ingress![0]!.ip!;
  const t = trace(cluster, { from: { kind: 'client', name: 'client' }, to: { host: lbIP, port: 80 } }, { seed: 0 });

  it('visits the Service in the layers lens', () => {
    expect(markerLegs(t, 'layers').some((l) => l.to.startsWith('svc:'))).toBe(true);
  });

  it('never visits the Service on the wire: the rules act on the node', () => {
    const legs = markerLegs(t, 'wire');
    expect(legs.every((l) => !l.from.startsWith('svc:') && !l.to.startsWith('svc:'))).toBe(true);
    expect(legs.some((l) => l.inPlace)).toBe(true);
  });

  it('rests at the source before the first hop and at the pod after the last', () => {
    expect(markerRest(t, 0, 'layers')).toBe('client:client');
    expect(markerRest(t, t.hops.length, 'wire')).toMatch(/^pod:default\/web-/);
  });
});
