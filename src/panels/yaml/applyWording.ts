/** The YAML panel's sentences about an apply: what it added, changed and kept, and what is kept but not drawn. */
import type { KeptObject } from '../../model/cluster';
import type { ApplySummary } from '../../model/manifests/merge';

/** A kind in the plural, as people write it: ConfigMaps, NetworkPolicies, IngressClasses, Endpoints. */
export function pluralKind(kind: string, count: number): string {
  if (count === 1 || kind.endsWith('Endpoints')) return kind;
  if (/(s|x|ch|sh)$/.test(kind) && !/[^s]s$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/[^s]s$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

const objects = (n: number): string => `${n.toLocaleString('en')} object${n === 1 ? '' : 's'}`;

/** "Applied: 2 added, 1 changed, 3 unchanged. 25 objects the text does not name were kept." */
export function appliedNotice(summary: ApplySummary, warnings: number): string {
  const parts = [
    summary.added.length && `${summary.added.length.toLocaleString('en')} added`,
    summary.changed.length && `${summary.changed.length.toLocaleString('en')} changed`,
    summary.unchanged && `${summary.unchanged.toLocaleString('en')} unchanged`,
  ].filter(Boolean);
  const read = parts.length ? parts.join(', ') : 'nothing in the text to apply';
  const rest = summary.untouched.length
    ? summary.mode === 'merge'
      ? ` ${objects(summary.untouched.length)} the text does not name ${summary.untouched.length === 1 ? 'was' : 'were'} kept, as kubectl apply keeps them; "Replace the whole cluster" drops them.`
      : ` ${objects(summary.untouched.length)} the text does not name ${summary.untouched.length === 1 ? 'was' : 'were'} removed.`
    : '';
  const said = warnings ? ` ${warnings} warning${warnings === 1 ? '' : 's'} below.` : '';
  return `${summary.mode === 'merge' ? 'Applied' : 'Replaced the whole cluster'}: ${read}.${rest}${said}`;
}

export interface KeptKinds {
  total: number;
  /** Kinds by how many objects of each there are, most first. */
  kinds: { kind: string; count: number }[];
}

export function keptKinds(kept: readonly KeptObject[] | undefined): KeptKinds {
  const counts = new Map<string, number>();
  for (const o of kept ?? []) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return { total: kept?.length ?? 0, kinds };
}

/** "2 ConfigMaps, 1 Secret, 3 ServiceAccounts" */
export function keptList({ kinds }: KeptKinds): string {
  return kinds.map(({ kind, count }) => `${count.toLocaleString('en')} ${pluralKind(kind, count)}`).join(', ');
}
