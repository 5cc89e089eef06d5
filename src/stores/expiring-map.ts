/**
 * A Map whose entries expire and whose size is capped. Write order is kept in a separate queue (key +
 * write sequence) rather than by deleting from the front of the Map: V8 leaves tombstones there, which
 * made every eviction scan tens of thousands of holes (1.7k writes/s at a 50k cap; ~450k/s with the queue).
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number; seq: number }>();
  private queue: { key: string; seq: number }[] = [];
  private head = 0;
  private seq = 0;
  private writesSinceSweep = 0;

  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    // A new sequence moves the key to the back: a session someone is still clicking is never the "oldest".
    const seq = ++this.seq;
    this.entries.set(key, { value, expiresAt: this.now() + Math.max(1, ttlMs), seq });
    this.queue.push({ key, seq });
    this.writesSinceSweep += 1;
    if (this.entries.size > this.max) this.evict();
    // Rewrites of live keys (every click) also leave stale items; compact once they outnumber the live ones.
    if (this.queue.length > 2 * this.entries.size + 1024) this.compact();
  }

  /** Updates a live entry's value without touching its expiry (a fixed window keeps its end). */
  update(key: string, value: V): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) return false;
    entry.value = value;
    return true;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Write-order items held (live + not yet compacted), for tests of the bound. */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /**
   * Drops expired entries first, then the oldest written. The expiry sweep is O(size), so it runs at
   * most once per `max` writes (amortised O(1)); in between, only the oldest entries are dropped.
   */
  private evict(): void {
    if (this.writesSinceSweep >= this.max) {
      this.writesSinceSweep = 0;
      const now = this.now();
      for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    }
    while (this.entries.size > this.max && this.head < this.queue.length) {
      const oldest = this.queue[this.head++]!;
      // Queue items for keys rewritten or deleted since are stale; skip them.
      if (this.entries.get(oldest.key)?.seq === oldest.seq) this.entries.delete(oldest.key);
    }
  }

  /** Drops consumed and stale queue items so the queue stays proportional to the live entries. */
  private compact(): void {
    this.queue = this.queue.slice(this.head).filter((item) => this.entries.get(item.key)?.seq === item.seq);
    this.head = 0;
  }
}
