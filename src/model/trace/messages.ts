/**
 * Every message key the trace emits, with the names of its parameters. The UI owns the wording;
 * this list is the contract (a test checks every emitted message against it). Each area keeps its
 * keys in messageKeys/.
 */
import { CORE_MESSAGES } from './messageKeys/core';
import { DNS_MESSAGES } from './messageKeys/dns';
import { INGRESS_MESSAGES } from './messageKeys/ingress';
import { LOAD_BALANCER_MESSAGES } from './messageKeys/loadBalancer';
import type { Message } from './types';

export const TRACE_MESSAGES = {
  ...CORE_MESSAGES, ...DNS_MESSAGES, ...LOAD_BALANCER_MESSAGES, ...INGRESS_MESSAGES,
} as const satisfies Record<string, readonly string[]>;

export type MessageKey = keyof typeof TRACE_MESSAGES;

/** Builds a message; parameters that are undefined are left out. */
export function msg(key: MessageKey, params: Record<string, string | number | undefined> = {}): Message {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return { key, params: out };
}
