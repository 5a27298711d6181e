import { useMemo, useState } from 'react';
import { destinationsFor, parseHostPort, sourcesFor } from '../model/requestOptions';
import type { TraceRequest, TraceSource } from '../model/trace/types';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider';
import type { AppState } from '../store/createAppStore';
import { inputClass, secondaryButton } from './controls';
import { GroupedSelect } from './GroupedSelect';

const selectCluster = (s: AppState) => s.cluster;
/** Only the common mistakes are marked (✕), so only they are traced. */
const JUDGE_MISTAKES = { judge: 'mistakes' } as const;
const selectRequest = (s: AppState) => s.request;
const selectSelectedId = (s: AppState) => s.selectedId;

const sameSource = (a: TraceRequest['from'], b: TraceRequest['from']) => JSON.stringify(a) === JSON.stringify(b);
const sameTarget = (a: TraceRequest['to'], b: TraceRequest['to']) => JSON.stringify(a) === JSON.stringify(b);

/** A source by name, as its option's label begins: a pod outside `default` as `ns/name`. */
function sourceName(source: TraceSource): string {
  if (source.kind === 'host') return source.ip;
  if (source.kind === 'pod') return source.namespace === 'default' ? source.name : `${source.namespace}/${source.name}`;
  return source.name;
}

/** Who sends, and to which address: every address the cluster exposes, the usual mistakes, or free text. */
export function RequestPicker() {
  const store = useAppStoreApi();
  const cluster = useAppStore(selectCluster);
  const request = useAppStore(selectRequest);
  const selectedId = useAppStore(selectSelectedId);
  const sources = useMemo(() => sourcesFor(cluster), [cluster]);
  const from = request?.from ?? sources[0]?.source;
  const destinations = useMemo(() => (from ? destinationsFor(cluster, from, JUDGE_MISTAKES) : []), [cluster, from]);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState('');

  const sourceIndex = from ? sources.findIndex((s) => sameSource(s.source, from)) : -1;
  const destIndex = request ? destinations.findIndex((d) => sameTarget(d.to, request.to)) : -1;

  const send = (to: TraceRequest['to']) => from && store.getState().setRequest({ from, to });
  // The element selected on the canvas, when it can send (a client, a pod or a node).
  const selectedSource = sources.find((s) => s.id === selectedId && !(from && sameSource(s.source, from)));

  return (
    <div className="space-y-2">
      <GroupedSelect
        id="trace-source"
        label="From"
        items={sources}
        selected={sourceIndex}
        placeholder="(choose a source)"
        optionText={(s) => s.label}
        onPick={(source) => {
          // Keep the destination; with none yet, take the first address this source can try.
          const to = request?.to ?? destinationsFor(cluster, source.source, JUDGE_MISTAKES)[0]?.to;
          if (to) store.getState().setRequest({ from: source.source, to });
        }}
      />
      {selectedSource && request && (
        <button type="button" className={`${secondaryButton} w-full !py-1 text-xs`} onClick={() => store.getState().setRequest({ ...request, from: selectedSource.source })}>
          Send from the selected {selectedSource.group === 'Clients' ? 'client' : selectedSource.group === 'Pods' ? 'pod' : 'node'}: {sourceName(selectedSource.source)}
        </button>
      )}
      <GroupedSelect
        id="trace-destination"
        label="To"
        items={destinations}
        selected={destIndex}
        placeholder={request ? `${request.to.host}:${request.to.port}` : '(choose an address)'}
        // Only the mistakes are marked: a mark on every address would give the outcome away before it is played.
        optionText={(d) => `${d.label}${d.mistake !== undefined && d.expect === 'fails' ? '  ✕' : ''}`}
        onPick={(d) => send(d.to)}
      />
      <form
        className="flex items-end gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseHostPort(text);
          if ('error' in parsed) return setTextError(parsed.error);
          setTextError('');
          send(parsed);
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="trace-free" className="block text-xs font-medium text-slate-700 dark:text-slate-300">or type host:port</label>
          <input
            id="trace-free"
            className={inputClass}
            value={text}
            placeholder="10.96.0.10:53"
            aria-invalid={textError !== ''}
            aria-describedby={textError ? 'trace-free-error' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className={secondaryButton}>Send</button>
      </form>
      {textError && <p id="trace-free-error" className="text-xs text-red-700 dark:text-red-300">{textError}</p>}
    </div>
  );
}
