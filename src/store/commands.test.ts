import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { runShortcut } from './commands';
import { undoCommand } from './editCommands';
import { defaultScenario } from '../model/scenarios/defaultScenario';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean }> = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: false,
});

describe('commands', () => {
  it('undoes with Ctrl+Z or Cmd+Z and redoes with Shift+Ctrl+Z or Ctrl+Y', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    store.getState().moveElement('node:worker-2', { x: 5, y: 5 });
    expect(runShortcut(store, key('z', { meta: true }))).toBe(true);
    expect(store.getState().positions).toEqual({});
    expect(runShortcut(store, key('Z', { ctrl: true, shift: true }))).toBe(true);
    expect(store.getState().positions['node:worker-2']).toEqual({ x: 5, y: 5 });
    expect(runShortcut(store, key('z', { ctrl: true }))).toBe(true);
    expect(runShortcut(store, key('y', { ctrl: true }))).toBe(true);
    expect(store.getState().positions['node:worker-2']).toEqual({ x: 5, y: 5 });
  });

  it('does nothing, and says so, when there is nothing to undo or no shortcut matches', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    expect(undoCommand.enabled(store)).toBe(false);
    expect(runShortcut(store, key('z', { ctrl: true }))).toBe(false);
    expect(runShortcut(store, key('z'))).toBe(false);
  });
});

describe('delete', () => {
  it('deletes the selected pod with the Delete key, and undo brings it back', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    const pod = store.getState().cluster.pods[0]!;
    store.getState().select(`pod:default/${pod.metadata.name}`);
    expect(runShortcut(store, key('Delete'))).toBe(true);
    expect(store.getState().cluster.pods.map((p) => p.metadata.name)).not.toContain(pod.metadata.name);
    expect(store.getState().selectedId).toBeNull();
    runShortcut(store, key('z', { ctrl: true }));
    expect(store.getState().cluster.pods.map((p) => p.metadata.name)).toContain(pod.metadata.name);
  });

  it('does nothing without a selection', () => {
    const store = createAppStore({ cluster: defaultScenario() });
    expect(runShortcut(store, key('Delete'))).toBe(false);
  });
});

describe('the dispatcher', () => {
  it('asks enabled on every path and answers a refusal as data, changing nothing', async () => {
    const { runCommand } = await import('./commands');
    const { playCommand, goToStepCommand, stepForwardCommand } = await import('./playbackCommands');
    const store = createAppStore({ cluster: defaultScenario() });
    expect(runCommand(store, playCommand, 'bridge')).toEqual({ ok: false, id: 'play', source: 'bridge', reason: 'disabled' });
    expect(store.getState().playing).toBe(false);
    const cluster = defaultScenario();
    const lbIP = cluster.services[0]!.status.loadBalancer.ingress![0]!.ip!;
    store.getState().setRequest({ from: { kind: 'client', name: 'client' }, to: { host: lbIP, port: 80 } });
    expect(runCommand(store, goToStepCommand, 'bridge', 10_000)).toEqual({ ok: true, id: 'go-to-step', source: 'bridge' });
    expect(runCommand(store, stepForwardCommand, 'bridge').ok).toBe(false);
    expect(runCommand(store, playCommand, 'startup').ok).toBe(true);
    expect(store.getState().playing).toBe(true);
  });
});
