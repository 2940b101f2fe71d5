import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import type { FactStore } from '../../src/store/fact-store.ts';

const config = parseConfig({ roles: { organisers: ['console:m'] } });
const opened: FactStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

describe('the summary cache', () => {
  it('sees its own writes at once and another process’s writes on the next summary', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-cache-')), 's.sqlite');
    const [a, b] = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)];
    opened.push(a, b);
    const here = new Plenary({ store: a, config });
    const there = new Plenary({ store: b, config });
    const session = await here.startSession('console:m', 'console:main', 'Cache', null);
    await here.addSpeaker('console:main', { handle: 'itu', name: 'ITU' });
    await here.addPriority('console:main', 'itu', 'National CIRTs');
    const support = async () => (await here.summaries.sessionSummary(session.id))?.proposals[0].support;

    await here.react('console:u1', session.id, 1, 'support');
    expect(await support()).toBe(1); // fills the cache
    await here.react('console:u2', session.id, 1, 'support');
    expect(await support()).toBe(2); // own write, noted in the cache
    await there.react('console:u3', session.id, 1, 'support');
    await there.react('console:u1', session.id, 1, 'oppose');
    expect(await support()).toBe(2); // u3 added, u1 changed — by another connection
    expect((await here.summaries.sessionSummary(session.id))?.proposals[0].oppose).toBe(1);
    await here.forget('console:u2');
    expect(await support()).toBe(1);
  });

  it('a session closed by another process stops reactions here at once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenary-cache-')), 's.sqlite');
    const [a, b] = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)];
    opened.push(a, b);
    const here = new Plenary({ store: a, config });
    const there = new Plenary({ store: b, config });
    const session = await here.startSession('console:m', 'console:main', 'Closing', null);
    await here.addSpeaker('console:main', { handle: 'itu', name: 'ITU' });
    await here.addPriority('console:main', 'itu', 'National CIRTs');
    await here.react('console:u1', session.id, 1, 'support'); // caches the open session record
    await there.closeSession('console:main');
    await expect(here.react('console:u2', session.id, 1, 'support')).rejects.toThrow(/is closed/);
  });
});
