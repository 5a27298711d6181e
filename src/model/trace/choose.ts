/**
 * Deterministic stand-ins for the random choices a real request meets:
 * - iptables' `-m statistic --mode random --probability 1/(n-i)` ladder in KUBE-SVC-* chains
 *   (pkg/proxy/iptables/proxier.go writeServiceToEndpointRules): walked rule by rule with a seeded
 *   PRNG, so each endpoint is equally likely over seeds, as with the real ladder;
 * - sessionAffinity ClientIP (`-m recent --rcheck`): the first choice is remembered per client
 *   IP in each node's kernel, so here it depends on the client IP, the service port and the node
 *   (the caller's salt) only, never on the seed;
 * - a cloud load balancer's per-flow hashing among healthy nodes;
 * - which A record of a headless Service a client uses (CoreDNS's `loadbalance` shuffles them).
 */
import { fnv1a } from '../addressing';

/** mulberry32: a tiny, well-known 32-bit PRNG; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Walks the probability ladder: rule i matches with probability 1/(n-i); the last always does. */
export function ladder(random: () => number, n: number): number {
  for (let i = 0; i < n - 1; i++) if (random() < 1 / (n - i)) return i;
  return Math.max(0, n - 1);
}

/** An index in [0, n) from the seed, salted by what is being chosen so choices do not correlate. */
export function seededIndex(seed: number, salt: string, n: number): number {
  return ladder(prng((seed ^ fnv1a(salt)) >>> 0), n);
}

/** The index sessionAffinity ClientIP keeps a client on: from client IP and `where` (service port and node) alone. */
export function affinityIndex(clientIP: string, where: string, n: number): number {
  return ladder(prng(fnv1a(`affinity|${clientIP}|${where}`)), n);
}

/** How a choice was made, for the explanation. */
export type ChoiceMethod = 'pick' | 'seed' | 'affinity' | 'only';

/**
 * Chooses among `candidates`: `pick` (matched by `matches`) wins, then affinity (when `affinityIP`
 * is given), then the seed.
 */
export function choose<T>(
  candidates: T[],
  opts: { seed: number; salt: string; pick?: string; matches: (c: T, pick: string) => boolean; affinityIP?: string },
): { index: number; method: ChoiceMethod } {
  if (opts.pick !== undefined) {
    const pick = opts.pick;
    const index = candidates.findIndex((c) => opts.matches(c, pick));
    if (index >= 0) return { index, method: 'pick' };
  }
  if (candidates.length <= 1) return { index: 0, method: 'only' };
  if (opts.affinityIP !== undefined) return { index: affinityIndex(opts.affinityIP, opts.salt, candidates.length), method: 'affinity' };
  return { index: seededIndex(opts.seed, opts.salt, candidates.length), method: 'seed' };
}

/** Linux's default net.ipv4.ip_local_port_range is 32768–60999: a stable port in it per flow. */
export function ephemeralPort(flowKey: string): number {
  return 32768 + (fnv1a(flowKey) % (60999 - 32768 + 1));
}
