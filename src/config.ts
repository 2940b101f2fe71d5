/** The deployment's configuration: `plenary.config.json` plus environment variables, checked at start. */
import { readFileSync, existsSync } from 'node:fs';
import * as z from 'zod';
import { DEFAULT_GROUPS } from './model.ts';
import { maskUrlPasswords } from './mask-url.ts';
import { say, type Locale, type MessageId, type MessageParams } from './wording/say.ts';
import { english } from './wording/catalogues.ts';

const userRef = z.string().regex(/^(slack|discord|console):[^\s:]+$/, 'cli.config.user');
const roleRef = z
  .string()
  .regex(/^((slack|discord|console):[^\s:]+|discord-role:\d+)$/, 'cli.config.role');

const timeZone = z.string().refine(isTimeZone, 'cli.config.timezone');

const configSchema = z.strictObject({
  conference: z
    .strictObject({
      name: z.string().min(1, 'cli.config.name.empty').max(150, 'cli.config.name.long'),
      timezone: timeZone.default('UTC'),
      /** The language of posts and of the screen (PRODUCT.md "Languages"). */
      language: z.enum(['ar', 'en', 'es', 'fr', 'ru', 'zh'], { error: 'cli.config.language' }).default('en'),
    })
    .default({ name: 'Plenary', timezone: 'UTC', language: 'en' }),
  stakeholderGroups: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'cli.config.group.format'))
    .min(1, 'cli.config.groups.empty')
    .refine((g) => !g.includes('unspecified'), 'cli.config.groups.reserved')
    .refine((g) => new Set(g).size === g.length, 'cli.config.groups.repeated')
    .default([...DEFAULT_GROUPS]),
  priorityLimit: z.number().int('cli.config.limit.whole').min(1, 'cli.config.limit.range').max(10, 'cli.config.limit.range').default(3),
  roles: z
    .strictObject({
      organisers: z.array(userRef).default([]),
      moderators: z.array(roleRef).default([]),
    })
    .default({ organisers: ['console:you'], moderators: [] }),
  /** Post the day's digest daily at `at` (HH:MM, or HH:MM:SS, conference time zone) to each channel listed. */
  digest: z
    .strictObject({
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'cli.config.digest.at'),
      channels: z.array(z.string().regex(/^(slack|discord|console):[^\s:]+$/, 'cli.config.digest.channel')).min(1, 'cli.config.digest.channels'),
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

/**
 * One wrong key or variable: where (a file and key path, or a variable name: verbatim in every language),
 * the problem's catalogue line (src/wording/en/cli.ts) and the value found.
 */
export interface ConfigProblem {
  where: string;
  id: Extract<MessageId, `cli.config.${string}`>;
  params?: MessageParams;
  got?: string;
  /** Unknown keys, each with the known key it is likely a typo of. */
  keys?: Array<{ key: string; guess?: string }>;
}

export class ConfigError extends Error {
  /** The problems in English, one line each. */
  readonly problems: string[];
  constructor(readonly found: ConfigProblem[]) {
    const lines = found.map((problem) => problemLine(problem, 'en'));
    super(`Configuration problems:\n${lines.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = lines;
    this.name = 'ConfigError';
  }

  /** The problems in the operator's language. */
  problemsIn(locale: Locale): string[] {
    return locale === 'en' ? this.problems : this.found.map((problem) => problemLine(problem, locale));
  }
}

// A problem may quote a URL (PLENARY_STORE, *_API_URL): its password never reaches the line.
function problemLine({ where, id, params = {}, got, keys }: ConfigProblem, locale: Locale): string {
  if (keys) {
    const each = keys.map(({ key, guess }) => say(guess ? 'cli.config.unknown-key.guess' : 'cli.config.unknown-key.one', { key, guess: guess ?? '' }, locale));
    params = { ...params, count: keys.length, keys: each.join(', ') };
  }
  const value = got === undefined ? '' : ` ${say('cli.config.got', { value: got }, locale)}`;
  return maskUrlPasswords(`${where}: ${say(id, params, locale)}${value}`);
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
function echo(raw: unknown, path: PropertyKey[]): string | undefined {
  let value: unknown = raw;
  for (const step of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  if (value === undefined) return undefined;
  const last = String(path.at(-1) ?? '');
  if (SECRET_KEY.test(last) && typeof value === 'string') return `"${value.slice(0, 2)}…"`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const isConfigLine = (message: string): message is ConfigProblem['id'] => message.startsWith('cli.config.') && message in english;

/** One message per wrong key, named by its path: `roles.moderators[1]: must look like … (got "alice")`. */
function describeIssues(error: z.ZodError, source: string, raw: unknown): ConfigProblem[] {
  return error.issues.map((issue): ConfigProblem => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
      const prefix = path ? `${path}.` : '';
      const known = KNOWN_KEYS[path] ?? [];
      // Each key worded when shown, so the whole line is in one language.
      const keys = issue.keys.map((k) => {
        const guess = nearest(k, known);
        return { key: `${prefix}${k}`, guess: guess && `${prefix}${guess}` };
      });
      return { where: source, id: 'cli.config.unknown-key', keys };
    }
    const where = `${source}: ${path || '(top level)'}`;
    const got = echo(raw, issue.path);
    if (isConfigLine(issue.message)) return { where, id: issue.message, got };
    if (issue.code === 'invalid_type') return { where, id: 'cli.config.expected', params: { expected: String(issue.expected) }, got };
    return { where, id: 'cli.config.invalid', params: { detail: issue.message }, got };
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

/** JSON.parse's complaint (the engine's own English, a parameter), placed by line and column rather than character position. */
function jsonProblem(where: string, text: string, error: Error): ConfigProblem {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '');
  const at = /at position (\d+)/.exec(message);
  if (!at) return { where, id: message.includes('end of JSON') ? 'cli.config.json.ends' : 'cli.config.json', params: { detail: message } };
  const { line, column } = lineAndColumn(text, Number(at[1]));
  return { where, id: 'cli.config.json.at', params: { detail: message.replace(/\s*in JSON at position \d+/, ''), line, column } };
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
    const why = code === 'ENOENT' ? 'missing' : code === 'EACCES' ? 'denied' : code ?? String(e);
    throw new ConfigError([env.PLENARY_CONFIG
      ? { where: path, id: 'cli.config.unreadable.variable', params: { why, variable: 'PLENARY_CONFIG' } }
      : { where: path, id: 'cli.config.unreadable', params: { why } }]);
  }
  let raw: unknown;
  try {
    // Editors on Windows save a byte-order mark; it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError([jsonProblem(path, text.replace(/^\uFEFF/, ''), e as Error)]);
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
  const problems: ConfigProblem[] = [];
  const store = env.PLENARY_STORE || 'sqlite://./data/plenary.sqlite';
  if (!/^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|memory:\/\/)$/.test(store)) {
    problems.push({ where: 'PLENARY_STORE', id: 'cli.config.env.store', params: { value: store } });
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push({ where: 'PORT', id: 'cli.config.env.port', params: { value: String(env.PORT) } });
  for (const name of ['SLACK_API_URL', 'DISCORD_API_URL'] as const) {
    const value = env[name];
    if (value && !/^https?:\/\/\S+$/.test(value)) problems.push({ where: name, id: 'cli.config.env.url', params: { value } });
  }
  let slack: Environment['slack'] = null;
  if (env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) {
    if (!env.SLACK_BOT_TOKEN) problems.push({ where: 'SLACK_BOT_TOKEN', id: 'cli.config.env.slack-token', params: { secret: 'SLACK_SIGNING_SECRET', appToken: 'SLACK_APP_TOKEN' } });
    if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      problems.push({ where: 'SLACK_SIGNING_SECRET', id: 'cli.config.env.slack-secret', params: { appToken: 'SLACK_APP_TOKEN' } });
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
    if (!env.DISCORD_TOKEN) problems.push({ where: 'DISCORD_TOKEN', id: 'cli.config.env.discord', params: { other: 'DISCORD_APPLICATION_ID' } });
    if (!env.DISCORD_APPLICATION_ID) problems.push({ where: 'DISCORD_APPLICATION_ID', id: 'cli.config.env.discord', params: { other: 'DISCORD_TOKEN' } });
    discord = {
      token: env.DISCORD_TOKEN ?? '',
      applicationId: env.DISCORD_APPLICATION_ID ?? '',
      apiUrl: env.DISCORD_API_URL || undefined,
      guildId: env.DISCORD_GUILD_ID || undefined,
    };
  }
  const logLevel = (env.PLENARY_LOG_LEVEL ?? 'info') as Environment['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push({ where: 'PLENARY_LOG_LEVEL', id: 'cli.config.env.log-level', params: { value: logLevel } });
  }
  if (problems.length) throw new ConfigError(problems);
  return { store, port, slack, discord, logLevel };
}
