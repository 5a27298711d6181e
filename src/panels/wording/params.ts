/**
 * Small helpers every wording module shares: reading a message's parameters as text, lists and
 * plurals, and the phrases more than one area uses (how a candidate was chosen, how to check a
 * Service's endpoints).
 */
import type { Message } from '../../model/trace/types';

/** Reads a message's parameters by their types (messages.ts MessageParams), never printing "undefined". */
export interface ParamReader {
  /** The parameter as text; `alt` when it is missing or empty. */
  (name: string, alt?: string): string;
  /** True when the parameter is present and not empty (an empty list counts as absent). */
  has(name: string): boolean;
  /** The parameter as a number; undefined when it is missing or not a number. */
  num(name: string): number | undefined;
  /** A yes/no parameter: true only when it is `true`. */
  flag(name: string): boolean;
  /** A list parameter; empty when it is missing. */
  list(name: string): readonly string[];
}

export function reader(params: Message['params']): ParamReader {
  const has = (name: string): boolean => {
    const value = params[name];
    return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  };
  const read = (name: string, alt = '?'): string => (has(name) ? String(params[name]) : alt);
  const num = (name: string): number | undefined => {
    const value = params[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const flag = (name: string): boolean => params[name] === true;
  const list = (name: string): readonly string[] => {
    const value = params[name];
    return Array.isArray(value) ? value : [];
  };
  return Object.assign(read, { has, num, flag, list });
}

/** What a reason says: what happened, and what would fix it. */
export interface ReasonWords {
  summary: string;
  fix?: string;
}

/** "1 endpoint", "3 endpoints". */
export const plural = (n: number | undefined, word: string): string => `${n ?? 'some'} ${word}${n === 1 ? '' : 's'}`;

/** ["a", "b", "c"] → "a, b and c". */
export function listOf(list: readonly string[]): string {
  const items = list.map((s) => s.trim()).filter(Boolean);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A DNS name without its final root dot, for reading inside a sentence. */
export const fqdn = (name: string): string => name.replace(/\.$/, '');

/** A readable rendering of a key the app has no wording for yet (a newer model). */
export function fallbackWording(message: Message): string {
  const params = Object.entries(message.params ?? {}).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  const words = message.key.replace(/[._]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return params ? `${words} (${params})` : words;
}

/** How one of several candidates was chosen (the model's ChoiceMethod). */
export function chosen(v: ParamReader, what: string): string {
  const among = plural(v.num('candidates'), what);
  // Set on kube-proxy's DNAT hop in nftables mode, whose rules choose and remember differently.
  const nft = v('proxyMode', '') === 'nftables';
  switch (v('method', '')) {
    case 'only': return `the only ${what} available`;
    case 'pick': return `chosen for this trace from ${among}`;
    // -m recent state lives in each node's kernel: another node remembers its own choice.
    case 'affinity': return `kept by sessionAffinity: ClientIP: kube-proxy's rules on ${v('node', 'this node')} remember (${nft ? 'in an nftables affinity-… set, which the endpoint chain fills with the client\'s address' : 'iptables -m recent'}) which of ${among} they sent this client IP to and send it there again. Each node keeps its own memory, so connections of one client that a load balancer spreads over several nodes can reach a different pod on each`;
    case 'seed': return `picked at random from ${among}${nft ? ' (numgen random mod, one endpoint chain per value)' : ''}; another connection may land on a different one`;
    default: return `chosen from ${among}`;
  }
}

/** "web" and "default" out of "default/web", for kubectl commands. */
export function nameAndNamespace(service: string): { name: string; ns: string } {
  const slash = service.indexOf('/');
  return slash < 0 ? { name: service, ns: 'default' } : { name: service.slice(slash + 1), ns: service.slice(0, slash) };
}

/** How to see the endpoints a Service really has. */
export function endpointsFix(v: ParamReader): string {
  const { name, ns } = nameAndNamespace(v('service', '<service>'));
  return `Check that the Service's selector matches the pods' labels and that those pods are Running and Ready: `
    + `kubectl get endpointslices -n ${ns} -l kubernetes.io/service-name=${name} lists the endpoints it really has.`;
}

/**
 * The delivery hop's note when the pod declares no container port (portAssumed): Kubernetes does not
 * require containerPort, so the explainer cannot see what the app binds and takes it to listen here.
 */
export function portAssumedNote(v: ParamReader): string {
  if (!v.flag('portAssumed')) return '';
  const port = v.has('assumedPort') ? v('assumedPort') : 'this port';
  return ` The pod declares no container ports (Kubernetes does not require containerPort, and a numeric targetPort reaches the pod whatever is declared), so the explainer assumes the app listens on ${port}: it cannot see what the process really binds.`;
}
