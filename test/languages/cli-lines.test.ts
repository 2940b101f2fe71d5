/**
 * The command line's own lines (usage, option problems, start-up failures, the screen-off notice, "Registered N
 * commands") come from the catalogue and are told in the operator's language: `--lang`, else conference.language
 * in the config file, else LC_ALL / LC_MESSAGES / LANG, else English. Names of variables, paths, URLs and commands
 * stay verbatim in every language, and a URL's password stays masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { english, type MessageId } from '../../src/wording/catalogues.ts';
import { LOCALES, PSEUDO_CLOSE, PSEUDO_OPEN, say, type Locale } from '../../src/wording/say.ts';
import { resolveOperatorLanguage } from '../../cli/operator-language.ts';
import { SUBCOMMANDS, subcommandUsage, usage } from '../../cli/args.ts';
import { ConfigError, loadEnvironment, parseConfig } from '../../src/config.ts';
import { runCli, spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.ts';

const CLI_IDS = (Object.keys(english) as MessageId[]).filter((id) => id.startsWith('cli.'));
const OTHERS = LOCALES.filter((l) => l !== 'en');

/** Sample values for a message's arguments: a distinctive text per text argument, 3 for a number or plural. */
function sampleParams(id: MessageId): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument) params[e.value] = `${e.value.toUpperCase()}_VERBATIM`;
      if (e.type === TYPE.number || e.type === TYPE.plural) params[e.value] = 3;
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) walk(o.value);
    }
  };
  walk(parse(english[id]));
  return params;
}

const PLAIN_LINES = ['cli.usage.options']; // "[options]" is the word French uses too

describe('the command line’s catalogue lines', () => {
  it('exist in every language, read differently from English and keep every text parameter verbatim', () => {
    expect(CLI_IDS.length).toBeGreaterThan(40);
    for (const id of CLI_IDS) {
      const params = sampleParams(id);
      const inEnglish = say(id, params, 'en');
      for (const locale of OTHERS) {
        const line = say(id, params, locale);
        if (!PLAIN_LINES.includes(id)) expect(line, `${id} in ${locale}`).not.toBe(inEnglish);
        for (const value of Object.values(params)) if (typeof value === 'string') expect(line, `${id} in ${locale}`).toContain(value);
      }
    }
  });

  it('counts registered commands with each language’s plural forms', () => {
    // The sentences for 0, 1, 2, 3, 11 and 100 commands, numbers left out: how many different forms a language uses.
    const forms = (locale: Locale) => new Set([0, 1, 2, 3, 11, 100].map((count) => say('cli.discord.registered', { count }, locale).replace(/[0-9٠-٩]+/g, '#')));
    expect(say('cli.discord.registered', { count: 1 }, 'en')).toBe('Registered 1 application command.');
    expect(say('cli.discord.registered', { count: 25 }, 'en')).toBe('Registered 25 application commands.');
    expect(say('cli.discord.registered', { count: 2 }, 'ru')).toBe('Зарегистрированы 2 команды приложения.');
    expect(say('cli.discord.registered', { count: 25 }, 'ru')).toBe('Зарегистрировано 25 команд приложения.');
    expect(forms('ar').size).toBe(6); // zero, one, two, few (3), many (11), other (100)
    expect(forms('ru').size).toBe(3); // one (1), few (2, 3), many (0, 11, 100)
    expect(forms('zh').size).toBe(1);
  });

  it('the usage keeps command names and flags verbatim and translates the rest', () => {
    for (const locale of OTHERS) {
      const text = usage(locale);
      for (const verbatim of ['digest [--date YYYY-MM-DD] [--format md|json|csv]', 'discord register [--guild <id>]', 'PLENARY_CONFIG', 'PLENARY_STORE', '--help'])
        expect(text, locale).toContain(verbatim);
      expect(text, locale).not.toContain('print the daily digest from the store');
    }
    expect(usage('en').split('\n')[0]).toBe('usage: plenary <command> [options]');
  });

  it('has no English of its own outside the catalogue: in the pseudo-locale every usage line is bracketed', () => {
    const lines = [usage('pseudo'), ...SUBCOMMANDS.map((c) => subcommandUsage(c, 'pseudo'))].join('\n').split('\n');
    for (const line of lines) expect(line).toMatch(new RegExp(`${PSEUDO_OPEN}.*${PSEUDO_CLOSE}`));
  });
});

describe('configuration problems', () => {
  const problemsOf = (fn: () => unknown): ConfigError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('no problem found');
  };

  it('are worded in each language with keys, values and variable names verbatim, English unchanged', () => {
    const error = problemsOf(() => parseConfig({ conference: { name: 'X', timezone: 'Mars/Olympus' }, roles: { organizers: ['console:a'] }, priorityLimit: 11 }));
    expect(error.problemsIn('en')).toEqual(error.problems);
    expect(error.problems).toContain('plenary.config.json: priorityLimit: must be 1..10 (got 11)');
    const chinese = error.problemsIn('zh');
    expect(chinese).toContain(`plenary.config.json: priorityLimit: ${say('cli.config.limit.range', {}, 'zh')} ${say('cli.config.got', { value: '11' }, 'zh')}`);
    expect(chinese.join('\n')).toContain('“roles.organizers”（您是否要写“roles.organisers”？）');
    expect(chinese.join('\n')).toContain('Mars/Olympus');
    for (const locale of OTHERS) expect(error.problemsIn(locale).join('\n'), locale).not.toMatch(/must be|did you mean|unknown key/);
  });

  it('keep a URL’s password masked in every language', () => {
    const error = problemsOf(() => loadEnvironment({ PLENARY_STORE: 'ftp://admin:hunter2@files.example', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://bot:hunter3@api.example/' }));
    for (const locale of LOCALES) {
      const text = error.problemsIn(locale).join('\n');
      expect(text, locale).not.toMatch(/hunter[23]/);
      for (const verbatim of ['PLENARY_STORE', 'SLACK_API_URL', 'ftp://admin:***@files.example', 'ftp://bot:***@api.example/']) expect(text, locale).toContain(verbatim);
    }
  });
});

describe('the operator’s language', () => {
  const config = (content: string) => {
    const { dir } = tempDeployment({});
    const path = join(dir, 'lang.config.json');
    writeFileSync(path, content);
    return path;
  };

  it('is --lang, else conference.language in the config file, else LC_ALL, LC_MESSAGES, LANG, else English', () => {
    const french = config(JSON.stringify({ conference: { name: 'X', language: 'fr' } }));
    const none = config(JSON.stringify({ conference: { name: 'X' } }));
    expect(resolveOperatorLanguage('zh', { PLENARY_CONFIG: french, LANG: 'ru_RU.UTF-8' })).toBe('zh');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: french, LANG: 'ru_RU.UTF-8' })).toBe('fr');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: none, LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: none, LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'es_ES.UTF-8' })).toBe('es');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: none, LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'es_ES', LC_ALL: 'ar_EG.UTF-8' })).toBe('ar');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: none, LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: none, LANG: 'pt_BR.UTF-8' })).toBe('en');
  });

  it('still comes from a config that fails its checks, and from the environment when the file is no JSON', () => {
    const failing = config(JSON.stringify({ conference: { name: 'X', language: 'ru' }, priorityLimit: 99, roles: { organizers: [] } }));
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: failing, LANG: 'C' })).toBe('ru');
    const broken = config('{ "conference": { "language": "zh" ');
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: broken, LANG: 'es_ES.UTF-8' })).toBe('es');
    const unknown = config(JSON.stringify({ conference: { name: 'X', language: 'de' } }));
    expect(resolveOperatorLanguage(undefined, { PLENARY_CONFIG: unknown, LANG: 'fr_FR.UTF-8' })).toBe('fr');
  });
});

/** The first line a run wrote on stderr, without the `plenary: ` prefix. */
const firstLine = (stderr: string) => stderr.split('\n')[0].replace(/^plenary: /, '');

// Each case is its own process and deployment: the file waits on their start-up, not the CPU.
describe.concurrent('plenary in the operator’s language (the built command line)', () => {
  let api: FakeSlackWebApi;
  let discord: FakeDiscord;
  let blocker: Server;
  let takenPort = 0;
  beforeAll(async () => {
    api = await startFakeSlackWebApi({ validTokens: ['xoxb-the-real-one'] });
    discord = await startFakeDiscord({ applicationId: '900000000000000001', botUserId: '900000000000000002', token: 'the.real.discord-token', guilds: [{ id: '900000000000000010', name: 'g', channels: [{ id: '900000000000000011', name: 'main' }] }] });
    blocker = createServer();
    takenPort = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
  });
  afterAll(async () => {
    await api?.close();
    await discord?.close();
    await new Promise((resolve) => blocker?.close(resolve));
  });

  const deployment = (language?: string) => tempDeployment({ conference: { name: 'Lines', timezone: 'UTC', ...(language ? { language } : {}) } }).env;

  it('usage errors: --lang wins, the usage follows in that language, exit 2', async () => {
    const env = { ...deployment('ru'), LANG: 'C.UTF-8' };
    const [french, russian, english] = await Promise.all([
      runCli(['digest', '--lang', 'fr', '--fromat', 'csv'], env),
      runCli(['digets'], env),
      runCli(['digest', '--lang=en', '--fromat', 'csv'], env),
    ]);
    expect(french.code).toBe(2);
    expect(firstLine(french.stderr)).toBe(say('cli.args.unknown-option', { command: 'digest', option: '--fromat' }, 'fr'));
    expect(french.stderr).toContain(`${say('cli.usage', { syntax: 'plenary digest [--date YYYY-MM-DD] [--format md|json|csv]' }, 'fr')}\n  ${say('cli.summary.digest', {}, 'fr')}`);
    expect(firstLine(russian.stderr)).toBe(say('cli.args.unknown-command', { given: 'digets', known: 'start, demo, digest, manifest, discord register' }, 'ru'));
    expect(russian.stderr).toContain('start, demo, digest, manifest, discord register');
    expect([english.code, firstLine(english.stderr)]).toEqual([2, 'digest: unknown option --fromat']);
  });

  it('a bad --lang is refused in the language it would have replaced', async () => {
    const run = await runCli(['demo', '--lang', 'de'], { ...deployment(), LANG: 'es_ES.UTF-8' });
    expect(run.code).toBe(2);
    expect(firstLine(run.stderr)).toBe(say('cli.args.bad-language', { given: 'de' }, 'es'));
    expect(run.stdout).toBe('');
  });

  it('--help is in the environment’s language when the config names none', async () => {
    const [spanish, plain] = await Promise.all([
      runCli(['--help'], { ...deployment(), LANG: 'es_ES.UTF-8' }),
      runCli(['--help'], { ...deployment(), LANG: 'C.UTF-8', LC_ALL: '' }),
    ]);
    expect(spanish.stdout).toBe(`${usage('es')}\n`);
    expect(plain.stdout.split('\n')[0]).toBe('usage: plenary <command> [options]');
  });

  it('an unopenable store: the configured language, PLENARY_STORE verbatim, the password masked', async () => {
    const env = { ...deployment('zh'), PLENARY_STORE: 'redis://admin:hunter2@127.0.0.1:1', LANG: 'fr_FR.UTF-8' };
    const run = await runCli(['digest'], env);
    expect(run.code).toBe(1);
    const line = firstLine(run.stderr);
    // The reason is the store driver's own; the line around it is the catalogue's.
    const [before, after] = say('cli.store.cannot-open', { store: 'redis://admin:***@127.0.0.1:1', reason: '<reason>', variable: 'PLENARY_STORE' }, 'zh').split('<reason>');
    expect(line.startsWith(before) && line.endsWith(after), line).toBe(true);
    expect(line).toContain('redis://admin:***@127.0.0.1:1');
    expect(run.stderr + run.stdout).not.toContain('hunter2');
  });

  it('a config that fails its checks stops in the language it names', async () => {
    const { env, dir } = tempDeployment({ conference: { name: 'Lines', language: 'fr' }, priorityLimit: 99 });
    const run = await runCli(['digest'], { ...env, PLENARY_STORE: `sqlite://${join(dir, 'missing', 'store.sqlite')}`, LANG: 'C.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('priorityLimit');
    expect(run.stderr).toContain(say('cli.config.limit.range', {}, 'fr'));
  });

  it('a missing store for plenary digest, in Arabic with the path and variable verbatim', async () => {
    const { env, dir } = tempDeployment({ conference: { name: 'Lines', language: 'ar' } });
    const path = join(dir, 'nowhere', 'store.sqlite');
    const run = await runCli(['digest'], { ...env, PLENARY_STORE: `sqlite://${path}` });
    expect(firstLine(run.stderr)).toBe(say('cli.digest.no-store', { path, variable: 'PLENARY_STORE', store: `sqlite://${path}`, command: 'plenary start' }, 'ar'));
    for (const verbatim of [path, 'PLENARY_STORE', 'plenary start']) expect(run.stderr).toContain(verbatim);
  });

  it('Slack and Discord rejecting their tokens, in French and Spanish', async () => {
    const [slack, disc] = await Promise.all([
      runCli(['start'], { ...deployment('fr'), SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: api.apiUrl, PLENARY_STORE: 'memory://' }),
      runCli(['start', '--lang', 'es'], { ...deployment('fr'), DISCORD_TOKEN: 'revoked.discord-token', DISCORD_APPLICATION_ID: '900000000000000001', DISCORD_API_URL: `${discord.restApi}/v10/`, PLENARY_STORE: 'memory://' }),
    ]);
    expect([slack.code, firstLine(slack.stderr)]).toEqual([1, say('cli.slack.token-rejected', { token: 'SLACK_BOT_TOKEN', reason: 'invalid_auth' }, 'fr')]);
    expect([disc.code, firstLine(disc.stderr)]).toEqual([1, say('cli.discord.token-rejected', { token: 'DISCORD_TOKEN' }, 'es')]);
    expect(slack.stderr + disc.stderr).not.toMatch(/xoxb-revoked|revoked\.discord-token/);
  });

  it('plenary discord register counts in Russian', async () => {
    const run = await runCli(['discord', 'register', '--guild', '900000000000000010', '--lang', 'ru'], {
      ...deployment(), DISCORD_TOKEN: 'the.real.discord-token', DISCORD_APPLICATION_ID: '900000000000000001', DISCORD_API_URL: `${discord.restApi}/v10/`,
    });
    expect(run.code, run.stderr).toBe(0);
    const count = discord.commands('900000000000000010').length;
    expect(count).toBeGreaterThan(1);
    expect(run.stdout).toBe(`${say('cli.discord.registered', { count }, 'ru')}\n`);
  });

  it('the screen-off line when the port is taken, in the configured language, the terminal still answering', async () => {
    const env = { ...deployment('ru'), PORT: String(takenPort) };
    const child = spawnCli(['start'], env);
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const code = await new Promise<number | null>((done) => {
      child.on('close', done);
      child.stdin.end('/help\n');
    });
    expect(code).toBe(0);
    expect(stderr).toContain(`plenary: ${say('cli.screen.off-in-use', { port: String(takenPort), variable: 'PORT' }, 'ru')}\n`);
    expect(stdout).toContain(say('command.react', {}, 'ru'));
  });
});
