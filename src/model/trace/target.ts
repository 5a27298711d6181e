/**
 * From `to.host` to a destination address. IPs are used as they are; `lb:<ns>/<svc>` means that
 * Service's load balancer address (none while `<pending>`); names are looked up with `resolveDns`:
 * from a pod through cluster DNS (its own hops, dnsLookup.ts: the query to the kube-dns Service IP
 * from the pod's resolv.conf, DNATed to a CoreDNS pod, and the answer), from anywhere else through a resolver that knows nothing of the cluster domain.
 * Public DNS is modelled only for Ingress hosts, assumed to point at the Ingress's address, and for
 * the hostname of a load balancer known only by name: resolveDns answers it with the explainer's
 * stand-in address (dns.ts), through cluster DNS's upstream from a pod, and from anywhere else as
 * one `hop.dns.public` hop in place at the client, after which its packet is addressed to that IP.
 * `lb:<ns>/<svc>` of such a balancer is traced through its hostname the same way.
 */
import { LOAD_BALANCER_POOL } from '../addressing';
import type { LoadBalancerIngress } from '../cluster';
import { loadBalancerHostnameAddresses, resolveDns, type DnsAnswer } from '../dns';
import { isIPv4 } from '../ip';
import { parseRequestHost } from '../requestHost';
import { choose } from './choose';
import { nsName } from './context';
import { clusterDnsLookup } from './dnsLookup';
import type { Flow } from './flow';
import { ingressForHost } from './ingressMatch';
import { msg } from './messages';
import type { Trace } from './types';

export type Target = { ip: string } | { external: string } | { trace: Trace };


/** The load balancer address of the Service filed under `key` (`host` as the request wrote it). */
function loadBalancerAddress(flow: Flow, key: string, host: string): Target {
  const service = flow.ctx.serviceByName.get(key);
  if (!service) return { trace: flow.fail('no-route', 'reason.route.unknownHost', { ip: host }) };
  if (service.spec.type !== 'LoadBalancer') {
    return { trace: flow.fail('no-route', 'reason.lb.notLoadBalancer', { service: key, type: service.spec.type }) };
  }
  const ingress = service.status.loadBalancer.ingress ?? [];
  const ip = ingress.find((i) => i.ip)?.ip;
  if (ip) return { ip };
  // A balancer known only by its hostname (AWS ELB) is traced through that name.
  const hostname = ingress.find((i) => i.hostname)?.hostname;
  if (hostname) return resolveName(flow, hostname);
  return { trace: flow.fail('no-route', 'reason.lb.pending', { service: key, provider: flow.ctx.cluster.settings.provider }) };
}

/**
 * The client outside the cluster (or a node's own resolver) asks public DNS for a load balancer's
 * hostname; the explainer answers for it with its stand-in address. One hop in place at the client:
 * the name becomes the address its packet is then sent to.
 */
function publicDnsHop(flow: Flow, answer: DnsAnswer, ip: string): void {
  const name = answer.question.replace(/\.$/, '');
  const service = flow.ctx.serviceByLoadBalancerIP.get(ip);
  flow.packet = { ...flow.packet, dst: { ip, port: flow.request.to.port } };
  flow.hop(flow.source.ref, 'dns', msg('hop.dns.public', {
    name, qtype: answer.qtype, answer: ip, service: service ? nsName(service) : undefined, standIn: true, range: LOAD_BALANCER_POOL,
    ttl: answer.answers[0]?.ttl,
  }), {
    dns: {
      question: answer.question, qtype: answer.qtype, rcode: answer.rcode,
      ...(answer.resolvedName ? { resolvedName: answer.resolvedName } : {}),
      answers: answer.answers.map((r) => ({ type: r.type, value: r.value })),
    },
    ...(flow.source.kind === 'node' && flow.source.nodeName ? { node: flow.source.nodeName } : {}),
  });
}

/**
 * Where public DNS sends an Ingress host: the Ingress's status address, else its controller
 * Service's. A controller balancer known only by hostname (ingress-nginx on AWS) gives the
 * explainer's stand-in address for that hostname (the host would be a CNAME to it).
 */
function ingressAddress(flow: Flow, name: string): string | undefined {
  const ingress = ingressForHost(flow.ctx.cluster.ingresses, name);
  if (!ingress) return undefined;
  const standIns = loadBalancerHostnameAddresses(flow.ctx.cluster);
  const addressOf = (entries: LoadBalancerIngress[] | undefined): string | undefined => {
    const ip = (entries ?? []).find((i) => i.ip)?.ip;
    if (ip) return ip;
    const hostname = (entries ?? []).find((i) => i.hostname)?.hostname;
    return hostname !== undefined ? standIns.get(hostname.toLowerCase().replace(/\.$/, '')) : undefined;
  };
  const own = addressOf(ingress.status.loadBalancer.ingress);
  if (own) return own;
  const controller = flow.ctx.cluster.services.find((s) => s.spec.type === 'LoadBalancer'
    && s.spec.selector?.['app.kubernetes.io/name'] === 'ingress-nginx');
  return addressOf(controller?.status.loadBalancer.ingress);
}

/** The Service a resolved cluster name belongs to ("ns/name"), for headless picks. */
function serviceOfName(flow: Flow, resolvedName: string | undefined): string | undefined {
  if (!resolvedName) return undefined;
  const domain = flow.ctx.cluster.settings.clusterDomain.replace(/\.$/, '');
  const labels = resolvedName.replace(/\.$/, '').slice(0, -(domain.length + 1)).split('.');
  const svcIndex = labels.lastIndexOf('svc');
  if (svcIndex < 2) return undefined;
  const key = `${labels[svcIndex - 1]}/${labels[svcIndex - 2]}`;
  return flow.ctx.serviceByName.has(key) ? key : undefined;
}

export function resolveTarget(flow: Flow): Target {
  const host = flow.request.to.host.trim();
  if (isIPv4(host)) return { ip: host };
  const asked = parseRequestHost(host);
  if (asked.kind === 'loadBalancer') return loadBalancerAddress(flow, asked.service, host);
  return resolveName(flow, host);
}

/** A DNS name to a destination: through cluster DNS from a pod, else through a resolver outside the cluster. */
function resolveName(flow: Flow, host: string): Target {
  const { source, ctx } = flow;
  const inCluster = source.kind === 'pod';
  const answer = resolveDns(ctx.cluster, host, { namespace: source.namespace ?? 'default', inCluster });
  const a = answer.answers.filter((r) => r.type === 'A').map((r) => r.value);
  const cname = answer.answers.find((r) => r.type === 'CNAME')?.value;
  const externalCname = cname !== undefined && a.length === 0 ? cname.replace(/\.$/, '') : undefined;
  if (inCluster) {
    const failed = clusterDnsLookup(flow, answer, cname?.replace(/\.$/, ''));
    if (failed) return { trace: failed };
  }

  if (answer.rcode === 'NXDOMAIN') {
    const domain = ctx.cluster.settings.clusterDomain.replace(/\.$/, '');
    const clusterName = host.replace(/\.$/, '').endsWith(`.${domain}`) || !host.includes('.') || host.includes('.svc');
    if (!inCluster && clusterName) return { trace: flow.fail('nxdomain', 'reason.dns.outsideCluster', { name: host, clusterDomain: domain }) };
    return { trace: flow.fail('nxdomain', 'reason.dns.nxdomain', { name: host, namespace: source.namespace, tried: answer.tried.map((t) => t.name) }) };
  }
  if (a.length > 0) {
    if (answer.standIn && !inCluster) publicDnsHop(flow, answer, a[0]!);
    if (a.length === 1) return { ip: a[0]! };
    // Several A records: a headless Service. The client takes one (CoreDNS's loadbalance shuffles).
    const svc = serviceOfName(flow, answer.resolvedName);
    const pick = svc !== undefined ? flow.options.pick?.[`dns:${svc}`] : undefined;
    const { index } = choose(a, {
      seed: flow.options.seed, salt: `dns|${answer.resolvedName ?? host}`,
      matches: (ip, v) => ip === v || ctx.podByIP.get(ip)?.metadata.name === v,
      ...(pick !== undefined ? { pick } : {}),
    });
    return { ip: a[index]! };
  }
  const externalName = externalCname ?? (answer.external ? host.replace(/\.$/, '') : undefined);
  if (externalName !== undefined) {
    // An ExternalName alias of a hostname-only load balancer of this cluster: that name's stand-in address.
    const standIn = loadBalancerHostnameAddresses(ctx.cluster).get(externalName.toLowerCase());
    if (standIn !== undefined) return { ip: standIn };
    const ingressIP = ingressAddress(flow, externalName);
    if (ingressIP) return { ip: ingressIP };
    if (source.kind === 'pod' || source.kind === 'node') return { external: externalName };
    return { trace: flow.fail('no-route', 'reason.dns.unknownExternal', { name: externalName }) };
  }
  // NOERROR with no address (the name exists, e.g. `svc.cluster.local` or an SRV-only name):
  // getaddrinfo fails with "no address associated with hostname", not "unknown host".
  return { trace: flow.fail('nodata', 'reason.dns.noData', { name: host, resolvedName: answer.resolvedName, qtype: answer.qtype, namespace: source.namespace }) };
}

