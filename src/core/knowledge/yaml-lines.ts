/** Lines of YAML nodes for messages: a schema issue's path → the line an editor should look at. */
import { isNode, type Document, type LineCounter } from 'yaml';

export type YamlPath = readonly (string | number)[];

/** Line of the deepest YAML node that exists along `path` (1 when nothing matches). */
export function lineOfPath(doc: Document, counter: LineCounter, path: YamlPath): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}
