/**
 * `plenary digest` reads the day's reactions in a worker thread too (digest-worker.ts), so that reading (450,000
 * reactions) and summarising (placing each session's participants into opinion groups) overlap on two cores. Both
 * threads take sessions in the digest's order, each claiming a session before reading it (a shared atomic flag):
 * the main thread reads a session itself when the worker has not claimed it yet, and otherwise waits for it.
 * Only for a SQLite store (the worker's own connection to the same file; memory:// is this process's alone), and
 * only from the build, where the worker is plain JavaScript. Votes the worker read for other proposals than the main
 * thread found (a change in between), or never delivered, are read by the main thread: the worker only saves time.
 */
import { Worker } from 'node:worker_threads';
import { keys } from '../src/keys.ts';
import type { Proposal } from '../src/model.ts';
import type { FactStore } from '../src/store/fact-store.ts';
import { activeNumbers, streamVotes, type SessionVotes } from '../src/summary-votes.ts';
import type { VotesSource } from '../src/summary.ts';
import { UNCLAIMED, type FromWorker, type ToWorker } from './digest-worker.ts';

const BY_MAIN = 2;

export interface Prefetch {
  source: VotesSource;
  stop(): Promise<void>;
}

export function prefetchDigest(store: FactStore, storeUrl: string): Prefetch | undefined {
  if (!/^sqlite:\/\//.test(storeUrl) || !import.meta.url.endsWith('.js')) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./digest-worker.js', import.meta.url), { workerData: { store: storeUrl } });
  } catch {
    return undefined;
  }
  const send = (message: ToWorker) => worker.postMessage(message);
  let sids: string[] = [];
  let last = -1; // the last session that may still be unclaimed
  let index = new Map<string, number>();
  let claims: Int32Array<ArrayBufferLike> = new Int32Array(0);
  const arrived = new Map<number, { numbers: number[]; votes: SessionVotes }>();
  const waiting = new Map<number, () => void>();
  let over = false;
  const finish = () => {
    over = true;
    for (const wake of waiting.values()) wake();
    waiting.clear();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'done') return finish();
    arrived.set(message.index, message);
    waiting.get(message.index)?.();
    waiting.delete(message.index);
  });
  worker.on('error', finish);
  worker.on('exit', finish);
  const source: VotesSource = {
    plan(day) {
      sids = day;
      last = day.length - 1;
      index = new Map(sids.map((sid, i) => [sid, i]));
      claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(sids.length, 1)));
      send({ kind: 'plan', sids, claims });
    },
    async votes(sid, numbers) {
      const i = index.get(sid);
      if (i === undefined) return undefined;
      if (Atomics.compareExchange(claims, i, UNCLAIMED, BY_MAIN) === UNCLAIMED) return undefined; // ours to read now
      // Rather than wait for the worker, read sessions from the end of the day meanwhile, kept until their turn.
      while (!arrived.has(i) && !over && claims[i] !== BY_MAIN) {
        await new Promise((turn) => setImmediate(turn)); // the worker's messages first: the store's reads never yield
        if (arrived.has(i) || over) break;
        while (last > i && claims[last] !== UNCLAIMED) last--;
        if (last > i && Atomics.compareExchange(claims, last, UNCLAIMED, BY_MAIN) === UNCLAIMED) {
          const k = last;
          const own = activeNumbers(await store.scan<Proposal>(keys.proposalsPrefix(sids[k])));
          arrived.set(k, { numbers: own, votes: await streamVotes(store, sids[k], own) });
        } else await new Promise<void>((wake) => waiting.set(i, wake));
      }
      const got = arrived.get(i);
      arrived.delete(i);
      if (got && claims[i] !== BY_MAIN) send({ kind: 'took' });
      const same = got && got.numbers.length === numbers.length && got.numbers.every((n, j) => n === numbers[j]);
      return same ? got.votes : undefined;
    },
  };
  return {
    source,
    async stop() {
      finish();
      await worker.terminate();
    },
  };
}
