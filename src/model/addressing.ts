/**
 * Address allocation the way the control plane does it, made deterministic: the same input always
 * gets the same addresses, explicit values are respected, nothing is handed out twice.
 *
 * - ClusterIPs: pkg/registry/core/service/ipallocator. The range excludes the network and
 *   broadcast addresses; its first address belongs to the `kubernetes` Service. Dynamic
 *   allocation prefers the upper band of the range and leaves the lower band (size
 *   min(max(16, size/16), 256), see calculateRangeOffset) to addresses users ask for — that is
 *   why the DNS Service can keep 10.96.0.10. The real allocator picks randomly; we pick by a hash
 *   of namespace/name and probe upwards, so a Service keeps its address across rebuilds.
 * - nodePorts: pkg/registry/core/service/portallocator, same scheme (lower band
 *   min(max(16, size/32), 128) kept for static requests). One bitmap for every protocol: a number
 *   taken by one Service is taken for all (only ports of the same Service with the same `port`
 *   share one nodePort, see storage/alloc.go initNodePorts).
 * - podCIDRs: kube-controller-manager's range allocator hands every node the next free /24
 *   (--node-cidr-mask-size default 24) of --cluster-cidr, in the order nodes register.
 * - pod IPs: host-local IPAM behind a bridge: .1 of the node's range is the bridge gateway, pods
 *   get the lowest free address from .2.
 * - node IPs: from nodeSubnet, from its 10th address (clouds reserve the first few).
 * - LoadBalancer IPs (cloud only): from 203.0.113.0/24, TEST-NET-3 of RFC 5737. It reads as a
 *   public address but is reserved for documentation, so the explainer never shows someone's real IP.
 * - node ExternalIPs (cloud, nodesPublic) from 192.0.2.0/24 and internet clients from
 *   198.51.100.0/24: the two other RFC 5737 documentation ranges.
 */
import { intToIp, ipToInt, parseCidr, type Cidr } from './ip';

/** FNV-1a, 32 bit: the hash Kubernetes itself uses for pod-template-hash; here for stable picks. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Why a requested value could not be allocated (the allocators' errors). */
export type AllocateError = 'not-in-range' | 'allocated';

/**
 * A bitmap over the integers [base, base + size), like allocator.AllocationBitmap with its
 * static/dynamic split (`staticBand` lowest values preferred for explicit requests).
 */
export class RangeAllocator {
  private readonly used = new Set<number>();

  constructor(readonly base: number, readonly size: number, private readonly staticBand: number) {}

  contains(value: number): boolean {
    return Number.isInteger(value) && value >= this.base && value < this.base + this.size;
  }

  has(value: number): boolean {
    return this.used.has(value);
  }

  /** Allocate(value): reserve a specific value. */
  allocate(value: number): AllocateError | undefined {
    if (!this.contains(value)) return 'not-in-range';
    if (this.used.has(value)) return 'allocated';
    this.used.add(value);
    return undefined;
  }

  /** AllocateNext(): a free value, upper band first, chosen from `seed`; undefined when full. */
  allocateNext(seed: string): number | undefined {
    const dynamic = this.size - this.staticBand;
    const start = dynamic > 0 ? this.staticBand + (fnv1a(seed) % dynamic) : 0;
    for (let i = 0; i < this.size; i++) {
      // Probe the dynamic band from `start`, wrapping inside it, then the static band.
      const offset = i < dynamic ? this.staticBand + ((start - this.staticBand + i) % dynamic) : i - dynamic;
      const value = this.base + offset;
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
    return undefined;
  }

  /** The lowest free value (sequential allocators: IPAM, node addresses). */
  allocateLowest(): number | undefined {
    for (let offset = 0; offset < this.size; offset++) {
      if (!this.used.has(this.base + offset)) {
        this.used.add(this.base + offset);
        return this.base + offset;
      }
    }
    return undefined;
  }
}

/** calculateRangeOffset in the ipallocator: min 16, max 256, step 16. */
function serviceIPStaticBand(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** calculateRangeOffset in the portallocator: min 16, max 128, step 32. */
function nodePortStaticBand(size: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

/**
 * The service-IP allocator for a service CIDR: usable addresses exclude network and broadcast.
 * The `kubernetes` Service's address (first usable) and the DNS Service's are reserved.
 */
export function serviceIPAllocator(serviceCIDR: string, dnsServiceIP: string): RangeAllocator | undefined {
  const cidr = parseCidr(serviceCIDR);
  if (!cidr || cidr.size < 4) return undefined;
  const usable = cidr.size - 2;
  const alloc = new RangeAllocator(cidr.base + 1, usable, serviceIPStaticBand(cidr.size));
  alloc.allocate(cidr.base + 1);
  alloc.allocate(ipToInt(dnsServiceIP));
  return alloc;
}

/** The API server's --service-node-port-range, "30000-32767" (net.ParsePortRange; "30000+2767" too). */
export function parsePortRange(text: string): { base: number; size: number } | undefined {
  const m = /^\s*(\d+)\s*([-+])\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const low = Number(m[1]);
  const high = m[2] === '+' ? low + Number(m[3]) : Number(m[3]);
  if (low > high || high > 65535) return undefined;
  return { base: low, size: high - low + 1 };
}

export function nodePortAllocator(range: string): RangeAllocator | undefined {
  const parsed = parsePortRange(range);
  return parsed ? new RangeAllocator(parsed.base, parsed.size, nodePortStaticBand(parsed.size)) : undefined;
}

/** A sequential allocator over a CIDR, skipping `skip` leading addresses and the broadcast. */
export function sequentialIPAllocator(cidrText: string, skip: number): RangeAllocator | undefined {
  const cidr: Cidr | undefined = parseCidr(cidrText);
  if (!cidr || cidr.size <= skip + 1) return undefined;
  return new RangeAllocator(cidr.base + skip, cidr.size - skip - 1, 0);
}

/** The Nth /24 (or `maskSize`) subnet of the cluster CIDR, as the node IPAM hands them out. */
export function podCIDRAllocator(clusterCIDR: string, maskSize = 24): { next(): string | undefined; reserve(cidr: string): void } | undefined {
  const cidr = parseCidr(clusterCIDR);
  if (!cidr || cidr.prefix > maskSize) return undefined;
  const blockSize = 2 ** (32 - maskSize);
  const alloc = new RangeAllocator(0, cidr.size / blockSize, 0);
  return {
    next: () => {
      const index = alloc.allocateLowest();
      return index === undefined ? undefined : `${intToIp(cidr.base + index * blockSize)}/${maskSize}`;
    },
    reserve: (text: string) => {
      const sub = parseCidr(text);
      if (sub && sub.base >= cidr.base && sub.base < cidr.base + cidr.size) alloc.allocate(Math.floor((sub.base - cidr.base) / blockSize));
    },
  };
}

export const LOAD_BALANCER_POOL = '203.0.113.0/24';
export const NODE_EXTERNAL_POOL = '192.0.2.0/24';
export const INTERNET_CLIENT_POOL = '198.51.100.0/24';

/** rand.SafeEncodeString's alphabet: no vowels, no look-alikes. */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString(fmt.Sprint(hash)): how pod-template-hash labels are spelled. */
export function safeEncode(text: string): string {
  return [...text].map((ch) => SAFE_ALPHANUMS[ch.charCodeAt(0) % SAFE_ALPHANUMS.length]).join('');
}

/** A deterministic stand-in for utilrand.String(n), the generateName suffix. */
export function stableSuffix(seed: string, length = 5): string {
  let out = '';
  let h = fnv1a(seed);
  for (let i = 0; i < length; i++) {
    out += SAFE_ALPHANUMS[h % SAFE_ALPHANUMS.length];
    h = fnv1a(`${seed}/${i}/${h}`);
  }
  return out;
}
