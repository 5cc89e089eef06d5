/**
 * A fast reader for the plain shape nearly every front matter has: `key: value` lines, one level of
 * nested maps, `- item` lists and `[a, b]` lists of simple scalars. A reload of a big base spends more
 * time in the full YAML parser than in anything else, and this shape needs none of it.
 *
 * The rule that keeps it safe: it returns a value only when it is sure `yaml` would read the text the same
 * way, and `undefined` for anything else (comments, anchors, escapes, scalars that could be numbers,
 * booleans or dates, tabs, duplicate keys…). The caller then uses the full parser, which also gives
 * every error its line. `tests/core/simple-yaml.test.ts` checks it against `yaml` on every shape.
 */

type Scalar = string | number;
type Value = Scalar | Scalar[] | { [key: string]: Scalar | Scalar[] };

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
const LIST_ITEM = /^- (.*)$/;
/** A plain scalar that YAML 1.2's core schema can only read as a string: starts with a letter or digit, no indicator inside. */
// A comma is allowed: in a `[a, b]` list the items were split on commas before they get here.
const PLAIN_STRING = /^[A-Za-z0-9][^#:{}[\]&*!|>'"%@`]*$/;
/** Words the core schema reads as null or a boolean rather than a string. */
const NOT_A_STRING = /^(?:null|true|false)$/i;
/** Whole numbers written the one way every reader agrees on. */
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Every number form of the core schema (int, float, hex, octal) matches this, and some strings too. */
const MAYBE_NUMBER = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|[0-9.]+(?:[eE][-+]?[0-9]+)?)$/;

/** A plain string value that may go on over the next lines (YAML joins them with a space). */
interface Folding {
  into: Record<string, Value>;
  key: string;
  /** Exact indent of its continuation lines: two more than the line it starts on. */
  indent: string;
}

/** The data `yaml` would give for `text`, or undefined when the text is outside the plain shape. */
export function readSimpleYaml(text: string): Record<string, Value> | undefined {
  if (text.includes('\t') || text.includes('#')) return undefined;
  const root: Record<string, Value> = {};
  let open: { key: string; kind?: 'map' | 'list' } | undefined;
  let folding: Folding | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line === '') {
      // A blank line ends the folding here: a line folded after it would carry a newline, which is the
      // full parser's job (the indented line then fails every shape below).
      folding = undefined;
      continue;
    }
    if (folding && line.startsWith(folding.indent) && line[folding.indent.length] !== ' ') {
      const more = line.slice(folding.indent.length);
      if (!PLAIN_STRING.test(more) || more.includes('  ')) return undefined;
      folding.into[folding.key] = `${folding.into[folding.key]} ${more}`;
      continue;
    }
    folding = undefined;
    if (!line.startsWith(' ')) {
      // A `key:` with nothing under it is null in YAML; leave that (rare, and an error) to the full parser.
      if (open && open.kind === undefined) return undefined;
      const [, key = '', rest = ''] = KEY_LINE.exec(line) ?? [];
      if (!isNewKey(root, key)) return undefined;
      open = undefined;
      if (rest.trim() === '') {
        open = { key };
        continue;
      }
      const set = setPair(root, key, rest, '  ');
      if (set === false) return undefined;
      folding = set;
      continue;
    }
    // Inside the block opened by the last `key:` line: two-space indent only, all of one kind.
    if (!open || !line.startsWith('  ') || line[2] === ' ') return undefined;
    const inner = line.slice(2);
    const item = LIST_ITEM.exec(inner)?.[1];
    if (item !== undefined) {
      if (open.kind === 'map') return undefined;
      open.kind = 'list';
      const value = readScalar(item.trim());
      if (value === undefined) return undefined;
      const list = (root[open.key] ?? []) as Scalar[];
      list.push(value);
      root[open.key] = list;
      continue;
    }
    const [, innerKey = '', innerRest = ''] = KEY_LINE.exec(inner) ?? [];
    if (innerKey === '' || innerRest.trim() === '' || open.kind === 'list') return undefined;
    open.kind = 'map';
    const map = (root[open.key] ?? {}) as Record<string, Value>;
    root[open.key] = map as Value;
    if (!isNewKey(map, innerKey)) return undefined;
    const set = setPair(map, innerKey, innerRest, '    ');
    if (set === false) return undefined;
    folding = set;
  }
  if ((open && open.kind === undefined) || Object.keys(root).length === 0) return undefined;
  return root;
}

/** A key YAML reads as this string and the map does not have yet (YAML rejects duplicates). */
function isNewKey(into: Record<string, Value>, key: string): boolean {
  return key !== '' && !Object.hasOwn(into, key) && !NOT_A_STRING.test(key);
}

/**
 * Sets `into[key]` from the text after `key: `; false when the value is outside the plain shape, else
 * the folding that lets a plain string go on over lines indented by `indent`.
 */
function setPair(into: Record<string, Value>, key: string, rest: string, indent: string): Folding | undefined | false {
  const text = rest.trim();
  const value = readValue(text);
  if (value === undefined) return false;
  into[key] = value;
  return typeof value === 'string' && text === value ? { into, key, indent } : undefined;
}

function readValue(text: string): Scalar | Scalar[] | undefined {
  if (!text.startsWith('[')) return readScalar(text);
  if (!text.endsWith(']')) return undefined;
  const inside = text.slice(1, -1).trim();
  if (inside === '') return [];
  const items: Scalar[] = [];
  for (const part of inside.split(',')) {
    const value = readScalar(part.trim());
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items;
}

function readScalar(text: string): Scalar | undefined {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'")) {
    const inner = text.slice(1, -1);
    // No escapes and no quote inside: nothing to interpret.
    if (text.at(-1) !== text[0] || /["'\\]/.test(inner)) return undefined;
    return inner;
  }
  if (PLAIN_INTEGER.test(text)) return Number(text);
  return isPlainString(text) ? text : undefined;
}

/** Unquoted text the core schema can only read as this very string. */
function isPlainString(text: string): boolean {
  return PLAIN_STRING.test(text) && !NOT_A_STRING.test(text) && !MAYBE_NUMBER.test(text) && !text.includes('  ');
}
