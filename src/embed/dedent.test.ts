import { describe, expect, it } from 'vitest';
import { dedent } from './dedent';

describe('dedent', () => {
  it('removes the indentation the markup gave inline YAML, keeping the nesting', () => {
    expect(dedent('\n      kind: Service\n      spec:\n        ports:\n          - port: 80\n    ')).toBe('kind: Service\nspec:\n  ports:\n    - port: 80');
  });
  it('gives an empty string for whitespace only', () => {
    expect(dedent('\n   \n  ')).toBe('');
  });
});
