import { describe, expect, it } from 'vitest';
import { buildIptablesView } from './iptablesView';
import { displayedNode, hopHighlight, selectedNodeName } from './highlight';
import { defaultTrace } from './testing';

describe('hopHighlight', () => {
  const { dnatHop, node, ruleSet, trace } = defaultTrace();
  const view = buildIptablesView(ruleSet);

  it('marks every rule the DNAT hop matched on its node, the nodePort rule and the DNAT among them', () => {
    const hl = hopHighlight(view, dnatHop, node)!;
    const texts = [...hl.rules].map((id) => view.rows[id]!.text);
    const expected = dnatHop.rewrites.filter((r) => r.by === 'kube-proxy').flatMap((r) => r.rules);
    expect(new Set(texts)).toEqual(new Set(expected));
    expect(texts.some((t) => t.startsWith('-A KUBE-NODEPORTS') && t.includes('--dport 30080') && !t.includes('127.0.0.0/8'))).toBe(true);
    expect(texts.some((t) => /^-A KUBE-SEP-\w+ .*-j DNAT --to-destination 10\.244\.\d+\.\d+:8080$/.test(t))).toBe(true);
    // The localhost nodePort rule did not match (the packet was not for 127.0.0.0/8).
    expect(texts.some((t) => t.includes('127.0.0.0/8'))).toBe(false);
  });

  it('starts at the first rule the packet met and groups rows by chain', () => {
    const hl = hopHighlight(view, dnatHop, node)!;
    expect(view.rows[hl.first!]!.text).toBe(dnatHop.rewrites[0]!.rules[0]);
    for (const [key, ids] of hl.rulesByChain) {
      const chain = view.tables.flatMap((t) => t.chains).find((c) => c.key === key)!;
      for (const id of ids) expect(chain.rows.some((r) => r.id === id)).toBe(true);
    }
  });

  it('unfolds the chains of the path in the table the rules were in only', () => {
    const hl = hopHighlight(view, dnatHop, node)!;
    expect(hl.chains.has('nat/KUBE-SERVICES')).toBe(true);
    expect(hl.chains.has('filter/KUBE-SERVICES')).toBe(false);
    expect(hl.chains.has('nat/KUBE-MARK-MASQ')).toBe(true);
    expect([...hl.chains].some((k) => k.startsWith('nat/KUBE-SEP-'))).toBe(true);
  });

  it('highlights nothing on another node, without a hop, or for a hop without kube-proxy rules', () => {
    expect(hopHighlight(view, dnatHop, node === 'worker-1' ? 'worker-2' : 'worker-1')).toBeUndefined();
    expect(hopHighlight(view, undefined, node)).toBeUndefined();
    expect(hopHighlight(view, trace.hops[0], node)).toBeUndefined();
  });
});

describe('displayedNode', () => {
  const nodes = ['worker-1', 'worker-2', 'worker-3'];
  it('prefers the explicit pick, then the hop, then the selection, then the first node', () => {
    expect(displayedNode(nodes, { picked: 'worker-2', hopNode: 'worker-3', selectedNode: 'worker-1' })).toBe('worker-2');
    expect(displayedNode(nodes, { picked: null, hopNode: 'worker-3', selectedNode: 'worker-1' })).toBe('worker-3');
    expect(displayedNode(nodes, { selectedNode: 'worker-1' })).toBe('worker-1');
    expect(displayedNode(nodes, {})).toBe('worker-1');
  });
  it('ignores names of nodes that no longer exist', () => {
    expect(displayedNode(nodes, { picked: 'gone', hopNode: 'also-gone', selectedNode: 'worker-2' })).toBe('worker-2');
    expect(displayedNode([], { picked: 'x' })).toBeUndefined();
  });
  it('reads a node selection', () => {
    expect(selectedNodeName('node:worker-2')).toBe('worker-2');
    expect(selectedNodeName('svc:default/web')).toBeUndefined();
    expect(selectedNodeName(null)).toBeUndefined();
  });
});
