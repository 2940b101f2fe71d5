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

export function drainingStore(inner: FactStore, drainForMs = DRAIN_FOR_MS): FactStore & { drained(): Promise<boolean> } {
  let inFlight = 0;
  let lastActivity = Date.now();
  const track = <R>(call: () => Promise<R>): Promise<R> => {
    inFlight++;
    lastActivity = Date.now();
    return call().finally(() => {
      inFlight--;
      lastActivity = Date.now();
    });
  };
  /** True once idle; false when the deadline came first (something was still running). */
  const drained = async (): Promise<boolean> => {
    const deadline = Date.now() + drainForMs;
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastActivity >= IDLE_MS) return true;
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
  }) as FactStore & { drained(): Promise<boolean> };
}
