import { describe, expect, it } from 'vitest';
import { iptablesSave } from '../../model/kubeproxy';
import { buildIptablesView } from './iptablesView';
import { defaultTrace } from './testing';

describe('buildIptablesView', () => {
  const { cluster, node, ruleSet } = defaultTrace();
  const view = buildIptablesView(ruleSet);

  it('keeps the tables and the printed order of chains and rules of iptables-save', () => {
    expect(view.tables.map((t) => t.name)).toEqual(['filter', 'nat']);
    const printed = iptablesSave(cluster, node).split('\n').filter((l) => l.startsWith('-A '));
    const shown = view.tables.flatMap((t) => t.chains.filter((c) => c.kind !== 'builtin').flatMap((c) => c.rows.map((r) => r.text)));
    expect(shown).toEqual(printed);
    const declared = iptablesSave(cluster, node).split('\n').filter((l) => l.startsWith(':')).map((l) => l.slice(1, l.indexOf(' ')));
    expect(view.tables.flatMap((t) => t.chains.filter((c) => c.kind !== 'builtin').map((c) => c.name))).toEqual(declared);
  });

  it('puts kube-proxy\'s jumps from the built-in chains first, in iptables-save order', () => {
    const nat = view.tables[1]!;
    expect(nat.chains.filter((c) => c.kind === 'builtin').map((c) => c.name)).toEqual(['PREROUTING', 'OUTPUT', 'POSTROUTING']);
    expect(nat.chains[0]!.rows.map((r) => r.text)).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    ]);
    expect(view.tables[0]!.chains.filter((c) => c.kind === 'builtin').map((c) => c.name)).toEqual(['INPUT', 'FORWARD', 'OUTPUT']);
    expect(view.rows).toHaveLength(ruleSet.jumpRules.length + ruleSet.tables.flatMap((t) => t.chains.flatMap((c) => c.rules)).length);
  });

  it('numbers rows in display order and indexes them by text and chains by name', () => {
    expect(view.rows.map((r) => r.id)).toEqual(view.rows.map((_, i) => i));
    const row = view.rows.find((r) => r.text.includes('--dport 30080 -j'))!;
    expect(view.byText.get(row.text)).toEqual([row]);
    expect(view.chainsByName.get('KUBE-SERVICES')!.map((c) => c.key)).toEqual(['filter/KUBE-SERVICES', 'nat/KUBE-SERVICES']);
  });
});
