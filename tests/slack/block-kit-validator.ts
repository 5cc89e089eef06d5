/**
 * Checks every message the bot sends to Slack: blocks against the community Block Kit JSON Schema
 * (../shared/specs/slack/community-block-kit-schema, Ajv2020, strict:false as its README says), wrapped
 * with maxItems 50 for messages, plus what the schema cannot see: the fallback `text` length and that no
 * mention syntax (`<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<!subteam^…>`) appears anywhere.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sharedSpecPath } from '../support/shared-specs.ts';

const SCHEMA_PATH = 'slack/community-block-kit-schema/slack-block-kit.schema.json';
/** Slack truncates `text` beyond 40,000 characters. */
const MAX_TEXT = 40_000;
const MENTION = /<[!@](channel|here|everyone|subteam|[UW][A-Z0-9]+)/i;

let validate: ValidateFunction | undefined;

function messageValidator(): ValidateFunction {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync(sharedSpecPath(SCHEMA_PATH), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(schema);
  validate = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', allOf: [{ $ref: schema.$id as string }], maxItems: 50 });
  return validate;
}

/** Every string anywhere inside `value`. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Problems with one outgoing message body (chat.postMessage / chat.update / postEphemeral / response_url). */
export function messageProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  let blocks = body.blocks;
  if (typeof blocks === 'string') blocks = JSON.parse(blocks) as unknown;
  if (blocks !== undefined) {
    const check = messageValidator();
    if (!check(blocks)) problems.push(...(check.errors ?? []).slice(0, 5).map((e) => `blocks${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
  }
  if (typeof body.text === 'string' && body.text.length > MAX_TEXT) problems.push(`text is ${body.text.length} characters (> ${MAX_TEXT})`);
  if (blocks === undefined && body.text === undefined && body.delete_original === undefined) problems.push('message has neither text nor blocks');
  for (const s of strings({ text: body.text, blocks })) {
    if (MENTION.test(s)) problems.push(`mention syntax in output: ${JSON.stringify(s.slice(0, 120))}`);
  }
  return problems;
}
