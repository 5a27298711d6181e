import { describe, expect, it } from 'vitest';
import type { Cluster } from './cluster';
import { sourceExists } from './defaultRequest';
import * as requestOptions from './requestOptions';
import { SCENARIOS } from './scenarios/catalog';
import { defaultScenario } from './scenarios/defaultScenario';
import { emptyCluster } from './scenarios/emptyCluster';
import { loadScenario } from './scenarios/loadScenario';
import { cluster as builder } from './testing/clusterBuilder';
import { traceContext } from './trace/context';
import { resolveSource } from './trace/source';
import type { TraceSource } from './trace/types';

/** What the trace engine says: a source it can resolve is one a trace would start from. */
const engineSays = (c: Cluster, source: TraceSource) => !('key' in resolveSource(traceContext(c), source));

/** Every source the cluster names, plus ones it does not, plus free hosts. */
function sourcesToAsk(c: Cluster): TraceSource[] {
  const names = (xs: { metadata: { name: string } }[]) => xs.map((x) => x.metadata.name);
  return [
    ...c.settings.clients.map((cl): TraceSource => ({ kind: 'client', name: cl.name })),
    { kind: 'client', name: 'nobody' },
    ...c.pods.map((p): TraceSource => ({ kind: 'pod', namespace: p.metadata.namespace, name: p.metadata.name })),
    ...c.pods.map((p): TraceSource => ({ kind: 'pod', namespace: 'elsewhere', name: p.metadata.name })),
    { kind: 'pod', namespace: 'default', name: 'gone' },
    ...names(c.nodes).map((name): TraceSource => ({ kind: 'node', name })),
    { kind: 'node', name: 'no-such-node' },
    { kind: 'host', ip: '198.51.100.99' },
    { kind: 'host', ip: '10.0.1.77', location: 'lan' },
    { kind: 'host', ip: '300.1.1.1' },
    { kind: 'host', ip: 'example.com' },
  ];
}

function expectSameAnswers(c: Cluster, label: string) {
  for (const source of sourcesToAsk(c)) {
    expect(sourceExists(c, source), `${label}: ${JSON.stringify(source)}`).toBe(engineSays(c, source));
  }
}

describe('sourceExists (light) answers as the trace engine resolves sources', () => {
  it('on the default scenario and the empty cluster', () => {
    expectSameAnswers(defaultScenario(), 'default');
    expectSameAnswers(emptyCluster(), 'empty');
  });

  it.each(SCENARIOS.map((s) => [s.id] as const))('on the %s scenario', async (id) => {
    const loaded = await loadScenario(id);
    if ('error' in loaded) throw new Error(loaded.error);
    expectSameAnswers(loaded.cluster, id);
  });

  it('on pods that cannot send (pending, no IP, unscheduled), a node without an InternalIP and a client without a valid IP', () => {
    const c = builder()
      .withSettings({ clients: [{ name: 'laptop', location: 'lan', ip: '10.0.1.200' }] })
      .node('worker-1', { internalIP: '10.0.1.10', podCIDR: '10.244.0.0/24' })
      .node('bare')
      .pod('running', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.3', ready: true })
      .pod('not-ready', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.4', ready: false })
      .pod('pending', { app: 'web' }, { phase: 'Pending' })
      .pod('no-ip', { app: 'web' }, { node: 'worker-1', phase: 'Running' })
      .pod('failed', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.5', phase: 'Failed' })
      .pod('other-ns', { app: 'web' }, { node: 'worker-1', podIP: '10.244.0.6', ready: true, namespace: 'shop' })
      .build();
    expectSameAnswers(c, 'built');
    // Edited by hand (the model never hands these out, but a state link could carry them).
    const odd: Cluster = structuredClone(c);
    odd.settings.clients.push({ name: 'bad-ip', location: 'internet', ip: 'not-an-ip' });
    odd.settings.clients.push({ name: 'laptop', location: 'internet', ip: 'also-bad' });
    const running = odd.pods.find((p) => p.metadata.name === 'running')!;
    // Same name twice: the context keeps the last pod and node of a name, the first client.
    odd.pods.push({ ...structuredClone(running), status: { ...running.status, phase: 'Pending' } });
    const notReady = odd.pods.find((p) => p.metadata.name === 'pending')!;
    odd.pods.push({ ...structuredClone(notReady), status: { ...notReady.status, phase: 'Running', podIP: '10.244.0.9' }, spec: { ...notReady.spec, nodeName: 'worker-1' } });
    odd.nodes.push({ ...structuredClone(odd.nodes[0]!), status: { ...odd.nodes[0]!.status, addresses: [] } });
    expectSameAnswers(odd, 'odd');
    expect(sourceExists(odd, { kind: 'pod', namespace: 'default', name: 'running' })).toBe(false);
    expect(sourceExists(odd, { kind: 'pod', namespace: 'default', name: 'pending' })).toBe(true);
    expect(sourceExists(odd, { kind: 'node', name: 'worker-1' })).toBe(false);
  });

  it('is what requestOptions re-exports, with the suggested request and the host:port parser', () => {
    expect(requestOptions.sourceExists).toBe(sourceExists);
    expect(typeof requestOptions.defaultRequestFor).toBe('function');
    expect(typeof requestOptions.parseHostPort).toBe('function');
  });
});
