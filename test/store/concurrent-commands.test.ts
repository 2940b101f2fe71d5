/**
 * The edit/withdraw race and the priority limit under concurrent requests, on every backend: one
 * process (one store handle) and two processes (two handles on the same SQLite file or Redis
 * server, each with its own Plenary and caches, as two `plenary start` would have).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { isRefusal } from '../../src/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { keys } from '../../src/keys.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { memoryBackend, redisBackend, sqliteBackend, type Backend } from './backends.ts';

const config = parseConfig({ roles: { organisers: ['console:m'] } });
const ROUNDS = 6;

async function outcome<R>(run: Promise<R>): Promise<R | 'refused'> {
  try {
    return await run;
  } catch (error) {
    if (isRefusal(error)) return 'refused';
    throw error;
  }
}

for (const backend of [memoryBackend, sqliteBackend(), redisBackend()] as Backend[]) {
  describe.skipIf(!backend.enabled)(`concurrent commands on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    const modes = backend.persistent ? (['one process', 'two processes'] as const) : (['one process'] as const);
    for (const mode of modes) {
      async function cores(): Promise<{ a: Plenary; b: Plenary; stores: FactStore[] }> {
        const url = await backend.freshUrl();
        const first = await openStore(url);
        const second = mode === 'two processes' ? await openStore(url) : first;
        const a = new Plenary({ store: first, config });
        const b = mode === 'two processes' ? new Plenary({ store: second, config }) : a;
        return { a, b, stores: mode === 'two processes' ? [first, second] : [first] };
      }

      it(`${mode}: an edit racing a withdraw never revives the proposal, and the limit holds after`, async () => {
        const { a, b, stores } = await cores();
        try {
          await a.startSession('console:m', 'console:main', 'Race', null);
          await a.addSpeaker('console:main', { handle: 'itu', name: 'ITU' });
          for (let round = 0; round < ROUNDS; round++) {
            const p = await a.addPriority('console:main', 'itu', `idea ${round}`);
            const [edit, withdraw] = await Promise.all([
              outcome(b.editPriority('console:main', p.number, `edited ${round}`)),
              outcome(a.withdrawPriority('console:main', p.number)),
            ]);
            expect(withdraw).not.toBe('refused');
            const sid = (await a.sessionInChannel('console:main'))!.id;
            // Read from the last handle (the other process, when there are two): the store is the truth.
            const stored = await stores[stores.length - 1].get<{ withdrawnAt: string | null; text: string }>(keys.proposal(sid, p.number));
            expect(stored?.withdrawnAt).toBeTruthy();
            if (edit !== 'refused') expect(['edited ' + round, 'idea ' + round]).toContain(stored?.text);
          }
          // Every proposal was withdrawn: exactly the limit can be added again, from both sides at once.
          const codes = await Promise.all(
            Array.from({ length: 8 }, (_, i) => outcome((i % 2 ? a : b).addPriority('console:main', 'itu', `again ${i}`))),
          );
          expect(codes.filter((c) => c !== 'refused')).toHaveLength(3);
          const sid = (await a.sessionInChannel('console:main'))!.id;
          expect((await a.activeProposals(sid)).length).toBe(3);
          expect((await b.activeProposals(sid)).length).toBe(3);
        } finally {
          for (const s of stores) await s.close();
        }
      }, 60_000);
    }
  });
}
