/**
 * Which Ingresses the ingress-nginx controller handles, decided by IngressClass the way
 * ingress-nginx does it (internal/ingress/controller/store/store.go: the IngressClass informer keeps
 * only classes whose spec.controller is the controller's --controller-class; GetIngressClass takes
 * spec.ingressClassName, else the deprecated kubernetes.io/ingress.class annotation, else the
 * Ingress only with --watch-ingress-without-class) and the API server's DefaultIngressClass
 * admission plugin (an Ingress created without a class, and without the annotation, gets the class
 * annotated ingressclass.kubernetes.io/is-default-class: "true", the newest if several).
 *
 * The model keeps no controller arguments, so the controller is taken with the flags of
 * ingress-nginx's own manifests and defaults: --controller-class=k8s.io/ingress-nginx,
 * --ingress-class=nginx, --watch-ingress-without-class=false.
 *
 * IngressClass objects are read from `cluster.kept` (networking.k8s.io/v1). With none at all in the
 * cluster the explainer assumes the one ingress-nginx's install creates (`nginx`, for
 * k8s.io/ingress-nginx) and takes it as the default class, so Ingresses of class nginx and Ingresses
 * without a class are handled, as before IngressClass was read; the route hop says it assumed so.
 */
import type { Cluster, Ingress, KeptObject } from '../cluster';

export const NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** ingress-nginx's --ingress-class default: the class its manifests create, and the annotation value it accepts. */
export const NGINX_INGRESS_CLASS = 'nginx';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface IngressClassInfo {
  name: string;
  /** spec.controller */
  controller: string;
  isDefault: boolean;
  creationTimestamp?: string;
}

/** How an Ingress got the class the controller judged it by. */
export type ClassSource = 'spec' | 'default' | 'annotation';

/**
 * Why the controller ignores an Ingress: its class is no IngressClass of the cluster; the class
 * belongs to another controller; it has no class and the cluster no default class; its deprecated
 * annotation names another class.
 */
export type IgnoredWhy = 'noSuchClass' | 'otherController' | 'noClass' | 'annotationOther';

export type ClassVerdict =
  | { handled: true; className: string; source: ClassSource; assumed: boolean }
  | { handled: false; className?: string; source?: ClassSource; why: IgnoredWhy; controller?: string; assumed: boolean };

function isIngressClass(o: KeptObject): boolean {
  return o.kind === 'IngressClass' && o.apiVersion === 'networking.k8s.io/v1';
}

/** The IngressClass objects of the cluster (none: the explainer assumes ingress-nginx's own). */
export function ingressClasses(cluster: Cluster): IngressClassInfo[] {
  return (cluster.kept ?? []).filter(isIngressClass).map((o) => {
    const spec = (o.spec ?? {}) as { controller?: unknown };
    const annotations = (o.metadata.annotations ?? {}) as Record<string, unknown>;
    const created = o.metadata.creationTimestamp;
    return {
      name: o.metadata.name,
      controller: typeof spec.controller === 'string' ? spec.controller : '',
      isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
      ...(typeof created === 'string' ? { creationTimestamp: created } : {}),
    };
  });
}

/** The class the DefaultIngressClass admission plugin gives a new Ingress without one: the newest default. */
function defaultClass(classes: IngressClassInfo[]): IngressClassInfo | undefined {
  const defaults = classes.filter((c) => c.isDefault);
  return [...defaults].sort((a, b) => (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '') || a.name.localeCompare(b.name))[0];
}

function byClass(info: IngressClassInfo | undefined, name: string, source: ClassSource, assumed: boolean): ClassVerdict {
  if (!info) return { handled: false, className: name, source, why: 'noSuchClass', assumed };
  if (info.controller !== NGINX_CONTROLLER_CLASS) return { handled: false, className: name, source, why: 'otherController', controller: info.controller, assumed };
  return { handled: true, className: name, source, assumed };
}

/** Whether the ingress-nginx controller handles `ingress`, and by which class. */
export function classVerdict(classes: IngressClassInfo[], ingress: Ingress): ClassVerdict {
  const assumed = classes.length === 0;
  const known = assumed ? [{ name: NGINX_INGRESS_CLASS, controller: NGINX_CONTROLLER_CLASS, isDefault: true }] : classes;
  const named = ingress.spec.ingressClassName;
  if (named !== undefined) return byClass(known.find((c) => c.name === named), named, 'spec', assumed);
  const annotation = ingress.metadata.annotations?.[CLASS_ANNOTATION];
  if (annotation !== undefined) {
    return annotation === NGINX_INGRESS_CLASS
      ? { handled: true, className: annotation, source: 'annotation', assumed }
      : { handled: false, className: annotation, source: 'annotation', why: 'annotationOther', assumed };
  }
  const fallback = defaultClass(known);
  if (fallback) return byClass(fallback, fallback.name, 'default', assumed);
  return { handled: false, why: 'noClass', assumed };
}
