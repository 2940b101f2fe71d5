/**
 * The priority limit, enforced atomically: a speaker has `priorityLimit` numbered slots, and adding a
 * priority must claim a free one (an atomic set-if-absent), so two moderators or two processes adding
 * at once can never take a speaker past the limit. Withdrawing frees the slot.
 *
 *   slot:<sid>:<handle>:<k>   {at, number?}   number is filled in once the proposal's code is claimed
 */
import type { FactStore } from './store/fact-store.ts';
import type { Proposal } from './model.ts';
import { keys } from './keys.ts';

interface Slot {
  at: number;
  number?: number;
}

const slotKey = (sid: string, handle: string, k: number) => `slot:${sid}:${handle}:${k}`;
const slotsPrefix = (sid: string, handle: string) => `slot:${sid}:${handle}:`;

/** A claim left by a process that died between the slot and the code is freed after this long. */
const ORPHAN_AFTER_MS = 60_000;

export class PrioritySlots {
  constructor(
    private readonly store: FactStore,
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Claims a free slot for the speaker; null when all `limit` slots hold active priorities. */
  async claim(sid: string, handle: string): Promise<number | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (let k = 1; k <= this.limit; k++) {
        if (await this.store.claim<Slot>(slotKey(sid, handle, k), { at: this.now() })) return k;
      }
      if (!(await this.releaseStale(sid, handle))) return null;
    }
    return null;
  }

  /** Records which proposal holds the slot, so a stale slot can be told from a live one. */
  async bind(sid: string, handle: string, k: number, number: number): Promise<void> {
    await this.store.set<Slot>(slotKey(sid, handle, k), { at: this.now(), number });
  }

  async release(sid: string, handle: string, k: number | undefined): Promise<void> {
    if (k !== undefined) await this.store.delete(slotKey(sid, handle, k));
  }

  /** Frees slots whose proposal was withdrawn, or whose claimer died before taking a code. */
  private async releaseStale(sid: string, handle: string): Promise<boolean> {
    let freed = false;
    for (const [key, slot] of await this.store.scan<Slot>(slotsPrefix(sid, handle))) {
      // Read the proposal now, not from a list taken earlier: another process may have just added it.
      const holder = slot.number === undefined ? undefined : await this.store.get<Proposal>(keys.proposal(sid, slot.number));
      const stale = slot.number !== undefined ? Boolean(holder?.withdrawnAt) : this.now() - slot.at > ORPHAN_AFTER_MS;
      if (stale && (await this.store.delete(key))) freed = true;
    }
    return freed;
  }
}
