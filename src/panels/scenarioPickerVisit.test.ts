import { describe, expect, it } from 'vitest';
import { shouldOpenPickerOnLoad } from './scenarioPickerVisit';

const first = { search: '', hash: '', webdriver: false, seen: false };

describe('shouldOpenPickerOnLoad', () => {
  it('opens on a first visit to the plain app, once', () => {
    expect(shouldOpenPickerOnLoad(first)).toBe(true);
    expect(shouldOpenPickerOnLoad({ ...first, seen: true })).toBe(false);
  });

  it('never opens over a shared link or an embed', () => {
    expect(shouldOpenPickerOnLoad({ ...first, hash: '#s=abc' })).toBe(false);
    expect(shouldOpenPickerOnLoad({ ...first, search: '?embed' })).toBe(false);
  });

  it('stays shut under automation unless the URL asks with ?picker, which always opens it', () => {
    expect(shouldOpenPickerOnLoad({ ...first, webdriver: true })).toBe(false);
    expect(shouldOpenPickerOnLoad({ ...first, webdriver: true, search: '?picker' })).toBe(true);
    expect(shouldOpenPickerOnLoad({ ...first, seen: true, search: '?x=1&picker' })).toBe(true);
  });
});
