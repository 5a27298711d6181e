import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { HISTORY_LIMIT, historyIsFull, historyOf, samePositions } from './history';

describe('undo history', () => {
  it('gives no slot to a drag that ends where it began, nor to a click on a box', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const { moveElement } = store.getState();
    moveElement('node:worker-1', { x: 5, y: 5 });
    expect(historyOf(store).getState().pastStates).toHaveLength(1);
    // A drag that wanders and comes back.
    moveElement('node:worker-1', { x: 40, y: 40 }, true);
    moveElement('node:worker-1', { x: 5, y: 5 }, true);
    moveElement('node:worker-1', { x: 5, y: 5 });
    // A click: React Flow reports a final move at the same place.
    moveElement('node:worker-1', { x: 5, y: 5 });
    expect(historyOf(store).getState().pastStates).toHaveLength(1);
    moveElement('node:worker-1', { x: 6, y: 5 });
    expect(historyOf(store).getState().pastStates).toHaveLength(2);
  });

  it('keeps the last HISTORY_LIMIT edits and says when it is full', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const history = historyOf(store);
    for (let i = 1; i < HISTORY_LIMIT; i++) store.getState().moveElement('node:worker-1', { x: i, y: 0 });
    expect(historyIsFull(history.getState())).toBe(false);
    store.getState().moveElement('node:worker-1', { x: HISTORY_LIMIT, y: 0 });
    expect(historyIsFull(history.getState())).toBe(true);
    store.getState().moveElement('node:worker-1', { x: HISTORY_LIMIT + 1, y: 0 });
    expect(history.getState().pastStates).toHaveLength(HISTORY_LIMIT);
    // The oldest edit (x: 1 back to no position) is the one dropped.
    for (let i = 0; i < HISTORY_LIMIT; i++) history.getState().undo();
    expect(store.getState().positions['node:worker-1']).toEqual({ x: 1, y: 0 });
  });

  it('compares positions by value', () => {
    expect(samePositions({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(samePositions({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 3 } })).toBe(false);
    expect(samePositions({ a: { x: 1, y: 2 } }, { b: { x: 1, y: 2 } })).toBe(false);
    expect(samePositions({}, { a: { x: 0, y: 0 } })).toBe(false);
  });
});
