// Rendered pages kept in memory, least recently used first out, within a byte budget and for a limited time.
// Pure: the clock is passed in, so eviction and expiry are unit-tested without waiting.
export type StoredPage = {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
};

type Entry = StoredPage & { expiresAt: number };

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, now: number): StoredPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= now) {
      this.bytes -= entry.body.byteLength;
      return null;
    }
    // Re-inserted, so Map order stays least recently used first.
    this.entries.set(key, entry);
    return entry;
  }

  // A page larger than a quarter of the budget is not kept: it would push out many others for one.
  set(key: string, page: StoredPage, now: number): boolean {
    const size = page.body.byteLength;
    if (size > this.maxBytes / 4) return false;
    this.delete(key);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.byteLength;
    }
    this.entries.set(key, { ...page, expiresAt: now + this.ttlMs });
    this.bytes += size;
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.entries.size, bytes: this.bytes };
  }
}
