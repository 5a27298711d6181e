/**
 * Chain names exactly as kube-proxy computes them (pkg/proxy/iptables/proxier.go):
 *
 *   portProtoHash(servicePortName, protocol) = base32.StdEncoding(sha256(servicePortName + protocol))[:16]
 *   servicePortEndpointChainName(name, protocol, endpoint) = "KUBE-SEP-" + base32(sha256(name + protocol + endpoint))[:16]
 *
 * where servicePortName is ServicePortName.String() ("ns/svc:port", or "ns/svc" for an unnamed
 * port; pkg/proxy/types.go), protocol is the lowercased corev1.Protocol ("tcp") and endpoint is
 * BaseEndpointInfo.String() (net.JoinHostPort: "10.180.0.1:80"). E.g. "ns1/svc1:p80" + "tcp"
 * → KUBE-SVC-XPGD46QRK7WJZT7O (proxier_test.go).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Protocol } from './types';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const encoder = new TextEncoder();

/**
 * The first `length` characters of RFC 4648 base32 (Go's base32.StdEncoding) of sha256(text): the
 * hash both proxy modes put in chain names (iptables: 16 characters, nftables: 8).
 */
export function sha256Base32(text: string, length: number): string {
  const digest = sha256(encoder.encode(text));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; out.length < length; i++) {
    buffer = ((buffer << 8) | (digest[i] ?? 0)) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const hash16 = (text: string) => sha256Base32(text, 16);

/** ServicePortName.String(): "ns/name:port", or "ns/name" when the port is unnamed. */
export function servicePortNameString(namespace: string, name: string, portName: string): string {
  return portName === '' ? `${namespace}/${name}` : `${namespace}/${name}:${portName}`;
}

/** The lowercase protocol kube-proxy uses in rules and hashes. */
export function lowerProtocol(protocol: Protocol): 'tcp' | 'udp' | 'sctp' {
  return protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp';
}

/** portProtoHash in proxier.go. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol);
}

/** KUBE-SVC-…: the Cluster-traffic-policy chain (servicePortPolicyClusterChain). */
export function servicePortPolicyClusterChain(servicePortName: string, protocol: string): string {
  return 'KUBE-SVC-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-SVL-…: the Local-traffic-policy chain (servicePortPolicyLocalChainName). */
export function servicePortPolicyLocalChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-SVL-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-FW-…: the loadBalancerSourceRanges chain (serviceFirewallChainName). */
export function serviceFirewallChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-FW-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-EXT-…: the external-destinations chain (serviceExternalChainName). */
export function serviceExternalChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-EXT-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-SEP-…: one endpoint's chain (servicePortEndpointChainName); endpoint is "ip:port". */
export function servicePortEndpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + hash16(servicePortName + protocol + endpoint);
}

/** BaseEndpointInfo.String() for IPv4: net.JoinHostPort(ip, port). */
export function endpointString(ip: string, port: number): string {
  return `${ip}:${port}`;
}
