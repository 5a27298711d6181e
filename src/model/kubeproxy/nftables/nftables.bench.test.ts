/**
 * The nftables rows of the model benchmark: `BENCH=1 npx vitest run src/model/kubeproxy/nftables/nftables.bench.test.ts`.
 * On the largest cluster of src/model/trace/bench.test.ts (kubeproxy/synthetic.ts: 100 nodes,
 * 1,000 Services, 5,000 pods): one node's ruleset from the Cluster (endpoints included) and its
 * knftables dump, traceNftPacket on that cached ruleset for a mix of packets (pod → ClusterIP,
 * LAN → NodePort, internet → LB IP), and the whole `trace` in nftables mode on the same mix (first
 * on a cluster, then with the rulesets cached). Skipped otherwise; prints timings rather than
 * asserting them.
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import { benchRequests, median, time } from '../../trace/bench';
import { trace } from '../../trace/trace';
import { BIG_CLUSTER, syntheticCluster } from '../synthetic';
import { iptablesSave } from '../index';
import { nftablesDump, nftablesRulesFor } from './index';
import { renderNftablesDump } from './dump';
import { renderNftListRuleset } from './listRuleset';
import { traceNftPacket, type NftPacket } from './tracer';

const enabled = import.meta.env.BENCH === '1';

describe.skipIf(!enabled)('nftables model benchmark (BENCH=1)', () => {
  it('times one node\'s nftables ruleset and a trace on 100 nodes, 5,000 pods, 1,000 Services', () => {
    const runs = 5;
    const rules: number[] = [];
    const dumps: number[] = [];
    const saves: number[] = [];
    for (let r = 0; r < runs; r++) {
      const cluster = syntheticCluster(BIG_CLUSTER);
      rules.push(time(() => nftablesRulesFor(cluster, `node-${r}`)));
      dumps.push(time(() => nftablesDump(syntheticCluster(BIG_CLUSTER), `node-${r}`)));
      // The iptables row of trace/bench.test.ts, measured here too: the same machine load.
      saves.push(time(() => iptablesSave(syntheticCluster(BIG_CLUSTER), `node-${r}`)));
    }
    const cluster = syntheticCluster(BIG_CLUSTER);
    const ruleset = nftablesRulesFor(cluster, 'node-0');
    const printDump = median([0, 1, 2].map(() => time(() => renderNftablesDump(ruleset))));
    const printList = median([0, 1, 2].map(() => time(() => renderNftListRuleset(ruleset))));
    const packets: NftPacket[] = [];
    for (let i = 0; i < 60; i++) {
      const svc = cluster.services[(i * 37) % cluster.services.length]!;
      const port = svc.spec.ports[0]!;
      const kind = i % 3;
      if (kind === 0 || port.nodePort === undefined) {
        packets.push({ sourceIP: '10.244.3.9', destIP: svc.spec.clusterIP!, destPort: port.port, protocol: 'TCP' });
      } else if (kind === 1) {
        packets.push({ sourceIP: '10.0.0.250', destIP: '10.0.0.10', destPort: port.nodePort, protocol: 'TCP' });
      } else {
        const lb = svc.status.loadBalancer.ingress?.[0]?.ip;
        packets.push({ sourceIP: '203.0.113.7', destIP: lb ?? '10.0.0.10', destPort: lb ? port.port : port.nodePort, protocol: 'TCP' });
      }
    }
    for (const p of packets) traceNftPacket(ruleset, p); // warm
    const traces = packets.map((p) => time(() => traceNftPacket(ruleset, p)));
    const nftMode = (c: Cluster): Cluster => ({ ...c, settings: { ...c.settings, kubeProxyMode: 'nftables' } });
    const coldTraces = [0, 1, 2].map(() => {
      const fresh = nftMode(syntheticCluster(BIG_CLUSTER));
      const [first] = benchRequests(fresh, 1);
      return time(() => trace(fresh, first!));
    });
    const nftCluster = nftMode(syntheticCluster(BIG_CLUSTER));
    const requests = benchRequests(nftCluster, 60);
    for (const request of requests) trace(nftCluster, request); // warm the nodes these touch
    const warmTraces = requests.map((request, seed) => time(() => trace(nftCluster, request, { seed })));
    const chains = ruleset.chains.length;
    const elements = [...ruleset.sets, ...ruleset.maps].reduce((n, c) => n + c.elements.length, 0);
    console.log([
      `nftables benchmark: ${BIG_CLUSTER.nodes} nodes, ${BIG_CLUSTER.services * BIG_CLUSTER.podsPerService} pods, ${BIG_CLUSTER.services} Services (median of ${runs}); ${chains} chains, ${elements} elements`,
      `  nftablesRulesFor (one node):     ${median(rules).toFixed(1)} ms  (aim < 200 ms)`,
      `  nftablesDump (one node):         ${median(dumps).toFixed(1)} ms  (rules + sorted dump)`,
      `  iptablesSave (same run, compare): ${median(saves).toFixed(1)} ms`,
      `  renderNftablesDump / nft list:   ${printDump.toFixed(1)} ms / ${printList.toFixed(1)} ms`,
      `  traceNftPacket, rules cached:    ${median(traces).toFixed(2)} ms  (aim < 5 ms; max ${Math.max(...traces).toFixed(2)} ms)`,
      `  trace (nftables mode), first:    ${median(coldTraces).toFixed(1)} ms  (indexes + one node's ruleset)`,
      `  trace (nftables mode), cached:   ${median(warmTraces).toFixed(2)} ms  (aim < 5 ms; max ${Math.max(...warmTraces).toFixed(2)} ms)`,
    ].join('\n'));
    expect(median(traces)).toBeGreaterThan(0);
    expect(median(warmTraces)).toBeGreaterThan(0);
  }, 120_000);
});
