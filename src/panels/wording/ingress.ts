/**
 * Wording of Ingress: the controller's routing, its own connection to a backend pod, the reply, and its HTTP errors.
 * One function per message key (src/model/trace/messageKeys/ingress.ts); traceWording.ts gathers them.
 */
import { chosen, endpointsFix, listOf, plural, type ParamReader, type ReasonWords } from './params';

export const INGRESS_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.ingress.route': (v) => `Ingress controller ${v('controller')} ends the client's connection and reads the HTTP request: host ${v('host')}, path ${v('path', '/')} `
    + `matches the ${v('pathType', '')} rule ${v('rule', '/')} of Ingress ${v('ingress')}, whose backend is Service ${v('service')} port ${v('servicePort')}.`,
  'hop.ingress.proxy': (v) => `The controller opens its own connection straight to ${v.has('pod') ? `pod ${v('pod')} at ` : ''}${v('endpoint')}, ${chosen(v, 'ready endpoint')} of ${v('service')}. `
    + 'ingress-nginx reads the Service\'s EndpointSlices and balances by itself, so the ClusterIP and kube-proxy are skipped (unless the Ingress sets the nginx.ingress.kubernetes.io/service-upstream annotation).',
  'reply.ingress': (v) => `${v.has('pod') ? `Pod ${v('pod')} at ${v('backend')}` : v('backend', 'The backend')} answers the ingress controller ${v('controller')}, which sends the response back to ${v('client')} from ${v('server')}, on the client's own connection`
    + ((v.num('reversed') ?? 0) > 0 ? `; conntrack undoes that connection's ${plural(v.num('reversed'), 'rewrite')}${v.has('nodes') ? ` on ${listOf(v('nodes'))}` : ''}.` : '.'),
};

export const INGRESS_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.ingress.notFound': (v) => ({
    summary: `No Ingress rule matches host ${v('host')} and path ${v('path', '/')}, so ingress controller ${v('controller')} answers from its default backend: HTTP ${v('status', '404')}. The connection worked; this is an HTTP answer from the controller, not a refusal.`,
    fix: 'Add a rule for this host and path (check the host name and the pathType), or give the Ingress a defaultBackend.',
  }),
  'reason.ingress.backendMissing': (v) => ({
    summary: `Ingress ${v('ingress')} sends this request to Service ${v('service')} port ${v('servicePort')}, which does not exist, so the controller answers HTTP ${v('status', '503')} itself (ingress-nginx does; other controllers may use another status).`,
    fix: 'Create that Service, or correct the backend\'s service name and port in the Ingress.',
  }),
  'reason.ingress.noEndpoints': (v) => ({
    summary: `Service ${v('service')} port ${v('servicePort')}, the backend of Ingress ${v('ingress')}, has no ready endpoints, so the controller answers HTTP ${v('status', '503')} itself (ingress-nginx does; other controllers may use another status).`,
    fix: endpointsFix(v),
  }),
};
