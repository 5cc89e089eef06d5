/**
 * Per-workspace settings on top of the Store's durable records. Reads fail open (an unreachable store
 * answers with the defaults: a question is still answered), writes fail loudly (an admin must know a
 * change was not saved).
 */
import { parseStoredJson } from '../stored-json.ts';
import type { Store } from '../ports.ts';
import { DEFAULT_SETTINGS, WorkspaceSettingsSchema, type WorkspaceSettings } from './schema.ts';

const recordKey = (workspace: string) => `settings:${workspace}`;

/** Distinct stored records whose parse is kept; past it the memo starts over (it is only a shortcut). */
const MAX_PARSED_RECORDS = 1_000;

/**
 * The parse of each stored record's text, frozen and shared. Settings are read on every mention, and
 * the schema's per-field fallbacks made zod build (and throw away) an issue for every field missing —
 * all of them for a workspace that never changed a setting: ~30 µs a mention (docs/benchmarks.md).
 */
function parsedSettings(memo: Map<string, WorkspaceSettings>, raw: string | undefined): WorkspaceSettings {
  const key = raw ?? '';
  const known = memo.get(key);
  if (known) return known;
  const parsed = WorkspaceSettingsSchema.safeParse(parseStoredJson<object>(raw) ?? {});
  const settings = parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  Object.freeze(settings.followUpChannels);
  if (memo.size >= MAX_PARSED_RECORDS) memo.clear();
  memo.set(key, Object.freeze(settings));
  return settings;
}

export class WorkspaceSettingsStore {
  constructor(private readonly store: Store) {}

  private readonly parsed = new Map<string, WorkspaceSettings>();

  /**
   * The settings of `workspace` (e.g. `slack:T123`, `discord:4567`), defaults for anything unset or
   * unreadable. Frozen: the same object is handed to every reader of the same stored record.
   */
  async get(workspace: string): Promise<WorkspaceSettings> {
    const raw = await this.store.getRecord(recordKey(workspace)).catch(() => undefined);
    return parsedSettings(this.parsed, raw);
  }

  /** Applies `change` and saves the result; throws `StoreUnavailableError` when it could not be saved. */
  async update(workspace: string, change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    const next = WorkspaceSettingsSchema.parse({ ...(await this.get(workspace)), ...change });
    await this.store.setRecord(recordKey(workspace), JSON.stringify(next));
    return next;
  }

  /** Back to the defaults. */
  async reset(workspace: string): Promise<WorkspaceSettings> {
    await this.store.deleteRecord(recordKey(workspace));
    return { ...DEFAULT_SETTINGS };
  }
}
