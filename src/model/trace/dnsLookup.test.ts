import { describe, expect, it } from 'vitest';
import { cluster } from '../testing/clusterBuilder';
import { trace } from './trace';

const c = cluster().node('n1').node('n2')
  .pod('client', { app: 'client' }, { node: 'n1' })
  .pod('web-1', { app: 'web' }, { node: 'n2' })
  .service('web', { clusterIP: '10.96.100.10' })
  .build();
const from = { kind: 'pod', namespace: 'default', name: 'client' } as const;

describe('a DNS lookup from a pod', () => {
  it('x', () => {
    const t = trace(c, { from, to: { host: 'web', port: 80 } });
    console.log(JSON.stringify(t, null, 1).slice(0, 6000));
    console.log(c.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP}`));
  });
});
