import { lazy, Suspense } from 'react';
import { nodeExternalIP, nodeInternalIP, type Cluster } from '../model/cluster';
import { parseElementId } from '../model/elementIds';
import { useAppStore } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { ClusterForm } from './ClusterForm';
import { PanelSection } from './controls';

// Nothing is selected on the first screen: the Service and Pod forms load on the first selection.
const ServiceForm = lazy(() => import('./ServiceForm').then((m) => ({ default: m.ServiceForm })));
const PodForm = lazy(() => import('./PodForm').then((m) => ({ default: m.PodForm })));

const selectSelectedId = (s: AppState) => s.selectedId;
const selectCluster = (s: AppState) => s.cluster;

/** The object behind a canvas id (`svc:ns/name`, `pod:ns/name`, `node:name`). */
function find(cluster: Cluster, id: string) {
  const element = parseElementId(id);
  const named = <T extends { metadata: { name: string; namespace?: string } }>(list: T[], name: string, namespace?: string) =>
    list.find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  switch (element?.kind) {
    case 'service': return { kind: 'Service', service: named(cluster.services, element.name, element.namespace) } as const;
    case 'pod': return { kind: 'Pod', pod: named(cluster.pods, element.name, element.namespace) } as const;
    case 'node': return { kind: 'Node', node: named(cluster.nodes, element.name) } as const;
    default: return undefined;
  }
}

/** Shows and edits the selected object; with nothing selected, the cluster's own settings. */
export function Inspector() {
  const selectedId = useAppStore(selectSelectedId);
  const cluster = useAppStore(selectCluster);
  const found = selectedId ? find(cluster, selectedId) : undefined;

  let title = 'Cluster';
  let body = <ClusterForm />;
  if (found?.kind === 'Service' && found.service) {
    title = `Service ${found.service.metadata.name}`;
    body = <ServiceForm key={selectedId} service={found.service} />;
  } else if (found?.kind === 'Pod' && found.pod) {
    title = `Pod ${found.pod.metadata.name}`;
    body = <PodForm key={`${selectedId}:${found.pod.status.podIP}`} pod={found.pod} />;
  } else if (found?.kind === 'Node' && found.node) {
    const node = found.node;
    title = `Node ${node.metadata.name}`;
    body = (
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">InternalIP</dt>
        <dd className="font-mono">{nodeInternalIP(node) ?? '<none>'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">ExternalIP</dt>
        <dd className="font-mono">{nodeExternalIP(node) ?? '<none>'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">podCIDR</dt>
        <dd className="font-mono">{node.spec.podCIDR ?? '<none>'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Ready</dt>
        <dd>{node.status.ready ? 'yes' : 'no'}</dd>
      </dl>
    );
  }

  return (
    <aside aria-label="Inspector" className="flex flex-col">
      <PanelSection title="Inspector">
        <h2 className="mt-1 truncate text-base font-semibold" title={title}>{title}</h2>
        <Suspense fallback={<p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}>{body}</Suspense>
      </PanelSection>
    </aside>
  );
}
