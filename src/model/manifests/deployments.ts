/**
 * Deployment → pods (the template's containers, placement, hostname and subdomain), named the way
 * the Deployment and ReplicaSet controllers name them:
 * the ReplicaSet is `<deployment>-<pod-template-hash>` (the hash is FNV-32a of the pod template,
 * spelled with rand.SafeEncodeString), its pods `<replicaset>-<5 random chars>` (generateName).
 * Our 5 chars come from a hash so the same manifest always gives the same names.
 */
import type { Deployment, Pod } from '../cluster';
import { fnv1a, safeEncode, stableSuffix } from '../addressing';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

export function podTemplateHash(deployment: Deployment): string {
  return safeEncode(String(fnv1a(JSON.stringify(deployment.spec.template))));
}

/** True when `pod` belongs to this Deployment (a dump lists them side by side). */
export function ownedBy(pod: Pod, deployment: Deployment): boolean {
  const labels = pod.metadata.labels ?? {};
  return pod.metadata.namespace === deployment.metadata.namespace
    && labels[POD_TEMPLATE_HASH] !== undefined
    && pod.metadata.name.startsWith(`${deployment.metadata.name}-`)
    && Object.entries(deployment.spec.selector.matchLabels).every(([k, v]) => labels[k] === v);
}

/** The name of the i-th pod of the Deployment's current ReplicaSet. */
export function deploymentPodName(deployment: Deployment, index: number): string {
  const rs = `${deployment.metadata.name}-${podTemplateHash(deployment)}`;
  return `${rs}-${stableSuffix(`${deployment.metadata.namespace}/${rs}/${index}`)}`;
}

/** The pods the ReplicaSet would create, not yet scheduled (the scheduler picks nodes). */
export function expandDeployment(deployment: Deployment, created: string): Pod[] {
  const hash = podTemplateHash(deployment);
  const names = new Set<string>();
  const pods: Pod[] = [];
  for (let i = 0; names.size < deployment.spec.replicas; i++) {
    const name = deploymentPodName(deployment, i);
    if (names.has(name)) continue;
    names.add(name);
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: deployment.metadata.namespace,
        labels: { ...deployment.spec.template.metadata.labels, [POD_TEMPLATE_HASH]: hash },
        creationTimestamp: deployment.metadata.creationTimestamp ?? created,
      },
      spec: structuredClone(deployment.spec.template.spec),
      status: { phase: 'Pending', ready: true },
    });
  }
  return pods;
}
