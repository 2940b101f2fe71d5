/** `plenary <start|demo|digest|manifest|discord register>`: the command line of the bot. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, loadEnvironment, type Environment } from '../src/config.ts';
import { isCalendarDate } from '../src/time.ts';
import { StartupError } from '../src/errors.ts';
import { maskUrlPasswords } from '../src/mask-url.ts';
import { formatDigest } from '../src/digest-format.ts';
import { openCore } from './open-core.ts';
import { prefetchDigest } from './digest-prefetch.ts';
import { digestLines } from '../adapters/console/render.ts';
import { parseArgs, subcommandUsage, takeLanguage, usage, UsageError } from './args.ts';
import { isLocale, say, type Language, type Locale } from '../src/wording/say.ts';
import { operatorLanguage, setOperatorLanguage } from '../src/wording/operator-language.ts';
import { resolveOperatorLanguage } from './operator-language.ts';

/** A failure the user fixes (a store, a file, a variable): one line, exit 1, no stack, in the operator's language. */
class CliFailure extends StartupError {}

/** `| head` closing the pipe is not an error: stop quietly. */
function quietOnClosedPipe() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

async function openStoreOrFail(env: Environment, { mustExist }: { mustExist: boolean }) {
  const sqlite = /^sqlite:\/\/(.+)$/.exec(env.store)?.[1];
  if (mustExist && sqlite && !existsSync(sqlite)) {
    throw new CliFailure('cli.digest.no-store', { path: resolve(sqlite), variable: 'PLENARY_STORE', store: maskUrlPasswords(env.store), command: 'plenary start' });
  }
  return openCore(loadConfig(), env); // an unopenable store is a StartupError naming PLENARY_STORE
}

async function digest(values: Record<string, string>, locale: Locale) {
  const { date, format } = values;
  const refuse = (id: 'cli.digest.bad-date' | 'cli.digest.bad-format', option: string, given: string) =>
    new UsageError(say(id, { command: 'digest', option, given, example: '2026-11-28' }, locale), subcommandUsage(parseArgs(['digest']).command!, locale));
  if (date !== undefined && !isCalendarDate(date)) throw refuse('cli.digest.bad-date', '--date', date);
  if (format !== undefined && !['md', 'json', 'csv', 'text'].includes(format)) throw refuse('cli.digest.bad-format', '--format', format);
  loadConfig(); // config problems are reported before the store is touched
  const env = loadEnvironment();
  const { core, close } = await openStoreOrFail(env, { mustExist: true });
  const prefetch = prefetchDigest(core.store, env.store);
  try {
    const result = await core.summaries.digest(date ?? core.summaries.today(core.now()), prefetch?.source);
    const text = format && format !== 'text' ? formatDigest(result, format as 'md' | 'json' | 'csv', locale) : `${digestLines(result, locale).join('\n')}\n`;
    process.stdout.write(text);
  } finally {
    await prefetch?.stop();
    await close(0); // the digest was awaited: nothing else of this process uses the store
  }
}

async function main() {
  quietOnClosedPipe();
  // The operator's language first, so even a usage error is worded in it.
  setOperatorLanguage(resolveOperatorLanguage(undefined));
  const { lang, rest } = takeLanguage(process.argv.slice(2), operatorLanguage());
  if (lang !== undefined && !isLocale(lang)) throw new UsageError(say('cli.args.bad-language', { given: lang }, operatorLanguage()), usage(operatorLanguage()));
  if (lang !== undefined) setOperatorLanguage(lang);
  const locale = operatorLanguage();
  const parsed = parseArgs(rest, locale);
  if (parsed.help) {
    process.stdout.write(`${parsed.command ? subcommandUsage(parsed.command, locale) : usage(locale)}\n`);
    return;
  }
  const { command, values } = parsed;
  switch (command.name) {
    case 'start':
      return (await import('./start.ts')).start();
    case 'demo': {
      const language: Language = isLocale(locale) ? locale : 'en';
      if (values.screen) return (await import('./demo-screen.ts')).demoScreen(process.stdout, { language });
      return (await import('./demo.ts')).demo(process.stdout, language);
    }
    case 'digest':
      return digest(values, locale);
    case 'manifest': {
      const { renderManifest } = await import('../adapters/slack/manifest.ts');
      process.stdout.write(`${JSON.stringify(renderManifest({ url: values.url }), null, 2)}\n`);
      return;
    }
    case 'discord register': {
      const { registerCommands } = await import('../adapters/discord/register.ts');
      const env = loadEnvironment();
      if (!env.discord) throw new CliFailure('cli.discord.register-needs', { token: 'DISCORD_TOKEN', application: 'DISCORD_APPLICATION_ID' });
      const count = await registerCommands(env.discord, loadConfig(), values.guild ?? env.discord.guildId);
      process.stdout.write(`${say('cli.discord.registered', { count }, locale)}\n`);
      return;
    }
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`plenary: ${error.message}\n${error.usageText}\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(error.problemsIn(operatorLanguage()).map((problem) => `plenary: ${problem}\n`).join(''));
    process.exit(1);
  }
  if (error instanceof StartupError) {
    process.stderr.write(`plenary: ${maskUrlPasswords(error.textIn(operatorLanguage()))}\n`);
    process.exit(1);
  }
  // Anything else is one line too; the stack only when asked for.
  const debug = process.env.PLENARY_LOG_LEVEL === 'debug';
  process.stderr.write(`plenary: ${maskUrlPasswords(error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message.split('\n')[0]) : String(error))}\n`);
  process.exit(1);
});
