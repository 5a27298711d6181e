/**
 * Wording of Ingress: the controller's routing, its own connection to a backend pod, the reply, and its HTTP errors.
 * One function per message key (src/model/trace/messageKeys/ingress.ts); traceWording.ts gathers them.
 */
import { chosen, endpointsFix, listOf, plural, portAssumedNote, type ParamReader, type ReasonWords } from './params';

/** Why the Ingress is this controller's: the class it was judged by (hop.ingress.route's class facts). */
function classWhy(v: ParamReader): string {
  if (v.flag('classAssumed')) {
    return ' The cluster holds no IngressClass object, so the explainer assumes the one ingress-nginx\'s install creates, nginx (spec.controller k8s.io/ingress-nginx),'
      + ' and takes it as the default class: this controller handles the Ingresses of class nginx and those without a class.';
  }
  switch (v('classSource', '')) {
    case 'spec': return ` Its spec.ingressClassName is ${v('ingressClass')}, an IngressClass whose spec.controller is k8s.io/ingress-nginx, so this controller handles it.`;
    case 'default': return ` It names no class; ${v('ingressClass')} is the cluster's default IngressClass (annotated ingressclass.kubernetes.io/is-default-class: "true"), which the API server writes into an Ingress created without one, and its controller is k8s.io/ingress-nginx.`;
    case 'annotation': return ` It has the deprecated annotation kubernetes.io/ingress.class: ${v('ingressClass')}, which ingress-nginx still honours for its own --ingress-class.`;
    default: return '';
  }
}

/** Why the controller ignores the Ingress that would have matched (reason.ingress.notFound's ignoredWhy). */
const IGNORED: Record<string, (v: ParamReader) => { why: string; fix: string }> = {
  noSuchClass: (v) => ({
    why: `its spec.ingressClassName is ${v('ignoredClass')}, and no IngressClass of that name exists${v.flag('classAssumed') ? ' (the cluster holds none; the explainer assumes only ingress-nginx\'s own, nginx)' : ''}, so no controller handles it.`,
    fix: `Set spec.ingressClassName to the class of the controller meant to serve it (nginx for ingress-nginx), or create the IngressClass ${v('ignoredClass')} for that controller.`,
  }),
  otherController: (v) => ({
    why: `its class ${v('ignoredClass')} belongs to the controller ${v('ignoredController', '(none named)')}, not k8s.io/ingress-nginx; ingress-nginx ignores other controllers' classes, and this explainer models no other controller.`,
    fix: 'Send the request to the address of the controller that owns that class, or give the Ingress a class whose spec.controller is k8s.io/ingress-nginx.',
  }),
  noClass: () => ({
    why: 'it names no class and the cluster has no default IngressClass, and ingress-nginx by default takes only Ingresses of its own class (--watch-ingress-without-class=false).',
    fix: 'Set spec.ingressClassName: nginx, or annotate the nginx IngressClass ingressclass.kubernetes.io/is-default-class: "true" (the API server then fills the class into Ingresses created afterwards; existing ones keep none).',
  }),
  annotationOther: (v) => ({
    why: `its deprecated annotation kubernetes.io/ingress.class is ${v('ignoredClass')}, not nginx, the controller's --ingress-class.`,
    fix: 'Replace the annotation with spec.ingressClassName: nginx.',
  }),
};

export const INGRESS_HOP_WORDING: Record<string, (v: ParamReader) => string> = {
  'hop.ingress.route': (v) => `Ingress controller ${v('controller')} ends the client's connection and reads the HTTP request: host ${v('host')}, path ${v('path', '/')} `
    + `matches the ${v('pathType', '')} rule ${v('rule', '/')} of Ingress ${v('ingress')}, whose backend is Service ${v('service')} port ${v('servicePort')}.`
    + classWhy(v),
  'hop.ingress.proxy': (v) => `The controller opens its own connection straight to ${v.has('pod') ? `pod ${v('pod')} at ` : ''}${v('endpoint')}, ${chosen(v, 'ready endpoint')} of ${v('service')}. `
    + 'ingress-nginx reads the Service\'s EndpointSlices and balances by itself, so the ClusterIP and kube-proxy are skipped (unless the Ingress sets the nginx.ingress.kubernetes.io/service-upstream annotation).'
    + portAssumedNote(v),
  'reply.ingress': (v) => `${v.has('pod') ? `Pod ${v('pod')} at ${v('backend')}` : v('backend', 'The backend')} answers the ingress controller ${v('controller')}, which sends the response back to ${v('client')} from ${v('server')}, on the client's own connection`
    + ((v.num('reversed') ?? 0) > 0 ? `; conntrack undoes that connection's ${plural(v.num('reversed'), 'rewrite')}${v.has('nodes') ? ` on ${listOf(v.list('nodes'))}` : ''}.` : '.'),
};

export const INGRESS_REASON_WORDING: Record<string, (v: ParamReader) => ReasonWords> = {
  'reason.ingress.notFound': (v) => {
    const ignored = v.has('ignored') ? IGNORED[v('ignoredWhy', '')]?.(v) : undefined;
    if (ignored) {
      return {
        summary: `Ingress ${v('ignored')} has a rule for host ${v('host')} and path ${v('path', '/')}, but ingress controller ${v('controller')} ignores that Ingress: ${ignored.why}`
          + ` No Ingress it does handle matches, so it answers from its default backend: HTTP ${v('status', '404')}. The connection worked; this is an HTTP answer from the controller, not a refusal.`,
        fix: ignored.fix,
      };
    }
    return {
      summary: `No Ingress rule matches host ${v('host')} and path ${v('path', '/')}, so ingress controller ${v('controller')} answers from its default backend: HTTP ${v('status', '404')}. The connection worked; this is an HTTP answer from the controller, not a refusal.`,
      fix: 'Add a rule for this host and path (check the host name and the pathType), or give the Ingress a defaultBackend.',
    };
  },
  'reason.ingress.backendMissing': (v) => ({
    summary: `Ingress ${v('ingress')} sends this request to Service ${v('service')} port ${v('servicePort')}, which does not exist, so the controller answers HTTP ${v('status', '503')} itself (ingress-nginx does; other controllers may use another status).`,
    fix: 'Create that Service, or correct the backend\'s service name and port in the Ingress.',
  }),
  'reason.ingress.noEndpoints': (v) => ({
    summary: `Service ${v('service')} port ${v('servicePort')}, the backend of Ingress ${v('ingress')}, has no ready endpoints, so the controller answers HTTP ${v('status', '503')} itself (ingress-nginx does; other controllers may use another status).`,
    fix: endpointsFix(v),
  }),
};
