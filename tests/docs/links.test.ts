/**
 * The README and docs/ do not rot: every `npm run X` they mention is a script in package.json, and every
 * relative link resolves to a file inside this repository — with its #anchor, when it has one. A path that
 * leaves the repository (`../shared/…`) is a dead link for anyone with a plain clone. Also, every
 * `docs/….md` path named anywhere in the repository (code, manifest, config) exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, githubSlug, linksIn, npmScriptsIn } from './markdown-links.ts';

const ROOT = path.resolve(new URL('../../', import.meta.url).pathname);
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

/** Problems with one relative link from `file`, or [] when it resolves. */
function linkProblems(file: string, target: string): string[] {
  if (/^[a-z][a-z+.-]*:/i.test(target)) return []; // https:, mailto: — not ours to check
  const [pathPart = '', anchor] = target.split('#', 2);
  const resolved = pathPart === '' ? path.join(ROOT, file) : path.resolve(path.dirname(path.join(ROOT, file)), decodeURI(pathPart));
  if (resolved !== ROOT && !resolved.startsWith(`${ROOT}${path.sep}`)) return [`${target} leaves the repository`];
  if (!existsSync(resolved)) return [`${target} does not exist`];
  if (anchor === undefined || !resolved.endsWith('.md')) return [];
  return anchorsOf(readFileSync(resolved, 'utf8')).has(anchor) ? [] : [`${target}: no heading with anchor #${anchor} in ${path.relative(ROOT, resolved)}`];
}

describe('the link checker itself', () => {
  it("makes GitHub's anchors", () => {
    expect(githubSlug('Choosing a framework: `/choose-framework`')).toBe('choosing-a-framework-choose-framework');
    expect(githubSlug("Editor's notes: sources, dates and gaps")).toBe('editors-notes-sources-dates-and-gaps');
    expect(githubSlug('Seed → files')).toBe('seed--files');
    expect(githubSlug('The `.env` file')).toBe('the-env-file');
    expect([...anchorsOf('# A\n## Tests\n```\n## Not a heading\n```\n## Tests\n')]).toEqual(['a', 'tests', 'tests-1']);
  });

  it('finds links in prose only, and flags missing files, missing anchors and paths out of the repository', () => {
    const sample = 'See [ops](docs/operations.md#docker), `[1](x)` and\n```\n[no](nowhere.md)\n```\n[gone](notes/gone.md) ![pic](../shared/x.png)';
    const links = linksIn(sample);
    expect(links).toEqual([
      { line: 1, target: 'docs/operations.md#docker' },
      { line: 5, target: 'notes/gone.md' },
      { line: 5, target: '../shared/x.png' },
    ]);
    expect(links.flatMap((l) => linkProblems('README.md', l.target))).toEqual(['notes/gone.md does not exist', '../shared/x.png leaves the repository']);
    expect(linkProblems('README.md', 'docs/operations.md#no-such-heading')).toHaveLength(1);
  });

  it('reads script names from npm run, with or without --silent, and npm start / npm test', () => {
    expect(npmScriptsIn('`npm run --silent ask -- --json`, npm run kb:check, npm start; npm test')).toEqual(['ask', 'kb:check', 'start', 'test']);
  });
});

describe.each(DOCS)('%s', (file) => {
  const text = read(file);

  it('mentions only npm scripts that exist in package.json', () => {
    const missing = npmScriptsIn(text).filter((name) => !scripts.includes(name));
    expect(missing, `npm scripts named in ${file} but not in package.json`).toEqual([]);
  });

  it('has only relative links that resolve inside the repository, anchors included', () => {
    const problems = linksIn(text).flatMap(({ line, target }) => linkProblems(file, target).map((p) => `${file}:${line}: ${p}`));
    expect(problems).toEqual([]);
  });
});

/** Text files of the repository worth scanning for doc paths (no dependencies, no VCS data). */
function repositoryFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (['node_modules', '.git', 'coverage'].includes(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return repositoryFiles(full);
    return /\.(ts|md|ya?ml|json)$|^Dockerfile$|^\.env\.example$|^run$/.test(name) ? [full] : [];
  });
}

describe('docs/ paths named anywhere in the repository', () => {
  it('exist', () => {
    const missing = repositoryFiles().flatMap((full) => {
      const named = readFileSync(full, 'utf8').match(/(?<![\w./-])docs\/[\w/-]+\.md\b/g) ?? [];
      return named.filter((doc) => !existsSync(path.join(ROOT, doc))).map((doc) => `${path.relative(ROOT, full)} names ${doc}`);
    });
    expect(missing).toEqual([]);
  });
});
