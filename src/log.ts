/**
 * A small leveled logger to stderr. Secrets are redacted from every line, and user ids are only
 * logged at debug level: callers pass them in `detail`, which is dropped above debug, and every line
 * above debug is also scrubbed of anything shaped like a user id, because errors (message and stack)
 * are always logged and may quote a store key such as `reaction:s1:0001:slack:U012AB3CD`.
 */
import { maskUrlPasswords } from './mask-url.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

const SECRET_PATTERNS = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /[MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g];

// `slack:U…`/`slack:W…` users, Discord snowflakes (users and channels look alike), console names
// (the terminal channel too), and Slack's `<@U…>` mentions.
const USER_ID = /\b(slack):[UW][A-Z0-9]{2,}\b|\b(discord):\d{2,}\b|\b(console):[A-Za-z0-9_.-]+/g;
const SLACK_MENTION = /<@[UW][A-Z0-9]{2,}(?:\|[^>]*)?>/g;

/** Replaces user ids with `<platform>:[user]`, for logs above debug level. */
export function scrubUserIds(text: string): string {
  return text
    .replace(USER_ID, (_id, slack?: string, discord?: string, terminal?: string) => `${slack ?? discord ?? terminal}:[user]`)
    .replace(SLACK_MENTION, '<@[user]>');
}

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  secrets: string[] = [],
) {
  const known = secrets.filter((s) => s && s.length >= 6);
  const redact = (text: string) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join('[redacted]');
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
    return maskUrlPasswords(out);
  };
  const log = (messageLevel: Level, message: string, detail?: unknown) => {
    if (ORDER[messageLevel] < ORDER[level]) return;
    let line = `${new Date().toISOString()} ${messageLevel} ${message}`;
    if (detail !== undefined) {
      if (detail instanceof Error) line += `: ${detail.stack ?? detail.message}`;
      else if (level === 'debug') line += ` ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
      else if (typeof detail === 'string' && messageLevel !== 'debug') line += `: ${detail}`;
    }
    write(redact(messageLevel === 'debug' ? line : scrubUserIds(line)));
  };
  return Object.assign(log, { threshold: level });
}

/** A leveled log line; `threshold`, when known, lets a caller skip building lines that would be dropped. */
export type Log = ((messageLevel: Level, message: string, detail?: unknown) => void) & { readonly threshold?: Level };

/** Whether `log` keeps lines of `level` (a log of unknown threshold keeps them all). */
export const logs = (log: Log, level: Level): boolean => log.threshold === undefined || ORDER[level] >= ORDER[log.threshold];
