import { describe, expect, it } from 'vitest';
import { nearMissLabel } from './nearMiss';
import type { PodExclusion } from './endpoints';

const miss = (podName: string, key: string, expected: string, actual?: string): PodExclusion => ({
  podName,
  reason: { kind: 'label-mismatch', key, expected, ...(actual !== undefined ? { actual } : {}) },
});

describe('nearMissLabel', () => {
  it('flags a typo in the only selector label', () => {
    expect(nearMissLabel([miss('web-1', 'app', 'web', 'wbe')], 'web-1', 1)).toMatchObject({ key: 'app', actual: 'wbe' });
    expect(nearMissLabel([miss('web-1', 'app', 'frontend', 'frontent')], 'web-1', 1)).toBeDefined();
  });

  it('ignores pods of another app, and pods missing the only label', () => {
    expect(nearMissLabel([miss('db-1', 'app', 'web', 'postgres')], 'db-1', 1)).toBeUndefined();
    expect(nearMissLabel([miss('x', 'app', 'web')], 'x', 1)).toBeUndefined();
    expect(nearMissLabel([miss('a', 'app', 'app1', 'app12')], 'a', 1)).toBeUndefined();
    expect(nearMissLabel([miss('b', 'app', 'web-1', 'web-2')], 'b', 1)).toBeUndefined();
  });

  it('flags one differing label out of several, but not two', () => {
    expect(nearMissLabel([miss('web-1', 'tier', 'frontend', 'backend')], 'web-1', 2)).toMatchObject({ key: 'tier' });
    expect(nearMissLabel([miss('web-1', 'tier', 'frontend', 'backend'), miss('web-1', 'app', 'web', 'api')], 'web-1', 2)).toBeUndefined();
  });
});
