/** The screen's update budget: a burst of changes costs each page at most 2 updates a second, and the last state always arrives. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenHub } from '../../adapters/web/screen-hub.ts';

afterEach(() => vi.useRealTimers());

describe('ScreenHub', () => {
  it('sends each page at most two updates in any second of a 1,000-change burst, ending on the final state', async () => {
    vi.useFakeTimers();
    let version = 0;
    const hub = new ScreenHub({ render: async () => `state ${version}`, log: () => {}, refreshMs: 60_000, now: () => Date.now() });
    const pages = Array.from({ length: 3 }, () => ({ got: [] as Array<{ at: number; payload: string }> }));
    for (const page of pages) await hub.join('s1', { send: (payload) => page.got.push({ at: Date.now(), payload }) });
    for (let i = 1; i <= 1000; i++) {
      version = i;
      hub.changed('s1');
      await vi.advanceTimersByTimeAsync(3); // 1,000 changes over 3 s
    }
    await vi.advanceTimersByTimeAsync(2000);
    for (const page of pages) {
      const times = page.got.slice(1).map((g) => g.at); // the first is the state on joining
      for (let i = 0; i + 2 < times.length; i++) expect(times[i + 2] - times[i]).toBeGreaterThanOrEqual(1000);
      expect(times.length).toBeGreaterThanOrEqual(4);
      expect(page.got.at(-1)!.payload).toBe('state 1000');
    }
    expect(hub.sent).toBe(pages.length * (pages[0].got.length - 1));
    hub.stop();
  });

  it('sends nothing when nothing visible changed, and forgets a session when its last page leaves', async () => {
    vi.useFakeTimers();
    const hub = new ScreenHub({ render: async () => 'same', log: () => {}, refreshMs: 500, now: () => Date.now() });
    const got: string[] = [];
    const leave = await hub.join('s1', { send: (p) => got.push(p) });
    await vi.advanceTimersByTimeAsync(5000);
    expect(got).toEqual(['same']);
    leave();
    expect(hub.watchedSessions).toEqual([]);
    hub.stop();
  });
});
