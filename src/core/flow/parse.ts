/**
 * Reads the flow file: YAML → zod schema → cross-checks zod cannot express (every `cite` is a known
 * chunk, every `when` names real questions and options, the contract ids exist, every option can be
 * chosen). Every issue carries the YAML line, so `kb:check` can say `flow/choose-framework.yaml:42: …`.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { FrameworkList } from '../answer/frameworks.ts';
import type { KnowledgeIssue } from '../knowledge/schema.ts';
import { lineOfPath as lineOf, type YamlPath as Path } from '../knowledge/yaml-lines.ts';
import { FlowDefinitionSchema, type FlowDefinition, type FlowFile } from './schema.ts';

/** The ids other tools rely on (issue 3); a flow file may add options, never drop these. */
const CONTRACT_OPTIONS: Record<string, readonly string[]> = {
  goal: ['research', 'prototyping', 'production', 'learning'],
  target: ['cloud_server', 'mobile_edge', 'browser', 'undecided'],
  hardware: ['gpu', 'tpu', 'cpu'],
  domain: ['nlp_genai', 'vision', 'tabular', 'other'],
  team: ['tensorflow', 'pytorch', 'none'],
};

/**
 * Parses and validates a flow file against the base's chunk ids and declared frameworks. Without
 * `frameworks` (a broken `frameworks.yaml`, reported on its own) the rest is checked, but no flow returned.
 *
 * @example parseFlow(text, 'knowledge/flow/choose-framework.yaml', new Set(['tf#lite']), snapshot.frameworks)
 */
export function parseFlow(
  text: string,
  file: string,
  knownChunkIds: ReadonlySet<string>,
  frameworks: FrameworkList | undefined,
): { flow?: FlowDefinition; issues: KnowledgeIssue[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const issue = (line: number, message: string, code = 'flow'): KnowledgeIssue => ({ file, line, message, severity: 'error', code });
  if (doc.errors.length > 0) {
    return { issues: doc.errors.map((e) => issue(counter.linePos(e.pos[0]).line, `YAML syntax: ${e.message.split('\n')[0]}`, 'flow-yaml')) };
  }
  const parsed = FlowDefinitionSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const where = i.path.length > 0 ? `\`${i.path.join('.')}\`: ` : '';
      return issue(lineOf(doc, counter, i.path as Path), `${where}${i.message}`, 'flow-schema');
    });
    return { issues };
  }
  const report: Report = (path, message, code) => issue(lineOf(doc, counter, path), message, code);
  const issues = crossCheck(parsed.data, knownChunkIds, report);
  if (frameworks) issues.push(...checkFrameworks(parsed.data, frameworks, report));
  return issues.length > 0 || !frameworks ? { issues } : { flow: { ...parsed.data, frameworks }, issues };
}

/** Every framework the flow names must be declared in `frameworks.yaml`, and there must be two to rank. */
function checkFrameworks(flow: FlowFile, frameworks: FrameworkList, report: Report): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const fix = (id: string) =>
    `framework "${id}" is not declared in frameworks.yaml — use one of ${frameworks.ids.join(', ')}, or add \`- { id: ${id}, name: …, aliases: [] }\` to frameworks.yaml`;
  if (frameworks.ids.length < 2) issues.push(report([], 'the flow ranks frameworks, but frameworks.yaml declares only one — declare at least two', 'flow-frameworks'));
  flow.rules.forEach((rule, ri) => {
    if (!frameworks.declares(rule.favours)) issues.push(report(['rules', ri, 'favours'], `rule "${rule.id}": ${fix(rule.favours)}`, 'undeclared-framework'));
  });
  if (!frameworks.declares(flow.tie.favours)) issues.push(report(['tie', 'favours'], `\`tie\`: ${fix(flow.tie.favours)}`, 'undeclared-framework'));
  (flow.hybrid.between ?? []).forEach((id, i) => {
    if (!frameworks.declares(id)) issues.push(report(['hybrid', 'between', i], `\`hybrid.between\`: ${fix(id)}`, 'undeclared-framework'));
  });
  return issues;
}

type Report = (path: Path, message: string, code: string) => KnowledgeIssue;

function crossCheck(flow: FlowFile, knownChunkIds: ReadonlySet<string>, report: Report): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const optionsOf = new Map<string, Set<string>>();
  flow.questions.forEach((q, qi) => {
    if (optionsOf.has(q.id)) issues.push(report(['questions', qi, 'id'], `question "${q.id}" is defined twice — keep one`, 'flow-duplicate'));
    const ids = new Set<string>();
    q.options.forEach((o, oi) => {
      if (ids.has(o.id)) issues.push(report(['questions', qi, 'options', oi, 'id'], `option "${o.id}" appears twice in "${q.id}" — keep one`, 'flow-duplicate'));
      ids.add(o.id);
    });
    optionsOf.set(q.id, ids);
  });
  for (const [question, options] of Object.entries(CONTRACT_OPTIONS)) {
    const have = optionsOf.get(question);
    if (!have) {
      issues.push(report(['questions'], `question "${question}" is missing — it is part of the public id contract`, 'flow-contract'));
      continue;
    }
    const qi = flow.questions.findIndex((q) => q.id === question);
    for (const option of options) {
      if (!have.has(option))
        issues.push(report(['questions', qi, 'options'], `option "${question}: ${option}" is missing — it is part of the public id contract`, 'flow-contract'));
    }
  }
  const ruleIds = new Set<string>();
  flow.rules.forEach((rule, ri) => {
    if (ruleIds.has(rule.id)) issues.push(report(['rules', ri, 'id'], `rule id "${rule.id}" is used twice — rename one`, 'flow-duplicate'));
    ruleIds.add(rule.id);
    for (const [question, wanted] of Object.entries(rule.when)) {
      const valid = optionsOf.get(question);
      if (!valid) {
        issues.push(report(['rules', ri, 'when', question], `rule "${rule.id}": no question "${question}" — use one of ${[...optionsOf.keys()].join(', ')}`, 'flow-when'));
        continue;
      }
      for (const option of [wanted ?? []].flat()) {
        if (!valid.has(option))
          issues.push(report(['rules', ri, 'when', question], `rule "${rule.id}": "${question}" has no option "${option}" — use one of ${[...valid].join(', ')}`, 'flow-when'));
      }
    }
    if (!knownChunkIds.has(rule.cite))
      issues.push(
        report(['rules', ri, 'cite'], `rule "${rule.id}" cites unknown chunk "${rule.cite}" — cite an existing \`doc-id#section-slug\` (see npm run kb:check)`, 'flow-cite'),
      );
  });
  for (const key of ['hybrid', 'tie'] as const) {
    const cite = flow[key].cite;
    if (!knownChunkIds.has(cite)) issues.push(report([key, 'cite'], `\`${key}\` cites unknown chunk "${cite}" — cite an existing \`doc-id#section-slug\``, 'flow-cite'));
  }
  return issues;
}
