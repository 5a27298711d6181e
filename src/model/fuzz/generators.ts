/**
 * Fuzz inputs for the manifest reader: text as a person (or a tester) would paste it. Three
 * families: whole generated manifests, mutations of the repo's own scenario files, and hostile
 * YAML (alias bombs, anchors used before they exist, deep nesting, megabyte strings, floods of
 * NodePort Services). Everything is drawn from fast-check, so a seed reproduces a run exactly.
 */
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { SCENARIOS as CATALOG } from '../scenarios/catalog';

type Json = Record<string, unknown>;

/** A value of the wrong shape, size or type, for any field (a fresh copy each draw: mutations write into it). */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -5, 2.5, 65536, 70000, 2 ** 31, 2 ** 53, 1e308, -1e308, 200000, 2000000, 1e9),
  fc.constantFrom('', ' ', 'My Laptop', 'UPPER', 'a_b', '-x', 'x-', 'a..b', '10.0.0.999', '10.0.0.1/33', '::1', '999-1', '0-0',
    '1-65536', 'ä', '名前', '\u0000', '\u202e', 'None', 'ClientIP', '30000', '0.0.0.0', '256.1.1.1', '10.96.0.0/12 ', '__proto__',
    'constructor', 'true', '{{x}}', '<script>alert(1)</script>', 'a'.repeat(300)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ a: { b: 'c' } }),
  fc.constant(['x', 1, null]),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
).map((v) => structuredClone(v));

/**
 * A whole cluster's manifests. With `noise`, any field may hold junk; without, every value is of
 * the right type and mostly sensible (cross-object conflicts, exhausted ranges and mismatched
 * selectors still happen), so plenty of inputs are accepted and the views run on them.
 */
function manifestArbitrary(noise: boolean): fc.Arbitrary<unknown[]> {
  const sometimes = <T>(valid: fc.Arbitrary<T>, weight = 5): fc.Arbitrary<unknown> =>
    (noise ? fc.oneof({ arbitrary: valid, weight }, { arbitrary: junk, weight: 1 }) : valid);

  const dnsName = fc.constantFrom('web', 'api', 'db', 'worker-1', 'worker-2', 'n1', 'a', 'frontend', 'shop.example.com');
  const labelValue = fc.constantFrom('web', 'api', 'db', 'a', 'b');
  const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'k8s-app', 'app.kubernetes.io/name'), sometimes(labelValue, 8), { maxKeys: 2 });
  const ip = fc.oneof(
    fc.tuple(fc.constantFrom(10), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 }))
      .map((o) => o.join('.')),
    fc.constantFrom('10.96.0.10', '10.96.0.1', '10.244.0.5', '10.0.1.10', '203.0.113.10', '192.0.2.4'),
  );
  const cidr = fc.constantFrom('10.96.0.0/12', '10.244.0.0/16', '10.0.1.0/24', '10.244.1.0/24', '10.0.0.0/8', '192.168.0.0/16', '10.43.0.0/16');
  const port = fc.oneof(fc.integer({ min: 1, max: 9000 }), fc.constantFrom(80, 443, 8080, 53));
  const protocol = fc.constantFrom('TCP', 'UDP', 'SCTP');

  const meta = (namespaced: boolean) => fc.record({
    name: sometimes(dnsName, 10),
    ...(namespaced ? { namespace: sometimes(fc.constantFrom('default', 'prod', 'kube-system'), 10) } : {}),
    labels: sometimes(labels, 10),
  }, { requiredKeys: ['name'] });

  const containers = fc.array(fc.record({
    name: sometimes(fc.constantFrom('web', 'app'), 10),
    image: fc.constant('nginx'),
    ports: sometimes(fc.array(fc.record({
      name: sometimes(fc.constantFrom('http', 'dns', 'metrics'), 6),
      containerPort: sometimes(port, 6),
      protocol: sometimes(protocol, 6),
    }, { requiredKeys: ['containerPort'] }), { maxLength: 2 }), 8),
  }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 2 });

  const settings = fc.record({
    provider: sometimes(fc.constantFrom('cloud', 'bare-metal'), 8),
    serviceCIDR: sometimes(cidr, 4),
    podCIDR: sometimes(cidr, 4),
    nodeSubnet: sometimes(cidr, 4),
    nodesPublic: sometimes(fc.boolean(), 8),
    nodePortRange: sometimes(fc.constantFrom('30000-32767', '30000-30010', '30000+100', '80-90'), 4),
    clusterDomain: sometimes(fc.constantFrom('cluster.local', 'corp.internal'), 6),
    dnsServiceIP: sometimes(ip, 4),
    loadBalancerTargets: sometimes(fc.constantFrom('NodePort', 'VIP', 'Pod'), 6),
    kubeProxyMode: sometimes(fc.constantFrom('iptables', 'nftables'), 6),
    masqueradeOutgoing: sometimes(fc.boolean(), 8),
    nonMasqueradeCIDRs: sometimes(fc.array(sometimes(cidr, 5), { maxLength: 2 }), 6),
    clients: sometimes(fc.array(fc.record({
      name: sometimes(fc.constantFrom('browser', 'laptop', 'curl'), 6),
      location: sometimes(fc.constantFrom('internet', 'lan'), 8),
      ip: sometimes(ip, 6),
    }, { requiredKeys: [] }), { maxLength: 3 }), 8),
  }, { requiredKeys: [] });

  // Scheduling: node labels and taints, and the pod fields that answer them.
  const nodeLabels = fc.dictionary(fc.constantFrom('disk', 'zone', 'node-role.kubernetes.io/control-plane'), sometimes(fc.constantFrom('ssd', 'a', ''), 8), { maxKeys: 2 });
  const taintKey = fc.constantFrom('dedicated', 'node-role.kubernetes.io/control-plane', 'node.kubernetes.io/not-ready', 'gpu');
  const effect = fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute');
  const taints = fc.array(fc.record({ key: sometimes(taintKey, 8), value: sometimes(fc.constantFrom('gpu', 'infra', ''), 6), effect: sometimes(effect, 8) },
    { requiredKeys: ['key', 'effect'] }), { maxLength: 2 });
  const tolerations = fc.array(fc.record({
    key: sometimes(taintKey, 8), operator: sometimes(fc.constantFrom('Exists', 'Equal'), 8),
    value: sometimes(fc.constantFrom('gpu', 'infra'), 6), effect: sometimes(effect, 8),
  }, { requiredKeys: [] }), { maxLength: 2 });
  const nodeSelector = fc.dictionary(fc.constantFrom('disk', 'zone', 'kubernetes.io/os'), sometimes(fc.constantFrom('ssd', 'a', 'linux'), 8), { maxKeys: 1 });
  /** The placement part of a pod spec: each field only sometimes. */
  const placement = fc.record({
    nodeSelector: sometimes(nodeSelector, 8), tolerations: sometimes(tolerations, 8), hostNetwork: sometimes(fc.boolean(), 8),
  }, { requiredKeys: [] });

  const node = fc.record({
    apiVersion: fc.constant('v1'), kind: fc.constant('Node'),
    metadata: fc.tuple(meta(false), fc.option(nodeLabels, { nil: undefined, freq: 2 })).map(([m, l]) => (l === undefined ? m : { ...m, labels: { ...(typeof m.labels === 'object' && m.labels ? m.labels : {}), ...l } })),
    spec: sometimes(fc.record({ podCIDR: sometimes(cidr, 4), unschedulable: sometimes(fc.boolean(), 8), taints: sometimes(taints, 6) }, { requiredKeys: [] }), 8),
    status: sometimes(fc.record({ addresses: fc.array(fc.record({ type: fc.constantFrom('InternalIP', 'ExternalIP'), address: sometimes(ip, 4) }), { maxLength: 2 }) }), 3),
  }, { requiredKeys: ['apiVersion', 'kind', 'metadata'] });

  const pod = fc.record({
    apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: meta(true),
    spec: fc.tuple(fc.record({ nodeName: sometimes(fc.constantFrom('worker-1', 'worker-2', 'n1', 'ghost'), 4), containers: sometimes(containers, 10),
      hostname: sometimes(dnsName, 4), subdomain: sometimes(dnsName, 4) }, { requiredKeys: ['containers'] }), placement).map(([spec, p]) => ({ ...spec, ...p })),
    status: sometimes(fc.record({ phase: sometimes(fc.constantFrom('Running', 'Pending', 'Failed'), 6), podIP: sometimes(ip, 4) }, { requiredKeys: [] }), 3),
  }, { requiredKeys: ['apiVersion', 'kind', 'metadata', 'spec'] });

  const deployment = fc.tuple(meta(true), labels, sometimes(fc.integer({ min: 0, max: 5 }), 5), fc.boolean(), containers).map(([m, l, replicas, mismatch, c]) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: m,
    spec: { replicas, selector: { matchLabels: mismatch ? { app: 'other' } : l }, template: { metadata: { labels: l }, spec: { containers: c } } },
  }));

  // The workload kinds the model runs controllers for, and kinds it keeps verbatim.
  const podTemplate = (l: unknown, extra: Json = {}) => fc.tuple(containers, placement).map(([c, p]) => ({ metadata: { labels: l }, spec: { containers: c, ...p, ...extra } }));
  const selectorFor = (l: unknown, mismatch: boolean) => ({ matchLabels: mismatch ? { app: 'other' } : l });
  const count = sometimes(fc.integer({ min: 0, max: 4 }), 5);
  const statefulSet = fc.tuple(meta(true), labels, count, fc.boolean(), sometimes(dnsName, 6), fc.option(fc.record({ start: sometimes(fc.integer({ min: 0, max: 3 }), 5) }), { nil: undefined }))
    .chain(([m, l, replicas, mismatch, serviceName, ordinals]) => podTemplate(l).map((template) => ({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: m,
      spec: { replicas, serviceName, selector: selectorFor(l, mismatch), template, ...(ordinals ? { ordinals } : {}) },
    })));
  const daemonSet = fc.tuple(meta(true), labels, fc.boolean()).chain(([m, l, mismatch]) => podTemplate(l).map((template) => ({
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: m, spec: { selector: selectorFor(l, mismatch), template },
  })));
  const replicaSet = fc.tuple(meta(true), labels, count, fc.boolean()).chain(([m, l, replicas, mismatch]) => podTemplate(l).map((template) => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: m, spec: { replicas, selector: selectorFor(l, mismatch), template },
  })));
  const jobSpec = fc.tuple(labels, fc.record({
    completions: count, parallelism: count, suspend: sometimes(fc.boolean(), 6), completionMode: sometimes(fc.constantFrom('NonIndexed', 'Indexed'), 6),
  }, { requiredKeys: [] }), sometimes(fc.constantFrom('Never', 'OnFailure', 'Always'), 6))
    .chain(([l, spec, restartPolicy]) => podTemplate(l, { restartPolicy }).map((template) => ({ ...spec, template })));
  const job = fc.tuple(meta(true), jobSpec).map(([m, spec]) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: m, spec }));
  const cronJob = fc.tuple(meta(true), sometimes(fc.constantFrom('*/5 * * * *', '@daily', '0 3 * * *', '* * *'), 6), jobSpec)
    .map(([m, schedule, spec]) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: m, spec: { schedule, jobTemplate: { spec } } }));
  const workload = fc.oneof({ weight: 3, arbitrary: statefulSet }, { weight: 3, arbitrary: daemonSet }, { weight: 3, arbitrary: job },
    { weight: 1, arbitrary: replicaSet }, { weight: 1, arbitrary: cronJob });
  const keptObject = fc.oneof(
    fc.tuple(meta(true), sometimes(fc.dictionary(fc.constantFrom('k', 'nginx.conf'), fc.constantFrom('v', 'x'), { maxKeys: 2 }), 6))
      .map(([m, data]) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: m, data })),
    fc.tuple(meta(true), sometimes(fc.constantFrom('web', 'db'), 6))
      .map(([m, backend]) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: m, spec: { backend, replicas: 2 } })),
  );

  const servicePort = fc.record({
    name: sometimes(fc.constantFrom('http', 'https', 'dns', 'p1'), 6),
    port: sometimes(port, 8),
    targetPort: sometimes(fc.oneof(port, fc.constantFrom('http', 'dns')), 6),
    protocol: sometimes(protocol, 6),
    nodePort: sometimes(fc.integer({ min: 29990, max: 30020 }), 4),
  }, { requiredKeys: ['port'] });

  const service = fc.record({
    apiVersion: fc.constant('v1'), kind: fc.constant('Service'), metadata: fc.tuple(meta(true), fc.option(sometimes(fc.record({
      'service.beta.kubernetes.io/load-balancer-source-ranges': sometimes(fc.constantFrom('10.0.0.0/8', '1.2.3.4/32, 10.0.0.0/8', 'x'), 3),
    }), 2), { nil: undefined, freq: 3 })).map(([m, annotations]) => (annotations === undefined ? m : { ...m, annotations })),
    spec: fc.record({
      type: sometimes(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'), 8),
      selector: sometimes(labels, 8),
      ports: sometimes(fc.array(servicePort, { maxLength: 3 }), 8),
      clusterIP: sometimes(fc.oneof(ip, fc.constant('None')), 3),
      externalName: sometimes(fc.constantFrom('db.example.com', 'example.org.'), 5),
      externalTrafficPolicy: sometimes(fc.constantFrom('Cluster', 'Local'), 6),
      sessionAffinity: sometimes(fc.constantFrom('None', 'ClientIP'), 6),
      sessionAffinityConfig: sometimes(fc.record({ clientIP: fc.record({ timeoutSeconds: sometimes(fc.integer({ min: 1, max: 86400 }), 5) }) }), 3),
      loadBalancerSourceRanges: sometimes(fc.array(cidr, { maxLength: 2 }), 4),
      externalIPs: sometimes(fc.array(ip, { maxLength: 1 }), 4),
      allocateLoadBalancerNodePorts: sometimes(fc.boolean(), 6),
      internalTrafficPolicy: sometimes(fc.constantFrom('Cluster', 'Local'), 6),
    }, { requiredKeys: [] }),
  }, { requiredKeys: ['apiVersion', 'kind', 'metadata', 'spec'] });

  const endpointSlice = fc.record({
    apiVersion: fc.constant('discovery.k8s.io/v1'), kind: fc.constant('EndpointSlice'),
    metadata: fc.tuple(meta(true), sometimes(dnsName, 6)).map(([m, svc]) => ({ ...m, labels: { 'kubernetes.io/service-name': svc } })),
    addressType: sometimes(fc.constantFrom('IPv4', 'IPv6', 'FQDN'), 8),
    endpoints: sometimes(fc.array(fc.record({ addresses: sometimes(fc.array(sometimes(ip, 5), { minLength: 1, maxLength: 2 }), 8),
      conditions: sometimes(fc.record({ ready: sometimes(fc.boolean(), 6) }), 6), nodeName: sometimes(fc.constantFrom('worker-1', 'n1'), 4) },
    { requiredKeys: ['addresses'] }), { maxLength: 2 }), 8),
    ports: sometimes(fc.array(fc.record({ name: sometimes(fc.constantFrom('http', ''), 6), port: sometimes(port, 6), protocol: sometimes(protocol, 6) }), { maxLength: 2 }), 8),
  }, { requiredKeys: ['apiVersion', 'kind', 'metadata'] });

  const backend = fc.record({ service: sometimes(fc.record({ name: sometimes(dnsName, 8), port: sometimes(fc.oneof(
    fc.record({ number: sometimes(port, 6) }), fc.record({ name: sometimes(fc.constantFrom('http'), 6) })), 6) }), 8) });
  const ingress = fc.record({
    apiVersion: fc.constant('networking.k8s.io/v1'), kind: fc.constant('Ingress'), metadata: meta(true),
    spec: sometimes(fc.record({
      ingressClassName: sometimes(fc.constantFrom('nginx'), 6),
      defaultBackend: sometimes(backend, 4),
      rules: sometimes(fc.array(fc.record({
        host: sometimes(fc.constantFrom('shop.example.com', '*.example.com', 'api.example.com'), 5),
        http: sometimes(fc.record({ paths: sometimes(fc.array(fc.record({
          path: sometimes(fc.constantFrom('/', '/api', '/x/'), 6),
          pathType: sometimes(fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific'), 6),
          backend: sometimes(backend, 8),
        }), { maxLength: 2 }), 8) }), 8),
      }, { requiredKeys: [] }), { maxLength: 2 }), 6),
    }, { requiredKeys: [] }), 8),
  }, { requiredKeys: ['apiVersion', 'kind', 'metadata'] });

  return fc.tuple(
    fc.option(settings, { nil: undefined }),
    fc.array(node, { maxLength: 3 }),
    fc.array(pod, { maxLength: 4 }),
    fc.array(deployment, { maxLength: 2 }),
    fc.array(service, { maxLength: 4 }),
    fc.array(endpointSlice, { maxLength: 1 }),
    fc.array(ingress, { maxLength: 2 }),
    fc.array(workload, { maxLength: 3 }),
    fc.array(keptObject, { maxLength: 2 }),
  ).map(([s, nodes, pods, deployments, services, slices, ingresses, workloads, kept]) => [
    ...(s ? [{ apiVersion: 'explainer.dev/v1alpha1', kind: 'ClusterSettings', metadata: { name: 'cluster' }, spec: s }] : []),
    ...nodes, ...pods, ...deployments, ...services, ...slices, ...ingresses, ...workloads, ...kept,
  ]) as fc.Arbitrary<unknown[]>;
}

export const manifestObjects = manifestArbitrary(true);
export const cleanManifestObjects = manifestArbitrary(false);

/** Objects as YAML documents, a JSON list, or one List object. */
const serialise = (objects: unknown[], how: 'yaml' | 'json' | 'list'): string => {
  if (how === 'json') return JSON.stringify(objects);
  if (how === 'list') return stringify({ apiVersion: 'v1', kind: 'List', items: objects });
  return objects.map((o) => stringify(o)).join('---\n');
};

const whole = fc.tuple(fc.oneof(manifestObjects, cleanManifestObjects), fc.constantFrom('yaml', 'json', 'list') as fc.Arbitrary<'yaml' | 'json' | 'list'>)
  .map(([objects, how]) => serialise(objects, how));

// ---------------------------------------------------------------------------------------------
// Mutations of the real scenarios.

// In file-name order, the order they were drawn in before: a seed still replays the same inputs.
const SCENARIOS: string[] = await Promise.all([...CATALOG].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => s.load()));

const scenarioObjects = (text: string): unknown[] => parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : [d.toJS() as unknown]));

/** Every path to a value inside `value` (objects and arrays), breadth first, at most `limit`. */
function paths(value: unknown, limit = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { v: unknown; p: (string | number)[] }[] = [{ v: value, p: [] }];
  while (queue.length && out.length < limit) {
    const { v, p } = queue.shift()!;
    if (p.length) out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => queue.push({ v: x, p: [...p, i] }));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) queue.push({ v: x, p: [...p, k] });
  }
  return out;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const k of path) v = (v as Json)?.[k as string];
  return v;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Json | unknown[];
  if (parent && typeof parent === 'object') Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = { kind: 'set'; pick: number; value: unknown } | { kind: 'delete'; pick: number } | { kind: 'duplicate'; pick: number }
  | { kind: 'key'; pick: number; key: string; value: unknown } | { kind: 'nest'; pick: number; depth: number } | { kind: 'clone-object'; pick: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: junk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('key' as const), pick: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'), value: junk }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nest' as const), pick: fc.nat(), depth: fc.constantFrom(50, 500, 5000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clone-object' as const), pick: fc.nat(), times: fc.constantFrom(2, 20, 120) }) },
);

/**
 * Deep nesting is spliced in as text after serialising (JSON flow syntax, which YAML reads too):
 * building it as a value would overflow the serialiser's own stack before the model sees it.
 */
const nestMarker = (depth: number): string => `__NEST_${depth}__`;
function nestedText(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a": ';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"x"${close}`;
}
const spliceNesting = (text: string): string => text.replace(/"?__NEST_(\d+)__"?/g, (_, d: string) => nestedText(Number(d)));

function mutate(objects: unknown[], m: Mutation): unknown[] {
  const all = paths(objects);
  const at = all[m.pick % Math.max(all.length, 1)] ?? [0];
  switch (m.kind) {
    case 'set': setAt(objects, at, m.value); break;
    case 'delete': {
      const parent = getAt(objects, at.slice(0, -1));
      if (Array.isArray(parent)) parent.splice(Number(at[at.length - 1]), 1);
      else if (parent && typeof parent === 'object') delete (parent as Json)[at[at.length - 1] as string];
      break;
    }
    case 'duplicate': {
      const parent = getAt(objects, at.slice(0, -1));
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(at[at.length - 1])]));
      break;
    }
    case 'key': {
      const target = getAt(objects, at);
      if (target && typeof target === 'object' && !Array.isArray(target)) setAt(objects, [...at, m.key], m.value);
      break;
    }
    case 'nest': setAt(objects, at, nestMarker(m.depth)); break;
    case 'clone-object': {
      const obj = objects[m.pick % objects.length];
      for (let i = 0; i < m.times; i++) {
        const copy = structuredClone(obj) as Json;
        if (copy && typeof copy === 'object' && copy.metadata && typeof copy.metadata === 'object') (copy.metadata as Json).name = `copy-${i}`;
        objects.push(copy);
      }
      break;
    }
  }
  return objects;
}

const scenarioMutation = fc.tuple(fc.nat({ max: SCENARIOS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom('yaml', 'json') as fc.Arbitrary<'yaml' | 'json'>)
  .map(([i, ms, how]) => {
    let objects = scenarioObjects(SCENARIOS[i]!);
    for (const m of ms) objects = mutate(objects, m);
    return spliceNesting(serialise(objects, how));
  });

// ---------------------------------------------------------------------------------------------
// Hostile text.

const aliasBomb = (levels: number): string => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n${lines.map((l) => `  ${l}`).join('\n').replace(/^ {2}/, 'spec:\n  ')}\n`;
};

const nodePortFlood = (services: number, range: string): string => [
  `apiVersion: explainer.dev/v1alpha1\nkind: ClusterSettings\nmetadata:\n  name: cluster\nspec:\n  nodePortRange: "${range}"\n`,
  ...Array.from({ length: services }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n`),
].join('---\n');

const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(4, 6, 9).map(aliasBomb),
  fc.constant('apiVersion: v1\nkind: Service\nmetadata:\n  name: *early\n  labels: &early {a: b}\nspec:\n  ports: [{port: 80}]\n'),
  fc.constant('a: *nowhere\n'),
  fc.constantFrom(1000, 20000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.constantFrom(1000, 20000).map((n) => `apiVersion: v1\nkind: Ingress\nmetadata: {name: deep}\nspec: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
  fc.constantFrom(1000, 20000).map((n) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: deep}\nspec:\n  rules: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  fc.constantFrom(2 ** 20, 3 * 2 ** 20).map((n) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${'a'.repeat(n)}\n`),
  fc.constantFrom(2 ** 20).map((n) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: "${'é'.repeat(n)}"\nspec:\n  containers: [{name: c}]\n`),
  fc.constantFrom('200000', '2000000', '1e9', '1e308', '-5', '2.5', '.inf', '.nan', '"3"', '[]', '2147483648').map((r) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${r}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n`),
  fc.tuple(fc.constantFrom(300, 3000), fc.constantFrom('30000-32767', '30000-30999', '30000-30001', '0-0')).map(([n, r]) => nodePortFlood(n, r)),
  fc.constant('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","__proto__":{"polluted":true},"labels":{"constructor":"x"}},"spec":{"containers":[{"name":"c"}]}}'),
  fc.constant('apiVersion: v1\nkind: Node\nmetadata:\n  name: {a: b}\n  labels: {app: {x: y}}\n'),
  fc.constant('apiVersion: v1\nkind: Service\nmetadata:\n  name: [web]\nspec:\n  ports: true\n'),
  fc.constant('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules:\n    host: 42\n'),
  fc.constant('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules:\n    - host: 42\n      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}\n'),
  fc.constant('--- !!binary aGVsbG8=\n---\n? [a, b]\n: c\n---\n!!js/function "() => 1"\n'),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** One fuzz input: manifest text. */
export const fuzzInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: whole },
  { weight: 4, arbitrary: scenarioMutation },
  { weight: 1, arbitrary: hostile },
);
