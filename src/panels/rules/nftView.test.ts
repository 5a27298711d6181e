import { describe, expect, it } from 'vitest';
import { nftablesRulesFor, nftListRuleset, traceNftPacket } from '../../model/kubeproxy/nftables';
import { defaultScenario } from '../../model/scenarios/defaultScenario';
import type { Hop } from '../../model/trace/types';
import { trace } from '../../model/trace/trace';
import { hopHighlight, stopHighlight } from './highlight';
import { buildNftView } from './nftView';
import { searchRules } from './search';

const cluster = defaultScenario();
const nftCluster = { ...cluster, settings: { ...cluster.settings, kubeProxyMode: 'nftables' as const } };
const node = 'worker-1';
const ruleset = nftablesRulesFor(nftCluster, node);
const view = buildNftView(ruleset);
const printed = nftListRuleset(ruleset);
const web = nftCluster.services.find((s) => s.metadata.name === 'web')!;

describe('buildNftView', () => {
  it('is one table, ip kube-proxy, with its sets and maps before its chains, in nft list order', () => {
    expect(view.mode).toBe('nftables');
    expect(view.tables.map((t) => t.heading)).toEqual(['table ip kube-proxy']);
    const declared = [...printed.matchAll(/^\t(set|map|chain) (\S+) \{$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const shown = view.tables[0]!.chains.map((c) => `${c.kind} ${c.name}`);
    expect(shown).toEqual(declared);
    expect(shown).toContain('map service-ips');
    expect(shown).toContain('set cluster-ips');
  });

  it('prints every rule, element and base-chain line exactly as nft list ruleset does', () => {
    const lines = new Set(printed.split('\n').map((l) => l.trim()));
    const chains = view.tables[0]!.chains;
    for (const chain of chains.filter((c) => c.kind === 'chain')) {
      for (const row of chain.rows) expect(lines.has(row.text)).toBe(true);
      if (chain.detail !== undefined) expect(lines.has(chain.detail)).toBe(true);
    }
    for (const chain of chains.filter((c) => c.kind === 'set' || c.kind === 'map')) {
      for (const row of chain.rows) expect(printed).toContain(row.text);
      expect(printed).toContain(`\t\t${chain.detail!.split('; ')[0]}`);
    }
    expect(view.ruleCount).toBe(ruleset.chains.reduce((n, c) => n + c.rules.length, 0));
    expect(view.chainCount).toBe(ruleset.chains.length);
    expect(chains.find((c) => c.name === 'nat-prerouting')!.detail).toBe('type nat hook prerouting priority dstnat; policy accept;');
  });

  it('finds the nodePort by port, in the service-nodeports map', () => {
    const result = searchRules(view, '30080');
    expect([...result.chains.keys()]).toContain('ip kube-proxy/service-nodeports');
  });
});

describe('hopHighlight in nftables mode', () => {
  const packet = { sourceIP: '10.244.1.5', destIP: web.spec.clusterIP!, destPort: 80, protocol: 'TCP' as const };
  const steps = traceNftPacket(ruleset, packet).steps;
  const hop = {
    node,
    rewrites: [{
      kind: 'DNAT', masquerade: false, before: { ip: packet.destIP, port: 80 }, after: { ip: '10.244.1.2', port: 8080 },
      by: 'kube-proxy', proxyMode: 'nftables', node, chains: [...new Set(steps.map((s) => s.rule.chain))],
      rules: steps.map((s) => s.rule.text), nftRuleIds: steps.map((s) => s.rule.id),
    }],
  } as unknown as Hop;

  it('lights the rules whose NftRuleIds the rewrite holds, from the first the packet met', () => {
    const hl = hopHighlight(view, hop, node)!;
    const expected = new Set(steps.flatMap((s) => view.byRuleId.get(s.rule.id)!.map((r) => r.id)));
    expect(hl.rules).toEqual(expected);
    expect(expected.size).toBeGreaterThan(3);
    expect(hl.chains.has('ip kube-proxy/services')).toBe(true);
    expect([...hl.chains].some((k) => k.startsWith('ip kube-proxy/service-') && k.endsWith('default/web/tcp/http'))).toBe(true);
    expect(view.rows[hl.first!]!.text).toBe(view.byRuleId.get(steps[0]!.rule.id)![0]!.text);
  });

  it('ignores a rewrite of the other mode', () => {
    const iptablesHop = { ...hop, rewrites: hop.rewrites.map((r) => ({ ...r, proxyMode: 'iptables' })) } as Hop;
    expect(hopHighlight(view, iptablesHop, node)).toBeUndefined();
  });
});

describe('the highlight on real nftables traces', () => {
  const pod = nftCluster.pods.find((p) => p.spec.nodeName === node)!;
  const to = { host: web.spec.clusterIP!, port: 30080 };

  it('lights the cluster-ips-check reject that stops a pod\'s ClusterIP:nodePort (Hop.filter)', () => {
    const t = trace(nftCluster, { from: { kind: 'pod', namespace: 'default', name: pod.metadata.name }, to }, { seed: 0 });
    expect(t.outcome).toBe('refused');
    const stop = t.hops.find((h) => h.filter)!;
    const hl = hopHighlight(view, stop, node)!;
    const lit = [...hl.rules].map((id) => view.rows[id]!);
    expect(lit.map((r) => r.text)).toEqual(stop.filter!.rules);
    expect(lit.at(-1)!.sectionKey).toBe('ip kube-proxy/cluster-ips-check');
    expect(lit.at(-1)!.text).toMatch(/^ip daddr @cluster-ips reject/);
    expect(hl.chains.has('ip kube-proxy/cluster-ips-check')).toBe(true);
  });

  it('lights the rule a hop-less stop names (a node\'s own ClusterIP:nodePort), on that node only', () => {
    const t = trace(nftCluster, { from: { kind: 'node', name: node }, to }, { seed: 0 });
    expect(t.hops).toHaveLength(0);
    const hl = stopHighlight(view, t, node)!;
    expect(hl.stop).toBe(true);
    // The path through the output hooks, ending at the reject the reason names.
    const lit = [...hl.rules].map((id) => view.rows[id]!.text);
    expect(lit).toEqual(t.filter!.rules);
    expect(lit.at(-1)).toBe(t.reason!.params.rule);
    expect(view.rows[hl.first!]!.text).toBe(lit[0]);
    expect(hl.chains.has('ip kube-proxy/cluster-ips-check')).toBe(true);
    expect(stopHighlight(buildNftView(nftablesRulesFor(nftCluster, 'worker-2')), t, 'worker-2')).toBeUndefined();
  });
});
