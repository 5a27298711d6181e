/**
 * syncProxyRules (pkg/proxy/nftables/proxier.go) as a pure function: from kube-proxy's input on
 * one node to the nftables ruleset of a full sync (setupNFTables, then every service port). The
 * resulting state is modelled (what `nft` shows), not the transaction that got there (partial
 * syncs, nftElementStorage's incremental updates, operation counts); stale chains are, through
 * `previous`.
 */
import { formatCidr, parseCidr } from '../../ip';
import { DEFAULT_KUBE_PROXY_OPTIONS } from '../types';
import { writeNftServicePort, type NftSyncContext } from './serviceRules';
import { TABLE_COMMENT, writeSetup } from './setup';
import { DEFAULT_NFTABLES_OPTIONS, type NftablesInput, type NftablesOptions, type NftRuleset } from './types';
import { NftWriter } from './writer';

/** The flags in effect: the shared ones from `options`, the nftables ones from `nftables`. */
export function nftablesOptions(input: NftablesInput): NftablesOptions {
  const shared = { ...DEFAULT_KUBE_PROXY_OPTIONS, ...input.options };
  return { ...DEFAULT_NFTABLES_OPTIONS, masqueradeBit: shared.masqueradeBit, masqueradeAll: shared.masqueradeAll, ...input.nftables };
}

/** isServiceChainName: the chains servicePortChainNameBase and friends name all contain "/". */
function isServiceChainName(name: string): boolean {
  return name.includes('/');
}

/**
 * The ruleset kube-proxy (nftables mode, IPv4) writes on one node. With `previous` (the ruleset of
 * the sync before), service and endpoint chains no longer used are kept flushed, as one sync after
 * the change leaves them (they are deleted by a sync more than a second later: pass no `previous`).
 * Stale affinity sets are deleted at once, so they are not carried over.
 */
export function nftablesRules(input: NftablesInput, previous?: NftRuleset): NftRuleset {
  const options = nftablesOptions(input);
  const cidr = input.node.clusterCIDR !== undefined ? parseCidr(input.node.clusterCIDR) : undefined;
  const ctx: NftSyncContext = { node: input.node, options, localCIDR: cidr !== undefined ? formatCidr(cidr) : undefined };
  const w = new NftWriter();
  writeSetup(w, options, input.node);
  // kube-proxy walks a Go map (random order); walking by ServicePortName keeps the output stable.
  const entries = [...input.servicePorts].sort((a, b) => {
    const ka = `${a.info.namespace}/${a.info.name}:${a.info.portName}/${a.info.protocol}`;
    const kb = `${b.info.namespace}/${b.info.name}:${b.info.portName}/${b.info.protocol}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  for (const entry of entries) writeNftServicePort(w, ctx, entry);
  for (const chain of previous?.chains ?? []) {
    if (isServiceChainName(chain.name) && !w.has(chain.name)) w.chain(chain.name, { stale: true });
  }
  return { family: 'ip', table: 'kube-proxy', comment: TABLE_COMMENT, ...w.finish(), node: input.node };
}
