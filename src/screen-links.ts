/**
 * Links to the room's screen. Each link carries a fresh random key of 144 bits; the store keeps only its
 * SHA-256, so someone reading the database cannot open a screen, and a link survives a restart of the bot.
 * Every `/screen` hands out a new key (the old ones stay valid): a key that was never stored cannot be shown
 * again, and several moderators may each hold one.
 *
 *   screen-key:<sid>:<sha256>            a key to the session's screen
 *   screen-key:day:<YYYY-MM-DD>:<sha256> a key to the day's page (organisers)
 *
 * Session ids start with `s` and never equal `day`, so the two kinds cannot collide.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FactStore } from './store/fact-store.ts';

const KEY_BYTES = 18; // 144 bits ≥ 128
const KEY_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export type ScreenTarget = { kind: 'session'; sessionId: string } | { kind: 'day'; date: string };

const targetPart = (t: ScreenTarget) => (t.kind === 'session' ? t.sessionId : `day:${t.date}`);
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');
const recordKey = (t: ScreenTarget, hash: string) => `screen-key:${targetPart(t)}:${hash}`;

export interface ScreenKeyRecord {
  hash: string;
  at: string;
}

let servingPort: number | undefined;

/** The port the screen actually listens on (PORT=0 picks a free one): the default links name it. */
export function setScreenPort(port: number | undefined): void {
  servingPort = port;
}

/** The base of every screen link: PLENARY_PUBLIC_URL, else http://localhost:<PORT>. No trailing slash. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PLENARY_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${servingPort || env.PORT || 3000}`;
}

export function screenPath(target: ScreenTarget, key: string): string {
  return target.kind === 'session'
    ? `/screen/${encodeURIComponent(target.sessionId)}/${key}`
    : `/day/${encodeURIComponent(target.date)}/${key}`;
}

export class ScreenLinks {
  constructor(
    private readonly store: FactStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A new key for the target, stored hashed; returns the key itself (shown once, in the link). */
  async issue(target: ScreenTarget): Promise<string> {
    const key = randomBytes(KEY_BYTES).toString('base64url');
    const hash = hashOf(key);
    await this.store.set<ScreenKeyRecord>(recordKey(target, hash), { hash, at: this.clock().toISOString() });
    return key;
  }

  async link(target: ScreenTarget, base = publicBaseUrl()): Promise<string> {
    return `${base}${screenPath(target, await this.issue(target))}`;
  }

  /** True only for a key issued for exactly this target. */
  async verify(target: ScreenTarget, key: string | undefined): Promise<boolean> {
    if (!key || !KEY_SHAPE.test(key)) return false;
    const hash = hashOf(key);
    const record = await this.store.get<ScreenKeyRecord>(recordKey(target, hash));
    if (!record || typeof record.hash !== 'string' || record.hash.length !== hash.length) return false;
    return timingSafeEqual(Buffer.from(record.hash), Buffer.from(hash));
  }
}
