/** An exposed address's `reachableFrom` agrees with the trace: only the clients it names get a route. */
import { describe, expect, it } from 'vitest';
import type { Cluster } from './cluster';
import { serviceExposure, type Audience } from './exposure';
import { trace } from './trace/trace';
import { WEB_NODE_PORTS, webCluster } from './trace/testClusters';

const reaches: Record<Audience, readonly string[]> = { cluster: [], lan: ['laptop'], internet: ['laptop', 'browser'] };

/** Every exposed address of `web`, with whether each outside client finds a route to it. */
function routes(cluster: Cluster) {
  const e = serviceExposure(cluster, cluster.services.find((s) => s.metadata.name === 'web')!);
  return [...e.inCluster, ...e.onEveryNode, ...e.external].map((a) => ({
    address: `${a.host}:${a.port} (${a.via})`,
    expected: ['laptop', 'browser'].map((client) => reaches[a.reachableFrom].includes(client)),
    routed: ['laptop', 'browser'].map((client) =>
      trace(cluster, { from: { kind: 'client', name: client }, to: { host: a.host, port: a.port, protocol: a.protocol } }, { seed: 0 }).outcome !== 'no-route'),
  }));
}

describe('serviceExposure: who reaches each address', () => {
  const spec = { type: 'LoadBalancer', ports: WEB_NODE_PORTS, externalIPs: ['192.0.2.50'] };
  it.each([
    ['private nodes', webCluster(spec, { nodesPublic: false })],
    ['public nodes with ExternalIPs (cloud)', webCluster(spec, { nodesPublic: true })],
    ['public nodes without ExternalIPs (bare metal)', webCluster({ ...spec, type: 'NodePort' }, { provider: 'bare-metal', nodesPublic: true })],
  ])('%s', (_, cluster) => {
    const found = routes(cluster);
    expect(found.length).toBeGreaterThan(3);
    for (const r of found) expect({ address: r.address, routed: r.routed }).toEqual({ address: r.address, routed: r.expected });
  });
});
