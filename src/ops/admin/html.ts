/**
 * A tiny escaping `html` tagged template for the admin pages. Every interpolated value is HTML-escaped
 * unless it is itself the result of `html` (already safe), so markup can only come from the template
 * literals in our source, never from a knowledge file, a question or a store value. Arrays are joined,
 * `undefined` / `null` / `false` render as nothing (for `cond && html…`). Thirty lines we can read in one
 * go beat a templating dependency for five server-rendered pages.
 */

/** Markup that is safe to emit as is: produced by `html`, never by string concatenation. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A value an `html` template accepts. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * @example html`<p title="${title}">${body}</p>` // title and body escaped
 * @example html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` // nested templates kept as markup
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
