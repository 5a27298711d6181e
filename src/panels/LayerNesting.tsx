import type { ServiceLayers } from '../model/serviceLayers';
import type { DocsLayer } from '../model/trace/types';

/** Why a layer of the docs' usual nesting is missing, for the note under the boxes. */
const MISSING_NOTE: Record<NonNullable<ServiceLayers['missing']>, string> = {
  headless: 'A headless Service (clusterIP: None) has no virtual IP and no proxy layer: DNS gives out the pod IPs.',
  'external-name': 'An ExternalName Service is only a DNS alias (a CNAME): nothing proxies the traffic.',
  'no-node-ports': 'allocateLoadBalancerNodePorts: false: this LoadBalancer has no nodePorts, so no NodePort layer.',
};

/**
 * The docs' picture of the layers this Service really has (serviceLayers in the model): a
 * LoadBalancer usually contains a NodePort, which contains a ClusterIP; a ClusterIP Service is one
 * box; an Ingress sits over its backend Service. The layer of the current hop is lit; a layer the
 * traffic skips is drawn dashed.
 */
export function LayerNesting({ layers, current }: { layers: ServiceLayers; current?: DocsLayer }) {
  const render = (i: number): React.ReactNode => {
    const layer = layers.layers[i];
    if (!layer) return null;
    const on = layer === current;
    const skipped = layers.bypassed.includes(layer);
    return (
      <div
        className={`rounded border px-2 pb-1.5 pt-0.5 ${skipped ? 'border-dashed' : ''} ${on ? 'border-[#326ce5] bg-[#326ce5]/10' : 'border-slate-300 dark:border-slate-600'}`}
        aria-current={on ? 'step' : undefined}
      >
        <span className={`text-[11px] ${on ? 'font-semibold text-[#2456c4] dark:text-[#8fb0f5]' : 'text-slate-600 dark:text-slate-400'}`}>
          {layer}{skipped ? ' (skipped)' : ''}
        </span>
        {render(i + 1)}
      </div>
    );
  };
  return (
    <div aria-label="Service layers" className="text-xs">
      {render(0)}
      {layers.missing && <p className="mt-1 text-[11px] text-slate-600 dark:text-slate-400">{MISSING_NOTE[layers.missing]}</p>}
      {layers.bypassed.length > 0 && (
        <p className="mt-1 text-[11px] text-slate-600 dark:text-slate-400">
          {current === 'Ingress' ? 'The controller goes straight to the backend\'s pods, past its ClusterIP.' : 'The load balancer sends straight to pod IPs, past the nodePorts.'}
        </p>
      )}
      {current && !layers.layers.includes(current) && <p className="mt-1 text-[11px] text-slate-600 dark:text-slate-400">This hop: {current}</p>}
    </div>
  );
}
