import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { cluster as builder } from '../model/testing/clusterBuilder';
import type { Cluster } from '../model/cluster';
import { toFlow } from './toFlow';
import { SIZE } from './layoutMetrics';
import { WEB_NODE_PORTS, webCluster } from '../model/trace/testClusters';

const box = (c: Cluster, positions = {}, dragging = false) => {
  const node = toFlow(c, positions, null, { dragging }).nodes[0]!;
  return { width: node.width!, height: node.height! };
};

function wide(nodes: number, services: number): Cluster {
  const b = builder();
  for (let n = 0; n < nodes; n++) b.node(`worker-${n}`);
  for (let s = 0; s < services; s++) b.service(`svc-${s}`);
  for (let p = 0; p < nodes * 3; p++) b.pod(`app-${p}`, { app: `svc-${p % services}` }, { node: `worker-${p % nodes}` });
  return b.build();
}

describe('toFlow', () => {
  it('puts a small cluster on one row under its Services, every node handed over as measured', () => {
    const { nodes } = toFlow(defaultScenario(), {});
    const workers = nodes.filter((n) => n.type === 'worker');
    expect(new Set(workers.map((w) => w.position.y)).size).toBe(1);
    for (const n of nodes) expect(n.measured).toEqual({ width: n.width, height: n.height });
  });

  it('wraps many workers and Services into rows instead of one long strip', () => {
    const { nodes } = toFlow(wide(40, 50), {});
    const workers = nodes.filter((n) => n.type === 'worker');
    const services = nodes.filter((n) => n.type === 'service');
    expect(new Set(workers.map((w) => w.position.y)).size).toBeGreaterThan(1);
    expect(new Set(services.map((s) => s.position.y)).size).toBeGreaterThan(1);
    // The band is no wider than the workers' rows (or eight Services).
    const right = (ns: typeof nodes) => Math.max(...ns.map((n) => n.position.x + n.width!));
    expect(right(services)).toBeLessThanOrEqual(Math.max(right(workers), 8 * (SIZE.service.width + SIZE.cluster.gap)));
    // Every worker sits below every Service.
    const bandBottom = Math.max(...services.map((s) => s.position.y + s.height!));
    expect(Math.min(...workers.map((w) => w.position.y))).toBeGreaterThan(bandBottom);
  });

  it('during a drag the cluster box grows a step ahead and never shrinks; the drop fits it snugly', () => {
    const c = defaultScenario();
    const snug = box(c);
    // A small move inside the box: no resize at all while dragging.
    expect(box(c, { 'node:worker-1': { x: 30, y: 200 } }, true)).toEqual(snug);
    // Past the right edge: the box grows beyond the worker, by a step.
    const far = { 'node:worker-3': { x: snug.width + 100, y: 200 } };
    const fitted = box(c, far);
    box(c, {});
    const dragged = box(c, far, true);
    expect(dragged.width).toBeGreaterThan(fitted.width);
    // Back inside while still dragging: it stays as large as it got.
    expect(box(c, {}, true).width).toBe(dragged.width);
    // Dropped: snug again.
    expect(box(c, {})).toEqual(snug);
  });
});

describe('a LoadBalancer no controller has provisioned (EXTERNAL-IP <pending>)', () => {
  it('is drawn as a pending ghost with no edges in or out; on a cloud it is real and connected', () => {
    const bare = webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }, { provider: 'bare-metal' });
    const flow = toFlow(bare, {});
    const lb = flow.nodes.find((n) => n.id === 'lb:default/web')!;
    expect(lb.type).toBe('loadBalancer');
    expect(lb.data).toMatchObject({ pending: true });
    expect(flow.edges.filter((e) => e.source === lb.id || e.target === lb.id)).toEqual([]);

    const cloud = toFlow(webCluster({ type: 'LoadBalancer', ports: WEB_NODE_PORTS }), {});
    expect(cloud.nodes.find((n) => n.id === 'lb:default/web')!.data).toMatchObject({ pending: false });
    expect(cloud.edges.filter((e) => e.source === 'lb:default/web').map((e) => e.target)).toEqual(['node:worker-1', 'node:worker-2', 'node:worker-3']);
    expect(cloud.edges.some((e) => e.source === 'client:browser' && e.target === 'lb:default/web')).toBe(true);
  });
});
