/** Message keys of Ingress: the controller's routing and proxying, its reply, and its HTTP errors. Each lists its parameters' names. */
export const INGRESS_MESSAGES = {
  /** The ingress controller matches Host and path against the Ingress rules. */
  'hop.ingress.route': ['ingress', 'host', 'path', 'rule', 'pathType', 'service', 'servicePort', 'controller'],
  /** The controller opens its own connection straight to a backend pod (it reads EndpointSlices, not the ClusterIP). */
  'hop.ingress.proxy': ['controller', 'service', 'endpoint', 'pod', 'candidates', 'method'],
  /**
   * Through an ingress controller: the backend (`backend` ip:port, `pod` when it is a pod) answers
   * the controller, which answers the client from `server`, the controller's end of the client's connection.
   */
  'reply.ingress': ['client', 'server', 'controller', 'backend', 'pod', 'nodes', 'reversed'],
  'reason.ingress.notFound': ['host', 'path', 'controller', 'status'],
  'reason.ingress.backendMissing': ['ingress', 'service', 'servicePort', 'status'],
  'reason.ingress.noEndpoints': ['ingress', 'service', 'servicePort', 'status'],
} as const satisfies Record<string, readonly string[]>;
