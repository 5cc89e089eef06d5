import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/core/knowledge/front-matter.ts';
import { readSimpleYaml } from '../../src/core/knowledge/simple-yaml.ts';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');

/** The fast reader's contract: either no answer, or exactly what `yaml` reads. */
function expectSameAsYaml(text: string): boolean {
  const fast = readSimpleYaml(text);
  if (fast !== undefined) expect(JSON.parse(JSON.stringify(fast)), text).toStrictEqual(parse(text));
  return fast !== undefined;
}

/** Scalars that look alike but that YAML reads differently: numbers, booleans, nulls, escapes, comments, anchors. */
const TRICKY = [
  'plain words',
  'define-by-run',
  'tf.keras',
  'c++',
  '000_b72d.txt',
  'Apache 2.0',
  'a, b',
  '2025',
  '"2025"',
  "'2025'",
  '0',
  '012',
  '1e5',
  '1.5',
  '-3',
  '+3',
  '0x1F',
  '0o17',
  '.inf',
  '.NaN',
  'true',
  'False',
  'NULL',
  '~',
  'yes',
  'on',
  '2025-01-01',
  '1_000',
  '"say \\"hi\\""',
  "'it''s'",
  '"a, b"',
  '"x: y"',
  'a #note',
  'a: b',
  '&anchor x',
  '*alias',
  '!!str x',
  '? q',
  '- item',
  '[a, b]',
  '[]',
  '[a, [b]]',
  '{a: 1}',
  '"unterminated',
  'two  spaces',
  'üben',
  '%x',
  '`x`',
  '"https://example.com/a?b=c"',
  'Which one (blog, 2025)',
  '9'.repeat(20),
  '123abc',
  '1e',
  'x'.repeat(3),
];

function randomDocuments(count: number): string[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = <T>(items: readonly T[]) => items[next(items.length)] as T;
  const keys = ['id', 'title', 'source', 'tags', 'frameworks', 'kind', 'url', 'true', 'null', 'a-b', 'x_y'];
  return Array.from({ length: count }, () => {
    const lines: string[] = [];
    for (let k = 0, n = 1 + next(5); k < n; k++) {
      const key = pick(keys);
      const shape = next(5);
      if (shape === 0) lines.push(`${key}: ${pick(TRICKY)}`);
      else if (shape === 1) lines.push(`${key}: [${Array.from({ length: next(4) }, () => pick(TRICKY)).join(', ')}]`);
      else if (shape === 2) lines.push(`${key}:`, ...Array.from({ length: 1 + next(3) }, () => `  - ${pick(TRICKY)}`));
      else if (shape === 3) lines.push(`${key}:`, ...Array.from({ length: 1 + next(3) }, () => `  ${pick(keys)}: ${pick(TRICKY)}`));
      else if (next(3) === 0) lines.push(`${key}: ${pick(TRICKY)}`, `  ${pick(TRICKY)}`, ...(next(2) ? [''] : []), `${pick(['', '  ', '    '])}${pick(TRICKY)}`);
      else if (next(2) === 0) lines.push(`${key}:`, `  ${pick(keys)}: ${pick(TRICKY)}`, `    ${pick(TRICKY)}`, `${pick(['  ', '    ', '      '])}${pick(TRICKY)}`);
      else lines.push(pick([`${key}:`, `  ${key}: x`, `${key}:x`, `${key}:\t x`, `- ${key}`, '', `${key}:   ${pick(TRICKY)}   `, `    deep: x`]));
    }
    return lines.join(next(4) === 0 ? '\r\n' : '\n');
  });
}

describe('readSimpleYaml', () => {
  it('reads every front matter in knowledge/ exactly as yaml does', () => {
    const files = readdirSync(KNOWLEDGE).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const yaml = splitFrontMatter(readFileSync(path.join(KNOWLEDGE, file), 'utf8')).yaml ?? '';
      expect(expectSameAsYaml(yaml), file).toBe(true);
    }
  });

  it('never disagrees with yaml on thousands of mixed plain and tricky documents', () => {
    let read = 0;
    const documents = randomDocuments(4000);
    for (const text of documents) {
      let valid = true;
      try {
        parse(text);
      } catch {
        valid = false;
      }
      if (!valid) expect(readSimpleYaml(text), text).toBeUndefined();
      else if (expectSameAsYaml(text)) read += 1;
    }
    // Both halves matter: a reader that always gave up would pass the check above.
    expect(read).toBeGreaterThan(150);
    expect(read).toBeLessThan(documents.length - 300);
  });

  it('leaves to the full parser what only it reads right', () => {
    for (const text of ['id: 1e5', 'id: true', 'id: ~', 'id: 012', 'id: a #c', 'id: "a\\tb"', 'id: x\nid: y', 'id:', 'a:\n  b: 1\n  - c', 'a:\n    b: 1'])
      expect(readSimpleYaml(text), text).toBeUndefined();
    expect(readSimpleYaml('source:\n  date: "2025"\n  seed: 000_b.txt\ntags: [a b, c]')).toStrictEqual({ source: { date: '2025', seed: '000_b.txt' }, tags: ['a b', 'c'] });
    // Long plain values wrapped over lines, as \`yaml.stringify\` writes them, are joined with a space.
    expect(readSimpleYaml('title: Deployment and verdict (Section\n  Engineering Education, 2021)\nsource:\n  title: a long\n    title\n  date: 2021-01-04')).toStrictEqual({
      title: 'Deployment and verdict (Section Engineering Education, 2021)',
      source: { title: 'a long title', date: '2021-01-04' },
    });
  });
});
