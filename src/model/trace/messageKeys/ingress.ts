/** Message keys of Ingress: the controller's routing and proxying, its reply, and its HTTP errors. Each lists its parameters' names. */
export const INGRESS_MESSAGES = {
  /**
   * The ingress controller matches Host and path against the rules of the Ingresses of its class.
   * ingressClass: the class the Ingress was handled by; classSource: spec (ingressClassName) |
   * default (the cluster's default IngressClass) | annotation (the deprecated kubernetes.io/ingress.class);
   * classAssumed: 1 when the cluster holds no IngressClass and ingress-nginx's own `nginx` was assumed.
   */
  'hop.ingress.route': ['ingress', 'host', 'path', 'rule', 'pathType', 'service', 'servicePort', 'controller', 'ingressClass', 'classSource', 'classAssumed'],
  /**
   * The controller opens its own connection straight to a backend pod (it reads EndpointSlices, not the ClusterIP).
   * portAssumed: 1 when the pod declares no container port and the app is taken to listen on this one.
   */
  'hop.ingress.proxy': ['controller', 'service', 'endpoint', 'pod', 'candidates', 'method', 'portAssumed'],
  /**
   * Through an ingress controller: the backend (`backend` ip:port, `pod` when it is a pod) answers
   * the controller, which answers the client from `server`, the controller's end of the client's connection.
   */
  'reply.ingress': ['client', 'server', 'controller', 'backend', 'pod', 'nodes', 'reversed'],
  /**
   * No rule of the controller's Ingresses matches: its default backend answers 404. ignored: an Ingress
   * that would have matched but the controller ignores; ignoredClass: its class; ignoredWhy: noSuchClass
   * (no IngressClass of that name) | otherController (the class is `ignoredController`'s) | noClass (no
   * class and no default IngressClass) | annotationOther (the deprecated annotation names another class).
   */
  'reason.ingress.notFound': ['host', 'path', 'controller', 'status', 'ignored', 'ignoredClass', 'ignoredWhy', 'ignoredController', 'classAssumed'],
  'reason.ingress.backendMissing': ['ingress', 'service', 'servicePort', 'status'],
  'reason.ingress.noEndpoints': ['ingress', 'service', 'servicePort', 'status'],
} as const satisfies Record<string, readonly string[]>;
