import { describe, expect, it } from 'vitest';
import { buildIptablesView } from './iptablesView';
import { describeMatches, searchRules, splitMatches } from './search';
import { defaultTrace } from './testing';

describe('searchRules', () => {
  const view = buildIptablesView(defaultTrace().ruleSet);

  it('finds the nodePort rules by port', () => {
    const result = searchRules(view, ' 30080 ');
    expect(result.query).toBe('30080');
    expect([...result.chains.keys()]).toEqual(['nat/KUBE-NODEPORTS']);
    expect(result.ruleMatches).toBe(2);
    expect(result.chainMatches).toBe(0);
    expect(describeMatches(result)).toBe('2 rules match');
  });

  it('is case-insensitive and matches chain names', () => {
    const result = searchRules(view, 'kube-svc-');
    const svc = [...result.chains.entries()].find(([key]) => key.startsWith('nat/KUBE-SVC-'))!;
    expect(svc[1].nameMatches).toBe(true);
    // web's one port and kube-dns's three (dns, dns-tcp, metrics).
    expect(result.chainMatches).toBe(4);
    // The SVC chain's own rules and the rules jumping to it.
    expect(result.ruleMatches).toBeGreaterThan(4);
    expect(result.chains.has('nat/KUBE-SERVICES')).toBe(true);
  });

  it('matches empty chains by name', () => {
    const result = searchRules(view, 'EXTERNAL-SERVICES');
    expect(result.chains.get('filter/KUBE-EXTERNAL-SERVICES')).toEqual({ nameMatches: true, ruleIds: new Set() });
  });

  it('returns nothing for an empty query and says so for a miss', () => {
    expect(searchRules(view, '  ').chains.size).toBe(0);
    expect(describeMatches(searchRules(view, 'no-such-thing'))).toBe('No matches');
  });
});

describe('splitMatches', () => {
  it('splits around every case-insensitive match', () => {
    expect(splitMatches('-A KUBE-SVC-X -j kube-sep-Y', 'KUBE-S')).toEqual([
      { text: '-A ', match: false },
      { text: 'KUBE-S', match: true },
      { text: 'VC-X -j ', match: false },
      { text: 'kube-s', match: true },
      { text: 'ep-Y', match: false },
    ]);
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('aaa', 'aa')).toEqual([{ text: 'aa', match: true }, { text: 'a', match: false }]);
  });
});

describe('describeMatches', () => {
  it('counts rules and chains in words', () => {
    const r = { query: 'x', chains: new Map() };
    expect(describeMatches({ ...r, ruleMatches: 1, chainMatches: 0 })).toBe('1 rule matches');
    expect(describeMatches({ ...r, ruleMatches: 3, chainMatches: 1 })).toBe('3 rules and 1 chain match');
    expect(describeMatches({ ...r, ruleMatches: 0, chainMatches: 2 })).toBe('2 chains match');
  });
});
