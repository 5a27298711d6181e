/**
 * Tour: "ClusterIP ⊂ NodePort ⊂ LoadBalancer" — one Service grown type by type, with the addresses
 * each type adds. All its text is here. Scenario: loadbalancer-cloud, cut down to ClusterIP first.
 */
import type { Client } from '../../model/cluster';
import { updateSettings } from '../../model/edits';
import { serviceExposure } from '../../model/exposure';
import { elementId } from '../../model/elementIds';
import { loadBalancerHost } from '../../model/requestHost';
import { OUTCOME_LABEL } from '../../panels/traceWording';
import {
  client, clusterIP, code, edit, firstPort, fromNode, hopParam, lbIP, loadScenario, nodeAddresses, nodeIP, nodePortOf,
  objectKey, patchService, request, selectElement, send, service, setLens, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const WEB = 'default/web';
const web = (f: TourFacts) => service(f.cluster, WEB);
const port = (f: TourFacts) => firstPort(web(f)).port;
const np = (f: TourFacts) => nodePortOf(web(f));
const outcome = (f: TourFacts) => (f.trace ? OUTCOME_LABEL[f.trace.outcome] : '');
const typeIs = (f: TourFacts, ...types: string[]) => types.includes(web(f).spec.type);

export const growTypes: Tour = {
  id: 'grow-types',
  title: 'ClusterIP ⊂ NodePort ⊂ LoadBalancer',
  question: 'Is a NodePort Service also a ClusterIP Service, and a LoadBalancer also a NodePort?',
  docs: { title: 'Service types', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types' },
  steps: [
    {
      title: 'Start with a ClusterIP',
      actions: [
        loadScenario('loadbalancer-cloud'),
        edit((c) => patchService(c, WEB, { type: 'ClusterIP' })),
        // A laptop on the nodes' LAN, to show what each type opens to it (the model gives it an address).
        edit((c) => updateSettings(c, { clients: [...c.settings.clients, { name: 'laptop', location: 'lan' } as Client] })),
        selectElement(elementId.service(objectKey(WEB))),
        request((f) => send(fromNode('worker-1'), clusterIP(web(f)), port(f))),
        showHop('end'),
      ],
      highlight: () => [elementId.service(objectKey(WEB))],
      narration: (f) => [
        `The Service ${code('web')} is cut down here to type ClusterIP. It gets a single address, ${code(`${clusterIP(web(f))}:${port(f)}`)}, and a DNS name, ${code(serviceExposure(f.cluster, web(f)).dnsName)}.`,
        `Only pods and nodes can use them. A program on worker-1 sends to that address: ${outcome(f)}.`,
      ],
    },
    {
      title: 'Invisible from the LAN',
      actions: [request((f) => send(client('laptop'), clusterIP(web(f)), port(f))), showHop('end')],
      highlight: () => [elementId.client({ name: 'laptop' })],
      narration: (f) => [
        `A laptop on the nodes' own network tries the same address: ${outcome(f)}. The ClusterIP is a rule inside each node, not a machine anyone outside can route to.`,
      ],
    },
    {
      title: 'Grow it to NodePort',
      actions: [selectElement(elementId.service(objectKey(WEB)))],
      tryIt: {
        hint: 'In the inspector, set Type to NodePort and press Apply.',
        done: (f) => typeIs(f, 'NodePort', 'LoadBalancer'),
        perform: (store) => {
          store.getState().applyEdit((c) => patchService(c, WEB, { type: 'NodePort' }));
        },
      },
      narration: (f) => typeIs(f, 'NodePort', 'LoadBalancer')
        ? [
          `Kubernetes kept the ClusterIP ${code(clusterIP(web(f)))} and picked nodePort ${code(np(f) ?? '?')} from the range ${code(f.cluster.settings.nodePortRange)}.`,
          `The Service now answers on every node as well: ${nodeAddresses(f.cluster, np(f))}. Nothing was taken away; one way in was added.`,
        ]
        : ['A NodePort Service is a ClusterIP Service plus a nodePort for each of its ports, which kube-proxy serves on every node.'],
    },
    {
      title: 'NodeIP:nodePort from the LAN',
      actions: [request((f) => send(client('laptop'), nodeIP(f.cluster, 'worker-1'), np(f) ?? 0)), showHop('hop.service.dnat')],
      narration: (f) => [
        `The laptop sends to ${code(`${nodeIP(f.cluster, 'worker-1')}:${np(f)}`)}, worker-1's own address, and the rules there pass it to ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))}: ${outcome(f)}.`,
        f.cluster.settings.nodesPublic
          ? 'These nodes are on a public subnet, so a client on the internet could use the same address, if the nodes\' firewall lets the nodePort in.'
          : 'These nodes are on a private subnet, so a client on the internet still cannot reach them. That is the job of the next type.',
      ],
    },
    {
      title: 'Grow it to LoadBalancer',
      actions: [
        edit((c) => patchService(c, WEB, { type: 'LoadBalancer' })),
        request((f) => send(client('client'), lbIP(web(f)) ?? loadBalancerHost(web(f)), port(f))),
        showHop('hop.lb.toNode'),
      ],
      highlight: () => [elementId.loadBalancer(objectKey(WEB))],
      narration: (f) => [
        `As type LoadBalancer, the cloud provider built a load balancer at ${code(`${lbIP(web(f)) ?? '<pending>'}:${port(f)}`)} for the internet client.`,
        f.cluster.settings.loadBalancerTargets === 'NodePort'
          ? `It sends to ${code(`${hopParam(f.trace, 'hop.lb.toNode', 'nodeIP')}:${np(f)}`)}: the nodePort ${np(f)} and the ClusterIP ${code(clusterIP(web(f)))} are still there, underneath.`
          : `This cluster's load balancer does not use the nodePort (its targets are ${f.cluster.settings.loadBalancerTargets === 'Pod' ? 'pod IPs' : 'nodes, still addressed to the LB IP'}), but the nodePort ${np(f) ?? '?'} and the ClusterIP ${code(clusterIP(web(f)))} are still there, underneath.`,
      ],
    },
    {
      title: 'Three ways in, one Service',
      actions: [setLens('layers'), showHop('hop.service.dnat')],
      narration: (f) => [
        `${code(`${lbIP(web(f)) ?? '<pending>'}:${port(f)}`)} for the internet, ${code(`NodeIP:${np(f)}`)} on every node for the LAN, ${code(`${clusterIP(web(f))}:${port(f)}`)} for pods and nodes. Each type kept what the smaller one had and added one way in.`,
        'The Layers box in the playback panel shows the same nesting for the hop on show: LoadBalancer around NodePort around ClusterIP.',
        `The nesting is the default, not a law. With ${code('allocateLoadBalancerNodePorts: false')} a LoadBalancer has no nodePorts, and a load balancer that targets pod IPs (AWS Load Balancer Controller in IP mode, GKE container-native load balancing) skips them even when they exist. Every LoadBalancer keeps its ClusterIP.`,
      ],
    },
  ],
};
