import type { EdgeTypes } from '@xyflow/react';
import { AddressEdge } from './edges/AddressEdge';
import { EndpointEdge } from './edges/EndpointEdge';

/** At module level for the same reason as nodeTypes. */
export const edgeTypes = {
  address: AddressEdge,
  endpoint: EndpointEdge,
} satisfies EdgeTypes;
