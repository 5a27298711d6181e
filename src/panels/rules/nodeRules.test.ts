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
    const { view, owners } = nodeRules(cluster, 'node-0');
    expect(view.rows.length).toBeGreaterThan(10_000);
    const perService = view.tables.flatMap((t) => t.chains).filter((c) => /^KUBE-(SVC|SEP|EXT|FW|SVL)-/.test(c.name));
    for (const chain of perService) expect(owners.has(chain.name)).toBe(true);
    const result = searchRules(view, 'kube-sep');
    expect(result.chainMatches).toBeGreaterThan(1000);
    // Speed is measured by `npm run bench`, not here; the timeout only stops accidental quadratic work.
  }, 30_000);
});
