/**
 * `kubectl get …` and `kubectl describe service|pod|node …` over the model (kubectl v1.37), with
 * kubectl's flags for namespaces and output (-n/--namespace, -A/--all-namespaces, -o wide|name)
 * and its error texts; output formats the explainer does not print are refused in plain words.
 */
import type { Cluster, Node, Pod, Service } from '../cluster';
import { describeService } from './describe';
import { nodeDescription, podDescription, renderPartial } from './describeWorkload';
import { daemonSetDescription, replicaSetDescription, statefulSetDescription } from './describeControllers';
import {
  allEndpoints, allSlices, endpointSlicePrinter, endpointsPrinter, ingressPrinter, nodePrinter, podPrinter, servicePrinter, type Printer,
} from './printers';
import { message, renderKubectl, type KubectlBlock, type KubectlKind, type KubectlRow, type KubectlRef } from './output';
import {
  cronJobPrinter, cronJobRows, daemonSetPrinter, daemonSetRows, deploymentPrinter, deploymentRows, jobPrinter, jobRows,
  replicaSetPrinter, replicaSetRows, statefulSetPrinter, statefulSetRows, type WorkloadRow,
} from './workloadPrinters';

interface Resource {
  /** What its rows and documents point at. */
  kind: KubectlKind;
  /** The plural name kubectl uses in messages ("services"). */
  plural: string;
  /** The prefix of names when several types are listed ("service/web"). */
  singular: string;
  namespaced: boolean;
  printer: Printer<never>;
  items(cluster: Cluster): { name: string; namespace?: string; obj: unknown }[];
}

const RESOURCES: Record<string, Resource> = {
  services: { kind: 'Service', plural: 'services', singular: 'service', namespaced: true, printer: servicePrinter as Printer<never>, items: (c) => c.services.map((o) => ({ name: o.metadata.name, namespace: o.metadata.namespace, obj: o })) },
  pods: { kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, printer: podPrinter as Printer<never>, items: (c) => c.pods.map((o) => ({ name: o.metadata.name, namespace: o.metadata.namespace, obj: o })) },
  nodes: { kind: 'Node', plural: 'nodes', singular: 'node', namespaced: false, printer: nodePrinter as Printer<never>, items: (c) => c.nodes.map((o) => ({ name: o.metadata.name, obj: o })) },
  endpointslices: { kind: 'EndpointSlice', plural: 'endpointslices.discovery.k8s.io', singular: 'endpointslice.discovery.k8s.io', namespaced: true, printer: endpointSlicePrinter as Printer<never>, items: (c) => allSlices(c).map((r) => ({ name: r.slice.metadata.name, namespace: r.slice.metadata.namespace, obj: r })) },
  endpoints: { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', namespaced: true, printer: endpointsPrinter as Printer<never>, items: (c) => allEndpoints(c).map((r) => ({ name: r.service.metadata.name, namespace: r.service.metadata.namespace, obj: r })) },
  ingresses: { kind: 'Ingress', plural: 'ingresses.networking.k8s.io', singular: 'ingress.networking.k8s.io', namespaced: true, printer: ingressPrinter as Printer<never>, items: (c) => c.ingresses.map((o) => ({ name: o.metadata.name, namespace: o.metadata.namespace, obj: o })) },
  deployments: workloadResource('Deployment', 'deployments.apps', 'deployment.apps', deploymentPrinter, deploymentRows),
  replicasets: workloadResource('ReplicaSet', 'replicasets.apps', 'replicaset.apps', replicaSetPrinter, replicaSetRows),
  statefulsets: workloadResource('StatefulSet', 'statefulsets.apps', 'statefulset.apps', statefulSetPrinter, statefulSetRows),
  daemonsets: workloadResource('DaemonSet', 'daemonsets.apps', 'daemonset.apps', daemonSetPrinter, daemonSetRows),
  jobs: workloadResource('Job', 'jobs.batch', 'job.batch', jobPrinter, jobRows),
  cronjobs: workloadResource('CronJob', 'cronjobs.batch', 'cronjob.batch', cronJobPrinter, cronJobRows),
};

function workloadResource(kind: WorkloadRow['kind'], plural: string, singular: string, printer: Printer<WorkloadRow>, rows: (c: Cluster) => WorkloadRow[]): Resource {
  return { kind, plural, singular, namespaced: true, printer: printer as Printer<never>, items: (c) => rows(c).map((r) => ({ name: r.name, namespace: r.namespace, obj: r })) };
}

/**
 * The `all` category as the API server's discovery lists it (each group's resources in name order),
 * for the kinds the model holds: core pods and services, apps, then batch.
 * (replicationcontrollers and horizontalpodautoscalers are in the category too; the model has none.)
 */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs'] as const;

/** Names and short names kubectl accepts (from `kubectl api-resources`). */
const ALIASES: Record<string, keyof typeof RESOURCES> = {
  svc: 'services', service: 'services', services: 'services',
  po: 'pods', pod: 'pods', pods: 'pods',
  no: 'nodes', node: 'nodes', nodes: 'nodes',
  endpointslice: 'endpointslices', endpointslices: 'endpointslices', 'endpointslices.discovery.k8s.io': 'endpointslices',
  ep: 'endpoints', endpoints: 'endpoints',
  ing: 'ingresses', ingress: 'ingresses', ingresses: 'ingresses', 'ingresses.networking.k8s.io': 'ingresses',
  deploy: 'deployments', deployment: 'deployments', deployments: 'deployments', 'deployments.apps': 'deployments',
  rs: 'replicasets', replicaset: 'replicasets', replicasets: 'replicasets', 'replicasets.apps': 'replicasets',
  sts: 'statefulsets', statefulset: 'statefulsets', statefulsets: 'statefulsets', 'statefulsets.apps': 'statefulsets',
  ds: 'daemonsets', daemonset: 'daemonsets', daemonsets: 'daemonsets', 'daemonsets.apps': 'daemonsets',
  job: 'jobs', jobs: 'jobs', 'jobs.batch': 'jobs',
  cj: 'cronjobs', cronjob: 'cronjobs', cronjobs: 'cronjobs', 'cronjobs.batch': 'cronjobs',
};

/** Top-level kubectl commands, for "unknown command" and its suggestions. */
const KUBECTL_COMMANDS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate',
  'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit',
  'events', 'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'patch', 'plugin', 'port-forward', 'proxy',
  'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];

interface Flags {
  namespace: string; allNamespaces: boolean; output?: string;
  /** The word that carried -o, for commands that have no such flag ("-o", "-oyaml", "--output=json"). */
  outputWord?: string;
  args: string[]; error?: string;
}

function parseFlags(words: string[]): Flags {
  const flags: Flags = { namespace: 'default', allNamespaces: false, args: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = (long: string, short?: string): string | undefined => {
      if (w === long || (short && w === short)) return words[++i] ?? '';
      if (w.startsWith(`${long}=`)) return w.slice(long.length + 1);
      if (short && w.startsWith(short) && w.length > short.length && !w.startsWith('--')) return w.slice(short.length).replace(/^=/, '');
      return undefined;
    };
    const ns = value('--namespace', '-n');
    if (ns !== undefined) { flags.namespace = ns; continue; }
    const out = value('--output', '-o');
    if (out !== undefined) { flags.output = out; flags.outputWord ??= w; continue; }
    if (w === '-A' || w === '--all-namespaces') { flags.allNamespaces = true; continue; }
    if (w.startsWith('-')) { flags.error = `error: unknown shorthand flag: '${w.replace(/^-+/, '').charAt(0)}' in ${w}`; if (w.startsWith('--')) flags.error = `error: unknown flag: ${w.split('=')[0]}`; continue; }
    flags.args.push(w);
  }
  return flags;
}

/** Levenshtein distance, for cobra's "Did you mean this?" (suggestions within distance 2). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

function noResources(flags: Flags, namespaced: boolean): KubectlBlock {
  return message('info', flags.allNamespaces || !namespaced ? 'No resources found\n' : `No resources found in ${flags.namespace} namespace.\n`);
}

const isNotice = (blocks: readonly KubectlBlock[]): boolean => blocks.length === 1 && blocks[0]!.type === 'message' && blocks[0]!.level === 'info';

/** Blocks with `separator` between each two parts. */
const joined = (parts: readonly KubectlBlock[][], separator: string): KubectlBlock[] =>
  parts.flatMap((part, i) => (i === 0 ? part : [message('output', separator), ...part]));

const notFound = (resource: Resource, name: string): KubectlBlock => message('error', `Error from server (NotFound): ${resource.plural} "${name}" not found\n`);

function get(cluster: Cluster, flags: Flags): KubectlBlock[] {
  const [type, ...names] = flags.args;
  if (!type) {
    return [message('error', 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n'
      + 'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n'
      + "See 'kubectl get -h' for help and examples\n")];
  }
  // The `all` category expands to its resources in place (kubectl's category expansion), once each.
  const types = [...new Set(type.split(',').filter(Boolean).flatMap((t) => (t.toLowerCase() === 'all' ? [...ALL_CATEGORY] : [t])))];
  for (const t of types) if (!ALIASES[t.toLowerCase()]) return [message('error', `error: the server doesn't have a resource type "${t}"\n`)];
  const refusal = flags.output === undefined ? undefined : outputRefusal(flags.output);
  if (refusal) return [message('error', refusal)];
  if (types.length > 1 || type.toLowerCase() === 'all') {
    // Several types: one table each, names prefixed with the type, blank lines between; empty ones left out.
    const parts = types.map((t) => getOne(cluster, flags, RESOURCES[ALIASES[t.toLowerCase()]!]!, names, true));
    if (flags.output === 'name') return parts.flat();
    const tables = parts.filter((part) => !isNotice(part));
    return tables.length ? joined(tables, '\n') : [noResources(flags, true)];
  }
  const key = ALIASES[types[0]!.toLowerCase()]!;
  // Since v1.33 the API server warns on every read of v1 Endpoints; kubectl prints it first.
  const warning = key === 'endpoints' ? [message('warning', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n')] : [];
  return [...warning, ...getOne(cluster, flags, RESOURCES[key]!, names, false)];
}

/**
 * kubectl get's output formats (get_flags.go AllowedFormats, with kyaml on as KUBECTL_KYAML
 * defaults), sorted as NoCompatiblePrinterError prints them.
 */
const GET_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'kyaml', 'name', 'template', 'templatefile', 'wide', 'yaml'];

/** What this explainer prints itself: the tables (default and -o wide) and -o name. */
const MODELLED_FORMATS = ['', 'wide', 'name'];

/**
 * Why an -o value is not printed, or undefined when it is. A format real kubectl does not know gets
 * kubectl's own error; a real one the explainer does not render (yaml, json, jsonpath=…) says so
 * plainly instead of pretending to be kubectl's output.
 */
function outputRefusal(output: string): string | undefined {
  if (MODELLED_FORMATS.includes(output)) return undefined;
  // The JSON/YAML printers lower-case the format and take yml for yaml; the others match it exactly.
  const format = output.split('=')[0]!;
  const lower = format.toLowerCase();
  if (GET_FORMATS.includes(format) || ['json', 'yaml', 'yml', 'kyaml'].includes(lower)) {
    return `error: this explainer does not print "-o ${output}"; real kubectl would. It prints tables (no -o, or -o wide) and -o name\n`;
  }
  return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${GET_FORMATS.join(',')}\n`;
}

function getOne(cluster: Cluster, flags: Flags, resource: Resource, names: string[], prefixed: boolean): KubectlBlock[] {
  const wide = flags.output === 'wide';
  const allNs = flags.allNamespaces && resource.namespaced;
  let items = resource.items(cluster).filter((it) => !resource.namespaced || allNs || it.namespace === flags.namespace);
  items.sort((a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name));
  const errors: KubectlBlock[] = [];
  if (names.length) {
    const picked = names.flatMap((n) => {
      const found = items.filter((it) => it.name === n);
      if (!found.length) errors.push(notFound(resource, n));
      return found;
    });
    items = picked;
  }
  // -o name: kind[.group]/name per object (NamePrinter); an empty list prints nothing at all.
  if (flags.output === 'name') {
    return [...(items.length ? [message('output', items.map((it) => `${resource.singular}/${it.name}\n`).join(''))] : []), ...errors];
  }
  if (!items.length) return errors.length ? errors : [noResources(flags, resource.namespaced)];
  const columns = [...(allNs ? ['NAMESPACE'] : []), ...resource.printer.headers, ...(wide ? resource.printer.wideHeaders : [])];
  const rows = items.map((it): KubectlRow => ({
    cells: [
      ...(allNs ? [it.namespace ?? ''] : []),
      ...resource.printer.row(it.obj as never, wide).map((cell, i) => (i === 0 && prefixed ? `${resource.singular}/${cell}` : cell)),
      ...(wide ? resource.printer.wideRow(it.obj as never) : []),
    ],
    ref: refOf(resource, it),
  }));
  return [{ type: 'table', columns, rows }, ...errors];
}

function refOf(resource: Resource, item: { name: string; namespace?: string }): KubectlRef {
  return { kind: resource.kind, name: item.name, ...(resource.namespaced && item.namespace !== undefined ? { namespace: item.namespace } : {}) };
}

/** What `describe` can print: one text per object, for the kinds this explainer describes. */
const DESCRIBERS: Partial<Record<keyof typeof RESOURCES, (cluster: Cluster, obj: never) => string>> = {
  services: (cluster, svc: Service) => describeService(cluster, svc),
  pods: (cluster, pod: Pod) => renderPartial(podDescription(cluster, pod)),
  nodes: (_cluster, node: Node) => renderPartial(nodeDescription(node)),
  statefulsets: (_cluster, row: WorkloadRow) => renderPartial(statefulSetDescription(row)),
  daemonsets: (_cluster, row: WorkloadRow) => renderPartial(daemonSetDescription(row)),
  replicasets: (_cluster, row: WorkloadRow) => renderPartial(replicaSetDescription(row)),
};

function describe(cluster: Cluster, flags: Flags): KubectlBlock[] {
  const [type, ...names] = flags.args;
  if (!type) return [message('error', 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n')];
  const key = ALIASES[type.toLowerCase()];
  if (!key) return [message('error', `error: the server doesn't have a resource type "${type}"\n`)];
  const describer = DESCRIBERS[key];
  if (!describer) return [message('error', `error: this explainer describes services, pods, nodes, statefulsets, daemonsets and replicasets only; try "kubectl get ${type}"\n`)];
  const resource = RESOURCES[key]!;
  const inScope = resource.items(cluster)
    .filter((it) => !resource.namespaced || flags.allNamespaces || it.namespace === flags.namespace)
    .sort((a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name));
  const document = (it: (typeof inScope)[number]): KubectlBlock => ({ type: 'document', ref: refOf(resource, it), text: describer(cluster, it.obj as never) });
  if (names.length === 0) {
    if (!inScope.length) return [noResources(flags, resource.namespaced)];
    return joined(inScope.map((it) => [document(it)]), '\n\n');
  }
  return joined(names.map((name) => {
    const found = inScope.find((it) => it.name === name);
    return [found ? document(found) : notFound(resource, name)];
  }), '\n\n');
}

const commandWords = (command: string): string[] => {
  const words = command.trim().split(/\s+/).filter(Boolean);
  if (words[0] === 'kubectl') words.shift();
  return words;
};

/** The namespace a command reads without -A: its last -n/--namespace value, else `default`. */
export function commandNamespace(command: string): string {
  return parseFlags(commandWords(command)).namespace;
}

/**
 * Runs a kubectl command line ("get svc -o wide", "kubectl describe svc web -n prod") against the
 * cluster: what kubectl would print (stdout and stderr together), as blocks (output.ts).
 */
export function runKubectl(cluster: Cluster, command: string): KubectlBlock[] {
  const flags = parseFlags(commandWords(command));
  const verb = flags.args.shift();
  if (!verb) return [message('output', 'kubectl controls the Kubernetes cluster manager.\n\nThis explainer answers: kubectl get (all, and each kind), kubectl describe (services, pods, nodes, statefulsets, daemonsets, replicasets)\n')];
  if (flags.error) return [message('error', `${flags.error}\nSee 'kubectl ${verb} --help' for usage.\n`)];
  if (verb === 'get') return get(cluster, flags);
  if (verb === 'describe') {
    // describe has no -o flag; cobra refuses it as it refuses any unknown flag.
    const w = flags.outputWord;
    if (w) return [message('error', `error: ${w.startsWith('--') ? `unknown flag: ${w.split('=')[0]}` : `unknown shorthand flag: 'o' in ${w}`}\nSee 'kubectl describe --help' for usage.\n`)];
    return describe(cluster, flags);
  }
  if (KUBECTL_COMMANDS.includes(verb)) return [message('error', `error: "kubectl ${verb}" is not modelled by this explainer; it answers get and describe\n`)];
  const suggestions = KUBECTL_COMMANDS.filter((c) => distance(c, verb) <= 2 || c.startsWith(verb));
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
  return [message('error', `error: unknown command "${verb}" for "kubectl"${hint}`)];
}

/** What kubectl would print for a command line, as text (`runKubectl` rendered). */
export function kubectl(cluster: Cluster, command: string): string {
  return renderKubectl(runKubectl(cluster, command));
}
