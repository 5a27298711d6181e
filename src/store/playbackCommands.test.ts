import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { runShortcut } from './commands';
import { playbackCommands } from './playbackCommands';
import { selectStep, selectTrace } from './selectTrace';
import { defaultScenario } from '../model/scenarios/defaultScenario';

const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false });

describe('playback commands', () => {
  const cluster = defaultScenario();
  const lbIP = cluster.services[0]!.status.loadBalancer.ingress![0]!.ip!;
  const store = createAppStore({ cluster, request: { from: { kind: 'client', name: 'client' }, to: { host: lbIP, port: 80 } } });
  const hops = selectTrace(store.getState())!.hops.length;

  it('steps with the arrows, jumps with Home/End, and never leaves the trace', () => {
    runShortcut(store, key('ArrowRight'), playbackCommands);
    runShortcut(store, key('ArrowRight'), playbackCommands);
    expect(selectStep(store.getState())).toBe(2);
    runShortcut(store, key('ArrowLeft'), playbackCommands);
    expect(selectStep(store.getState())).toBe(1);
    runShortcut(store, key('End'), playbackCommands);
    expect(selectStep(store.getState())).toBe(hops);
    expect(runShortcut(store, key('ArrowRight'), playbackCommands)).toBe(false);
    runShortcut(store, key('Home'), playbackCommands);
    expect(selectStep(store.getState())).toBe(0);
  });

  it('toggles playing with Space, and a manual step stops playing', () => {
    runShortcut(store, key(' '), playbackCommands);
    expect(store.getState().playing).toBe(true);
    runShortcut(store, key('ArrowRight'), playbackCommands);
    expect(store.getState().playing).toBe(false);
  });
});
