/**
 * Tour: "Is NodeIP:NodePort the same as ClusterIP:NodePort?" — every sentence of it is here.
 * Scenario: nodeport (three nodes, web pods on worker-1 and worker-2, a laptop on the LAN).
 */
import { elementId } from '../../model/elementIds';
import { OUTCOME_LABEL } from '../../panels/traceWording';
import {
  arrived, client, clusterIP, code, firstPort, fromNode, hopParam, loadScenario, nodeAddresses, nodeIP, nodePortOf,
  objectKey, reasonParam, request, selectElement, send, service, setProxyMode, showHop, traceInMode,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const WEB = 'default/web';
const web = (f: TourFacts) => service(f.cluster, WEB);
const np = (f: TourFacts) => nodePortOf(web(f)) ?? 0;
const outcome = (f: TourFacts) => (f.trace ? OUTCOME_LABEL[f.trace.outcome] : '');
/** The same request's outcome had kube-proxy run in iptables mode. */
const iptablesOutcome = (f: TourFacts) => {
  const other = traceInMode(f, 'iptables');
  return other ? OUTCOME_LABEL[other.outcome] : '';
};
/** The nft rule that stopped the packet and its chain, as the trace's reason names them. */
function stoppingRule(f: TourFacts): string[] {
  const rule = reasonParam(f.trace, 'rule');
  const chain = reasonParam(f.trace, 'chain');
  if (rule === undefined || chain === undefined) return [];
  return [`The rule that decided it is in the chain ${code(chain)} of the table ${code('ip kube-proxy')}: ${code(rule)}. The Rules tab shows it lit among the node's rules.`];
}

export const nodeIpVsClusterIp: Tour = {
  id: 'nodeip-vs-clusterip',
  title: 'Is NodeIP:NodePort the same as ClusterIP:NodePort?',
  question: 'Does a NodePort Service open its port on the ClusterIP, or on the nodes?',
  docs: { title: 'Service type NodePort', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport' },
  steps: [
    {
      title: 'One Service, two numbers',
      actions: [loadScenario('nodeport'), selectElement(elementId.service(objectKey(WEB))), showHop(0)],
      highlight: () => [elementId.service(objectKey(WEB))],
      narration: (f) => [
        `The Service ${code('web')} is of type NodePort, so it has two numbers people mix up: a ClusterIP, ${code(clusterIP(web(f)))}, and a nodePort, ${code(np(f))}.`,
        `People often combine the two and try ${code(`${clusterIP(web(f))}:${np(f)}`)}. Is that the same thing as a node's address with the nodePort? Two requests will tell.`,
        'The Service card lists every address the Service answers on, grouped by who can use it. Look for that combination: it is not there.',
      ],
    },
    {
      title: 'NodeIP:nodePort from the LAN',
      actions: [request((f) => send(client('laptop'), nodeIP(f.cluster, 'worker-3'), np(f))), showHop('hop.service.capture')],
      narration: (f) => [
        `The laptop sits on the nodes' network and sends to ${code(`${nodeIP(f.cluster, 'worker-3')}:${np(f)}`)}: the real address of node worker-3 (its InternalIP in ${code('kubectl get nodes -o wide')}) and the nodePort.`,
        `worker-3 runs no web pod, yet its kube-proxy rules catch the packet. kube-proxy writes rules for the nodePort on every node, and in iptables mode they match all of a node's addresses by default: ${nodeAddresses(f.cluster, np(f))}.`,
      ],
    },
    {
      title: 'Let it arrive',
      tryIt: {
        hint: 'Press Play in the request playback panel (or Space while focus is in it) and let the packet reach a pod.',
        done: arrived,
        perform: (store) => {
          const s = store.getState();
          s.goTo(Number.MAX_SAFE_INTEGER);
        },
      },
      narration: (f) => [
        'From the node, the rules send the packet to one of the Service\'s pods, wherever it runs.',
        ...(arrived(f)
          ? [`${outcome(f)}: worker-3 rewrote the destination to ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))} on ${hopParam(f.trace, 'hop.service.dnat', 'endpointNode')}, and the source to its own address, so the reply comes back through worker-3.`]
          : []),
      ],
    },
    {
      title: 'ClusterIP:nodePort, from inside',
      actions: [request((f) => send(fromNode('worker-1'), clusterIP(web(f)), np(f))), showHop('end')],
      narration: (f) => [
        `Now a program on worker-1 itself sends to ${code(`${clusterIP(web(f))}:${np(f)}`)}. Inside the cluster the ClusterIP works, so if the two addresses were one, this would arrive.`,
        `The trace ends ${outcome(f)}. kube-proxy writes rules for ${code(clusterIP(web(f)))} on port ${code(firstPort(web(f)).port)} only, the Service's ${code('port')}. In iptables mode, the default and what this cluster runs, nothing matches port ${np(f)} there, no machine owns the address, and the packet leaves by the default route to be lost. nftables mode rejects it instead (the next step shows it), and IPVS mode refuses it. The reason is in the playback panel.`,
      ],
    },
    {
      title: 'The same request in nftables mode',
      actions: [setProxyMode('nftables'), request((f) => send(fromNode('worker-1'), clusterIP(web(f)), np(f))), showHop('end')],
      narration: (f) => [
        `kube-proxy has a second mode, nftables (GA since v1.33), and the cluster now runs it on every node: the Rules tab shows ${code('nft list ruleset')} where it showed ${code('iptables-save')}. The same program on worker-1 sends to ${code(`${clusterIP(web(f))}:${np(f)}`)} again.`,
        `This time the trace ends ${outcome(f)}, where iptables mode ended ${iptablesOutcome(f)}.`,
        ...(f.trace?.reason?.key === 'reason.kubeProxy.invalidClusterIPPort'
          ? ['nftables mode keeps a set of every active ClusterIP and turns away a new connection to one that no Service rule has rewritten: the program gets an error at once, not a timeout.']
          : []),
        ...stoppingRule(f),
      ],
    },
    {
      title: 'And from the LAN?',
      actions: [setProxyMode('iptables'), request((f) => send(client('laptop'), clusterIP(web(f)), np(f))), showHop('end')],
      narration: (f) => [
        `Back in iptables mode. From the laptop it fails sooner: ${outcome(f)}. ${code(clusterIP(web(f)))} is in the Service range ${code(f.cluster.settings.serviceCIDR)}, which exists only as rules inside the nodes. Nothing on the LAN knows where to send it.`,
      ],
    },
    {
      title: 'The pairs that work',
      actions: [request((f) => send(fromNode('worker-1'), clusterIP(web(f)), firstPort(web(f)).port)), showHop('end')],
      narration: (f) => [
        `With the Service's own port, ${code(`${clusterIP(web(f))}:${firstPort(web(f)).port}`)}, the same program on worker-1 is served: ${outcome(f)}.`,
        `So the answer is no. ${code('NodeIP:nodePort')} is a node's real address with a port opened on every node, for anyone who can reach the nodes. ${code('ClusterIP:port')} is a virtual address for pods and nodes. Both lead into the same kube-proxy rules; ${code('ClusterIP:nodePort')} leads nowhere (lost in iptables mode, refused in nftables and IPVS modes).`,
      ],
    },
  ],
};
