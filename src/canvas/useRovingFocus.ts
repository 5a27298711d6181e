import { useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useReactFlow, type InternalNode } from '@xyflow/react';
import { useAppStoreApi } from '../store/AppStoreProvider';
import type { AppNode } from './flowTypes';
import { clampToParent, directionOf, moveDelta, nearestCard, type Box, type Card, type Direction } from './rovingFocus';

/**
 * The ring a focused card wears. Classes on React Flow's node wrapper (not a stylesheet of its own),
 * so Tailwind builds them into the one stylesheet that both the page and the custom element's shadow
 * root carry. Important, because React Flow's own (unlayered) stylesheet removes a selectable node's
 * outline and would beat Tailwind's layered utilities.
 */
const FOCUS_RING = 'rounded-lg focus-visible:outline-3! focus-visible:outline-offset-3! focus-visible:outline-[#326ce5]! dark:focus-visible:outline-[#8fb0f5]!';

/** The cluster boundary is a backdrop, never a stop: focus moves between the cards it holds. */
const isCard = (node: AppNode) => node.type !== 'cluster' && !node.hidden;

/** Each node as a tab stop and as not one, built once per node object so a focus move re-renders two cards, not all. */
const versions = new WeakMap<AppNode, { stop?: AppNode; rest?: AppNode }>();
function withTabStop(node: AppNode, stop: boolean): AppNode {
  const cached = versions.get(node) ?? {};
  const key = stop ? 'stop' : 'rest';
  let version = cached[key];
  if (!version) {
    version = isCard(node)
      ? { ...node, className: node.className ? `${node.className} ${FOCUS_RING}` : FOCUS_RING, domAttributes: { ...node.domAttributes, tabIndex: stop ? 0 : -1 } } as AppNode
      : { ...node, focusable: false, ariaRole: 'group' } as AppNode;
    cached[key] = version;
    versions.set(node, cached);
  }
  return version;
}

const boxOf = (node: InternalNode<AppNode>): Box => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width ?? node.width ?? 0,
  height: node.measured.height ?? node.height ?? 0,
});

const TOWARDS: Record<Direction, string> = { left: 'left of', right: 'right of', up: 'above', down: 'below' };

/**
 * Roving focus for the canvas: the whole diagram is one Tab stop (the selected card, else the last
 * focused, else the first), arrow keys move focus to the nearest card that way, Shift+arrow moves the
 * selected card one step (an undoable move, like a drag), and each of these is said in a polite live
 * region. Enter/Space (select) and Escape (clear) stay React Flow's own.
 */
export function useRovingFocus(nodes: AppNode[], selectedId: string | null) {
  const flow = useReactFlow<AppNode>();
  const store = useAppStoreApi();
  const [roving, setRoving] = useState<string | null>(selectedId);
  const [seenSelection, setSeenSelection] = useState(selectedId);
  // A new selection (a click, the inspector, a tour) is where Tab enters next.
  if (selectedId !== seenSelection) {
    setSeenSelection(selectedId);
    if (selectedId) setRoving(selectedId);
  }
  // The same words twice (two presses at an edge) must still be read: alternate a trailing space.
  const [said, setSaid] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setSaid((s) => ({ text, n: s.n + 1 })), []);

  const tabStop = useMemo(() => {
    const cards = nodes.filter(isCard);
    return cards.find((n) => n.id === roving)?.id ?? cards[0]?.id;
  }, [nodes, roving]);
  const focusNodes = useMemo(() => nodes.map((n) => withTabStop(n, n.id === tabStop)), [nodes, tabStop]);

  const labelOf = useCallback((id: string) => flow.getNode(id)?.ariaLabel ?? id, [flow]);

  const focusTowards = useCallback((wrapper: HTMLElement, id: string, direction: Direction) => {
    const from = flow.getInternalNode(id);
    if (!from) return;
    const cards: Card[] = flow.getNodes().filter((n) => isCard(n) && n.id !== id).flatMap((n) => {
      const internal = flow.getInternalNode(n.id);
      return internal ? [{ id: n.id, box: boxOf(internal) }] : [];
    });
    const next = nearestCard(boxOf(from), cards, direction);
    if (!next) return announce(`Nothing ${TOWARDS[direction]} ${labelOf(id)}.`);
    const el = wrapper.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`);
    if (!el) return;
    setRoving(next);
    el.focus();
    announce(`${labelOf(next)}${flow.getNode(next)?.selected ? ', selected' : ''}.`);
  }, [flow, announce, labelOf]);

  const moveCard = useCallback((id: string, direction: Direction) => {
    const node = flow.getInternalNode(id);
    if (!node) return;
    const label = labelOf(id);
    if (!node.selected) return announce(`${label} is not selected. Press Enter to select it, then Shift and an arrow key move it.`);
    const delta = moveDelta(direction);
    let position = { x: node.position.x + delta.x, y: node.position.y + delta.y };
    // A pod stays on its node: leaving it would be a reschedule, which is a drop, not a nudge. An
    // endpoint card stays where its slice puts it (its node, or outside any node).
    const parent = (node.type === 'pod' || node.type === 'endpointAddress') && node.parentId ? flow.getInternalNode(node.parentId) : undefined;
    if (parent) position = clampToParent(position, boxOf(node), boxOf(parent));
    if (position.x === node.position.x && position.y === node.position.y) return announce(`${label} is at the edge of ${labelOf(parent!.id)}.`);
    store.getState().moveElement(id, position);
    announce(`Moved ${label} ${direction}, to x ${Math.round(position.x)}, y ${Math.round(position.y)}.`);
  }, [flow, store, announce, labelOf]);

  /** Arrows are caught before React Flow's own node handler, which would move the selected card. */
  const onKeyDownCapture = useCallback((e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const direction = directionOf(e.key);
    const id = target.classList.contains('react-flow__node') ? target.dataset.id : undefined;
    if (!direction || !id || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.shiftKey) moveCard(id, direction);
    else focusTowards(e.currentTarget, id, direction);
  }, [moveCard, focusTowards]);

  /** Focus that arrives some other way (a click, Tab) moves the stop with it. */
  const onFocusCapture = useCallback((e: FocusEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const id = target.classList.contains('react-flow__node') ? target.dataset.id : undefined;
    if (id && id !== roving && flow.getNode(id) && isCard(flow.getNode(id)!)) setRoving(id);
  }, [flow, roving]);

  return { nodes: focusNodes, onKeyDownCapture, onFocusCapture, announcement: said.text + (said.n % 2 ? '\u00a0' : '') };
}
