/**
 * The scenario catalog: ready-made clusters, one per Service type and per common confusion, each
 * with a one-line purpose, the question it answers and a suggested request.
 *
 * Each scenario is a multi-document manifest file beside this module (`<id>.yaml`), read by the
 * model's own `parseManifests`, so the files double as test fixtures. The model loads each from
 * `manifests/<id>.ts`, the file's text as a plain TS string that scripts/scenario-texts.mjs writes
 * (manifests.test.ts holds the two equal), by a dynamic `import()`: no bundler feature, one lazy
 * chunk per scenario, and importing this catalog costs the first screen a few hundred bytes of
 * titles, never the YAML parser (in `loadScenario.ts`) or the manifests.
 *
 * All user-facing text of the catalog is here, in one place, for later translation.
 */
import type { TraceRequest } from '../trace/types';

export interface ScenarioEntry {
  /** Stable id (URLs, the embed API and tests use it). */
  id: string;
  title: string;
  /** One line: what the scenario shows. */
  purpose: string;
  /** The confusion it answers, in the asker's words. */
  question?: string;
  /**
   * The request to step first. `to` keeps the key order of the request picker's options (host,
   * port, protocol, path, httpHost) so the picker recognises it. `lb:<ns>/<svc>` stands for that
   * Service's load balancer; `loadScenario` swaps in its address when the cloud gave it one.
   */
  request: TraceRequest;
  /** The manifest text (multi-document YAML), loaded on demand. */
  load: () => Promise<string>;
}

const text = (m: { default: string }): string => m.default;

export const SCENARIOS: readonly ScenarioEntry[] = [
  {
    id: 'clusterip',
    title: 'ClusterIP between two apps',
    purpose: 'A frontend pod calls the api Service by name; the DNAT to an api pod happens on the sender’s own node.',
    question: 'Where does a ClusterIP live, and why is the client drawn inside the node in the docs?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'frontend-6b8d9c7f45-qx4tz' }, to: { host: 'api', port: 80, protocol: 'TCP' } },
    load: () => import('./manifests/clusterip').then(text),
  },
  {
    id: 'nodeport',
    title: 'NodePort on three nodes',
    purpose: 'A laptop on the LAN reaches port 30080 on worker-3, a node with no web pod, and is still served.',
    question: 'Is NodeIP:NodePort the same as ClusterIP:NodePort?',
    request: { from: { kind: 'client', name: 'laptop' }, to: { host: '10.0.1.12', port: 30080, protocol: 'TCP' } },
    load: () => import('./manifests/nodeport').then(text),
  },
  {
    id: 'loadbalancer-cloud',
    title: 'LoadBalancer on a cloud',
    purpose: 'The starting cluster: an internet client goes through the cloud load balancer to a nodePort, then to a pod.',
    question: 'What does the cloud load balancer actually send traffic to?',
    request: { from: { kind: 'client', name: 'client' }, to: { host: 'lb:default/web', port: 80, protocol: 'TCP' } },
    load: () => import('./manifests/loadbalancer-cloud').then(text),
  },
  {
    id: 'loadbalancer-bare-metal',
    title: 'LoadBalancer on bare metal',
    purpose: 'With no cloud controller the external IP stays <pending>; the nodePort underneath still answers.',
    question: 'Why is my LoadBalancer’s EXTERNAL-IP stuck at <pending>?',
    request: { from: { kind: 'client', name: 'laptop' }, to: { host: 'lb:default/web', port: 80, protocol: 'TCP' } },
    load: () => import('./manifests/loadbalancer-bare-metal').then(text),
  },
  {
    id: 'externalname',
    title: 'ExternalName to an outside database',
    purpose: 'orders-db is only a DNS alias: cluster DNS answers a CNAME and the pod connects to the database itself.',
    question: 'Does an ExternalName Service proxy my traffic?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'orders-58d6c9b7f4-j6r2d' }, to: { host: 'orders-db', port: 5432, protocol: 'TCP' } },
    load: () => import('./manifests/externalname').then(text),
  },
  {
    id: 'headless',
    title: 'Headless Service for a StatefulSet',
    purpose: 'clusterIP: None gives no virtual IP; DNS names each pod (db-0.db) and the client dials it directly.',
    question: 'How do I reach one particular replica instead of any of them?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'backup' }, to: { host: 'db-0.db', port: 5432, protocol: 'TCP' } },
    load: () => import('./manifests/headless').then(text),
  },
  {
    id: 'ingress',
    title: 'Ingress: two hosts, two Services',
    purpose: 'One load balancer in front of ingress-nginx, which picks the shop or blog Service by the Host header.',
    question: 'Do I need a LoadBalancer for every Service I expose?',
    request: { from: { kind: 'client', name: 'browser' }, to: { host: 'blog.example.com', port: 80, protocol: 'TCP', path: '/', httpHost: 'blog.example.com' } },
    load: () => import('./manifests/ingress').then(text),
  },
  {
    id: 'traffic-policy',
    title: 'externalTrafficPolicy: Local vs Cluster',
    purpose: 'Same pods, two NodePorts: on worker-3 (no web pod) Cluster (30080) forwards to another node, Local (30081) drops.',
    question: 'What changes when I set externalTrafficPolicy: Local?',
    request: { from: { kind: 'client', name: 'laptop' }, to: { host: '10.0.1.12', port: 30081, protocol: 'TCP' } },
    load: () => import('./manifests/traffic-policy').then(text),
  },
  {
    id: 'external-ips',
    title: 'internalTrafficPolicy: Local and externalIPs',
    purpose: 'node-cache keeps pod traffic on the sender’s node, so worker-3 (no cache pod) drops; status answers on an externalIP.',
    question: 'Why can some pods reach my Service and others not?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'reporter-w3' }, to: { host: 'node-cache', port: 6379, protocol: 'TCP' } },
    load: () => import('./manifests/external-ips').then(text),
  },
  {
    id: 'no-endpoints',
    title: 'Why does my Service have no endpoints?',
    purpose: 'The payments Service selects app: payment, the pods say app: payments, so kube-proxy rejects the call.',
    question: 'My Service exists and has a ClusterIP, so why is nothing behind it?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'checkout' }, to: { host: 'payments', port: 80, protocol: 'TCP' } },
    load: () => import('./manifests/no-endpoints').then(text),
  },
  {
    id: 'connection-refused',
    title: '“Connection refused” from a Service',
    purpose: 'The Service forwards to targetPort 80, but the container listens on 8080: the pod refuses.',
    question: 'The Service has endpoints, so why is the connection refused?',
    request: { from: { kind: 'pod', namespace: 'default', name: 'client' }, to: { host: 'web', port: 80, protocol: 'TCP' } },
    load: () => import('./manifests/connection-refused').then(text),
  },
];

/** The id of the scenario the app opens on (`defaultScenario()`, the same cluster as its file). */
export const DEFAULT_SCENARIO_ID = 'loadbalancer-cloud';

export function scenarioById(id: string): ScenarioEntry | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
