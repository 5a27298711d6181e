/**
 * The API server's first gate: decoding the JSON into Go structs. A value of the wrong JSON type
 * (a mapping where a name belongs, a string where a port number belongs, 2.5 replicas) never
 * reaches validation; the request fails with encoding/json's UnmarshalTypeError, e.g.
 * `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number
 * 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32`.
 * The schema below covers every field the model reads. The walk is driven by the schema, so its
 * depth is the schema's, whatever the input's nesting.
 */
import { isRecord } from './coerce';

type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'stringMap';
interface ObjectSchema { struct: string; fields: Record<string, Schema> }
interface ListSchema { list: Schema; goType: string }
type Schema = Scalar | ObjectSchema | ListSchema;

const obj = (struct: string, fields: Record<string, Schema>): ObjectSchema => ({ struct, fields });
const list = (goType: string, item: Schema): ListSchema => ({ list: item, goType });

const ownerReferences = list('[]v1.OwnerReference', obj('OwnerReference', { apiVersion: 'string', kind: 'string', name: 'string', uid: 'string', controller: 'bool', blockOwnerDeletion: 'bool' }));
const objectMeta = obj('ObjectMeta', { name: 'string', namespace: 'string', labels: 'stringMap', annotations: 'stringMap', creationTimestamp: 'string', ownerReferences });
const requirements = (goType: string) => list(goType, obj('NodeSelectorRequirement', { key: 'string', operator: 'string', values: list('[]string', 'string') }));
/** The pod spec fields that place a pod, shared by Pod and every pod template. */
const placement = {
  nodeSelector: 'stringMap',
  tolerations: list('[]v1.Toleration', obj('Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' })),
  affinity: obj('Affinity', {
    nodeAffinity: obj('NodeAffinity', {
      requiredDuringSchedulingIgnoredDuringExecution: obj('NodeSelector', {
        nodeSelectorTerms: list('[]v1.NodeSelectorTerm', obj('NodeSelectorTerm', { matchExpressions: requirements('[]v1.NodeSelectorRequirement'), matchFields: requirements('[]v1.NodeSelectorRequirement') })),
      }),
    }),
  }),
} satisfies Record<string, Schema>;
const containers = list('[]v1.Container', obj('Container', {
  name: 'string', image: 'string',
  ports: list('[]v1.ContainerPort', obj('ContainerPort', { name: 'string', containerPort: 'int32', protocol: 'string' })),
}));
const podTemplate = obj('PodTemplateSpec', { metadata: objectMeta, spec: obj('PodSpec', { containers, nodeName: 'string', hostname: 'string', subdomain: 'string', hostNetwork: 'bool', restartPolicy: 'string', ...placement }) });
const jobSpec = obj('JobSpec', {
  parallelism: 'int32', completions: 'int32', suspend: 'bool', manualSelector: 'bool', completionMode: 'string',
  selector: obj('LabelSelector', { matchLabels: 'stringMap' }), template: podTemplate,
});
const conditions = (struct: string) => list(`[]v1.${struct}`, obj(struct, { type: 'string', status: 'string' }));
const backend = obj('IngressBackend', { service: obj('IngressServiceBackend', { name: 'string', port: obj('ServiceBackendPort', { name: 'string', number: 'int32' }) }) });

/** Per kind: the top-level struct name and its fields. */
const SCHEMAS: Record<string, { goType: string; fields: Record<string, Schema> }> = {
  Node: { goType: 'Node', fields: {
    metadata: objectMeta,
    spec: obj('NodeSpec', { podCIDR: 'string', podCIDRs: list('[]string', 'string'), unschedulable: 'bool', taints: list('[]v1.Taint', obj('Taint', { key: 'string', value: 'string', effect: 'string' })) }),
    status: obj('NodeStatus', { addresses: list('[]v1.NodeAddress', obj('NodeAddress', { type: 'string', address: 'string' })), conditions: conditions('NodeCondition') }),
  } },
  Pod: { goType: 'Pod', fields: {
    metadata: objectMeta,
    spec: obj('PodSpec', { nodeName: 'string', hostname: 'string', subdomain: 'string', hostNetwork: 'bool', containers, ...placement }),
    status: obj('PodStatus', { phase: 'string', podIP: 'string', podIPs: list('[]v1.PodIP', obj('PodIP', { ip: 'string' })), conditions: conditions('PodCondition') }),
  } },
  Deployment: { goType: 'Deployment', fields: {
    metadata: objectMeta,
    spec: obj('DeploymentSpec', {
      replicas: 'int32',
      selector: obj('LabelSelector', { matchLabels: 'stringMap' }),
      template: podTemplate,
    }),
  } },
  ReplicaSet: { goType: 'ReplicaSet', fields: {
    metadata: objectMeta,
    spec: obj('ReplicaSetSpec', { replicas: 'int32', selector: obj('LabelSelector', { matchLabels: 'stringMap' }), template: podTemplate }),
  } },
  StatefulSet: { goType: 'StatefulSet', fields: {
    metadata: objectMeta,
    spec: obj('StatefulSetSpec', {
      replicas: 'int32', serviceName: 'string', podManagementPolicy: 'string', ordinals: obj('StatefulSetOrdinals', { start: 'int32' }),
      selector: obj('LabelSelector', { matchLabels: 'stringMap' }), template: podTemplate,
    }),
  } },
  DaemonSet: { goType: 'DaemonSet', fields: {
    metadata: objectMeta,
    spec: obj('DaemonSetSpec', { selector: obj('LabelSelector', { matchLabels: 'stringMap' }), template: podTemplate }),
  } },
  Job: { goType: 'Job', fields: { metadata: objectMeta, spec: jobSpec } },
  CronJob: { goType: 'CronJob', fields: {
    metadata: objectMeta,
    spec: obj('CronJobSpec', { schedule: 'string', timeZone: 'string', suspend: 'bool', jobTemplate: obj('JobTemplateSpec', { metadata: objectMeta, spec: jobSpec }) }),
  } },
  Service: { goType: 'Service', fields: {
    metadata: objectMeta,
    spec: obj('ServiceSpec', {
      type: 'string', selector: 'stringMap', clusterIP: 'string', externalName: 'string', sessionAffinity: 'string',
      ports: list('[]v1.ServicePort', obj('ServicePort', { name: 'string', protocol: 'string', port: 'int32', nodePort: 'int32', appProtocol: 'string' })),
      sessionAffinityConfig: obj('SessionAffinityConfig', { clientIP: obj('ClientIPConfig', { timeoutSeconds: 'int32' }) }),
      healthCheckNodePort: 'int32', publishNotReadyAddresses: 'bool', allocateLoadBalancerNodePorts: 'bool',
    }),
  } },
  EndpointSlice: { goType: 'EndpointSlice', fields: {
    metadata: objectMeta, addressType: 'string',
    endpoints: list('[]v1.Endpoint', obj('Endpoint', {
      addresses: list('[]string', 'string'), nodeName: 'string', hostname: 'string',
      conditions: obj('EndpointConditions', { ready: 'bool', serving: 'bool', terminating: 'bool' }),
    })),
    ports: list('[]v1.EndpointPort', obj('EndpointPort', { name: 'string', port: 'int32', protocol: 'string', appProtocol: 'string' })),
  } },
  Ingress: { goType: 'Ingress', fields: {
    metadata: objectMeta,
    spec: obj('IngressSpec', {
      ingressClassName: 'string', defaultBackend: backend,
      rules: list('[]v1.IngressRule', obj('IngressRule', {
        host: 'string',
        http: obj('HTTPIngressRuleValue', { paths: list('[]v1.HTTPIngressPath', obj('HTTPIngressPath', { path: 'string', pathType: 'string', backend })) }),
      })),
      tls: list('[]v1.IngressTLS', obj('IngressTLS', { hosts: list('[]string', 'string'), secretName: 'string' })),
    }),
  } },
  ClusterSettings: { goType: 'ClusterSettings', fields: {
    metadata: objectMeta,
    spec: obj('ClusterSettingsSpec', {
      provider: 'string', serviceCIDR: 'string', podCIDR: 'string', nodeSubnet: 'string', nodesPublic: 'bool',
      nodePortRange: 'string', clusterDomain: 'string', dnsServiceIP: 'string', loadBalancerTargets: 'string',
      kubeProxyMode: 'string',
      masqueradeOutgoing: 'bool', nonMasqueradeCIDRs: list('[]string', 'string'),
      clients: list('[]Client', obj('Client', { name: 'string', location: 'string', ip: 'string' })),
    }),
  } },
};

const jsonType = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v);
const goTypeOf = (s: Schema): string => (typeof s === 'string'
  ? { string: 'string', int32: 'int32', int64: 'int64', bool: 'bool', stringMap: 'map[string]string' }[s]
  : 'list' in s ? s.goType : `v1.${s.struct}`);

/** A decode failure: the field it names (API spelling, with indices) and kubectl's message. */
export interface DecodeError { field: string; message: string }

/** The first field whose JSON type the Go struct cannot take, or undefined. Null is always fine (Go leaves the zero value). */
export function decodeError(kind: string, value: Record<string, unknown>): DecodeError | undefined {
  const top = SCHEMAS[kind];
  if (!top) return undefined;
  // Work list instead of recursion; each entry: value, schema, API path, Go path, owning struct.
  const work: { v: unknown; s: Schema; path: string; goPath: string; struct: string }[] = [];
  for (const [k, s] of Object.entries(top.fields)) work.push({ v: value[k], s, path: k, goPath: k, struct: top.goType });
  for (let next = 0; next < work.length; next++) {
    const { v, s, path, goPath, struct } = work[next]!;
    if (v === null || v === undefined) continue;
    const fail = (shown: string): DecodeError => ({
      field: path,
      message: `${kind} in version "${kind === 'ClusterSettings' ? 'v1alpha1' : 'v1'}" cannot be handled as a ${kind}: json: cannot unmarshal ${shown} into Go struct field ${struct}.${goPath} of type ${goTypeOf(s)}`,
    });
    if (s === 'string') { if (typeof v !== 'string') return fail(jsonType(v)); continue; }
    if (s === 'bool') { if (typeof v !== 'boolean') return fail(jsonType(v)); continue; }
    if (s === 'int32' || s === 'int64') {
      if (typeof v !== 'number') return fail(jsonType(v));
      const bits = s === 'int32' ? 31 : 63;
      if (!Number.isInteger(v) || v < -(2 ** bits) || v >= 2 ** bits) return fail(`number ${String(v)}`);
      continue;
    }
    if (s === 'stringMap') {
      if (!isRecord(v)) return fail(jsonType(v));
      for (const [k, x] of Object.entries(v)) {
        if (x !== null && typeof x !== 'string') return { ...fail(jsonType(x)), field: `${path}[${k}]`, message: fail(jsonType(x)).message.replace(/of type map\[string\]string$/, 'of type string') };
      }
      continue;
    }
    if ('list' in s) {
      if (!Array.isArray(v)) return fail(jsonType(v));
      v.forEach((item, i) => work.push({ v: item, s: s.list, path: `${path}[${i}]`, goPath, struct }));
      continue;
    }
    if (!isRecord(v)) return fail(jsonType(v));
    for (const [k, child] of Object.entries(s.fields)) work.push({ v: v[k], s: child, path: `${path}.${k}`, goPath: `${goPath}.${k}`, struct: s.struct });
  }
  return undefined;
}
