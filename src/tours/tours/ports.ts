/**
 * Tour: "port, targetPort and nodePort" — one request, each number where it is used. All its text is here.
 * Scenario: loadbalancer-cloud (port 80, targetPort 8080, nodePort 30080).
 */
import { elementId } from '../../model/elementIds';
import { OUTCOME_LABEL } from '../../panels/traceWording';
import {
  at, clusterIP, code, firstPort, fromNode, hopParam, lbIP, loadScenario, nodePortOf, objectKey, patchService, request,
  selectElement, send, service, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const WEB = 'default/web';
const web = (f: TourFacts) => service(f.cluster, WEB);
const port = (f: TourFacts) => firstPort(web(f)).port;
const targetPort = (f: TourFacts) => String(firstPort(web(f)).targetPort);
const np = (f: TourFacts) => nodePortOf(web(f)) ?? 0;
/** The destination of the packet on the current hop. */
const dst = (f: TourFacts) => (f.hop ? at(f.hop.packet.dst) : '?');

export const ports: Tour = {
  id: 'ports',
  title: 'port, targetPort and nodePort',
  question: 'Which of the three port numbers in a Service is used where?',
  docs: { title: 'Defining a Service (port and targetPort)', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service' },
  steps: [
    {
      title: 'Three numbers, one entry',
      actions: [loadScenario('loadbalancer-cloud'), selectElement(elementId.service(objectKey(WEB))), showHop(0)],
      highlight: () => [elementId.service(objectKey(WEB))],
      narration: (f) => [
        `The Service ${code('web')} has one entry in ${code('spec.ports')}: port ${code(port(f))}, targetPort ${code(targetPort(f))} and nodePort ${code(np(f))}.`,
        'Each number is used at a different point on the way in. Follow one request from the internet and watch the destination of the packet change.',
      ],
    },
    {
      title: 'port: what the load balancer listens on',
      actions: [showHop('hop.lb.receive')],
      highlight: () => [elementId.loadBalancer(objectKey(WEB))],
      narration: (f) => [
        `The client sends to ${code(dst(f))}. The cloud load balancer listens on the Service's ${code('port')}, ${code(port(f))}, at its own address ${code(lbIP(web(f)) ?? '<pending>')}.`,
        `Inside the cluster the same number is the port of the ClusterIP, ${code(`${clusterIP(web(f))}:${port(f)}`)}.`,
      ],
    },
    {
      title: 'nodePort: where the load balancer sends',
      actions: [showHop('hop.lb.toNode')],
      narration: (f) => [
        `The load balancer forwards to ${code(dst(f))}: node ${hopParam(f.trace, 'hop.lb.toNode', 'node')} on the ${code('nodePort')}, ${code(np(f))}.`,
        f.cluster.settings.loadBalancerTargets === 'NodePort'
          ? 'With node targets, as here, it knows nothing of pods or of the ClusterIP: its targets are the nodes, and the one port number every node serves for this Service. (A balancer with IP targets would send to pod IPs on the targetPort instead.)'
          : 'This cluster\'s load balancer does not use node targets, so the nodePort is not on its way in.',
      ],
    },
    {
      title: 'targetPort: where the pod listens',
      actions: [showHop('hop.service.dnat')],
      narration: (f) => [
        `kube-proxy's rules on ${hopParam(f.trace, 'hop.service.dnat', 'node')} matched nodePort ${np(f)} and rewrote the destination to ${code(dst(f))}: a pod's IP with the ${code('targetPort')}, ${code(targetPort(f))}.`,
        `The targetPort must be a port the container really listens on (its containerPort). Note that ${code(`${clusterIP(web(f))}:${port(f)}`)} never appeared: from a nodePort the rules go straight to a pod.`,
      ],
    },
    {
      title: 'port again, from inside',
      actions: [request((f) => send(fromNode('worker-1'), clusterIP(web(f)), port(f))), showHop('hop.service.dnat')],
      narration: (f) => [
        `Inside the cluster a client uses the ClusterIP with the ${code('port')}: here a program on worker-1 sends to ${code(`${clusterIP(web(f))}:${port(f)}`)}.`,
        `The same rules translate it to ${code(dst(f))}, targetPort ${code(targetPort(f))} again. One Service, two ways in, one way to the pods.`,
      ],
    },
    {
      title: 'Break the targetPort',
      tryIt: {
        hint: (f) => `Select the Service web, change its targetPort to 9090 in the inspector and press Apply. The container still listens on ${targetPort(f) === '9090' ? 'its old port' : targetPort(f)}.`,
        done: (f) => targetPort(f) === '9090',
        perform: (store) => {
          store.getState().applyEdit((c) => {
            const svc = service(c, WEB);
            return patchService(c, WEB, { ports: svc.spec.ports.map((p, i) => (i === 0 ? { ...p, targetPort: 9090 } : p)) });
          });
        },
      },
      actions: [selectElement(elementId.service(objectKey(WEB))), showHop('end')],
      narration: (f) => {
        if (targetPort(f) !== '9090') {
          return ['What if the targetPort names a port nobody listens on? The Service accepts it: Kubernetes does not compare targetPort with the containers\' ports.'];
        }
        const last = f.trace?.hops.at(-1);
        return [
          `Now the rules send the packet to ${last ? code(at(last.packet.dst)) : 'port 9090'}, and the trace ends ${f.trace ? OUTCOME_LABEL[f.trace.outcome] : '?'}: the pod has nothing listening on 9090, so its kernel answers with a reset.`,
          'The Service still looks healthy and has endpoints: a wrong targetPort shows up only as "connection refused". Undo (Ctrl+Z) puts it back.',
        ];
      },
    },
  ],
};
