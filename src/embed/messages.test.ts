import { describe, expect, it } from 'vitest';
import { readCommand } from './messages';
import { readEmbedOptions } from './options';

describe('embed messages', () => {
  it('accepts only namespaced, well-formed commands', () => {
    expect(readCommand({ ns: 'service-explainer', type: 'play' })).toEqual({ type: 'play' });
    expect(readCommand({ ns: 'service-explainer', type: 'goTo', step: 3 })).toEqual({ type: 'goTo', step: 3 });
    expect(readCommand({ ns: 'service-explainer', type: 'step', by: -1 })).toEqual({ type: 'step', by: -1 });
    expect(readCommand({ ns: 'service-explainer', type: 'load', scenario: 'nodeport' })).toEqual({ type: 'load', scenario: 'nodeport' });
    expect(readCommand({ ns: 'other', type: 'play' })).toBeUndefined();
    expect(readCommand({ ns: 'service-explainer', type: 'eval', code: 'alert(1)' })).toBeUndefined();
    expect(readCommand({ ns: 'service-explainer', type: 'goTo', step: -1 })).toBeUndefined();
    expect(readCommand({ ns: 'service-explainer', type: 'load', scenario: '../../etc' })).toBeUndefined();
    expect(readCommand('play')).toBeUndefined();
    expect(readCommand({ ns: 'service-explainer', type: 'step' })).toEqual({ type: 'step', by: 1 });
    expect(readCommand({ ns: 'service-explainer', type: 'step', by: 1 })).toEqual({ type: 'step', by: 1 });
    for (const by of [2, 'x', '1', NaN, Infinity, -Infinity, 0, 0.5, null, {}, [1]]) {
      expect(readCommand({ ns: 'service-explainer', type: 'step', by })).toBeUndefined();
    }
    expect(readCommand(null)).toBeUndefined();
  });
});

describe('embed options', () => {
  const from = (query: string, hash = '') => {
    const params = new URLSearchParams(query);
    return readEmbedOptions((n) => params.get(n), hash);
  };

  it('reads every option and defaults the rest', () => {
    expect(from('embed&scenario=nodeport&step=3&autoplay&lens=wire&theme=dark&controls=off&from=client:client&to=10.0.1.10:30080')).toEqual({
      scenario: 'nodeport', step: 3, autoplay: true, lens: 'wire', theme: 'dark', controls: false, from: 'client:client', to: '10.0.1.10:30080',
    });
    expect(from('embed')).toEqual({ autoplay: false, theme: 'auto', controls: true });
  });

  it('ignores values that are not what they should be', () => {
    expect(from('embed&step=-2&lens=sideways&theme=neon&scenario=<b>')).toEqual({ autoplay: false, theme: 'auto', controls: true });
  });

  it('takes a state from the hash', () => {
    expect(from('embed', '#s=abc').state).toBe('abc');
  });
});
