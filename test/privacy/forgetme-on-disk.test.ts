/**
 * /forgetme on SQLite leaves no readable trace on disk: the caller's comment text and user id are in
 * neither the database file nor its WAL (nor the shm index) once forget has answered, while the store is
 * still open (a running bot) and after it closes. Enough other reactions are written that the b-tree has
 * interior pages and the WAL holds many old page images, so a deleted row could hide in either.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.ts';
import { parseConfig } from '../../src/config.ts';
import { Plenary } from '../../src/plenary.ts';

const CONFIG = parseConfig({ conference: { name: 'Disk', timezone: 'UTC' }, roles: { moderators: ['slack:U0MODDISK'] } });
const FORGOTTEN = 'slack:U0FORGET7Q';
const COMMENT = 'Zebra-quartz-unforgettable remark 4471';
const KEPT = 'slack:U0KEEPME55';
const KEPT_COMMENT = 'Kept remark of another person';

function traces(path: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${needle} in ${file}`);
  }
  return found;
}

describe('/forgetme on SQLite', () => {
  it('leaves neither the comment nor the user id in the database file or its WAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-forget-disk-'));
    const path = join(dir, 'store.sqlite');
    try {
      const store = await openStore(`sqlite://${path}`);
      const core = new Plenary({ store, config: CONFIG, clock: () => new Date('2026-11-28T10:00:00Z') });
      const session = await core.startSession('slack:U0MODDISK', 'slack:C0DISK', 'Disk panel', null);
      for (const handle of ['ann', 'bob']) await core.addSpeaker('slack:C0DISK', { handle, name: handle });
      for (let i = 0; i < 5; i++) await core.addPriority('slack:C0DISK', i < 3 ? 'ann' : 'bob', `Priority number ${i}`);
      // Many others around the caller: a multi-level b-tree and a WAL full of page images.
      for (let u = 0; u < 300; u++) {
        await core.react(`slack:U0OTHER${String(u).padStart(4, '0')}`, session.id, 1 + (u % 5), 'support', { comment: `Other comment ${u} `.repeat(8) });
      }
      for (let n = 1; n <= 5; n++) {
        await core.react(FORGOTTEN, session.id, n, 'oppose', { comment: `${COMMENT} on P${n}` });
        await core.react(FORGOTTEN, session.id, n, 'support'); // rewritten: old versions in the WAL
      }
      await core.comment(FORGOTTEN, session.id, 2, `${COMMENT} again`);
      await core.declareGroup(FORGOTTEN, 'civil-society');
      await core.react(KEPT, session.id, 1, 'oppose', { comment: KEPT_COMMENT });
      // The check below is not vacuous: before forget the traces are there.
      expect(traces(path, [COMMENT, FORGOTTEN]).length).toBeGreaterThan(0);

      const result = await core.forget(FORGOTTEN);
      expect(result.reactions).toBe(5);
      expect(result.group).toBe(true);

      const bare = FORGOTTEN.slice(FORGOTTEN.indexOf(':') + 1);
      expect(traces(path, [COMMENT, 'Zebra-quartz', FORGOTTEN, bare])).toEqual([]);
      const everything = await store.scan<unknown>('');
      expect(everything.filter(([key, value]) => `${key}${JSON.stringify(value)}`.includes(bare))).toEqual([]);
      // Only the caller went: the others' facts are still there and still on disk.
      expect(everything.some(([key]) => key.endsWith(KEPT))).toBe(true);
      expect(traces(path, [KEPT_COMMENT]).length).toBeGreaterThan(0);

      await store.close();
      expect(traces(path, [COMMENT, 'Zebra-quartz', FORGOTTEN, bare])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
