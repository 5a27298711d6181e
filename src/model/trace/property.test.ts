import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPort, selectorMatches } from '../endpoints';
import { TRACE_MESSAGES } from './messages';
import { scenarioArb } from './traceArbitraries';
import { trace } from './trace';
import type { Message, Trace } from './types';

function messages(t: Trace): Message[] {
  return [
    ...t.hops.map((h) => h.explanation),
    ...(t.reply ? [t.reply.explanation] : []),
    ...(t.reason ? [t.reason, ...(t.reason.details ?? [])] : []),
  ];
}

describe('trace properties', () => {
  it('never throws, always explains a failure, and uses only listed message keys', { timeout: 20000 }, () => {
    fc.assert(fc.property(scenarioArb, ([cluster, request, seed]) => {
      const t = trace(cluster, request, { seed });
      if (t.outcome !== 'delivered') expect(t.reason, JSON.stringify(request)).toBeDefined();
      for (const m of messages(t)) {
        const allowed = TRACE_MESSAGES[m.key as keyof typeof TRACE_MESSAGES] as readonly string[] | undefined;
        expect(allowed, m.key).toBeDefined();
        for (const param of Object.keys(m.params)) expect(allowed, `${m.key}.${param}`).toContain(param);
      }
      expect(trace(cluster, request, { seed })).toEqual(t);
    }), { numRuns: 300 });
  });

  it('every delivery through a Service ends at a ready pod it selects, on the resolved targetPort', () => {
    fc.assert(fc.property(scenarioArb, ([cluster, request, seed]) => {
      const t = trace(cluster, request, { seed });
      if (t.outcome !== 'delivered' || !t.service || !t.endpoint?.podName) return;
      const service = cluster.services.find((s) => s.metadata.name === t.service!.name && s.metadata.namespace === t.service!.namespace)!;
      const pod = cluster.pods.find((p) => p.metadata.name === t.endpoint!.podName && p.metadata.namespace === t.endpoint!.podNamespace)!;
      const port = service.spec.ports.find((p) => (p.name ?? '') === t.service!.portName)!;
      expect(t.hops.at(-1)!.to).toBe(`pod:${pod.metadata.namespace}/${pod.metadata.name}`);
      expect(pod.status.ready).toBe(true);
      expect(selectorMatches(service.spec.selector ?? {}, pod.metadata.labels)).toBe(true);
      expect(t.endpoint!.port).toBe(findPort(pod, port));
      expect(t.endpoint!.ip).toBe(pod.status.podIP);
    }), { numRuns: 300 });
  });
});
