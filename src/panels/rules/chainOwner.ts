/**
 * Which Service port or endpoint a kube-proxy chain belongs to, read from the rule model: the
 * `servicePortName` kube-proxy wrote its rules for and, for a KUBE-SEP chain, its DNAT destination.
 * Chain names are hashes (KUBE-SVC-CDGGSHYLG3RE2FKL), so this is the only way a reader can tell.
 */
import type { RuleSet } from '../../model/kubeproxy/types';

export type OwnedChainKind = 'SVC' | 'SVL' | 'EXT' | 'FW' | 'SEP';

export interface ChainOwner {
  kind: OwnedChainKind;
  /** ServicePortName.String(): `ns/svc:port`, or `ns/svc` for an unnamed port. */
  servicePortName: string;
  /** KUBE-SEP only: the endpoint `ip:port` it DNATs to. */
  endpoint?: string;
  /** KUBE-SEP only: the pod behind the endpoint (`ns/name`), when the cluster has it. */
  pod?: string;
  /** A few words for beside the chain name. */
  label: string;
  /** A sentence for the tooltip and the accessible description. */
  description: string;
}

const PREFIX = /^KUBE-(SVC|SVL|EXT|FW|SEP)-/;

/** The kind of a per-Service chain from its name, or undefined for shared chains. */
export function ownedChainKind(chain: string): OwnedChainKind | undefined {
  return PREFIX.exec(chain)?.[1] as OwnedChainKind | undefined;
}

function describe(kind: OwnedChainKind, spn: string, endpoint?: string, pod?: string): { label: string; description: string } {
  switch (kind) {
    case 'SVC':
      return { label: spn, description: `Service port ${spn}: picks one of its endpoints, on any node (Cluster traffic policy).` };
    case 'SVL':
      return { label: `${spn} (local)`, description: `Service port ${spn}: picks one of its endpoints on this node only (Local traffic policy).` };
    case 'EXT':
      return { label: `${spn} (external)`, description: `Service port ${spn}: traffic from outside the cluster (nodePort, load balancer or external IP).` };
    case 'FW':
      return { label: `${spn} (firewall)`, description: `Service port ${spn}: the loadBalancerSourceRanges firewall.` };
    case 'SEP': {
      const where = endpoint ?? 'an endpoint';
      const who = pod ? ` (pod ${pod})` : '';
      return { label: `${spn} → ${where}`, description: `Endpoint ${where}${who} of Service port ${spn}.` };
    }
  }
}

/**
 * Owners of every per-Service chain of a rule set, by chain name. A chain with no rules of its own
 * (which kube-proxy never writes, but a model could) takes the name from the rules that jump to it.
 * `podAt` names the pod holding an endpoint IP, if the caller knows.
 */
export function chainOwners(ruleSet: RuleSet, podAt?: (ip: string) => string | undefined): Map<string, ChainOwner> {
  const names = new Map<string, string>();
  const endpoints = new Map<string, string>();
  const owned: string[] = [];
  for (const table of ruleSet.tables) {
    for (const chain of table.chains) {
      if (!ownedChainKind(chain.name)) continue;
      owned.push(chain.name);
      for (const rule of chain.rules) {
        if (rule.servicePortName !== undefined && !names.has(chain.name)) names.set(chain.name, rule.servicePortName);
        if (rule.target.kind === 'DNAT' && !endpoints.has(chain.name)) endpoints.set(chain.name, rule.target.destination);
      }
    }
  }
  // Fallback: the rules jumping to a chain that has no named rules of its own.
  for (const table of ruleSet.tables) {
    for (const chain of table.chains) {
      for (const rule of chain.rules) {
        if (rule.target.kind === 'jump' && rule.servicePortName !== undefined && !names.has(rule.target.chain)) {
          names.set(rule.target.chain, rule.servicePortName);
        }
      }
    }
  }
  const owners = new Map<string, ChainOwner>();
  for (const chain of owned) {
    const kind = ownedChainKind(chain);
    const spn = names.get(chain);
    if (!kind || spn === undefined || owners.has(chain)) continue;
    const endpoint = endpoints.get(chain);
    const pod = endpoint !== undefined ? podAt?.(endpoint.slice(0, endpoint.lastIndexOf(':'))) : undefined;
    owners.set(chain, {
      kind,
      servicePortName: spn,
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(pod !== undefined ? { pod } : {}),
      ...describe(kind, spn, endpoint, pod),
    });
  }
  return owners;
}
