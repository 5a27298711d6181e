import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenarios/defaultScenario';
import { cluster } from '../testing/clusterBuilder';
import { humanDuration } from './age';
import { kubectl } from './kubectl';
import { tabwrite } from './tabwriter';

const c = cluster().withSettings({ provider: 'bare-metal' }).node('n1')
  .pod('web-1', { app: 'web' }, { node: 'n1' })
  .pod('web-2', { app: 'web' }, { node: 'n1', ready: false })
  .service('web', { type: 'NodePort', clusterIP: '10.96.10.1', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] })
  .service('lb', { type: 'LoadBalancer', clusterIP: '10.96.10.2', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 31000 }] })
  .service('ext', { type: 'ExternalName', externalName: 'db.example.com', selector: undefined, ports: [] })
  .service('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] })
  .service('api', { clusterIP: '10.96.10.3', ports: [{ name: 'http', port: 80 }, { name: 'grpc', port: 9090, protocol: 'TCP' }] }, 'prod')
  .build();

describe('kubectl get', () => {
  it('prints services with kubectl columns, cells and spacing', () => {
    expect(kubectl(c, 'get svc -o wide')).toBe([
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE    SELECTOR',
      'db     ClusterIP      None         <none>           5432/TCP       5d2h   app=db',
      'ext    ExternalName   <none>       db.example.com   <none>         5d2h   <none>',
      'lb     LoadBalancer   10.96.10.2   <pending>        80:31000/TCP   5d2h   app=web',
      'web    NodePort       10.96.10.1   <none>           80:30080/TCP   5d2h   app=web',
      '',
    ].join('\n'));
  });

  it('adds NAMESPACE with -A and filters with -n', () => {
    const all = kubectl(c, 'kubectl get services --all-namespaces').split('\n');
    expect(all[0]).toBe('NAMESPACE     NAME       TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)                  AGE');
    expect(all.slice(1, 3)).toEqual([
      'default       db         ClusterIP      None         <none>           5432/TCP                 5d2h',
      'default       ext        ExternalName   <none>       db.example.com   <none>                   5d2h',
    ]);
    // Cluster DNS, as in every cluster: kube-dns on dnsServiceIP with its three ports.
    expect(all[5]).toBe('kube-system   kube-dns   ClusterIP      10.96.0.10   <none>           53/UDP,53/TCP,9153/TCP   5d2h');
    expect(all[6]).toBe('prod          api        ClusterIP      10.96.10.3   <none>           80/TCP,9090/TCP          5d2h');
    expect(kubectl(c, 'get svc -n prod')).toBe([
      'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)           AGE',
      'api    ClusterIP   10.96.10.3   <none>        80/TCP,9090/TCP   5d2h',
      '',
    ].join('\n'));
    expect(kubectl(c, 'get pods --namespace=kube-system').split('\n').slice(1).map((l) => l.split(/\s+/)[0])).toEqual([
      expect.stringMatching(/^coredns-[a-z0-9]+-[a-z0-9]{5}$/), expect.stringMatching(/^coredns-/), '',
    ]);
    expect(kubectl(c, 'get pods --namespace=kube-public')).toBe('No resources found in kube-public namespace.\n');
  });

  it('prints pods and nodes wide', () => {
    expect(kubectl(c, 'get pods -o wide')).toBe([
      'NAME    READY   STATUS    RESTARTS   AGE    IP           NODE   NOMINATED NODE   READINESS GATES',
      'web-1   1/1     Running   0          5d2h   10.244.0.2   n1     <none>           <none>',
      'web-2   0/1     Running   0          5d2h   10.244.0.3   n1     <none>           <none>',
      '',
    ].join('\n'));
    expect(kubectl(c, 'get no')).toBe('NAME   STATUS   ROLES    AGE   VERSION\nn1     Ready    <none>   17d   v1.37.0\n');
  });

  it('prints endpoint slices, not-ready addresses included', () => {
    const lines = kubectl(c, 'get endpointslices').split('\n');
    expect(lines[0]).toBe('NAME        ADDRESSTYPE   PORTS     ENDPOINTS               AGE');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^db-[a-z0-9]{5} {4}IPv4 {10}<unset> {3}<unset> {17}5d2h$/),
      expect.stringMatching(/^lb-[a-z0-9]{5} {4}IPv4 {10}8080 {6}10\.244\.0\.2,10\.244\.0\.3 {3}5d2h$/),
      expect.stringMatching(/^web-[a-z0-9]{5} {3}IPv4 {10}8080 {6}10\.244\.0\.2,10\.244\.0\.3 {3}5d2h$/),
      '',
    ]);
  });

  it('lists several types at once, prefixing names with the type', () => {
    expect(kubectl(c, 'get nodes,svc -n prod')).toBe([
      'NAME      STATUS   ROLES    AGE   VERSION',
      'node/n1   Ready    <none>   17d   v1.37.0',
      '',
      'NAME          TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)           AGE',
      'service/api   ClusterIP   10.96.10.3   <none>        80/TCP,9090/TCP   5d2h',
      '',
    ].join('\n'));
  });

  it('prints the deprecated v1 Endpoints with the API server warning', () => {
    expect(kubectl(c, 'get ep')).toBe([
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      'NAME   ENDPOINTS         AGE',
      'db     <none>            5d2h',
      'lb     10.244.0.2:8080   5d2h',
      'web    10.244.0.2:8080   5d2h',
      '',
    ].join('\n'));
  });

  it('answers errors in kubectl words', () => {
    expect(kubectl(c, 'get svc nope')).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(kubectl(c, 'get foo')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(kubectl(c, 'descibe svc web')).toBe('error: unknown command "descibe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n');
    expect(kubectl(c, 'describe svc nope')).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('kubectl get: printers.go details', () => {
  const ing = (name: string, hosts: (string | undefined)[]) => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default' },
    spec: { ingressClassName: 'nginx', rules: hosts.map((host) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } })) },
  });

  it('formatHosts: "+ N more" counts every rule past the third, hosts or not', () => {
    const d = cluster().node('n1').pod('web-1', { app: 'web' }, { node: 'n1' }).service('web')
      .object(ing('a', ['a.example', 'b.example', 'c.example', undefined]))
      .object(ing('b', [undefined, 'a.example', 'b.example', 'c.example', 'd.example']))
      .object(ing('c', [undefined]))
      .build();
    const hosts = kubectl(d, 'get ing').split('\n').slice(1, 4).map((l) => l.split(/ {2,}/)[2]);
    expect(hosts).toEqual(['a.example,b.example,c.example + 1 more...', 'a.example,b.example,c.example + 2 more...', '*']);
  });

  it('a deleted pod reads Terminating only until it has finished', () => {
    const d = cluster().node('n1')
      .pod('live', { app: 'x' }, { node: 'n1', ready: true, terminating: true })
      .pod('done', { app: 'x' }, { node: 'n1', phase: 'Succeeded', terminating: true })
      .build();
    expect(kubectl(d, 'get pods').split('\n').slice(1, 3).map((l) => l.split(/ {2,}/)[2])).toEqual(['Completed', 'Terminating']);
  });

  it('EXTERNAL-IP: sorted unique IPs and hostnames, cut to 16 bytes unless wide, then external IPs', () => {
    const d = cluster().withSettings({ provider: 'bare-metal' }).node('n1')
      .object({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'default' },
        spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }], externalIPs: ['198.51.100.7'] },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { hostname: 'a1.elb.example' }, { ip: '203.0.113.9' }] } } })
      .build();
    const cell = (cmd: string) => kubectl(d, cmd).split('\n')[1]!.split(/ {2,}/)[3];
    expect(cell('get svc lb')).toBe('203.0.113.9,a...,198.51.100.7');
    expect(cell('get svc lb -o wide')).toBe('203.0.113.9,a1.elb.example,198.51.100.7');
  });

  it('get nodes -o wide: <none> for a missing address, <unknown> for empty system info', () => {
    const d = cluster().object({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.1.9' }], nodeInfo: { kubeletVersion: 'v1.37.0', osImage: '', kernelVersion: '', containerRuntimeVersion: '' } } }).build();
    expect(kubectl(d, 'get nodes -o wide').split('\n')[1]!.split(/ {2,}/)).toEqual(['bare', 'Ready', '<none>', '17d', 'v1.37.0', '10.0.1.9', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('get ep: an empty cell when every pod is not ready, <none> when only terminating pods match', () => {
    const d = cluster().node('n1')
      .pod('a-1', { app: 'a' }, { node: 'n1', ready: false })
      .pod('b-1', { app: 'b' }, { node: 'n1', ready: true, terminating: true })
      .service('a').service('b').build();
    expect(kubectl(d, 'get ep').split('\n').slice(1, 4)).toEqual(['NAME   ENDPOINTS   AGE', 'a                  5d2h', 'b      <none>      5d2h']);
  });

  it('-o name prints kind[.group]/name, nothing for an empty list', () => {
    expect(kubectl(c, 'get svc -o name -n prod')).toBe('service/api\n');
    expect(kubectl(c, 'get nodes,endpointslices -oname').split('\n')[0]).toBe('node/n1');
    expect(kubectl(c, 'get endpointslices -o name').split('\n')[0]).toMatch(/^endpointslice\.discovery\.k8s\.io\/db-[a-z0-9]{5}$/);
    expect(kubectl(c, 'get pods -o name -n monitoring')).toBe('');
    expect(kubectl(c, 'get svc nope -o name')).toBe('Error from server (NotFound): services "nope" not found\n');
  });

  it('-o: kubectl\'s own error for an unknown format, a plain refusal for real formats not printed here', () => {
    expect(kubectl(c, 'get svc -o table')).toBe('error: unable to match a printer suitable for the output format "table", allowed formats are: '
      + 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml\n');
    expect(kubectl(c, 'get svc -o WIDE')).toContain('unable to match a printer suitable for the output format "WIDE"');
    for (const format of ['yaml', 'yml', 'JSON', 'jsonpath={.items[*].metadata.name}', 'custom-columns=NAME:.metadata.name']) {
      expect(kubectl(c, `get svc -o ${format}`)).toBe(`error: this explainer does not print "-o ${format}"; real kubectl would. It prints tables (no -o, or -o wide) and -o name\n`);
    }
    expect(kubectl(c, 'describe svc web -o yaml')).toBe("error: unknown shorthand flag: 'o' in -o\nSee 'kubectl describe --help' for usage.\n");
    expect(kubectl(c, 'describe svc web --output=yaml')).toBe("error: unknown flag: --output\nSee 'kubectl describe --help' for usage.\n");
  });
});

describe('kubectl describe service', () => {
  it('prints the fields in describe.go order, aligned', () => {
    expect(kubectl(defaultScenario(), 'describe svc web')).toBe(`Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.106.175.246
IPs:                      10.106.175.246
LoadBalancer Ingress:     203.0.113.10 (VIP)
Port:                     http  80/TCP
TargetPort:               8080/TCP
NodePort:                 http  30080/TCP
Endpoints:                10.244.0.2:8080,10.244.0.3:8080,10.244.1.2:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('lists only ready endpoints and names an unset port', () => {
    const out = kubectl(c, 'describe service lb');
    expect(out).toContain('Endpoints:                10.244.0.2:8080\n');
    const d = cluster().service('x', { ports: [{ port: 80 }], selector: { app: 'none' } }).build();
    expect(kubectl(d, 'describe svc x')).toContain('Port:                     <unset>  80/TCP\nTargetPort:               80/TCP\nEndpoints:                \n');
  });
});

describe('tabwriter and ages', () => {
  it('pads each column block to its widest cell plus padding', () => {
    expect(tabwrite('a\tbb\tc\nccc\td\te\n', 6, 3)).toBe('a     bb    c\nccc   d     e\n');
    expect(tabwrite('Labels:\ta=b\n\tc=d\nX:\ty\n', 0, 2)).toBe('Labels:  a=b\n         c=d\nX:       y\n');
  });
  it('formats durations like duration.HumanDuration', () => {
    expect(humanDuration(90_000)).toBe('90s');
    expect(humanDuration(5 * 60_000 + 3000)).toBe('5m3s');
    expect(humanDuration(3 * 3600_000 + 20 * 60_000)).toBe('3h20m');
    expect(humanDuration(3 * 86400_000)).toBe('3d');
    expect(humanDuration(400 * 86400_000)).toBe('400d');
  });
});
