/** The deployment's configuration: `plenary.config.json` plus environment variables, checked at start. */
import { readFileSync, existsSync } from 'node:fs';
import * as z from 'zod';
import { DEFAULT_GROUPS } from './model.ts';
import { maskUrlPasswords } from './mask-url.ts';

const userRef = z.string().regex(/^(slack|discord|console):[^\s:]+$/, 'must look like platform:id, e.g. slack:U012AB3CD');
const roleRef = z
  .string()
  .regex(/^((slack|discord|console):[^\s:]+|discord-role:\d+)$/, 'must look like platform:id or discord-role:<id>');

const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai or UTC');

const configSchema = z.strictObject({
  conference: z
    .strictObject({
      name: z.string().min(1, 'must not be empty').max(150, 'must be at most 150 characters'),
      timezone: timeZone.default('UTC'),
      /** The language of posts and of the screen (PRODUCT.md "Languages"). */
      language: z.enum(['ar', 'en', 'es', 'fr', 'ru', 'zh'], { error: 'must be one of ar, en, es, fr, ru, zh' }).default('en'),
    })
    .default({ name: 'Plenary', timezone: 'UTC', language: 'en' }),
  stakeholderGroups: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'each group must be lower-case letters, digits and dashes'))
    .min(1, 'must list at least one group')
    .refine((g) => !g.includes('unspecified'), '"unspecified" is reserved for undeclared participants')
    .refine((g) => new Set(g).size === g.length, 'must not repeat a group')
    .default([...DEFAULT_GROUPS]),
  priorityLimit: z.number().int('must be a whole number').min(1, 'must be 1..10').max(10, 'must be 1..10').default(3),
  roles: z
    .strictObject({
      organisers: z.array(userRef).default([]),
      moderators: z.array(roleRef).default([]),
    })
    .default({ organisers: ['console:you'], moderators: [] }),
  /** Post the day's digest daily at `at` (HH:MM, or HH:MM:SS, conference time zone) to each channel listed. */
  digest: z
    .strictObject({
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time of day like 18:00'),
      channels: z.array(z.string().regex(/^(slack|discord|console):[^\s:]+$/, 'each channel must look like slack:C123 or discord:998877')).min(1, 'must list at least one channel'),
    })
    .optional(),
});

export type PlenaryConfig = z.infer<typeof configSchema>;

export function isTimeZone(zone: string): boolean {
  // The first Intl.DateTimeFormat costs tens of ms of ICU set-up; the list answers the usual zones without it.
  if (zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    // A problem may quote a URL (PLENARY_STORE, *_API_URL): its password never reaches the message.
    const masked = problems.map(maskUrlPasswords);
    super(`Configuration problems:\n${masked.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = masked;
    this.name = 'ConfigError';
  }
}

/** The keys each level of the config knows, for "did you mean" suggestions. */
const KNOWN_KEYS: Record<string, string[]> = {
  '': ['conference', 'stakeholderGroups', 'priorityLimit', 'roles', 'digest'],
  conference: ['name', 'timezone'],
  roles: ['organisers', 'moderators'],
  digest: ['at', 'channels'],
};

/** Edit distance, for suggesting `organisers` when `organizers` was typed. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest of `candidates` to `word`, when close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

const SECRET_KEY = /token|secret|password|key$/i;

/** The value at `path` in the raw config, quoted for the message (secrets masked, long values clipped). */
function echo(raw: unknown, path: PropertyKey[]): string {
  let value: unknown = raw;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  if (value === undefined) return '';
  const last = String(path.at(-1) ?? '');
  if (SECRET_KEY.test(last) && typeof value === 'string') return ` (got "${value.slice(0, 2)}…")`;
  const text = JSON.stringify(value) ?? String(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 59)}…` : text})`;
}

/** One message per wrong key, named by its path: `roles.moderators[1]: must look like … (got "alice")`. */
function describeIssues(error: z.ZodError, source: string, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
      const where = path ? `${path}.` : '';
      const known = KNOWN_KEYS[path] ?? [];
      return `${source}: unknown key ${issue.keys.map((k) => {
        const guess = nearest(k, known);
        return `"${where}${k}"${guess ? ` (did you mean "${where}${guess}"?)` : ''}`;
      }).join(', ')}`;
    }
    return `${source}: ${path || '(top level)'}: ${issue.message}${echo(raw, issue.path)}`;
  });
}

export function parseConfig(raw: unknown, source = 'plenary.config.json'): PlenaryConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describeIssues(result.error, source, raw));
  return result.data;
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** JSON.parse's complaint, placed by line and column rather than character position. */
function jsonProblem(text: string, error: Error): string {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '');
  const at = /at position (\d+)/.exec(message);
  if (!at) return message.includes('end of JSON') ? `${message} (the file ends too early)` : message;
  const { line, column } = lineAndColumn(text, Number(at[1]));
  return `${message.replace(/\s*in JSON at position \d+/, '')} at line ${line}, column ${column}`;
}

export const defaultConfig = (): PlenaryConfig => parseConfig({});

/**
 * Where the config is looked for: the file named by `PLENARY_CONFIG` (which must exist), else
 * `plenary.config.json` in the current folder; with neither, the defaults.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlenaryConfig {
  const path = env.PLENARY_CONFIG ?? (existsSync('plenary.config.json') ? 'plenary.config.json' : undefined);
  if (!path) return defaultConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? String(e);
    throw new ConfigError([`${path}: cannot be read (${why})${env.PLENARY_CONFIG ? '; fix PLENARY_CONFIG or create the file' : ''}`]);
  }
  let raw: unknown;
  try {
    // Editors on Windows save a byte-order mark; it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError([`${path}: is not valid JSON: ${jsonProblem(text.replace(/^\uFEFF/, ''), e as Error)}`]);
  }
  return parseConfig(raw, path);
}

export interface Environment {
  store: string;
  port: number;
  slack: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string } | null;
  discord: { token: string; applicationId: string; apiUrl?: string; guildId?: string } | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Validates the environment variables; every problem is reported, not just the first. */
export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const problems: string[] = [];
  const store = env.PLENARY_STORE || 'sqlite://./data/plenary.sqlite';
  if (!/^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|memory:\/\/)$/.test(store)) {
    problems.push(`PLENARY_STORE: "${store}" must be sqlite://<path>, redis://host:port or memory://`);
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT: "${env.PORT}" must be a port number`);
  for (const name of ['SLACK_API_URL', 'DISCORD_API_URL'] as const) {
    const value = env[name];
    if (value && !/^https?:\/\/\S+$/.test(value)) problems.push(`${name}: "${value}" must be an http(s) URL`);
  }
  let slack: Environment['slack'] = null;
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: missing (set it with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN)');
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      problems.push('SLACK_SIGNING_SECRET: missing (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)');
    }
    slack = {
      botToken: env.SLACK_BOT_TOKEN ?? '',
      signingSecret: env.SLACK_SIGNING_SECRET || undefined,
      appToken: env.SLACK_APP_TOKEN || undefined,
      apiUrl: env.SLACK_API_URL || undefined,
    };
  }
  let discord: Environment['discord'] = null;
  if (env.DISCORD_TOKEN || env.DISCORD_APPLICATION_ID) {
    if (!env.DISCORD_TOKEN) problems.push('DISCORD_TOKEN: missing (DISCORD_APPLICATION_ID is set)');
    if (!env.DISCORD_APPLICATION_ID) problems.push('DISCORD_APPLICATION_ID: missing (DISCORD_TOKEN is set)');
    discord = {
      token: env.DISCORD_TOKEN ?? '',
      applicationId: env.DISCORD_APPLICATION_ID ?? '',
      apiUrl: env.DISCORD_API_URL || undefined,
      guildId: env.DISCORD_GUILD_ID || undefined,
    };
  }
  const logLevel = (env.PLENARY_LOG_LEVEL ?? 'info') as Environment['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`PLENARY_LOG_LEVEL: "${logLevel}" must be debug, info, warn or error`);
  }
  if (problems.length) throw new ConfigError(problems);
  return { store, port, slack, discord, logLevel };
}
