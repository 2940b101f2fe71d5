/**
 * The SQLite file deleted or replaced under a running bot: the open connection would go on writing
 * into an unlinked inode (lost at exit) or the wrong file. Writes are refused with a clear private
 * answer and an error-level log line, and nothing pretends to be recorded. Deleting the WAL and shm
 * beside it, as `rm data/*` would, is the same.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { executeLine, type Logger } from '../../commands/execute.ts';
import { say } from '../../src/wording/say.ts';

const STORE_REPLACED_REPLY = say('refusal.store.replaced');

const config = parseConfig({ roles: { moderators: ['console:mod'] } });

async function running(path: string) {
  const store = await openStore(`sqlite://${path}`);
  const core = new Plenary({ store, config });
  const logged: Array<[string, string]> = [];
  const log: Logger = (level, message) => void logged.push([level, message]);
  const run = async (user: string, line: string) =>
    JSON.stringify((await executeLine(line, { core, user, channel: 'console:main', role: user === 'console:mod' ? 'moderator' : 'participant' }, log)).reply);
  await run('console:mod', '/session start Files');
  await run('console:mod', '/speaker add itu ITU');
  expect(await run('console:mod', '/priority add itu Idea')).toContain('P1');
  expect(await run('console:u1', '/react P1 support')).toContain('You support P1');
  return { store, run, logged };
}

for (const how of ['deleted', 'replaced'] as const) {
  describe(`the database file ${how} while the bot runs`, () => {
    it('refuses writes with a private answer naming the cause, logs an error, records nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'plenary-deleted-'));
      const path = join(dir, 'store.sqlite');
      const { store, run, logged } = await running(path);
      try {
        if (how === 'deleted') {
          for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
        } else {
          copyFileSync(path, join(dir, 'copy.sqlite'));
          renameSync(join(dir, 'copy.sqlite'), path); // same content, another file (a restore from backup)
        }
        const answers = [await run('console:u2', '/react P1 oppose'), await run('console:mod', '/priority add itu Second')];
        for (const answer of answers) {
          expect(answer).toContain(STORE_REPLACED_REPLY.slice(0, 40));
          expect(answer).not.toMatch(/You oppose|P2/);
        }
        expect(logged.filter(([level, m]) => level === 'error' && /write refused/.test(m)).length).toBe(2);
      } finally {
        await store.close();
      }
      // A restarted bot on what is now at the path sees none of the refused writes.
      const again = await openStore(`sqlite://${path}`);
      try {
        expect((await again.scan('reaction:')).length).toBe(how === 'deleted' ? 0 : 1);
        expect((await again.scan('proposal:')).length).toBe(how === 'deleted' ? 0 : 1);
      } finally {
        await again.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
