import { describe, expect, it } from 'vitest';
import { commandNamespace, kubectl, runKubectl } from '../../model/kubectl/kubectl';
import { defaultScenario } from '../../model/scenarios/defaultScenario';
import { cluster } from '../../model/testing/clusterBuilder';
import { kubectlSegments, rowElementId, rowLabel, type Segment, type TableSegment } from './kubectlOutput';

const c = cluster().node('n1').node('n2')
  .pod('web-1', { app: 'web' }, { node: 'n1' })
  .pod('api-1', { app: 'api' }, { node: 'n2', namespace: 'prod' })
  .service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] })
  .service('api', { ports: [{ name: 'http', port: 80, targetPort: 'http' }] }, 'prod')
  .object({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', namespace: 'default' },
    spec: { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  })
  .build();

/** What the panel shows for a command, line by line: the segments joined back together. */
const rejoin = (segments: Segment[]) => segments.flatMap((s) => (s.type === 'table' ? [s.header, ...s.rows.map((r) => r.line)] : s.lines));
const run = (command: string) => {
  const output = kubectl(c, command);
  return { output, segments: kubectlSegments(runKubectl(c, command)) };
};
/** Cluster DNS's CoreDNS pods, which every cluster has, in the order kubectl sorts them. */
const corednsPods = c.pods.filter((p) => p.metadata.namespace === 'kube-system').map((p) => p.metadata.name).sort();
const tables = (segments: Segment[]) => segments.filter((s): s is TableSegment => s.type === 'table');

/**
 * Where each column of a printed table starts: kubectl's tabwriter pads every cell to its column's
 * widest plus three spaces, so a header cell starts after two or more spaces (one space is inside a
 * header such as `NOMINATED NODE`). Reading the text back this way checks the rows' cells against it.
 */
function columnStarts(header: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < header.length; i++) {
    if (header[i] !== ' ' && (i === 0 || (header[i - 1] === ' ' && header[i - 2] === ' '))) starts.push(i);
  }
  return starts;
}
const cellsOf = (line: string, starts: number[]) => starts.map((start, j) => line.slice(start, starts[j + 1] ?? line.length).trim());

describe('kubectlSegments', () => {
  it.each([
    'get svc -o wide', 'get pods -o wide -A', 'get nodes -o wide', 'get endpointslices', 'get ep', 'get ing',
    'get nodes,svc,pods -A', 'get svc web nope', 'describe svc web', 'nope', 'get', 'get pods -n kube-system', '',
  ])('keeps every line of `%s` exactly as printed', (command) => {
    const { output, segments } = run(command);
    expect(`${rejoin(segments).join('\n')}\n`).toBe(output.endsWith('\n') ? output : `${output}\n`);
  });

  it('reads pod rows with their names, namespaces and cells, spaces inside headers included', () => {
    const [table] = tables(run('get pods -o wide').segments);
    expect(table!.columns).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(table!.rows).toHaveLength(1);
    expect(table!.rows[0]).toMatchObject({ kind: 'Pod', name: 'web-1', namespace: 'default' });
    expect(table!.rows[0]!.cells.slice(6)).toEqual(['n1', '<none>', '<none>']);
  });

  it('takes the namespace from the NAMESPACE column with -A, from -n otherwise', () => {
    const [all] = tables(run('get pods -A').segments);
    expect(corednsPods).toHaveLength(2);
    expect(all!.rows.map((r) => [r.namespace, r.name])).toEqual([['default', 'web-1'], ...corednsPods.map((n) => ['kube-system', n]), ['prod', 'api-1']]);
    const [prod] = tables(run('get svc -n prod').segments);
    expect(prod!.rows.map((r) => [r.kind, r.namespace, r.name])).toEqual([['Service', 'prod', 'api']]);
  });

  it('tells each table of a multi-type listing apart by its name prefixes', () => {
    const found = tables(run('get nodes,svc,pods -A').segments);
    expect(found.map((t) => t.rows.map((r) => `${r.kind}:${r.namespace ?? ''}/${r.name}`))).toEqual([
      ['Node:/n1', 'Node:/n2'],
      ['Service:default/web', 'Service:kube-system/kube-dns', 'Service:prod/api'],
      ['Pod:default/web-1', ...corednsPods.map((n) => `Pod:kube-system/${n}`), 'Pod:prod/api-1'],
    ]);
  });

  it('tones errors, the lines that follow them, warnings and empty results', () => {
    const tone = (command: string) => run(command).segments.filter((s) => s.type === 'text').map((s) => s.type === 'text' && s.tone);
    expect(tone('nope')).toEqual(['error']);
    expect(tone('get')).toEqual(['error']);
    expect(tone('get ep')).toEqual(['warning']);
    expect(tone('get pods -n kube-public')).toEqual(['info']);
    expect(tone('describe svc web')).toEqual(['plain']);
    const partial = run('get svc web nope').segments;
    expect(partial.map((s) => s.type)).toEqual(['table', 'text']);
    expect(partial[1]).toEqual({ type: 'text', tone: 'error', lines: ['Error from server (NotFound): services "nope" not found'] });
  });

  it('finds column starts after two or more spaces only', () => {
    expect(columnStarts('NAME   READY   NOMINATED NODE   READINESS GATES')).toEqual([0, 7, 15, 32]);
  });

  it.each(['describe pods -A', 'describe svc web nope api', 'get svc,pods web nope', 'get all -A', 'get svc -o name -A', 'get deploy,ep -A'])(
    'keeps every line of `%s` too (documents, separators, names, errors between tables)', (command) => {
      const { output, segments } = run(command);
      expect(`${rejoin(segments).join('\n')}\n`).toBe(output.endsWith('\n') ? output : `${output}\n`);
    },
  );

  it.each(['get svc -o wide -A', 'get pods -o wide -A', 'get nodes -o wide', 'get endpointslices -A', 'get ing', 'get nodes,svc,pods -A'])(
    'gives `%s` rows whose cells are what their printed lines show', (command) => {
      for (const table of tables(run(command).segments)) {
        const starts = columnStarts(table.header);
        expect(cellsOf(table.header, starts)).toEqual(table.columns);
        for (const row of table.rows) expect(cellsOf(row.line, starts)).toEqual(row.cells);
      }
    },
  );
});

describe('commandNamespace', () => {
  it.each([
    ['get pods', 'default'], ['get pods -n prod', 'prod'], ['get pods -nprod', 'prod'], ['get pods -n=prod', 'prod'],
    ['get pods --namespace prod', 'prod'], ['kubectl --namespace=prod get pods', 'prod'], ['get pods -n a -n b', 'b'],
  ])('%s → %s', (command, ns) => expect(commandNamespace(command)).toBe(ns));
});

describe('rowElementId', () => {
  const ids = (command: string) => tables(run(command).segments).flatMap((t) => t.rows.map((r) => rowElementId(c, r)));

  it('maps services, pods, nodes and ingresses to their canvas ids', () => {
    expect(ids('get svc -A')).toEqual(['svc:default/web', 'svc:kube-system/kube-dns', 'svc:prod/api']);
    expect(ids('get pods -n prod')).toEqual(['pod:prod/api-1']);
    expect(ids('get nodes -o wide')).toEqual(['node:n1', 'node:n2']);
    expect(ids('get ingress')).toEqual(['ingress:default/site']);
  });

  it('maps an EndpointSlice or Endpoints row to the Service that owns it', () => {
    expect(ids('get endpointslices -A')).toEqual(['svc:default/web', 'svc:kube-system/kube-dns', 'svc:prod/api']);
    expect(ids('get ep -n prod')).toEqual(['svc:prod/api']);
  });

  it('maps the default scenario the app opens on', () => {
    const d = defaultScenario();
    const [pods] = tables(kubectlSegments(runKubectl(d, 'get pods -o wide')));
    expect(pods!.rows.map((r) => rowElementId(d, r))).toEqual(d.pods.filter((p) => p.metadata.namespace === 'default').map((p) => `pod:default/${p.metadata.name}`).sort());
  });
});

describe('rowLabel', () => {
  it('names the object, then each other cell by its column', () => {
    const [table] = tables(run('get svc -n prod').segments);
    expect(rowLabel(table!.rows[0]!, table!.columns)).toMatch(/^Service api in prod: TYPE ClusterIP, CLUSTER-IP 10\.\d+\.\d+\.\d+, EXTERNAL-IP <none>, PORT\(S\) 80\/TCP, AGE \S+$/);
  });
});
