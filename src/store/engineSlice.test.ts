import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { selectTrace } from './selectTrace';
import { defaultStart } from './startState';
import { trace } from '../model/trace/trace';

describe('the trace engine as a store field', () => {
  it('traces nothing until the engine is in, then every subscriber hears of it', async () => {
    const store = createAppStore(defaultStart(), { traceEngine: null });
    expect(store.getState().engineStatus).toBe('absent');
    expect(selectTrace(store.getState())).toBeNull();
    const heard: string[] = [];
    store.subscribe((s) => heard.push(s.engineStatus));
    const loading = store.getState().loadTraceEngine(async () => trace);
    expect(store.getState().engineStatus).toBe('loading');
    await loading;
    expect(heard).toEqual(['loading', 'ready']);
    expect(selectTrace(store.getState())?.outcome).toBe('delivered');
  });

  it('says when loading failed, and tries again when asked', async () => {
    const store = createAppStore(defaultStart(), { traceEngine: null });
    await expect(store.getState().loadTraceEngine(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(store.getState().engineStatus).toBe('failed');
    await store.getState().loadTraceEngine(async () => trace);
    expect(store.getState().engineStatus).toBe('ready');
  });
});
