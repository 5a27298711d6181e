/**
 * Ingress. The cluster model has no object for an ingress controller, so the explainer models the
 * most common one, ingress-nginx, the way its official manifests deploy it: pods labelled
 * `app.kubernetes.io/name: ingress-nginx` (and, when set, `app.kubernetes.io/component:
 * controller`), exposed by a LoadBalancer or NodePort Service selecting them. A request is an
 * ordinary Service trace up to a controller pod; there nginx terminates the client's connection,
 * matches Host and path against the Ingress rules (ingressMatch.ts) and opens its own connection
 * straight to a ready endpoint of the backend Service — ingress-nginx reads EndpointSlices and
 * balances over pod IPs itself, bypassing the ClusterIP (ingress-nginx docs, annotation
 * `service-upstream`). No rule: the controller's default backend answers 404; a backend with no
 * Service or no ready endpoint: 503. Only the Ingresses of the controller's IngressClass take part
 * (ingressClass.ts); one that would have matched but is ignored is named in the 404.
 * nginx serves HTTP on --http-port and --https-port (80 and 443 by default; the manifests name
 * those container ports http and https): other ports of the pod, such as the admission webhook's
 * 8443, are ordinary deliveries.
 */
import type { Pod } from '../cluster';
import { elementId } from '../elementIds';
import { isIPv4 } from '../ip';
import { parseRequestHost } from '../requestHost';
import { choose, ephemeralPort } from './choose';
import { nsName } from './context';
import { endpointDetails } from './details';
import { clonePacket, type Flow } from './flow';
import { classVerdict, ingressClasses, type ClassVerdict } from './ingressClass';
import { matchIngress } from './ingressMatch';
import { pickMatches } from './kubeProxyStep';
import { msg } from './messages';
import type { StepResult } from './place';

export const INGRESS_CONTROLLER_LABEL = 'app.kubernetes.io/name';
export const INGRESS_CONTROLLER_NAME = 'ingress-nginx';

export function isIngressController(pod: Pod): boolean {
  const labels = pod.metadata.labels ?? {};
  const component = labels['app.kubernetes.io/component'];
  return labels[INGRESS_CONTROLLER_LABEL] === INGRESS_CONTROLLER_NAME && (component === undefined || component === 'controller');
}

/** nginx's default --http-port and --https-port. */
const NGINX_HTTP_PORTS = [80, 443];

/** True when a packet to `port` of `pod` reaches the controller's HTTP server (it then routes by Ingress). */
export function servesHttp(pod: Pod, port: number, protocol: string): boolean {
  if (!isIngressController(pod) || protocol !== 'TCP') return false;
  const named = pod.spec.containers.flatMap((c) => c.ports ?? []).filter((p) => p.name === 'http' || p.name === 'https').map((p) => p.containerPort);
  return NGINX_HTTP_PORTS.includes(port) || named.includes(port);
}

/** The route hop's facts about the class the Ingress was handled by. */
function classParams(verdict: ClassVerdict): { ingressClass: string; classSource: string; classAssumed: boolean } {
  return { ingressClass: verdict.className ?? '', classSource: verdict.source ?? '', classAssumed: verdict.assumed };
}

/** The HTTP Host header the client sends: `httpHost`, else the name it asked for, else the IP. */
function hostHeader(flow: Flow): string {
  const { to } = flow.request;
  if (to.httpHost !== undefined) return to.httpHost;
  if (!isIPv4(to.host) && parseRequestHost(to.host).kind !== 'loadBalancer') return to.host;
  return flow.clientLeg?.packet.dst.ip ?? flow.packet.dst.ip;
}

export function ingressStep(flow: Flow, controller: Pod): StepResult {
  const { ctx } = flow;
  const controllerNode = controller.spec.nodeName;
  flow.clientLeg = { packet: clonePacket(flow.packet), rewrites: [...flow.rewrites], hopCount: flow.hops.length, controller: nsName(controller) };
  const host = hostHeader(flow);
  const path = flow.request.to.path ?? '/';
  const classes = ingressClasses(ctx.cluster);
  const judged = ctx.cluster.ingresses.map((ingress) => ({ ingress, verdict: classVerdict(classes, ingress) }));
  const served = judged.filter((j) => j.verdict.handled).map((j) => j.ingress);
  const match = matchIngress(served, host, path);
  if (!match) {
    // An Ingress of another class that would have matched: the controller ignores it, and says why.
    const ignored = matchIngress(judged.filter((j) => !j.verdict.handled).map((j) => j.ingress), host, path);
    const verdict = ignored ? judged.find((j) => j.ingress === ignored.ingress)!.verdict : undefined;
    return flow.fail('http-error', 'reason.ingress.notFound', {
      host, path, controller: nsName(controller), status: 404,
      ...(ignored && verdict && !verdict.handled ? {
        ignored: nsName(ignored.ingress), ignoredClass: verdict.className, ignoredWhy: verdict.why, ignoredController: verdict.controller,
        classAssumed: verdict.assumed,
      } : {}),
    });
  }
  const matchVerdict = judged.find((j) => j.ingress === match.ingress)!.verdict;

  const ingressKey = nsName(match.ingress);
  const backend = match.backend.service;
  const serviceKey = backend ? `${match.ingress.metadata.namespace}/${backend.name}` : '';
  const servicePortLabel = backend ? String(backend.port.name ?? backend.port.number ?? '') : '';
  flow.hop(elementId.ingress(match.ingress), 'ingress', msg('hop.ingress.route', {
    ingress: ingressKey, host, path, rule: match.path, pathType: match.pathType, service: serviceKey, servicePort: servicePortLabel,
    controller: nsName(controller), ...classParams(matchVerdict),
  }), { docsLayer: 'Ingress', ...(controllerNode ? { node: controllerNode } : {}) });

  const service = backend ? ctx.serviceByName.get(serviceKey) : undefined;
  const index = service && backend
    ? service.spec.ports.findIndex((p) => (backend.port.name !== undefined ? p.name === backend.port.name : p.port === backend.port.number))
    : -1;
  if (!service || index < 0) {
    return flow.fail('http-error', 'reason.ingress.backendMissing', { ingress: ingressKey, service: serviceKey, servicePort: servicePortLabel, status: 503 });
  }
  const servicePort = service.spec.ports[index]!;
  const result = ctx.endpoints(service);
  const ready = (result.ports[index]?.endpoints ?? []).filter((e) => e.ready);
  if (ready.length === 0) {
    return flow.fail('http-error', 'reason.ingress.noEndpoints', { ingress: ingressKey, service: serviceKey, servicePort: servicePortLabel, status: 503 },
      endpointDetails(service, result, servicePort.name ?? ''));
  }
  const spn = servicePort.name ? `${serviceKey}:${servicePort.name}` : serviceKey;
  const pick = flow.options.pick?.[spn] ?? flow.options.pick?.[serviceKey];
  const { index: chosen, method } = choose(ready, {
    seed: flow.options.seed, salt: `ingress|${spn}`, matches: (e, v) => pickMatches(ctx, `${e.ip}:${e.port}`, v), ...(pick !== undefined ? { pick } : {}),
  });
  const endpoint = ready[chosen]!;
  // A new connection from the controller pod: the client's ends here.
  flow.rewrites = [];
  flow.packet = {
    src: { ip: controller.status.podIP ?? '', port: ephemeralPort(`ingress|${nsName(controller)}|${endpoint.ip}:${endpoint.port}`) },
    dst: { ip: endpoint.ip, port: endpoint.port },
    protocol: 'TCP',
  };
  flow.service = { namespace: service.metadata.namespace, name: service.metadata.name, portName: servicePort.name ?? '', port: servicePort.port };
  const pod = ctx.podByIP.get(endpoint.ip);
  const explanation = msg('hop.ingress.proxy', {
    controller: nsName(controller), service: serviceKey, endpoint: `${endpoint.ip}:${endpoint.port}`, pod: pod ? nsName(pod) : undefined,
    candidates: ready.length, method,
  });
  // The reply is built from the client's leg, whose far end is the controller; the answer itself
  // comes from the backend, so the reply names it too (reply.ts).
  flow.clientLeg.backend = { endpoint: `${endpoint.ip}:${endpoint.port}`, ...(pod ? { pod: nsName(pod) } : {}) };
  if (!pod) {
    flow.hop(elementId.external(endpoint.ip), 'ingress', explanation, { docsLayer: 'Ingress' });
    return flow.deliver({ ip: endpoint.ip, port: endpoint.port });
  }
  flow.hop(elementId.pod(pod), 'ingress', explanation, { docsLayer: 'Ingress', ...(controllerNode ? { node: controllerNode } : {}) });
  return { at: 'pod', pod };
}
