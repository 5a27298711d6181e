/**
 * The apply benchmark, part of `npm run bench:model` (BENCH=1; skipped otherwise). It prints
 * timings rather than asserting them: a benchmark, not a timed test. Aims (issue "Your own
 * cluster"): a 12-Deployment demo app applied onto the default scenario ≤ 100 ms; 5,000 pods from
 * Deployments expanded and scheduled ≤ 1 s.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenarios/defaultScenario';
import { median, time } from '../trace/bench';
import { clusterFromObjects } from './fromObjects';
import { applyManifests } from './merge';
import demo from './fixtures/real/microservices-demo.yaml?raw';

const enabled = import.meta.env.BENCH === '1';

/** 50 Nodes and 50 Deployments of 100 replicas: 100 pods a node, under the kubelet's 110. */
function fiveThousandPods(): object[] {
  const nodes = Array.from({ length: 50 }, (_, i) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}` } }));
  const deployments = Array.from({ length: 50 }, (_, i) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${i}` },
    spec: {
      replicas: 100, selector: { matchLabels: { app: `app-${i}` } },
      template: { metadata: { labels: { app: `app-${i}` } }, spec: { containers: [{ name: 'app', image: 'registry.example/app:1', ports: [{ containerPort: 8080 }] }] } },
    },
  }));
  return [...nodes, ...deployments];
}

describe.skipIf(!enabled)('apply benchmark (BENCH=1)', () => {
  it('times a real demo app applied onto the cluster, and 5,000 scheduled pods', () => {
    const runs = 5;
    const apply: number[] = [];
    const schedule: number[] = [];
    let pods = 0;
    for (let r = 0; r < runs; r++) {
      const cluster = defaultScenario();
      apply.push(time(() => applyManifests(cluster, demo, 'merge')));
      const objects = fiveThousandPods();
      schedule.push(time(() => { pods = clusterFromObjects(objects).cluster.pods.filter((p) => p.spec.nodeName).length; }));
    }
    console.log([
      `apply benchmark (median of ${runs})`,
      `  microservices-demo (12 Deployments) applied onto the default scenario: ${median(apply).toFixed(1)} ms  (aim ≤ 100 ms)`,
      `  5,000 pods from 50 Deployments, scheduled on 50 nodes (${pods} placed): ${median(schedule).toFixed(1)} ms  (aim ≤ 1,000 ms)`,
    ].join('\n'));
    expect(pods).toBeGreaterThan(0);
  }, 120_000);
});
