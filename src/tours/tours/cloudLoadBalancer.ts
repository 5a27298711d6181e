/**
 * Tour: "What does the cloud load balancer actually send to?" — nodes and nodePorts, health checks,
 * and what externalTrafficPolicy: Local changes for the client's source IP. All its text is here.
 * Scenarios: loadbalancer-cloud, then traffic-policy.
 */
import { elementId } from '../../model/elementIds';
import { OUTCOME_LABEL } from '../../panels/traceWording';
import {
  client, code, edit, findHop, hopParam, lbIP, loadScenario, nodeIP, nodePortOf, objectKey, patchService, request,
  selectElement, send, service, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const WEB = 'default/web';
const web = (f: TourFacts) => service(f.cluster, WEB);
const outcome = (f: TourFacts) => (f.trace ? OUTCOME_LABEL[f.trace.outcome] : '');
/** Names of the nodes running a pod of app=web. */
const podNodes = (f: TourFacts) => new Set(f.cluster.pods.filter((p) => p.metadata.labels?.app === 'web').map((p) => p.spec.nodeName));
const lbNode = (f: TourFacts) => hopParam(f.trace, 'hop.lb.toNode', 'node');
const health = (f: TourFacts) => `${hopParam(f.trace, 'hop.lb.toNode', 'healthyNodes')} of ${hopParam(f.trace, 'hop.lb.toNode', 'readyNodes')}`;
/** The packet as it leaves the DNAT hop: the source the pod will see. */
const seenSource = (f: TourFacts) => {
  const hop = findHop(f.trace, 'hop.service.dnat');
  return hop ? hop.packet.src.ip : '?';
};
const clientIP = (f: TourFacts) => f.trace?.hops[0]?.packet.src.ip ?? '?';

export const cloudLoadBalancer: Tour = {
  id: 'cloud-load-balancer',
  title: 'What does the cloud load balancer actually send to?',
  question: 'Does the cloud load balancer send to pods, to the ClusterIP, or to the nodes?',
  docs: { title: 'Preserving the client source IP', url: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip' },
  steps: [
    {
      title: 'A machine outside the cluster',
      actions: [loadScenario('loadbalancer-cloud'), selectElement(elementId.loadBalancer(objectKey(WEB))), showHop('hop.lb.receive')],
      highlight: () => [elementId.loadBalancer(objectKey(WEB))],
      narration: (f) => [
        `The client sends to ${code(`${lbIP(web(f)) ?? '<pending>'}:80`)}. That address belongs to a load balancer the cloud provider built for the Service ${code('web')}.`,
        'It is not a node and it runs no Kubernetes code.',
        f.cluster.settings.loadBalancerTargets === 'Pod'
          ? 'This cluster\'s load balancer targets pod IPs (as the AWS Load Balancer Controller in IP mode or GKE container-native load balancing do): its controller keeps it told which pods are ready.'
          : 'With node targets, as here, it knows a list of machines and a port, nothing about pods. Balancers with IP targets (AWS Load Balancer Controller in IP mode, GKE container-native load balancing) are different: they send straight to pod IPs.',
      ],
    },
    {
      title: 'Its targets: every node, on the nodePort',
      actions: [showHop('hop.lb.toNode')],
      narration: (f) => [
        `It forwards to ${code(`${hopParam(f.trace, 'hop.lb.toNode', 'nodeIP')}:${nodePortOf(web(f))}`)}, node ${lbNode(f)} on the nodePort. ${podNodes(f).has(lbNode(f)) ? '' : `${lbNode(f)} runs no web pod, and is used anyway.`}`,
        `Which nodes it may use is decided by a health check. Under ${code('externalTrafficPolicy: Cluster')} providers that follow KEP-3836 (GCP does) probe kube-proxy's own health endpoint (port 10256), which every working node passes; others simply probe the nodePort. Here ${health(f)} pass.`,
      ],
    },
    {
      title: 'Whose address does the pod see?',
      actions: [showHop('hop.service.dnat')],
      narration: (f) => [
        `kube-proxy on ${lbNode(f)} passes the connection to ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))} on ${hopParam(f.trace, 'hop.service.dnat', 'endpointNode')}.`,
        hopParam(f.trace, 'hop.service.dnat', 'masquerade') === 'true'
          ? `It also replaces the source with ${code(seenSource(f))}, an address of ${lbNode(f)}, so the reply returns the same way. The pod never learns that the client was ${code(clientIP(f))}.`
          : `The source stays ${code(seenSource(f))}.`,
      ],
    },
    {
      title: 'externalTrafficPolicy: Local',
      actions: [edit((c) => patchService(c, WEB, { externalTrafficPolicy: 'Local' })), selectElement(elementId.service(objectKey(WEB))), showHop('hop.lb.toNode')],
      narration: (f) => [
        `The Service now says ${code('externalTrafficPolicy: Local')}. Kubernetes gave it a ${code('healthCheckNodePort')}, ${code(web(f).spec.healthCheckNodePort ?? '?')}, on which kube-proxy reports success only on nodes running a ready web pod.`,
        `The load balancer's checks now pass on ${health(f)} nodes, so it sends only to those: this time to ${lbNode(f)}.`,
      ],
    },
    {
      title: 'The client\'s address survives',
      actions: [showHop('hop.service.dnat')],
      narration: (f) => [
        `${lbNode(f)} hands the connection to its own pod, ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))}, without masquerading: the pod sees ${code(seenSource(f))}, the real client. That holds when the load balancer passes packets through unchanged, as this one does; a proxying balancer (AWS's Classic ELB, for one) shows the pod its own address whatever the policy.`,
        'The cost: a load balancer with node targets splits traffic per node, not per pod, so a node with one pod gets as much as a node with two.',
      ],
    },
    {
      title: 'Local without a health check',
      actions: [
        loadScenario('traffic-policy'),
        request((f) => send(client('laptop'), nodeIP(f.cluster, 'worker-3'), nodePortOf(service(f.cluster, 'default/web-local')) ?? 0)),
        showHop('end'),
      ],
      highlight: () => [elementId.node('worker-3')],
      narration: (f) => [
        `Two NodePort Services over the same pods: ${code('web-cluster')} (Cluster, nodePort ${code(nodePortOf(service(f.cluster, 'default/web-cluster')) ?? '?')}) and ${code('web-local')} (Local, nodePort ${code(nodePortOf(service(f.cluster, 'default/web-local')) ?? '?')}). No load balancer checks anything in front of them.`,
        `The laptop sends to worker-3, which has no web pod, on web-local's nodePort: ${outcome(f)}. Under Local a node never forwards outside traffic to another node's pods; this is exactly the traffic a load balancer's health check keeps away.`,
      ],
    },
    {
      title: 'Same node, Cluster policy',
      actions: [
        request((f) => send(client('laptop'), nodeIP(f.cluster, 'worker-3'), nodePortOf(service(f.cluster, 'default/web-cluster')) ?? 0)),
        showHop('hop.service.dnat'),
      ],
      narration: (f) => [
        `On web-cluster's nodePort, worker-3 forwards to ${code(hopParam(f.trace, 'hop.service.dnat', 'endpoint'))} on ${hopParam(f.trace, 'hop.service.dnat', 'endpointNode')} and rewrites the source to ${code(seenSource(f))}: ${outcome(f)}, but the pod sees ${code(seenSource(f))}, not ${code(clientIP(f))}.`,
        `Cluster: any node works, the client's address is lost. Local: the client's address is kept, and only nodes with a pod may receive traffic.`,
      ],
    },
  ],
};
