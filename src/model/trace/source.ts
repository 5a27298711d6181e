/** Resolves a TraceSource to an address and a place; undefined with a reason when it cannot send. */
import { nodeInternalIP } from '../cluster';
import { inCidr, isIPv4 } from '../ip';
import { sourceElement } from '../sourceElement';
import type { TraceContext } from './context';
import type { ResolvedSource } from './flow';
import { msg } from './messages';
import type { Reason, TraceSource } from './types';

export function resolveSource(ctx: TraceContext, source: TraceSource): ResolvedSource | Reason {
  const { cluster } = ctx;
  const ref = sourceElement(source);
  switch (source.kind) {
    case 'client': {
      const client = cluster.settings.clients.find((c) => c.name === source.name);
      if (!client || !isIPv4(client.ip)) return msg('reason.source.unknown', { source: ref });
      return { ref, ip: client.ip, kind: client.location };
    }
    case 'host': {
      if (!isIPv4(source.ip)) return msg('reason.source.unknown', { source: source.ip });
      const location = source.location ?? (inCidr(source.ip, cluster.settings.nodeSubnet) ? 'lan' : 'internet');
      return { ref, ip: source.ip, kind: location };
    }
    case 'pod': {
      const pod = ctx.podByName.get(`${source.namespace}/${source.name}`);
      if (!pod) return msg('reason.source.unknown', { source: ref });
      if (pod.status.phase !== 'Running' || !pod.status.podIP || !pod.spec.nodeName) {
        return msg('reason.source.podNotRunning', { pod: `${source.namespace}/${source.name}`, phase: pod.status.phase });
      }
      return { ref, ip: pod.status.podIP, kind: 'pod', nodeName: pod.spec.nodeName, namespace: source.namespace };
    }
    case 'node': {
      const node = ctx.nodeByName.get(source.name);
      const ip = node ? nodeInternalIP(node) : undefined;
      if (!node || !ip) return msg('reason.source.unknown', { source: ref });
      return { ref, ip, kind: 'node', nodeName: source.name };
    }
  }
}
