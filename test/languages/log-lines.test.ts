/**
 * The log (stderr) speaks the operator's language too: every log(...) call's message is a `log.*` catalogue
 * line (logLine), each line is translated with its identifiers verbatim, the logger's scrubbing still holds
 * in every language, and a started bot writes its lines in the language the operator chose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { english, type MessageId } from '../../src/wording/catalogues.ts';
import { isolate, LOCALES, say } from '../../src/wording/say.ts';
import { createLogger } from '../../src/log.ts';
import { spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';

const LOG_IDS = (Object.keys(english) as MessageId[]).filter((id) => id.startsWith('log.'));
const OTHERS = LOCALES.filter((l) => l !== 'en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const LOG_CALL = /(?<![\w$])log\(\s*'(?:debug|info|warn|error)'\s*,/g;

/**
 * The message argument of each `log('<level>', message, …)` call in `source`, as written at its top level
 * (anything inside nested brackets left out), so `logLine('log.x', { a: 'b' })` reads `logLine()`.
 */
function logMessages(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(LOG_CALL)) {
    let depth = 0;
    let top = '';
    let quote: string | null = null;
    for (let i = match.index + match[0].length; i < source.length; i++) {
      const c = source[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        if (depth === 0) top += c;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') {
        quote = c;
        if (depth === 0) top += c;
        continue;
      }
      if ('([{'.includes(c)) {
        if (depth === 0) top += c;
        depth++;
        continue;
      }
      if (')]}'.includes(c)) {
        if (depth === 0) break; // the call ends: the message was its last argument
        depth--;
        if (depth === 0) top += c;
        continue;
      }
      if (c === ',' && depth === 0) break;
      if (depth === 0) top += c;
    }
    found.push(top.trim());
  }
  return found;
}

/** A message is a catalogue lookup: logLine(...) calls (a ternary between two is fine) and no string of its own. */
const isCatalogueLookup = (message: string) => /^(?:[\w.?!:\s]*\blogLine\(\)\s*)+$/.test(message) && !/['"`]/.test(message);

describe('log lines in the source', () => {
  it('the scan tells a catalogue lookup from a string written in place', () => {
    const sample = [
      "log('warn', logLine('log.digest.failed', { day }), error as Error);",
      "this.log('info', socketMode ? logLine('log.slack.socket-connected') : logLine('log.slack.listening', { port: String(port), path: '/x' }));",
      "log('info', 'Discord client error', error);",
      "this.options.log('warn', `could not read ${channelId}`, error);",
      "deps.log('debug', logLine('log.x') + ' more');",
    ].join('\n');
    expect(logMessages(sample).map(isCatalogueLookup)).toEqual([true, true, false, false, false]);
  });

  it('every log(...) call in src, adapters, commands and cli takes its message from the catalogue', () => {
    const calls = ['src', 'adapters', 'commands', 'cli'].flatMap(sourceFiles).flatMap((file) =>
      logMessages(readFileSync(file, 'utf8')).map((message) => ({ file, message })),
    );
    expect(calls.length).toBeGreaterThan(60);
    expect(calls.filter(({ message }) => !isCatalogueLookup(message))).toEqual([]);
  });
});

/** Sample values for a message's arguments: a distinctive text per text or select argument, 3 for a plural. */
function sampleParams(id: MessageId): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument || e.type === TYPE.select) params[e.value] = `${e.value.toUpperCase()}_VERBATIM`;
      if (e.type === TYPE.number || e.type === TYPE.plural) params[e.value] = 3;
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) walk(o.value);
    }
  };
  walk(parse(english[id]));
  return params;
}

describe('the log’s catalogue lines', () => {
  it('read differently from English in every language and keep every parameter verbatim', () => {
    expect(LOG_IDS.length).toBeGreaterThan(60);
    for (const id of LOG_IDS) {
      const params = sampleParams(id);
      const inEnglish = say(id, params, 'en');
      for (const locale of OTHERS) {
        const line = say(id, params, locale);
        expect(line, `${id} in ${locale}`).not.toBe(inEnglish);
        for (const value of Object.values(params)) if (typeof value === 'string') expect(line, `${id} in ${locale}`).toContain(value);
      }
    }
  });

  it('English reads as it did; counts take each language’s plural forms; a post’s kind is worded', () => {
    expect(say('log.delivery.retry', { kind: 'summary', channel: 'slack:C1', attempt: 2 }, 'en')).toBe('posting a summary to slack:C1 failed (attempt 2); it stays queued');
    expect(say('log.digest.posted', { day: '2026-12-04', count: 1 }, 'en')).toBe('scheduled digest for 2026-12-04 posted to 1 channel');
    expect(say('log.digest.posted', { day: '2026-12-04', count: 2 }, 'en')).toBe('scheduled digest for 2026-12-04 posted to 2 channels');
    expect(say('log.digest.posted', { day: 'D', count: 1 }, 'ru')).toContain('в 1 канале');
    expect(say('log.digest.posted', { day: 'D', count: 3 }, 'ru')).toContain('в 3 каналах');
    expect(say('log.discord.registered', { count: 2, guild: 'G' }, 'ru')).toContain('зарегистрированы 2 команды Discord');
    expect(say('log.discord.registered', { count: 5, guild: 'G' }, 'ru')).toContain('зарегистрировано 5 команд Discord');
    expect(say('log.delivery.retry', { kind: 'proposal', channel: 'slack:C1', attempt: 2 }, 'fr')).toContain('d’une proposition dans slack:C1');
    expect(say('log.discord.post-retry', { kind: 'digest', attempt: 2 }, 'es')).toContain('el resumen del día en Discord');
    // Arabic isolates text parameters, but not a select's key: the kind still picks its branch.
    expect(say('log.delivery.retry', { kind: 'proposal', channel: 'slack:C1', attempt: 2 }, 'ar')).toContain(`نشر مقترح في ${isolate('slack:C1')}`);
    expect(say('delivery.what', { kind: 'digest' }, 'ar')).not.toBe(say('delivery.what', { kind: 'menu' }, 'ar'));
  });

  it('keep the logger’s scrubbing in every language: user ids above debug, secrets, URL passwords', () => {
    for (const locale of LOCALES) {
      const lines: string[] = [];
      const log = createLogger('info', (line) => lines.push(line), ['a-secret-value']);
      log('warn', say('log.delivery.retry', { kind: 'summary', channel: 'console:alice', attempt: 2 }, locale));
      log('warn', say('log.slack.bolt', { text: 'token xoxb-1234-abcd a-secret-value redis://u:hunter2@h:6379 <@U012AB3CD>' }, locale));
      log('error', say('log.command.failed', { what: '/propose' }, locale), new Error('reaction:s1:0001:slack:U012AB3CD'));
      const text = lines.join('\n');
      expect(text, locale).not.toMatch(/alice|xoxb-1234|a-secret-value|hunter2|U012AB3CD/);
      expect(text, locale).toContain('/propose');
    }
  });
});

describe('a started bot logs in the operator’s language', () => {
  let api: FakeSlackWebApi;
  const children: Array<ReturnType<typeof spawnCli>> = [];
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((done) => child.on('exit', done)) : undefined)));
    await api?.close();
  });

  /** Starts `plenary start` in Slack HTTP mode and resolves with its stderr once a line matches `ready`. */
  function startSlack(env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
    const child = spawnCli(['start'], { ...env, SLACK_API_URL: api.apiUrl, SLACK_BOT_TOKEN: `xoxb-${randomBytes(6).toString('hex')}`, SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'), PLENARY_STORE: 'memory://' });
    children.push(child);
    let stderr = '';
    return new Promise((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (ready.test(stderr)) resolve(stderr);
      });
      child.on('exit', (code) => reject(new Error(`plenary start exited with ${code}: ${stderr}`)));
    });
  }

  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** The line `id` in `locale`, its port a number pattern. */
  const listening = (locale: 'fr' | 'zh') => new RegExp(escape(say('log.slack.listening', { port: 'PORT', path: '/slack/events' }, locale)).replace('PORT', '\\d+'));

  it('from LANG when the config names no language, and from conference.language in the config', async () => {
    const plain = tempDeployment({ conference: { name: 'Logs', timezone: 'UTC' } }).env;
    const chinese = tempDeployment({ conference: { name: 'Logs', timezone: 'UTC', language: 'zh' } }).env;
    const [french, inChinese] = await Promise.all([
      startSlack({ ...plain, LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, listening('fr')),
      startSlack({ ...chinese, LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, listening('zh')),
    ]);
    expect(french).toMatch(/ info slack : à l’écoute sur le port \d+ à \/slack\/events\n/);
    expect(inChinese).toMatch(/ info slack：正在端口 \d+ 的 \/slack\/events 上监听\n/);
    expect(french + inChinese).not.toContain('listening on port');
  });
});
