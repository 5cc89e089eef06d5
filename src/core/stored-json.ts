/**
 * Reading JSON back from a store or a pub/sub channel. What is there may be corrupt or foreign (a
 * hand-edited Redis key, an older release, another tool on the channel): anything that is not a JSON
 * object or array reads as undefined, never as a throw, and callers check the shape of what they get.
 */
export function parseStoredJson<T extends object>(raw: string | null | undefined): Partial<T> | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}
