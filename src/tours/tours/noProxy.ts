/**
 * Tour: "ExternalName and headless: Services with no proxy at all". All its text is here.
 * Scenarios: externalname (orders-db → an RDS name), then headless (db-0…db-2 and a backup pod).
 */
import { elementId } from '../../model/elementIds';
import {
  at, code, fromPod, hopListParam, hopParam, loadScenario, podIP, request, selectElement, send, service, showHop,
} from '../facts';
import type { Tour, TourFacts } from '../types';

const dst = (f: TourFacts) => {
  const last = f.trace?.hops.at(-1);
  return last ? at(last.packet.dst) : '?';
};
const answers = (f: TourFacts) => hopListParam(f.trace, 'hop.dns.query', 'answer').map((a) => code(a)).join(', ');

export const noProxy: Tour = {
  id: 'no-proxy',
  title: 'ExternalName and headless: Services with no proxy at all',
  question: 'Does every Service put kube-proxy between the client and the server?',
  docs: { title: 'Headless Services and ExternalName', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#headless-services' },
  steps: [
    {
      title: 'A Service that is only a name',
      actions: [loadScenario('externalname'), selectElement(elementId.service({ namespace: 'default', name: 'orders-db' })), showHop('hop.dns.cname')],
      highlight: () => [elementId.service({ namespace: 'default', name: 'orders-db' })],
      narration: (f) => [
        `${code('orders-db')} is of type ExternalName. It has no ClusterIP, no endpoints and no kube-proxy rules.`,
        `Asked for ${code('orders-db')}, cluster DNS answers with a CNAME: ${code(service(f.cluster, 'default/orders-db').spec.externalName ?? '?')}. Renaming the database later means changing that one field.`,
      ],
    },
    {
      title: 'The pod connects by itself',
      actions: [showHop('hop.external.leave')],
      narration: (f) => [
        `The pod resolves the database's own name and connects to ${code(dst(f))}. No rule on ${hopParam(f.trace, 'hop.external.leave', 'node')} rewrites anything; the packet leaves the cluster as the pod sent it.`,
        'The Service\'s ports do nothing here: the pod dials whatever port it chose.',
      ],
    },
    {
      title: 'Headless: clusterIP: None',
      actions: [
        loadScenario('headless'),
        selectElement(elementId.service({ namespace: 'default', name: 'db' })),
        request(() => send(fromPod('default', 'backup'), 'db', 5432)),
        showHop('hop.dns.query'),
      ],
      highlight: () => [elementId.service({ namespace: 'default', name: 'db' })],
      narration: (f) => [
        `${code('db')} has ${code('clusterIP: None')}. It selects pods like any Service, so it has endpoints, but no virtual address and no kube-proxy rules.`,
        `Asked for ${code('db')}, cluster DNS returns every ready pod's own IP (not-ready ones too, with ${code('publishNotReadyAddresses: true')}): ${answers(f)}.`,
      ],
    },
    {
      title: 'Straight to a pod',
      actions: [showHop('end')],
      narration: (f) => [
        `The client picks one of those addresses and the packet goes there as addressed: ${code(dst(f))}. No DNAT on the way.`,
        'Spreading the load, or choosing a particular replica, is the client\'s business now.',
      ],
    },
    {
      title: 'A name for each pod',
      actions: [request(() => send(fromPod('default', 'backup'), 'db-0.db', 5432)), showHop('end')],
      highlight: () => [elementId.pod({ namespace: 'default', name: 'db-0' })],
      narration: (f) => [
        `Each pod sets ${code('hostname')} and ${code('subdomain: db')}, as a StatefulSet does for its pods, so each gets a DNS name of its own: ${code('db-0.db')} is ${code(podIP(f.cluster, 'default/db-0') ?? '?')}, always db-0.`,
        'That is how a client reaches one particular replica, such as the primary of a database, rather than whichever one a ClusterIP would pick.',
      ],
    },
  ],
};
