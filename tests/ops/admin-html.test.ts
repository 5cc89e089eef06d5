import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../src/ops/admin/html.ts';

describe('the admin html tag', () => {
  it('escapes every interpolated string for element bodies and quoted attributes', () => {
    const hostile = `<script>alert('x')</script>" onmouseover="y" & more`;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;y&quot; &amp; more">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;y&quot; &amp; more</p>',
    );
  });

  it('keeps nested templates as markup, joins arrays, and renders nothing for false, null and undefined', () => {
    const items = ['a<b', 'c&d'];
    expect(html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
    expect(html`${false}${null}${undefined}${0}${'ok'}`.value).toBe('0ok');
  });

  it('does not trust strings that merely look like markup, or objects that mimic SafeHtml', () => {
    const fake = { value: '<b>not safe</b>', toString: () => '<b>not safe</b>' } as unknown as string;
    expect(html`${fake}`.value).toBe('&lt;b&gt;not safe&lt;/b&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
