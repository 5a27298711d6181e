import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { encodeSnapshot } from './snapshotCodec';
import { snapshotOf } from './snapshot';
import { loadsBack } from './stateCheck';
import { defaultScenario } from '../model/scenarios/defaultScenario';
import { trace } from '../model/trace/trace';

const state = () => ({ cluster: defaultScenario(), positions: {}, request: null, seed: 0, step: 0, lens: 'layers' as const });

describe('loadsBack (checked before a save or an exported file is written)', () => {
  it('takes a state that decodes and draws', () => {
    expect(loadsBack(encodeSnapshot(snapshotOf(state())), trace)).toBe(true);
  });

  it('refuses truncated, foreign and newer states', () => {
    const good = encodeSnapshot(snapshotOf(state()));
    expect(loadsBack(good.slice(0, good.length / 2), trace)).toBe(false);
    expect(loadsBack(compressToEncodedURIComponent(JSON.stringify({ hello: 'world' })), trace)).toBe(false);
    expect(loadsBack(compressToEncodedURIComponent(JSON.stringify({ ...snapshotOf(state()), v: 99 })), trace)).toBe(false);
    expect(loadsBack('', trace)).toBe(false);
  });
});
