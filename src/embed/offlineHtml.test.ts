import { describe, expect, it } from 'vitest';
import { inlineScriptText, offlineHtml } from './offlineHtml';

describe('offline HTML', () => {
  it('keeps the inlined script from closing its own tag', () => {
    const script = 'const a = "</script><script>alert(1)</script>"; const b = /<!--/; const c = `</SCRIPT >`;';
    const safe = inlineScriptText(script);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // The escaped text still means the same in JavaScript.
    expect(new Function(`${safe}; return [a, b.test('<!--'), c];`)()).toEqual(['</script><script>alert(1)</script>', true, '</SCRIPT >']);
  });

  it('puts the state and the app link in attributes, escaped', () => {
    const html = offlineHtml({ script: 'x', state: 'N4Ig$+-', appUrl: 'https://example.com/a?b=1&c="2"' });
    expect(html).toContain('<service-explainer state="N4Ig$+-" app-url="https://example.com/a?b=1&amp;c=&quot;2&quot;"></service-explainer>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('leaves the state out for the default scenario', () => {
    expect(offlineHtml({ script: 'x' })).toContain('<service-explainer></service-explainer>');
  });
});
