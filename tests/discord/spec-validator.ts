/**
 * Validates request bodies the bot sends against Discord's official OpenAPI spec
 * (../shared/specs/discord/openapi.json), plus the limits the spec cannot express. Ajv2020 in strict
 * mode: components.schemas are registered as $defs (a {components} wrapper fails strict mode), refs
 * rewritten, the custom formats and the `x-discord-union` keyword declared.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sharedSpecPath } from '../support/shared-specs.ts';

const SPEC_PATH = 'discord/openapi.json';

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  components: { schemas: Record<string, unknown> };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', '#/$defs/') : rewriteRefs(inner)]),
    );
  }
  return value;
}

/** Routes the bot may call, as spec path templates, with a matcher for concrete URLs. */
const ROUTES: { method: string; template: string; pattern: RegExp }[] = [
  { method: 'post', template: '/channels/{channel_id}/messages', pattern: /^\/channels\/\d+\/messages$/ },
  { method: 'post', template: '/interactions/{interaction_id}/{interaction_token}/callback', pattern: /^\/interactions\/\d+\/[^/]+\/callback$/ },
  { method: 'patch', template: '/webhooks/{webhook_id}/{webhook_token}/messages/@original', pattern: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/ },
  { method: 'post', template: '/webhooks/{webhook_id}/{webhook_token}', pattern: /^\/webhooks\/\d+\/[^/]+$/ },
  { method: 'put', template: '/applications/{application_id}/commands', pattern: /^\/applications\/\d+\/commands$/ },
  { method: 'put', template: '/applications/{application_id}/guilds/{guild_id}/commands', pattern: /^\/applications\/\d+\/guilds\/\d+\/commands$/ },
  { method: 'post', template: '/users/@me/channels', pattern: /^\/users\/@me\/channels$/ },
];

const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Embedish {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}

function embedsTotal(embeds: Embedish[] | undefined): number {
  let total = 0;
  for (const e of embeds ?? []) {
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  return total;
}

export class DiscordSpecValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const spec = JSON.parse(readFileSync(sharedSpecPath(SPEC_PATH), 'utf8')) as OpenApi;
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
    ajv.addFormat('nonce', { validate: () => true });
    ajv.addKeyword('x-discord-union');
    ajv.addSchema({ $id: 'discord', $defs: rewriteRefs(spec.components.schemas) as Record<string, unknown> });
    for (const route of ROUTES) {
      const schema = spec.paths[route.template]?.[route.method]?.requestBody?.content['application/json']?.schema;
      if (!schema) throw new Error(`spec has no JSON body for ${route.method} ${route.template}`);
      const text = JSON.stringify(rewriteRefs(schema)).replaceAll('"#/$defs/', '"discord#/$defs/');
      this.validators.set(`${route.method} ${route.template}`, ajv.compile(JSON.parse(text) as object));
    }
  }

  /** Problems with one request (empty when valid). `path` is relative to /api/v10, without query. */
  check(method: string, path: string, body: unknown): string[] {
    const route = ROUTES.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return [`no spec route known for ${method} ${path}`];
    const validate = this.validators.get(`${route.method} ${route.template}`);
    const problems: string[] = [];
    if (validate && !validate(body)) {
      problems.push(...(validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
    }
    problems.push(...this.extraLimits(route.template, body));
    return problems;
  }

  /** Limits the spec does not encode (or encodes more loosely than Discord enforces). */
  private extraLimits(template: string, body: unknown): string[] {
    const problems: string[] = [];
    if (template.endsWith('/commands')) {
      for (const command of body as { name: string; options?: { name: string; options?: { name: string }[] }[] }[]) {
        const names = [command.name, ...(command.options ?? []).flatMap((o) => [o.name, ...(o.options ?? []).map((s) => s.name)])];
        for (const name of names) if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) problems.push(`bad command/option name "${name}"`);
      }
      return problems;
    }
    const message = (template.endsWith('/callback') ? (body as { data?: unknown }).data : body) as { content?: string; embeds?: Embedish[] } | undefined;
    if (message?.content && message.content.length > 2000) problems.push(`content ${message.content.length} > 2000`);
    const total = embedsTotal(message?.embeds);
    if (total > 6000) problems.push(`embeds total ${total} > 6000`);
    return problems;
  }
}

let shared: DiscordSpecValidator | undefined;
/** One compiled validator per test file (compiling the 1.2 MB spec takes a moment). */
export function specValidator(): DiscordSpecValidator {
  shared ??= new DiscordSpecValidator();
  return shared;
}
