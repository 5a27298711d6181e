/**
 * Model timings for `npm run bench`: trace, one node's iptables-save, toManifests and
 * parseManifests, on the L cluster and on kubeproxy/synthetic.ts's 100 nodes / 5,000 pods /
 * 1,000 Services. Medians of a few runs; `cold` is the first trace on a fresh cluster object
 * (it builds the indexes and the rules of the nodes it crosses, which later traces reuse).
 */
import type { Cluster } from '../src/model/cluster';
import { iptablesSave } from '../src/model/kubeproxy';
import { syntheticCluster } from '../src/model/kubeproxy/synthetic';
import { parseManifests } from '../src/model/manifests/parse';
import { toManifests } from '../src/model/manifests/toManifests';
import { defaultRequestFor } from '../src/model/requestOptions';
import { benchRequests, median, time } from '../src/model/trace/bench';
import { trace } from '../src/model/trace/trace';
import type { TraceRequest } from '../src/model/trace/types';
import { benchCluster, SIZES } from './clusters';

export interface ModelRow {
  cluster: string;
  traceColdMs: number;
  traceWarmMs: number;
  iptablesSaveMs: number;
  toManifestsMs: number;
  parseManifestsMs: number;
}

function measure(label: string, make: () => Cluster, requests: (c: Cluster) => TraceRequest[], runs = 3): ModelRow {
  const cold: number[] = [];
  const save: number[] = [];
  const toYaml: number[] = [];
  const parse: number[] = [];
  let yaml = '';
  for (let r = 0; r < runs; r++) {
    const fresh = make();
    cold.push(time(() => trace(fresh, requests(fresh)[0]!)));
    const other = make();
    save.push(time(() => iptablesSave(other, other.nodes[r % other.nodes.length]!.metadata.name)));
    toYaml.push(time(() => (yaml = toManifests(other))));
    parse.push(time(() => parseManifests(yaml)));
  }
  const cluster = make();
  const list = requests(cluster);
  for (const request of list) trace(cluster, request);
  const warm = list.map((request, seed) => time(() => trace(cluster, request, { seed })));
  return {
    cluster: label,
    traceColdMs: median(cold),
    traceWarmMs: median(warm),
    iptablesSaveMs: median(save),
    toManifestsMs: median(toYaml),
    parseManifestsMs: median(parse),
  };
}

export function benchModelAll(): ModelRow[] {
  const L = SIZES.find((s) => s.name === 'L')!;
  return [
    measure('L (100 nodes, 2,000 pods, 300 Services)', () => benchCluster(L), (c) => [defaultRequestFor(c)!, ...benchRequests(c, 30)]),
    measure('100 nodes, 5,000 pods, 1,000 Services', () => syntheticCluster(), (c) => benchRequests(c, 60)),
  ];
}
