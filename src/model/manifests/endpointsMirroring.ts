/**
 * Legacy v1 Endpoints → EndpointSlices, as the EndpointSliceMirroring controller
 * (pkg/controller/endpointslicemirroring: endpointslicemirroring_controller.go, reconciler.go,
 * utils.go) writes them for a Service without a selector: one slice per address family and port
 * set (subsets with the same ports share one), named by generateName `<endpoints>-`, labelled with
 * the Endpoints' labels plus `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslicemirroring-controller.k8s.io`, annotations
 * copied but the last-applied one, owned by the Endpoints. Each address becomes an endpoint with
 * `conditions.ready` (true for `addresses`, false for `notReadyAddresses`) and its hostname,
 * nodeName and targetRef. Skipped, as the controller skips them: Endpoints whose Service is absent
 * or has a selector, Endpoints labelled `endpointslice.kubernetes.io/skip-mirror: "true"`, and
 * Services that already have slices (a dump lists the mirrored ones, so a round trip mirrors once).
 * IPv6 addresses would go to IPv6 slices, which the model does not draw; they are left out.
 */
import type { Cluster, KeptObject } from '../cluster';
import { stableSuffix } from '../addressing';
import { isIPv4 } from '../ip';
import { isRecord, type Json } from '../validation/coerce';
import type { Origin } from './issues';
import { stableUid } from './workloads/workload';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

const rec = (v: unknown): Json => (isRecord(v) ? v : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const strMap = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(rec(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** The slices to add, each with the origin of the Endpoints it mirrors (for issues about it). */
export function mirrorEndpoints(kept: readonly KeptObject[], cluster: Cluster, origins: Map<object, Origin>): { slice: Json; origin: Origin }[] {
  const out: { slice: Json; origin: Origin }[] = [];
  const sliced = new Set(cluster.endpointSlices.map((s) => `${s.metadata.namespace}/${s.metadata.labels?.['kubernetes.io/service-name'] ?? ''}`));
  for (const ep of kept) {
    if (ep.kind !== 'Endpoints' || ep.apiVersion !== 'v1') continue;
    const meta = ep.metadata;
    const namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : 'default';
    const labels = strMap(meta.labels);
    if (labels['endpointslice.kubernetes.io/skip-mirror'] === 'true') continue;
    const svc = cluster.services.find((s) => s.metadata.namespace === namespace && s.metadata.name === meta.name);
    if (!svc || (svc.spec.selector && Object.keys(svc.spec.selector).length > 0)) continue;
    if (sliced.has(`${namespace}/${meta.name}`)) continue;
    const annotations = strMap(meta.annotations);
    delete annotations[LAST_APPLIED];
    delete annotations[TRIGGER_TIME];
    const owner = { apiVersion: 'v1', kind: 'Endpoints', name: meta.name, uid: typeof meta.uid === 'string' ? meta.uid : stableUid('Endpoints', { namespace, name: meta.name }), controller: true, blockOwnerDeletion: true };
    // One slice per port set, in subset order.
    const byPorts = new Map<string, { ports: Json[]; endpoints: Json[] }>();
    for (const subset of list(ep.subsets)) {
      const ports: Json[] = list(subset.ports).map((p) => ({
        name: typeof p.name === 'string' ? p.name : '', port: p.port, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
        ...(typeof p.appProtocol === 'string' ? { appProtocol: p.appProtocol } : {}),
      }));
      const key = JSON.stringify(ports);
      const group: { ports: Json[]; endpoints: Json[] } = byPorts.get(key) ?? { ports, endpoints: [] };
      byPorts.set(key, group);
      const add = (addresses: Json[], ready: boolean) => {
        for (const a of addresses) {
          if (typeof a.ip !== 'string' || !isIPv4(a.ip)) continue;
          const endpoint: Json = { addresses: [a.ip], conditions: { ready } };
          if (typeof a.hostname === 'string' && a.hostname) endpoint.hostname = a.hostname;
          if (typeof a.nodeName === 'string' && a.nodeName) endpoint.nodeName = a.nodeName;
          if (isRecord(a.targetRef)) endpoint.targetRef = a.targetRef;
          group.endpoints.push(endpoint);
        }
      };
      add(list(subset.addresses), true);
      add(list(subset.notReadyAddresses), false);
    }
    const origin = origins.get(ep) ?? { document: -1 };
    let i = 0;
    for (const { ports, endpoints } of byPorts.values()) {
      if (endpoints.length === 0) continue;
      out.push({
        origin,
        slice: {
          apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
          metadata: {
            name: `${meta.name}-${stableSuffix(`${namespace}/${meta.name}/mirror/${i++}`)}`, namespace,
            labels: { ...labels, 'kubernetes.io/service-name': meta.name, 'endpointslice.kubernetes.io/managed-by': MIRRORING_CONTROLLER },
            ...(Object.keys(annotations).length ? { annotations } : {}),
            ownerReferences: [owner],
          },
          addressType: 'IPv4', endpoints, ports,
        },
      });
    }
  }
  return out;
}
