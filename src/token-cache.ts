/**
 * A read-through cache of store records, valid only while the store's change token says that no other
 * process wrote since the record was read. This process's own writes call `forget`. Stores without a
 * change token (Redis, memory) are never cached: every read goes to the store.
 */
import type { FactStore } from './store/fact-store.ts';

const MAX_ENTRIES = 50_000;

export class TokenCache {
  private readonly entries = new Map<string, { token: unknown; value: unknown }>();
  /** Bumped by forget, so a read that started before a write cannot put the old value back. */
  private readonly versions = new Map<string, number>();

  constructor(private readonly store: FactStore) {}

  async get<V>(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.store.changeToken) return load();
    const token = await this.store.changeToken();
    const hit = this.entries.get(key);
    if (hit && hit.token === token) return hit.value as V;
    const version = this.versions.get(key) ?? 0;
    const value = await load();
    if ((this.versions.get(key) ?? 0) === version) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { token, value });
    }
    return value;
  }

  /** After this process wrote `key` (or under the prefix `key` names). */
  forget(key: string): void {
    this.entries.delete(key);
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }
}
