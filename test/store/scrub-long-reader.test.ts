/**
 * The WAL checkpoint behind /forgetme against a long reader: while another connection holds an old
 * snapshot, the checkpoint cannot empty the WAL. It must not report success then: scrub says false
 * (and /forgetme says so to the caller), keeps retrying, and once the reader lets go the WAL no
 * longer holds the deleted text. The raw bytes of the files are read.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';
import { executeLine } from '../../commands/execute.ts';

const SECRET = 'Marmoset-ledger remark 5520';
const CALLER = 'console:forgetful';

const onDisk = (path: string) =>
  [path, `${path}-wal`].filter(existsSync).some((file) => readFileSync(file).includes(Buffer.from(SECRET)));

describe('scrub under a long reader', () => {
  it('reports an incomplete checkpoint instead of hiding it, and finishes once the reader ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-scrub-'));
    const path = join(dir, 's.sqlite');
    const store = await openStore(`sqlite://${path}`);
    const reader = new Database(path);
    try {
      const core = new Plenary({ store, config: parseConfig({ roles: { moderators: ['console:mod'] } }) });
      const session = await core.startSession('console:mod', 'console:main', 'Scrub', null);
      await core.addSpeaker('console:main', { handle: 'ann', name: 'Ann' });
      await core.addPriority('console:main', 'ann', 'Idea');
      await core.react(CALLER, session.id, 1, 'oppose', { comment: SECRET });
      expect(onDisk(path)).toBe(true);

      // Another process's long read: a snapshot taken now pins every WAL frame written after it.
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM keyv').get();
      const answer = await executeLine('/forgetme', { core, user: CALLER, channel: 'console:main', role: 'participant' });
      const text = JSON.stringify(answer.reply);
      expect(text).toContain('Forgotten: 1 reaction');
      expect(text).toContain('write-ahead log');

      reader.prepare('COMMIT').run();
      const end = Date.now() + 10_000;
      while (Date.now() < end && onDisk(path)) await new Promise((r) => setTimeout(r, 200));
      expect(onDisk(path)).toBe(false);
      // And without a reader, the answer is plain.
      await core.react(CALLER, session.id, 1, 'support', { comment: 'second' });
      const plain = JSON.stringify((await executeLine('/forgetme', { core, user: CALLER, channel: 'console:main', role: 'participant' })).reply);
      expect(plain).not.toContain('write-ahead log');
    } finally {
      reader.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
