/**
 * A fluent builder for test clusters, in the spirit of tldraw's TestEditor:
 *   cluster().node('n1').pod('web-1', { app: 'web' }).service('web', { type: 'NodePort' }).build()
 * It writes manifest objects and runs them through clusterFromObjects, so tests exercise the same
 * defaulting and allocation as real input. `build()` throws on manifest errors: a test that
 * builds an invalid cluster by accident should fail loudly; use `result()` to inspect errors.
 */
import type { Cluster, Labels } from '../cluster';
import { clusterFromObjects, type ManifestResult } from '../manifests/fromObjects';

type Json = Record<string, unknown>;

export interface PodOptions {
  node?: string;
  ready?: boolean;
  phase?: string;
  podIP?: string;
  namespace?: string;
  /** Container ports; default one TCP port 8080 named "http". */
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  hostname?: string;
  subdomain?: string;
  terminating?: boolean;
}

export interface NodeOptions {
  ready?: boolean;
  unschedulable?: boolean;
  internalIP?: string;
  podCIDR?: string;
}

export class ClusterBuilder {
  private readonly objects: Json[] = [];
  private settings: Json = {};

  /** ClusterSettings.spec fields (provider, CIDRs, clients…). */
  withSettings(spec: Json): this {
    this.settings = { ...this.settings, ...spec };
    return this;
  }

  node(name: string, options: NodeOptions = {}): this {
    const status: Json = {};
    if (options.ready === false) status.conditions = [{ type: 'Ready', status: 'False' }];
    if (options.internalIP) status.addresses = [{ type: 'InternalIP', address: options.internalIP }];
    const spec: Json = {};
    if (options.unschedulable) spec.unschedulable = true;
    if (options.podCIDR) spec.podCIDR = options.podCIDR;
    this.objects.push({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec, status });
    return this;
  }

  pod(name: string, labels: Labels = {}, options: PodOptions = {}): this {
    const ports = (options.ports ?? [{ name: 'http', containerPort: 8080 }]).map((p) => ({ protocol: 'TCP', ...p }));
    const spec: Json = { containers: [{ name: 'app', image: 'nginx:1.27', ports }] };
    if (options.node) spec.nodeName = options.node;
    if (options.hostname) spec.hostname = options.hostname;
    if (options.subdomain) spec.subdomain = options.subdomain;
    const status: Json = {};
    if (options.phase) status.phase = options.phase;
    if (options.podIP) status.podIP = options.podIP;
    if (options.ready !== undefined) {
      status.phase ??= 'Running';
      status.conditions = [{ type: 'Ready', status: options.ready ? 'True' : 'False' }];
    }
    const metadata: Json = { name, namespace: options.namespace ?? 'default', labels };
    if (options.terminating) metadata.deletionTimestamp = '2025-06-06T10:29:00Z';
    this.objects.push({ apiVersion: 'v1', kind: 'Pod', metadata, spec, status: Object.keys(status).length ? status : undefined });
    return this;
  }

  /** A Service; `spec` is merged over `{ selector: { app: name }, ports: [80 → "http"] }`. */
  service(name: string, spec: Json = {}, namespace = 'default'): this {
    this.objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec },
    });
    return this;
  }

  /** Any other manifest object (Deployment, EndpointSlice, Ingress…). */
  object(obj: Json): this {
    this.objects.push(obj);
    return this;
  }

  manifests(): Json[] {
    return [{ apiVersion: 'explainer.dev/v1alpha1', kind: 'ClusterSettings', metadata: { name: 'cluster' }, spec: this.settings }, ...this.objects];
  }

  result(): ManifestResult {
    return clusterFromObjects(this.manifests());
  }

  build(): Cluster {
    const { cluster, errors } = this.result();
    if (errors.length) throw new Error(`test cluster has manifest errors:\n${errors.map((e) => e.message).join('\n')}`);
    return cluster;
  }
}

export const cluster = (): ClusterBuilder => new ClusterBuilder();
