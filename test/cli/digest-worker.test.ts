/**
 * `plenary digest` reads reactions in a worker thread as well as on its main thread (cli/digest-prefetch.ts): the
 * JSON it prints must be exactly the digest computed in one thread, whichever thread read which session.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { formatDigest } from '../../src/digest-format.ts';
import { Plenary } from '../../src/plenary.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runCli, tempDeployment } from '../helpers/cli.ts';

const CONFIG = { conference: { name: 'Worker', timezone: 'UTC' }, roles: { organisers: ['console:m'] } };
const STANCES = ['support', 'neutral', 'oppose'] as const;

describe('plenary digest with its reading worker', () => {
  it('prints byte for byte the digest computed in one thread', async () => {
    const { env } = tempDeployment(CONFIG);
    const store = await openStore(env.PLENARY_STORE as string);
    let tick = Date.parse('2026-11-27T08:00:00Z');
    const core = new Plenary({ store, config: parseConfig(CONFIG), clock: () => new Date((tick += 1000)) });
    for (let s = 0; s < 9; s++) {
      const channel = `console:room${s}`;
      const session = await core.startSession('console:m', channel, `Session ${s}`, null);
      for (const handle of ['ana', 'bo', 'cy']) await core.addSpeaker(channel, { handle, name: handle });
      for (let p = 1; p <= 6; p++) await core.addPriority(channel, ['ana', 'bo', 'cy'][p % 3], `Idea ${p} of ${s}`);
      for (let u = 0; u < 24 + s; u++) {
        const user = `console:u${u}`;
        if (s === 0 && u % 5) await core.declareGroup(user, ['government', 'academia', 'civil-society'][u % 3]);
        for (let p = 1; p <= 6; p++) {
          if ((u + p + s) % 7 === 0) continue;
          await core.react(user, session.id, p, STANCES[(u * p + s) % 3], (u + p) % 11 === 0 ? { comment: `note ${u} ${p}` } : {});
        }
        if (u % 9 === 0) await core.comment(user, session.id, 2, `only words ${u}`);
      }
      if (s % 4 === 1) await core.withdrawPriority(channel, 6); // its reactions stay in the store, out of the digest
    }
    const expected = formatDigest(await new Plenary({ store, config: parseConfig(CONFIG) }).summaries.digest('2026-11-27'), 'json');
    await store.close();
    const run = await runCli(['digest', '--date', '2026-11-27', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(expected).totals.sessions).toBe(9);
    expect(run.stdout).toBe(expected);
  }, 60_000);
});
