import type { NodeTypes } from '@xyflow/react';
import { ClusterBox } from './nodes/ClusterBox';
import { WorkerCard } from './nodes/WorkerCard';
import { PodCard } from './nodes/PodCard';
import { ServiceCard } from './nodes/ServiceCard';
import { LoadBalancerCard } from './nodes/LoadBalancerCard';
import { ClientCard } from './nodes/ClientCard';
import { IngressCard } from './nodes/IngressCard';
import { EndpointCard } from './nodes/EndpointCard';
import { SliceServiceCard } from './nodes/SliceServiceCard';
import { OffNodeBox } from './nodes/OffNodeBox';

/** At module level so React Flow never sees a new object and remounts every node. */
export const nodeTypes = {
  cluster: ClusterBox,
  worker: WorkerCard,
  pod: PodCard,
  service: ServiceCard,
  loadBalancer: LoadBalancerCard,
  client: ClientCard,
  ingress: IngressCard,
  endpointAddress: EndpointCard,
  sliceService: SliceServiceCard,
  offNode: OffNodeBox,
} satisfies NodeTypes;
