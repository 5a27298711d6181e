/**
 * Tour: "Ingress: one load balancer, many Services". All its text is here.
 * Scenario: ingress (ingress-nginx behind one LoadBalancer; shop and blog are ClusterIP Services).
 */
import { elementId } from '../../model/elementIds';
import { OUTCOME_LABEL } from '../../panels/traceWording';
import {
  client, code, hopParam, lbIP, loadScenario, nodePortOf, objectKey, reasonParam, request, selectElement, send,
  service, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const CONTROLLER = 'ingress-nginx/ingress-nginx-controller';
const controller = (f: TourFacts) => service(f.cluster, CONTROLLER);
const address = (f: TourFacts) => lbIP(controller(f)) ?? '<pending>';
const routed = (f: TourFacts) => hopParam(f.trace, 'hop.ingress.route', 'service');
const site = (host: string) => request(() => send(client('browser'), host, 80, { path: '/', httpHost: host }));

export const ingress: Tour = {
  id: 'ingress',
  title: 'Ingress: one load balancer, many Services',
  question: 'Do I need a LoadBalancer Service for every site I expose?',
  docs: { title: 'Ingress', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/' },
  steps: [
    {
      title: 'Two sites, one address',
      actions: [loadScenario('ingress'), selectElement(elementId.ingress({ namespace: 'default', name: 'sites' })), showHop(0)],
      highlight: () => [elementId.ingress({ namespace: 'default', name: 'sites' }), elementId.service(objectKey(CONTROLLER))],
      narration: (f) => [
        `shop.example.com and blog.example.com both point at ${code(address(f))}. Only one Service here is of type LoadBalancer: ${code('ingress-nginx-controller')}.`,
        `${code('shop')} and ${code('blog')} are ordinary ClusterIP Services. The Ingress ${code('sites')} holds the rules saying which host goes to which.`,
      ],
    },
    {
      title: 'The usual LoadBalancer path',
      actions: [showHop('hop.pod.deliver')],
      narration: (f) => [
        `The browser asks for blog.example.com. The packet reaches ${code(`${address(f)}:80`)}, then a node on nodePort ${code(nodePortOf(controller(f)) ?? '?')}, then the controller pod: nothing new so far, just a LoadBalancer Service.`,
      ],
    },
    {
      title: 'Routing by Host',
      actions: [showHop('hop.ingress.route')],
      narration: (f) => [
        `The controller is an HTTP proxy. It ends the client's connection and reads the request: Host ${code(hopParam(f.trace, 'hop.ingress.route', 'host'))}, path ${code(hopParam(f.trace, 'hop.ingress.route', 'path'))}.`,
        `The rules of Ingress ${code('sites')} send that to the Service ${code(routed(f))}.`,
      ],
    },
    {
      title: 'Straight to a pod',
      actions: [showHop('hop.ingress.proxy')],
      narration: (f) => [
        `The controller opens a new connection to ${code(hopParam(f.trace, 'hop.ingress.proxy', 'endpoint'))}, a pod of ${code(routed(f))}, picked from the endpoints it watches.`,
        `The ClusterIP of ${code(routed(f))} is not on this path: ingress-nginx uses the Service as a list of pods (unless an Ingress sets its ${code('service-upstream')} annotation).`,
      ],
    },
    {
      title: 'Another host, the same door',
      actions: [site('shop.example.com'), showHop('hop.ingress.route')],
      narration: (f) => [
        `Now shop.example.com: the same address, the same nodePort, the same controller. Only the Host differs, and the rules pick ${code(routed(f))} instead.`,
        'One load balancer for any number of HTTP sites is what Ingress is for.',
      ],
    },
    {
      title: 'A host no rule names',
      actions: [request((f) => send(client('browser'), address(f), 80, { path: '/', httpHost: 'www.example.com' })), showHop('end')],
      narration: (f) => [
        `A request for www.example.com reaches the controller the same way, but no rule names that host. The controller answers it itself${reasonParam(f.trace, 'status') ? `, with HTTP ${reasonParam(f.trace, 'status')}` : ''}, and no Service sees it (the trace ends ${f.trace ? OUTCOME_LABEL[f.trace.outcome] : '?'}).`,
      ],
    },
  ],
};
