import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenarios/defaultScenario';
import { cluster } from '../testing/clusterBuilder';
import { runKubectl } from './kubectl';
import type { KubectlTable } from './output';

const c = cluster().node('n1')
  .pod('web-1', { app: 'web' }, { node: 'n1' })
  .pod('api-1', { app: 'api' }, { node: 'n1', namespace: 'prod' })
  .service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] })
  .service('api', { ports: [{ name: 'http', port: 80, targetPort: 'http' }] }, 'prod')
  .build();

const tables = (command: string, on = c) => runKubectl(on, command).filter((b): b is KubectlTable => b.type === 'table');

describe('runKubectl', () => {
  it('gives each table row the object it prints, without the name prefix of a multi-type listing', () => {
    const [nodes, services] = tables('get nodes,svc -A');
    expect(nodes!.rows.map((r) => r.ref)).toEqual([{ kind: 'Node', name: 'n1' }]);
    expect(services!.rows.map((r) => [r.cells[1], r.ref])).toEqual([
      ['service/web', { kind: 'Service', namespace: 'default', name: 'web' }],
      ['service/kube-dns', { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' }],
      ['service/api', { kind: 'Service', namespace: 'prod', name: 'api' }],
    ]);
    expect(tables('get ep -n prod')[0]!.rows.map((r) => r.ref)).toEqual([{ kind: 'Endpoints', namespace: 'prod', name: 'api' }]);
  });

  it('names workloads by their kind, as `get all` lists them', () => {
    const d = defaultScenario();
    const kinds = tables('get all', d).map((t) => [...new Set(t.rows.map((r) => r.ref.kind))]);
    expect(kinds).toContainEqual(['Deployment']);
    expect(kinds).toContainEqual(['ReplicaSet']);
  });

  it('tells documents, notices, warnings and errors apart', () => {
    const shape = (command: string) => runKubectl(c, command).map((b) => (b.type === 'message' ? `${b.type}:${b.level}` : b.type));
    expect(shape('describe svc web nope')).toEqual(['document', 'message:output', 'message:error']);
    expect(runKubectl(c, 'describe svc web')[0]).toMatchObject({ type: 'document', ref: { kind: 'Service', namespace: 'default', name: 'web' } });
    expect(shape('get ep')).toEqual(['message:warning', 'table']);
    expect(shape('get pods -n kube-public')).toEqual(['message:info']);
    expect(shape('get svc web nope')).toEqual(['table', 'message:error']);
    expect(shape('nope')).toEqual(['message:error']);
  });

  it.each(['get all -A', 'describe pods -A', 'get svc,pods web nope', 'get svc -o name -A', 'describe nodes', 'get', ''])(
    'ends every block of `%s` with a newline', (command) => {
      for (const block of runKubectl(defaultScenario(), command)) if (block.type !== 'table') expect(block.text.endsWith('\n')).toBe(true);
    },
  );
});
