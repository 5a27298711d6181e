/**
 * The one Kubernetes release whose behaviour the model follows: every printer, rule, default and
 * sentence is checked against this release's sources (kubernetes/kubernetes at the v1.37 tag, and
 * the CoreDNS and Gateway API versions it ships with). Change it only together with them.
 */
export const KUBERNETES_RELEASE = 'v1.37';

/** A patch release of it, for the versions a cluster reports (kubelet, kubectl). */
export const KUBERNETES_PATCH_VERSION = 'v1.37.0';
