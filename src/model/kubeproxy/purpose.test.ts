/** Every rule carries its purpose and an id unique in its rule set. */
import { describe, expect, it } from 'vitest';
import { ep, fakeInput, svcPort } from './testing';
import { buildRuleSet } from './sync';
import { fromCluster } from './adapter';
import { syntheticCluster } from './synthetic';
import type { RuleSet } from './types';

/** One Service of each kind that writes distinct rules: ClusterIP, LB Local with externalIPs, LB with source ranges and affinity, no endpoints. */
const overallInput = fakeInput([
  { info: svcPort('ns1', 'svc1', { clusterIP: '172.30.0.41' }), endpoints: [ep('10.180.0.1', 80)] },
  {
    info: svcPort('ns2', 'svc2', {
      clusterIP: '172.30.0.42', nodePort: 3001, loadBalancerIPs: ['1.2.3.4'], externalIPs: ['192.168.99.22'],
      externalPolicyLocal: true, healthCheckNodePort: 30000,
    }),
    endpoints: [ep('10.180.0.2', 80)],
  },
  {
    info: svcPort('ns5', 'svc5', {
      clusterIP: '172.30.0.45', nodePort: 3002, loadBalancerIPs: ['5.6.7.8'], loadBalancerSourceRanges: ['203.0.113.0/25', '192.168.0.0/24'],
      sessionAffinityTimeoutSeconds: 10800,
    }),
    endpoints: [ep('10.180.0.3', 80), ep('10.180.0.4', 80, { isLocal: true })],
  },
  { info: svcPort('ns6', 'svc6', { clusterIP: '172.30.0.46', nodePort: 3003, externalIPs: ['192.168.99.33'] }), endpoints: [] },
]);

const allRules = (set: RuleSet) => [...set.jumpRules, ...set.tables.flatMap((t) => t.chains.flatMap((c) => c.rules))];

describe('rule purposes and ids', () => {
  it('gives every rule of proxier_test.go\'s overall input a distinct id', () => {
    const rules = allRules(buildRuleSet(overallInput));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('gives distinct ids on a large generated cluster too', () => {
    const cluster = syntheticCluster({ nodes: 3, services: 40, podsPerService: 2 });
    const rules = allRules(buildRuleSet(fromCluster(cluster, 'node-0')));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('names the Service port of every per-port rule, and only of those', () => {
    for (const rule of allRules(buildRuleSet(overallInput))) {
      expect('servicePort' in rule.purpose).toBe(rule.servicePortName !== undefined);
    }
  });

  it('tells the no-endpoints REJECT from the no-local-endpoints DROP', () => {
    const rules = allRules(buildRuleSet(overallInput));
    for (const rule of rules) {
      if (rule.purpose.kind !== 'noEndpoints') continue;
      expect(rule.target.kind).toBe(rule.purpose.local ? 'DROP' : 'REJECT');
    }
    expect(rules.some((r) => r.purpose.kind === 'noEndpoints' && r.purpose.local)).toBe(true);
    expect(rules.some((r) => r.purpose.kind === 'noEndpoints' && !r.purpose.local)).toBe(true);
  });

  it('keeps the id of a rule when another Service is added', () => {
    const before = buildRuleSet({ ...overallInput, servicePorts: overallInput.servicePorts.slice(1) });
    const after = buildRuleSet(overallInput);
    const afterIds = new Set(allRules(after).map((r) => r.id));
    for (const rule of allRules(before)) expect(afterIds.has(rule.id)).toBe(true);
  });
});
