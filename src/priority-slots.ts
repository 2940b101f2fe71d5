/**
 * The priority limit, held by one record per speaker that every add and withdraw rewrites by
 * compare-and-set in the same commit as the proposal itself:
 *
 *   load:<sid>:<handle>   {active: [numbers]}   the speaker's active priorities
 *
 * Two moderators (or two processes) adding at once both read the same load; only the first commit
 * lands, the second reads again and sees the limit. A withdraw and an edit of the same proposal both
 * expect the proposal as they read it, so an edit cannot bring back a withdrawn proposal.
 */
import type { FactStore } from './store/fact-store.ts';
import type { Proposal } from './model.ts';
import { keys } from './keys.ts';

export interface SpeakerLoad {
  active: number[];
}

export interface LoadRead {
  /** What the store holds (undefined for sessions from before this record existed): the expectation. */
  stored: SpeakerLoad | undefined;
  /** The active priorities, from the record or, without one, from the proposals. */
  active: number[];
}

export async function readLoad(store: FactStore, sid: string, handle: string, proposals: Proposal[]): Promise<LoadRead> {
  const stored = await store.get<SpeakerLoad>(keys.load(sid, handle));
  const active = stored?.active ?? proposals.filter((p) => p.speaker === handle && !p.withdrawnAt).map((p) => p.number);
  return { stored, active };
}

export function loadWith(read: LoadRead, number: number): SpeakerLoad {
  return { active: [...read.active.filter((n) => n !== number), number].sort((a, b) => a - b) };
}

export function loadWithout(read: LoadRead, number: number): SpeakerLoad {
  return { active: read.active.filter((n) => n !== number) };
}
