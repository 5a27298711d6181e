import type { EdgeTypes } from '@xyflow/react';
import { AddressEdge } from './edges/AddressEdge';

/** At module level for the same reason as nodeTypes. */
export const edgeTypes = {
  address: AddressEdge,
} satisfies EdgeTypes;
