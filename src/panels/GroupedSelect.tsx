import { inputClass } from './controls';

/**
 * A labelled <select> whose options are grouped (<optgroup>) in the order the groups first appear,
 * with a placeholder option while nothing in the list is chosen. The value is the option's index.
 */
export function GroupedSelect<T extends { id: string; group: string }>({ id, label, items, selected, placeholder, optionText, onPick }: {
  id: string;
  label: string;
  items: readonly T[];
  /** Index of the chosen item, or -1. */
  selected: number;
  placeholder: string;
  optionText: (item: T) => string;
  onPick: (item: T) => void;
}) {
  const groups = [...new Set(items.map((item) => item.group))];
  const version = listVersion(items);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">{label}</label>
      <select
        id={id}
        className={inputClass}
        value={selected}
        onChange={(e) => {
          const item = items[Number(e.target.value)];
          if (item) onPick(item);
        }}
      >
        {selected < 0 && <option value={-1}>{placeholder}</option>}
        {groups.map((group) => (
          // A new list mounts new groups: React then builds each group's options whole, where
          // inserting thousands of new options into a mounted group searches siblings per option.
          <optgroup key={`${group}#${version}`} label={group}>
            {items.map((item, i) => item.group === group && <option key={item.id} value={i}>{optionText(item)}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

const versions = new WeakMap<readonly unknown[], number>();
let lastVersion = 0;

/** A number for each list object: the same list keeps its number, a new one gets the next. */
function listVersion(items: readonly unknown[]): number {
  let version = versions.get(items);
  if (version === undefined) versions.set(items, (version = ++lastVersion));
  return version;
}
