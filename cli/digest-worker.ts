/**
 * The worker thread of `plenary digest` (digest-prefetch.ts): on its own connection to the store, it reads sessions'
 * reactions into compact votes, in the digest's order, and hands each over as soon as it is read, while the main
 * thread summarises. Each session is claimed first (an atomic flag both threads share), so a session the main thread
 * got to first is skipped. At most AHEAD sessions wait, read but not taken. Read-only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keys } from '../src/keys.ts';
import type { Proposal } from '../src/model.ts';
import { openStore } from '../src/store/open-store.ts';
import { activeNumbers, streamVotes, type SessionVotes } from '../src/summary-votes.ts';

const AHEAD = 3;
export const UNCLAIMED = 0;
export const BY_WORKER = 1;

export type ToWorker = { kind: 'plan'; sids: string[]; claims: Int32Array<ArrayBufferLike> } | { kind: 'took' };
export type FromWorker = { kind: 'votes'; index: number; numbers: number[]; votes: SessionVotes } | { kind: 'done' };

const port = parentPort;
if (port) {
  const { store: url } = workerData as { store: string };
  let taken = 0;
  let plan: { sids: string[]; claims: Int32Array<ArrayBufferLike> } | undefined;
  let wake: (() => void) | undefined;
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'plan') plan = message;
    else taken++;
    wake?.();
  });
  const store = await openStore(url);
  const next = () => new Promise<void>((resolve) => (wake = resolve));
  try {
    while (!plan) await next();
    const { sids, claims } = plan;
    let delivered = 0;
    for (let i = 0; i < sids.length; i++) {
      while (delivered - taken >= AHEAD) await next();
      if (Atomics.compareExchange(claims, i, UNCLAIMED, BY_WORKER) !== UNCLAIMED) continue;
      const numbers = activeNumbers(await store.scan<Proposal>(keys.proposalsPrefix(sids[i])));
      const read = await streamVotes(store, sids[i], numbers);
      // Exact-size copies, moved (not copied again) to the main thread.
      const votes = { ...read, start: read.start.slice(), who: read.who.slice(), stance: read.stance.slice() };
      port.postMessage({ kind: 'votes', index: i, numbers, votes } satisfies FromWorker, [votes.start.buffer, votes.who.buffer, votes.stance.buffer]);
      delivered++;
    }
  } finally {
    port.postMessage({ kind: 'done' } satisfies FromWorker);
    await store.close();
  }
}
