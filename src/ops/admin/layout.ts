/**
 * The shell every admin page shares: skip link, header with navigation and sign-out, one `<main>`.
 * Navigation is plain links and sign-out a plain form, so the page works without JavaScript and with
 * the keyboard alone; `aria-current` marks where you are.
 */
import { html, type SafeHtml } from './html.ts';

export const PAGES = [
  { path: '/admin', label: 'Knowledge' },
  { path: '/admin/gaps', label: 'Coverage gaps' },
  { path: '/admin/feedback', label: 'Feedback' },
  { path: '/admin/reload', label: 'Reload' },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

export interface LayoutOptions {
  title: string;
  /** The signed-in session's CSRF token; without it the page is the signed-out shell (no navigation). */
  csrf?: string;
  current?: PagePath;
  body: SafeHtml;
}

/** The hidden field every admin POST form carries. */
export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}

export function layout({ title, csrf, current, body }: LayoutOptions): SafeHtml {
  const nav =
    csrf !== undefined &&
    html`<nav aria-label="Admin pages"><ul>${PAGES.map(
      (page) => html`<li><a href="${page.path}"${page.path === current ? html` aria-current="page"` : ''}>${page.label}</a></li>`,
    )}</ul></nav>
    <form method="post" action="/admin/sign-out" class="sign-out">${csrfField(csrf)}<button type="submit">Sign out</button></form>`;
  return html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Framework Desk admin</title>
<link rel="stylesheet" href="/admin/admin.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><p class="brand">Framework Desk admin</p>${nav}</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** "2026-12-03 12:48:39 UTC": unambiguous for admins in any time zone. */
export function formatTime(at: Date | number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "1 section", "3 sections". */
export function countOf(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
