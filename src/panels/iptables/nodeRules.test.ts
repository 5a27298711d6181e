import { describe, expect, it } from 'vitest';
import { BIG_CLUSTER, syntheticCluster } from '../../model/kubeproxy/synthetic';
import { nodeRules } from './nodeRules';
import { searchRules } from './search';

describe('nodeRules', () => {
  it('builds once per cluster object and node', () => {
    const cluster = syntheticCluster({ nodes: 2, services: 3, podsPerService: 2 });
    const a = nodeRules(cluster, 'node-0');
    expect(nodeRules(cluster, 'node-0')).toBe(a);
    expect(nodeRules(cluster, 'node-1')).not.toBe(a);
    expect(nodeRules({ ...cluster }, 'node-0')).not.toBe(a);
  });

  it('handles a node with thousands of rules: every chain owned, searchable', () => {
    const cluster = syntheticCluster(BIG_CLUSTER);
    const started = performance.now();
    const { view, owners } = nodeRules(cluster, 'node-0');
    const built = performance.now() - started;
    expect(view.rows.length).toBeGreaterThan(10_000);
    const perService = view.tables.flatMap((t) => t.chains).filter((c) => /^KUBE-(SVC|SEP|EXT|FW|SVL)-/.test(c.name));
    for (const chain of perService) expect(owners.has(chain.name)).toBe(true);
    const t0 = performance.now();
    const result = searchRules(view, 'kube-sep');
    const searched = performance.now() - t0;
    expect(result.chainMatches).toBeGreaterThan(1000);
    // Not a benchmark, a guard against accidental quadratic work (generous for slow CI machines).
    expect(built).toBeLessThan(5000);
    expect(searched).toBeLessThan(1000);
  });
});
