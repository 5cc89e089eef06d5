/**
 * Reading Markdown the way GitHub renders it, just enough to check links: code is not prose, headings get
 * GitHub's anchor slugs, and `[text](target)` links are found outside code.
 */

/** The text with fenced code blocks blanked (line count kept, so line numbers stay right). */
export function withoutFences(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
      if (marker && (!fence || marker.startsWith(fence))) {
        fence = fence ? undefined : marker;
        return '';
      }
      return fence ? '' : line;
    })
    .join('\n');
}

/** Also blanks inline code spans, where `[1]` or `(x)` are not links. */
export function proseOnly(markdown: string): string {
  return withoutFences(markdown).replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

/** GitHub's anchor for a heading: formatting dropped, lowercased, punctuation removed, spaces → hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, (c) => (c === '_' ? '_' : ''))
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a file offers, with GitHub's `-1`, `-2` suffixes for repeated headings. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const match of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = githubSlug(match[1] ?? '');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

export interface MarkdownLink {
  line: number;
  target: string;
}

/** `[text](target)` and `![alt](target)` links in prose, with their line numbers. */
export function linksIn(markdown: string): MarkdownLink[] {
  const prose = proseOnly(markdown);
  const links: MarkdownLink[] = [];
  for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const line = prose.slice(0, match.index).split('\n').length;
    links.push({ line, target: match[1] ?? '' });
  }
  return links;
}

/** Script names in `npm run [--silent] X`, `npm start` and `npm test`, code included. */
export function npmScriptsIn(markdown: string): string[] {
  const names = [...markdown.matchAll(/\bnpm run(?:\s+--?[\w-]+)*\s+([a-z][\w:.-]*)/g)].map((m) => m[1] ?? '');
  for (const builtin of ['start', 'test']) if (new RegExp(`\\bnpm ${builtin}\\b`).test(markdown)) names.push(builtin);
  return [...new Set(names)];
}
