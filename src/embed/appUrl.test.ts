import { describe, expect, it } from 'vitest';
import { safeAppUrl } from './appUrl';

const base = 'https://docs.example.com/guide/page.html';
const fallback = 'https://cdn.example.com/explainer/';

describe('safeAppUrl', () => {
  it('keeps http(s) and relative URLs', () => {
    expect(safeAppUrl('https://explainer.example.org/', base, fallback)).toBe('https://explainer.example.org/');
    expect(safeAppUrl('http://localhost:5173/app', base, fallback)).toBe('http://localhost:5173/app');
    expect(safeAppUrl('../app/', base, fallback)).toBe('https://docs.example.com/app/');
    expect(safeAppUrl('/explainer', base, fallback)).toBe('https://docs.example.com/explainer');
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const attr of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'blob:https://docs.example.com/x', 'file:///etc/passwd']) {
      expect(safeAppUrl(attr, base, fallback)).toBe(fallback);
    }
  });

  it('falls back when there is no attribute', () => {
    expect(safeAppUrl(null, base, fallback)).toBe(fallback);
    expect(safeAppUrl('', base, fallback)).toBe(fallback);
  });
});
