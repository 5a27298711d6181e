import { describe, expect, it } from 'vitest';
import { describeCommand, HISTORY_LIMIT, moveInHistory, pushHistory, quickCommand } from './commands';

describe('quick commands', () => {
  it('adds -A to namespaced views only', () => {
    expect(quickCommand('svc', false)).toBe('get svc -o wide');
    expect(quickCommand('pods', true)).toBe('get pods -o wide -A');
    expect(quickCommand('endpointslices', true)).toBe('get endpointslices -A');
    expect(quickCommand('nodes', true)).toBe('get nodes -o wide');
  });

  it('describes the selected Service, or the Service behind a selected load balancer', () => {
    expect(describeCommand('svc:default/web')).toBe('describe svc web');
    expect(describeCommand('svc:prod/api')).toBe('describe svc api -n prod');
    expect(describeCommand('lb:default/web')).toBe('describe svc web');
    expect(describeCommand('pod:default/web-1')).toBeUndefined();
    expect(describeCommand('node:worker-1')).toBeUndefined();
    expect(describeCommand(null)).toBeUndefined();
  });
});

describe('history', () => {
  it('keeps commands trimmed, skips blanks and an immediate repeat, and stays bounded', () => {
    expect(pushHistory([], '  get svc ')).toEqual(['get svc']);
    expect(pushHistory(['get svc'], 'get svc')).toEqual(['get svc']);
    expect(pushHistory(['get svc'], '   ')).toEqual(['get svc']);
    expect(pushHistory(['get svc', 'get pods'], 'get svc')).toEqual(['get svc', 'get pods', 'get svc']);
    const full = Array.from({ length: HISTORY_LIMIT }, (_, i) => `get pods -n ns${i}`);
    expect(pushHistory(full, 'get nodes')).toHaveLength(HISTORY_LIMIT);
  });

  it('moves up to the oldest entry and down back to the draft', () => {
    expect(moveInHistory(0, null, 'ArrowUp')).toBeNull();
    expect(moveInHistory(3, null, 'ArrowUp')).toBe(2);
    expect(moveInHistory(3, 2, 'ArrowUp')).toBe(1);
    expect(moveInHistory(3, 0, 'ArrowUp')).toBe(0);
    expect(moveInHistory(3, 1, 'ArrowDown')).toBe(2);
    expect(moveInHistory(3, 2, 'ArrowDown')).toBeNull();
    expect(moveInHistory(3, null, 'ArrowDown')).toBeNull();
  });
});
