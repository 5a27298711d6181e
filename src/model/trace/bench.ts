/**
 * Model benchmark (run by bench.test.ts with BENCH=1): how long `trace` and `iptablesSave` take
 * on kubeproxy/synthetic.ts's generated cluster of 100 nodes, 1,000 Services and 5,000 pods.
 * `trace` caches each node's rule set per cluster object (context.ts), so the first trace on a
 * cluster pays for that node's rules and later traces reuse them.
 */
import type { Cluster } from '../cluster';
import { monotonicMs } from '../clock';
import { iptablesSave } from '../kubeproxy';
import { BIG_CLUSTER, syntheticCluster, type SyntheticSize } from '../kubeproxy/synthetic';
import { trace } from './trace';
import type { TraceRequest } from './types';

export interface ModelTimings {
  size: SyntheticSize & { pods: number };
  /** One node's iptables-save text, from the Cluster (endpoints included), median of runs. */
  iptablesSaveMs: number;
  /** The first trace on a fresh cluster object (builds the indexes and one node's rules). */
  traceColdMs: number;
  /** A trace once the nodes it touches have their rules cached, median over requests. */
  traceWarmMs: number;
  /** Rules of every node touched, built by the cold traces. */
  runs: number;
}

/** Median of timings (runs are noisy; the middle one is the fair figure). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds `fn` takes once. */
export function time(fn: () => void): number {
  const start = monotonicMs();
  fn();
  return monotonicMs() - start;
}

/** A mix of requests on the synthetic cluster: pod → ClusterIP, LAN → NodePort, internet → LB. */
export function benchRequests(cluster: Cluster, count: number): TraceRequest[] {
  const requests: TraceRequest[] = [];
  for (let i = 0; i < count; i++) {
    const svc = cluster.services[(i * 37) % cluster.services.length]!;
    const pod = cluster.pods[(i * 101) % cluster.pods.length]!;
    const port = svc.spec.ports[0]!;
    const kind = i % 3;
    if (kind === 0 || port.nodePort === undefined) {
      requests.push({ from: { kind: 'pod', namespace: pod.metadata.namespace, name: pod.metadata.name }, to: { host: svc.spec.clusterIP!, port: port.port } });
    } else if (kind === 1) {
      requests.push({ from: { kind: 'host', ip: '10.0.0.250', location: 'lan' }, to: { host: '10.0.0.10', port: port.nodePort } });
    } else {
      const lb = svc.status.loadBalancer.ingress?.[0]?.ip;
      requests.push({ from: { kind: 'host', ip: '203.0.113.7', location: 'internet' }, to: { host: lb ?? '10.0.0.10', port: lb ? port.port : port.nodePort } });
    }
  }
  return requests;
}

/** Runs the benchmark; `runs` repetitions of each measurement. */
export function benchModel(size: SyntheticSize = BIG_CLUSTER, runs = 5): ModelTimings {
  const save: number[] = [];
  const cold: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cluster = syntheticCluster(size);
    save.push(time(() => iptablesSave(cluster, `node-${r % size.nodes}`)));
    const fresh = syntheticCluster(size);
    const [first] = benchRequests(fresh, 1);
    cold.push(time(() => trace(fresh, first!)));
  }
  const cluster = syntheticCluster(size);
  const requests = benchRequests(cluster, 60);
  for (const request of requests) trace(cluster, request); // warm the nodes these touch
  const warm = requests.map((request, seed) => time(() => trace(cluster, request, { seed })));
  return {
    size: { ...size, pods: size.services * size.podsPerService },
    iptablesSaveMs: median(save),
    traceColdMs: median(cold),
    traceWarmMs: median(warm),
    runs,
  };
}
