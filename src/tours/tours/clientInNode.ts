/**
 * Tour: "Why is the client inside the node in the docs' diagram?" — a ClusterIP is DNAT-ed on the
 * sender's own node. All its text is here. Scenario: clusterip (frontend pod → api Service).
 */
import { reschedulePod } from '../../model/edits';
import { elementId } from '../../model/elementIds';
import {
  clusterIP, code, findHop, firstPort, hopParam, loadScenario, objectKey, podIP, podNode, service, setLens, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const API = 'default/api';
const FRONTEND = 'default/frontend-6b8d9c7f45-qx4tz';
const api = (f: TourFacts) => service(f.cluster, API);
const home = (f: TourFacts) => podNode(f.cluster, FRONTEND) ?? '?';
/** The node whose rules did the translation in the current trace. */
const dnatNode = (f: TourFacts) => hopParam(f.trace, 'hop.service.dnat', 'node');

export const clientInNode: Tour = {
  id: 'client-in-node',
  title: 'Why is the client inside the node in the docs\' diagram?',
  question: 'The docs draw the ClusterIP client inside a node. Should it not be outside?',
  docs: { title: 'Virtual IPs and Service proxies', url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/' },
  steps: [
    {
      title: 'The picture in question',
      actions: [loadScenario('clusterip'), setLens('layers'), showHop(0)],
      highlight: () => [elementId.pod(objectKey(FRONTEND))],
      narration: (f) => [
        'The docs\' drawing of a ClusterIP Service puts the client inside a node, beside kube-proxy and its rules. Many readers expect it outside, looking at the Service from afar.',
        `Here the client is the frontend pod on ${home(f)}, and it calls the ${code('api')} Service by name.`,
      ],
    },
    {
      title: 'A name becomes the ClusterIP',
      actions: [showHop('hop.dns.query')],
      narration: (f) => [
        `frontend asks cluster DNS for ${code('api')} and gets ${code(hopParam(f.trace, 'hop.dns.query', 'answer'))}, the ClusterIP of the Service. It then connects to ${code(`${clusterIP(api(f))}:${firstPort(api(f)).port}`)}.`,
      ],
    },
    {
      title: 'Look at the wire',
      actions: [setLens('wire'), showHop('hop.service.capture')],
      narration: (f) => [
        'The "on the wire" lens draws only places a packet really visits. The Service box is not one of them.',
        `The packet for ${code(clusterIP(api(f)))} never leaves ${findHop(f.trace, 'hop.service.capture')?.node ?? home(f)} as it was sent: the kube-proxy rules on that node, the sender's own, catch it first. That is why the docs draw the client inside the node: the translation happens where the client runs.`,
      ],
    },
    {
      title: 'The rewrite, on the sender\'s node',
      actions: [showHop('hop.service.dnat')],
      narration: (f) => {
        const same = hopParam(f.trace, 'hop.service.dnat', 'endpointNode') === dnatNode(f);
        return [
          `The rules on ${dnatNode(f)} pick ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))} and write it into the destination. ${same ? 'That pod runs on the same node, so the packet never touches the network.' : 'That pod runs on another node, so only now does the packet cross the network, already addressed to the pod.'}`,
          hopParam(f.trace, 'hop.service.dnat', 'masquerade') === 'true'
            ? 'The source is rewritten too (masquerade).'
            : `The source stays ${code(podIP(f.cluster, FRONTEND) ?? '?')}: the api pod sees the frontend's own address.`,
        ];
      },
    },
    {
      title: 'Move the client',
      tryIt: {
        hint: 'Drag the frontend pod from worker-1 onto worker-2. (Kubernetes never moves a pod: it makes a new one there, with a new IP.)',
        done: (f) => home(f) !== 'worker-1',
        perform: (store) => {
          store.getState().applyEdit((c) => reschedulePod(c, objectKey(FRONTEND), 'worker-2'), [elementId.pod(objectKey(FRONTEND))]);
        },
      },
      actions: [showHop('hop.service.dnat')],
      narration: (f) => home(f) === 'worker-1'
        ? ['If the translation happens on the sender\'s node, moving the sender should move the translation.']
        : [
          `frontend now runs on ${home(f)} as ${code(podIP(f.cluster, FRONTEND) ?? '?')}, and the trace followed it: the rules on ${dnatNode(f)} do the rewrite now.`,
          'Every node holds rules for every Service, so whichever node a client runs on, its own node translates.',
        ],
    },
    {
      title: 'And a client outside?',
      narration: () => [
        'A client outside the cluster has no node of its own holding those rules, so a ClusterIP means nothing to it.',
        `That is why the docs could draw a NodePort client outside: it sends to a node's real address, and the rules on that node take over from there. The ClusterIP picture shows the client inside because there is no other place it could be.`,
      ],
    },
  ],
};
