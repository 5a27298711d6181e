/**
 * iptables and nftables mode deliver the same requests to the same endpoints wherever the modes
 * agree: on random clusters and requests (traceArbitraries.ts), the two traces end the same way,
 * at the same endpoint (the endpoint choice is the trace's, not the mode's), through the same
 * Service — except for the differences kube-proxy really has, which nftablesMode.test.ts pins:
 * a ClusterIP on a port or address no Service holds (lost in iptables mode, rejected or dropped
 * by cluster-ips-check in nftables mode) and NodePorts on 127.0.0.1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { scenarioArb } from './traceArbitraries';
import { trace } from './trace';
import type { Trace } from './types';

const inMode = (c: Cluster, mode: 'iptables' | 'nftables'): Cluster => ({ ...c, settings: { ...c.settings, kubeProxyMode: mode } });

/** iptables-mode reasons whose nftables counterpart differs by design (see the file comment). */
const IPTABLES_ONLY = new Set(['reason.clusterIP.noSuchPort', 'reason.clusterIP.unallocated']);

const summary = (t: Trace) => ({ outcome: t.outcome, endpoint: t.endpoint, service: t.service, reason: t.reason?.key });

describe('iptables and nftables mode', () => {
  it('deliver the same requests to the same endpoints, and fail the same way, where the modes agree', { timeout: 30000 }, () => {
    let compared = 0;
    fc.assert(fc.property(scenarioArb, ([cluster, request, seed]) => {
      const ipt = trace(inMode(cluster, 'iptables'), request, { seed });
      const nft = trace(inMode(cluster, 'nftables'), request, { seed });
      if (ipt.reason && IPTABLES_ONLY.has(ipt.reason.key)) {
        expect(['reason.kubeProxy.invalidClusterIPPort', 'reason.kubeProxy.unallocatedClusterIP']).toContain(nft.reason?.key);
        return;
      }
      compared++;
      expect(summary(nft), JSON.stringify(request)).toEqual(summary(ipt));
      expect(nft.hops.map((h) => [h.to, h.explanation.key, h.explanation.params.node])).toEqual(ipt.hops.map((h) => [h.to, h.explanation.key, h.explanation.params.node]));
    }), { numRuns: 300 });
    expect(compared).toBeGreaterThan(200);
  });
});
