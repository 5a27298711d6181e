/**
 * Builds `Rule`s and their exact text. Arguments are written in the order kube-proxy writes them
 * in syncProxyRules (pkg/proxy/iptables/proxier.go), which is also the order iptables-restore
 * keeps and the order proxier_test.go expects.
 */
import { servicePortNameString } from './names';
import { purposeServicePort } from './purpose';
import { ruleId } from './ruleId';
import type { Match, Rule, RulePurpose, TableName, Target } from './types';

/**
 * kube-proxy passes comments either bare (`--comment ns1/svc1:p80`) or wrapped in literal quotes
 * when they contain spaces (`--comment "ns1/svc1:p80 cluster IP"`); iptables-save prints them so.
 */
function quoteComment(text: string): string {
  return text.includes(' ') ? `"${text}"` : text;
}

function matchTokens(match: Match): string[] {
  switch (match.kind) {
    case 'comment':
      return ['-m', 'comment', '--comment', quoteComment(match.text)];
    case 'protocol':
      return ['-m', match.protocol, '-p', match.protocol];
    case 'source':
      return match.negated ? ['!', '-s', match.address] : ['-s', match.address];
    case 'destination':
      return match.negated ? ['!', '-d', match.address] : ['-d', match.address];
    case 'dport':
      return ['--dport', String(match.port)];
    case 'addrtype':
      return ['-m', 'addrtype', match.direction === 'src' ? '--src-type' : '--dst-type', match.type];
    case 'statistic':
      return ['-m', 'statistic', '--mode', 'random', '--probability', match.probability];
    case 'recentSet':
      return ['-m', 'recent', '--name', match.name, '--set'];
    case 'recentCheck':
      return ['-m', 'recent', '--name', match.name, '--rcheck', '--seconds', String(match.seconds), '--reap'];
    case 'mark':
      return match.negated ? ['-m', 'mark', '!', '--mark', match.mark] : ['-m', 'mark', '--mark', match.mark];
    case 'conntrack':
      return match.negated
        ? ['-m', 'conntrack', '!', '--ctstate', match.states]
        : ['-m', 'conntrack', '--ctstate', match.states];
    case 'nfacct':
      return ['-m', 'nfacct', '--nfacct-name', match.name];
  }
}

function targetTokens(target: Target): string[] {
  switch (target.kind) {
    case 'jump':
      return ['-j', target.chain];
    case 'DNAT':
      return ['-j', 'DNAT', '--to-destination', target.destination];
    case 'MARK':
      return ['-j', 'MARK', target.op === 'or' ? '--or-mark' : '--xor-mark', target.mark];
    case 'MASQUERADE':
      return target.randomFully ? ['-j', 'MASQUERADE', '--random-fully'] : ['-j', 'MASQUERADE'];
    case 'none':
      return [];
    default:
      return ['-j', target.kind];
  }
}

/** A rule appended to `chain` of `table` for `purpose`, with its id and iptables-save text. */
export function makeRule(table: TableName, chain: string, matches: Match[], target: Target, purpose: RulePurpose): Rule {
  let text = '-A ' + chain;
  for (const match of matches) text += ' ' + matchTokens(match).join(' ');
  const targetText = targetTokens(target).join(' ');
  if (targetText !== '') text += ' ' + targetText;
  const rule: Rule = { id: ruleId(table, chain, purpose, target), table, chain, matches, target, purpose, text };
  const port = purposeServicePort(purpose);
  if (port !== undefined) rule.servicePortName = servicePortNameString(port.namespace, port.name, port.portName);
  return rule;
}

/** Shorthands for the matches kube-proxy writes most. */
export const m = {
  comment: (text: string): Match => ({ kind: 'comment', text }),
  proto: (protocol: 'tcp' | 'udp' | 'sctp'): Match => ({ kind: 'protocol', protocol }),
  src: (address: string, negated = false): Match => ({ kind: 'source', address, negated }),
  dst: (address: string, negated = false): Match => ({ kind: 'destination', address, negated }),
  dport: (port: number): Match => ({ kind: 'dport', port }),
  srcLocal: (): Match => ({ kind: 'addrtype', direction: 'src', type: 'LOCAL' }),
  dstLocal: (): Match => ({ kind: 'addrtype', direction: 'dst', type: 'LOCAL' }),
};

/** Jump target shorthand. */
export function jump(chain: string): Target {
  return { kind: 'jump', chain };
}
