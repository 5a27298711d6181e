/**
 * Chain and set names exactly as kube-proxy's nftables mode computes them
 * (pkg/proxy/nftables/proxier.go: hashAndTruncate, servicePortChainNameBase,
 * servicePortEndpointChainNameBase and the *NamePrefix constants):
 *
 *   base(ns, svc, proto, port)            = base32(sha256("ns/svc/proto/port"))[:8] + "-ns/svc/proto/port"
 *   base(ns, svc, proto, port, ip:port)   = base32(sha256("ns/svc/proto/port__ip/port"))[:8] + "-…__ip/port"
 *
 * truncated to chainNameBaseLengthMax (knftables.NameLengthMax 256 − 16 = 240) with "...".
 * E.g. ns1/svc1/tcp/p80 → service-ULMVA6XW-ns1/svc1/tcp/p80 (proxier_test.go).
 */
import { sha256Base32 } from '../names';
import type { Protocol } from '../types';

/** knftables.NameLengthMax. */
export const NAME_LENGTH_MAX = 256;
/** chainNamePrefixLengthMax: the longest prefix ("endpoint-", "affinity-"…) plus its hyphen. */
export const CHAIN_NAME_PREFIX_LENGTH_MAX = 16;
/** chainNameBaseLengthMax. */
export const CHAIN_NAME_BASE_LENGTH_MAX = NAME_LENGTH_MAX - CHAIN_NAME_PREFIX_LENGTH_MAX;

/** servicePortPolicyClusterChainNamePrefix and the other prefixes of proxier.go. */
export const CLUSTER_POLICY_PREFIX = 'service-';
export const LOCAL_POLICY_PREFIX = 'local-';
export const EXTERNAL_PREFIX = 'external-';
export const ENDPOINT_PREFIX = 'endpoint-';
export const AFFINITY_PREFIX = 'affinity-';
export const FIREWALL_PREFIX = 'firewall-';

/** The first 8 characters of Go's base32.StdEncoding of sha256(text): 40 bits, the first 5 bytes. */
const hash8 = (text: string) => sha256Base32(text, 8);

/** hashAndTruncate: prefixes name with a hash of itself, then truncates to chainNameBaseLengthMax. */
export function hashAndTruncate(name: string): string {
  const hashed = hash8(name) + '-' + name;
  return hashed.length > CHAIN_NAME_BASE_LENGTH_MAX ? hashed.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3) + '...' : hashed;
}

/** The lowercase protocol kube-proxy writes (strings.ToLower of corev1.Protocol). */
export function nftProtocol(protocol: Protocol): 'tcp' | 'udp' | 'sctp' {
  return protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp';
}

/** servicePortChainNameBase: "HASH-namespace/name/protocol/portName". */
export function servicePortChainNameBase(namespace: string, name: string, portName: string, protocol: string): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol}/${portName}`);
}

/** net.SplitHostPort for "ip:port" and "[ipv6]:port". */
function splitHostPort(endpoint: string): [string, string] {
  if (endpoint.startsWith('[')) {
    const close = endpoint.indexOf(']');
    return [endpoint.slice(1, close), endpoint.slice(close + 2)];
  }
  const colon = endpoint.lastIndexOf(':');
  return [endpoint.slice(0, colon), endpoint.slice(colon + 1)];
}

/**
 * servicePortEndpointChainNameBase: "HASH-namespace/name/protocol/portName__ip/port", with an IPv6
 * address's colons replaced by dots (colons are not allowed in chain names).
 */
export function servicePortEndpointChainNameBase(
  namespace: string, name: string, portName: string, protocol: string, endpoint: string,
): string {
  const [host, port] = splitHostPort(endpoint);
  const ip = host.includes(':') ? host.replaceAll(':', '.') : host;
  return hashAndTruncate(`${namespace}/${name}/${protocol}/${portName}__${ip}/${port}`);
}

/** The names of one service port's chains (newServiceInfo: cluster/local policy, external, firewall). */
export interface ServicePortChainNames {
  clusterPolicy: string;
  localPolicy: string;
  external: string;
  firewall: string;
}

export function servicePortChainNames(namespace: string, name: string, portName: string, protocol: string): ServicePortChainNames {
  const base = servicePortChainNameBase(namespace, name, portName, protocol);
  return {
    clusterPolicy: CLUSTER_POLICY_PREFIX + base,
    localPolicy: LOCAL_POLICY_PREFIX + base,
    external: EXTERNAL_PREFIX + base,
    firewall: FIREWALL_PREFIX + base,
  };
}

/** newEndpointInfo: the endpoint's chain and its session-affinity set. */
export function endpointNames(
  namespace: string, name: string, portName: string, protocol: string, endpoint: string,
): { chain: string; affinitySet: string } {
  const base = servicePortEndpointChainNameBase(namespace, name, portName, protocol, endpoint);
  return { chain: ENDPOINT_PREFIX + base, affinitySet: AFFINITY_PREFIX + base };
}
