/**
 * Per-workspace settings on top of the Store's durable records. Reads fail open (an unreachable store
 * answers with the defaults: a question is still answered), writes fail loudly (an admin must know a
 * change was not saved).
 */
import { parseStoredJson } from '../stored-json.ts';
import type { Store } from '../ports.ts';
import { DEFAULT_SETTINGS, WorkspaceSettingsSchema, type WorkspaceSettings } from './schema.ts';

const recordKey = (workspace: string) => `settings:${workspace}`;

export class WorkspaceSettingsStore {
  constructor(private readonly store: Store) {}

  /** The settings of `workspace` (e.g. `slack:T123`, `discord:4567`), defaults for anything unset or unreadable. */
  async get(workspace: string): Promise<WorkspaceSettings> {
    const raw = await this.store.getRecord(recordKey(workspace)).catch(() => undefined);
    const parsed = WorkspaceSettingsSchema.safeParse(parseStoredJson<object>(raw) ?? {});
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
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
