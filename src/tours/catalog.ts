/**
 * The guided tours, in the order the list shows them. Each tour's text lives in its own file
 * under `tours/`; this module only collects them (it loads with the tour UI, never on the first screen).
 */
import type { Tour } from './types';
import { nodeIpVsClusterIp } from './tours/nodeIpVsClusterIp';
import { ports } from './tours/ports';
import { growTypes } from './tours/growTypes';
import { clientInNode } from './tours/clientInNode';
import { cloudLoadBalancer } from './tours/cloudLoadBalancer';
import { noProxy } from './tours/noProxy';
import { ingress } from './tours/ingress';

export const TOURS: readonly Tour[] = [nodeIpVsClusterIp, ports, growTypes, clientInNode, cloudLoadBalancer, noProxy, ingress];
