/** The deployment's configuration: `plenary.config.json` plus environment variables, checked at start. */
import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_GROUPS } from './model.ts';

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
});

export type PlenaryConfig = z.infer<typeof configSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** One message per wrong key, named by its path: `roles.moderators[1]: must look like …`. */
function describeIssues(error: z.ZodError, source: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
      const where = path ? `${path}.` : '';
      return `${source}: unknown key ${issue.keys.map((k) => `"${where}${k}"`).join(', ')}`;
    }
    return `${source}: ${path || '(top level)'}: ${issue.message}`;
  });
}

export function parseConfig(raw: unknown, source = 'plenary.config.json'): PlenaryConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describeIssues(result.error, source));
  return result.data;
}

export const defaultConfig = (): PlenaryConfig => parseConfig({});

/** Reads `PLENARY_CONFIG` (or ./plenary.config.json when present); no file means the defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlenaryConfig {
  const path = env.PLENARY_CONFIG ?? (existsSync('plenary.config.json') ? 'plenary.config.json' : undefined);
  if (!path) return defaultConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError([`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError([`${path}: is not valid JSON (${(e as Error).message})`]);
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
