/**
 * SIGTERM drains: the platforms stop taking new commands first, then the store is closed only once
 * the commands still under way have finished. A command is several store calls in a row, so "finished"
 * means the store has been idle (nothing in flight) for a short while, not merely between two calls.
 * Everything a command writes is one atomic commit and posts wait in the durable outbox, so a drain cut
 * short by its deadline still leaves nothing half-written.
 */
import type { FactStore } from '../src/store/fact-store.ts';

const IDLE_MS = 150;
export const DRAIN_FOR_MS = 7000;

export type DrainingStore = FactStore & { drained(idleMs?: number): Promise<boolean> };

export function drainingStore(inner: FactStore, drainForMs = DRAIN_FOR_MS): DrainingStore {
  let inFlight = 0;
  // Never used yet: nothing can be between two calls of a command, so there is no idle time to wait out.
  let lastActivity = -Infinity;
  const track = <R>(call: () => Promise<R>): Promise<R> => {
    inFlight++;
    lastActivity = Date.now();
    return call().finally(() => {
      inFlight--;
      lastActivity = Date.now();
    });
  };
  /**
   * True once idle; false when the deadline came first (something was still running). `idleMs` 0 is for a caller
   * that awaited everything it started (a one-shot command): nothing in flight is then enough.
   */
  const drained = async (idleMs = IDLE_MS): Promise<boolean> => {
    const deadline = Date.now() + drainForMs;
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastActivity >= idleMs) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'drained') return drained;
      const original = Reflect.get(target, prop, receiver);
      if (typeof original !== 'function' || prop === 'close') return typeof original === 'function' ? original.bind(target) : original;
      return (...args: unknown[]) => track(() => original.apply(target, args));
    },
  }) as DrainingStore;
}
