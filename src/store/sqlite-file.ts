/**
 * The SQLite file under a running store: is it still the file we opened (not deleted or replaced), and
 * can the WAL be emptied, so that deleted content is gone from disk after /forgetme.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { StoreReplacedError } from './fact-store.ts';

/** Device and inode of the file at `path`, or 'missing'. */
export function fileIdentity(path: string): string {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return 'missing';
  }
}

/** Throws when the file at `path` is no longer the one this connection opened. */
export function checkSameFile(path: string, identity: string): void {
  const now = fileIdentity(path);
  if (now !== identity) {
    throw new StoreReplacedError(
      `the database file ${path} was ${now === 'missing' ? 'deleted' : 'replaced'} while plenary runs; writes would be lost, so they are refused until plenary restarts`,
    );
  }
}

/**
 * One TRUNCATE checkpoint, true when it copied every WAL frame and emptied the WAL. A reader on an
 * old snapshot makes it give up (busy, or fewer frames checkpointed than logged); it waits for
 * readers at most briefly, since better-sqlite3 blocks the event loop while it waits.
 */
export function walCheckpointed(db: Database.Database, busyTimeout: number): boolean {
  db.pragma('busy_timeout = 20');
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    return row !== undefined && row.busy === 0 && row.log === row.checkpointed;
  } catch {
    return false; // SQLITE_BUSY from the checkpoint itself
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
