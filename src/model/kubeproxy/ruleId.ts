/**
 * Rule ids: one module builds them, nobody parses them. An id is stable: it is derived from what
 * the rule is for (table, chain, purpose, target), not from where it lands in the printed order,
 * so the same rule keeps its id when other Services come and go. Two rules share an id only when
 * kube-proxy writes the very same rule twice (a duplicated spec.externalIPs entry).
 */
import { servicePortNameString } from './names';
import type { RuleId, RulePurpose } from './purpose';
import type { TableName, Target } from './types';

/** The id of the rule of `purpose` in `table`/`chain` with `target`. */
export function ruleId(table: TableName, chain: string, purpose: RulePurpose, target: Target): RuleId {
  const { kind, ...fields } = purpose;
  const parts: string[] = [table, chain, kind];
  if ('servicePort' in fields) {
    const { servicePort, ...rest } = fields;
    parts.push(servicePortNameString(servicePort.namespace, servicePort.name, servicePort.portName), JSON.stringify(rest));
  } else {
    parts.push(JSON.stringify(fields));
  }
  // Hooks differ only by where they jump (filter INPUT → three KUBE-* chains).
  if (kind === 'hook' && target.kind === 'jump') parts.push(target.chain);
  return parts.join(' ') as RuleId;
}
