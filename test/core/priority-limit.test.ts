import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { isRefusal } from '../../src/errors.ts';
import type { FactStore } from '../../src/store/fact-store.ts';

const config = parseConfig({ roles: { organisers: ['console:m'] } });
const opened: FactStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function add(core: Plenary, text: string) {
  try {
    return (await core.addPriority('console:main', 'icann', text)).code;
  } catch (error) {
    if (isRefusal(error)) return null;
    throw error;
  }
}

describe('the priority limit under concurrency', () => {
  it('two processes adding at once never take a speaker past the limit, and refusals take no code', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-slots-')), 's.sqlite');
    const [a, b] = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)];
    opened.push(a, b);
    const first = new Plenary({ store: a, config });
    const second = new Plenary({ store: b, config });
    await first.startSession('console:m', 'console:main', 'Limits', null);
    await first.addSpeaker('console:main', { handle: 'icann', name: 'ICANN' });
    const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => add(i % 2 ? first : second, `idea ${i}`)));
    expect(codes.filter(Boolean).sort()).toEqual(['P1', 'P2', 'P3']);
  });

  it('withdrawing frees a slot for the next priority', async () => {
    const store = await openStore('memory://');
    opened.push(store);
    const core = new Plenary({ store, config });
    await core.startSession('console:m', 'console:main', 'Limits', null);
    await core.addSpeaker('console:main', { handle: 'icann', name: 'ICANN' });
    for (const t of ['a', 'b', 'c']) await add(core, t);
    expect(await add(core, 'd')).toBe(null);
    await core.withdrawPriority('console:main', 2);
    expect(await add(core, 'e')).toBe('P4');
    expect(await add(core, 'f')).toBe(null);
  });

  it('a speaker removed while another process adds their priority: one of the two is refused, never an orphan proposal', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-slots-')), 's.sqlite');
    const [a, b] = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)];
    opened.push(a, b);
    const first = new Plenary({ store: a, config });
    const second = new Plenary({ store: b, config });
    const sid = (await first.startSession('console:m', 'console:main', 'Limits', null)).id;
    for (let round = 0; round < 8; round++) {
      const handle = `sp${round}`;
      await first.addSpeaker('console:main', { handle, name: `Speaker ${round}` });
      const outcomes = await Promise.allSettled([
        second.addPriority('console:main', handle, `idea ${round}`),
        first.removeSpeaker('console:main', handle),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const speakers = (await first.speakers(sid)).map((s) => s.handle);
      const proposals = (await first.activeProposals(sid)).map((p) => p.speaker);
      for (const speaker of proposals) expect(speakers).toContain(speaker);
    }
  });

  it('keeps no record of a speaker’s priorities: the limit is derived from the proposals', async () => {
    const store = await openStore('memory://');
    opened.push(store);
    const core = new Plenary({ store, config });
    const { id } = await core.startSession('console:m', 'console:main', 'Limits', null);
    await core.addSpeaker('console:main', { handle: 'icann', name: 'ICANN' });
    await add(core, 'a');
    expect((await store.scan(`load:${id}:`))).toEqual([]);
  });
});
