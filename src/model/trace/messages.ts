/**
 * Every message key the trace emits, with the names of its parameters. The UI owns the wording;
 * this list is the contract (a test checks every emitted message against it). Each area keeps its
 * keys in messageKeys/.
 */
import { CORE_MESSAGES, type CoreParams } from './messageKeys/core';
import { DNS_MESSAGES, type DnsParams } from './messageKeys/dns';
import { INGRESS_MESSAGES, type IngressParams } from './messageKeys/ingress';
import { LOAD_BALANCER_MESSAGES, type LoadBalancerParams } from './messageKeys/loadBalancer';
import type { ParamValue } from './messageKeys/paramTypes';
import type { Message } from './types';

export type { ParamValue } from './messageKeys/paramTypes';

/** Each message key → the type of its parameters: what `msg` checks at compile time. */
export type MessageParams = CoreParams & DnsParams & LoadBalancerParams & IngressParams;

export const TRACE_MESSAGES = {
  ...CORE_MESSAGES, ...DNS_MESSAGES, ...LOAD_BALANCER_MESSAGES, ...INGRESS_MESSAGES,
} as const satisfies Record<keyof MessageParams, readonly string[]>;

export type MessageKey = keyof typeof TRACE_MESSAGES;

/** A message whose key (and so whose parameters' types) is known. */
export interface MessageOf<K extends MessageKey> extends Message {
  key: K;
}

/** Builds a message; parameters that are undefined are left out. */
export function msg<K extends MessageKey>(key: K, params: MessageParams[K]): MessageOf<K> {
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(params) as [string, ParamValue | undefined][]) if (v !== undefined) out[k] = v;
  return { key, params: out };
}
