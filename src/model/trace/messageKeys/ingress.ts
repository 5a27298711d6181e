/** Message keys of Ingress: the controller's routing and proxying, its reply, and its HTTP errors. Each lists its parameters' names. */
import type { ChoiceMethod, ParamNames } from './paramTypes';

/** The parameters of each Ingress key. */
export type IngressParams = {
  'hop.ingress.route': {
    ingress: string; host: string; path: string; rule: string; pathType: string; service: string; servicePort: string;
    controller: string; ingressClass: string; classSource: string; classAssumed: boolean;
  };
  'hop.ingress.proxy': {
    controller: string; service: string; endpoint: string; pod?: string; candidates: number; method: ChoiceMethod; portAssumed?: boolean; assumedPort?: number;
  };
  'reply.ingress': {
    client: string; server: string; controller: string; backend?: string; pod?: string; nodes: readonly string[]; reversed: number;
  };
  'reason.ingress.notFound': {
    host: string; path: string; controller: string; status: number; ignored?: string; ignoredClass?: string; ignoredWhy?: string;
    ignoredController?: string; classAssumed?: boolean;
  };
  'reason.ingress.backendMissing': { ingress: string; service: string; servicePort: string; status: number };
  'reason.ingress.noEndpoints': { ingress: string; service: string; servicePort: string; status: number };
};

export const INGRESS_MESSAGES = {
  /**
   * The ingress controller matches Host and path against the rules of the Ingresses of its class.
   * ingressClass: the class the Ingress was handled by; classSource: spec (ingressClassName) |
   * default (the cluster's default IngressClass) | annotation (the deprecated kubernetes.io/ingress.class);
   * classAssumed: true when the cluster holds no IngressClass and ingress-nginx's own `nginx` was assumed.
   */
  'hop.ingress.route': ['ingress', 'host', 'path', 'rule', 'pathType', 'service', 'servicePort', 'controller', 'ingressClass', 'classSource', 'classAssumed'],
  /**
   * The controller opens its own connection straight to a backend pod (it reads EndpointSlices, not the ClusterIP).
   * portAssumed: true when the pod declares no container port and the app is taken to listen on this one.
   */
  'hop.ingress.proxy': ['controller', 'service', 'endpoint', 'pod', 'candidates', 'method', 'portAssumed', 'assumedPort'],
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
} as const satisfies ParamNames<IngressParams>;
