/** `plenary <start|demo|digest|manifest|discord register>`: the command line of the bot. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, loadEnvironment, type Environment } from '../src/config.ts';
import { isCalendarDate } from '../src/time.ts';
import { StartupError } from '../src/errors.ts';
import { maskUrlPasswords } from '../src/mask-url.ts';
import { formatDigest } from '../src/digest-format.ts';
import { openCore } from './open-core.ts';
import { digestLines } from '../adapters/console/render.ts';
import { parseArgs, subcommandUsage, usage, UsageError } from './args.ts';
import type { Language } from '../src/wording/say.ts';

/** A failure the user fixes (a store, a file, a variable): one line, exit 1, no stack. */
class CliFailure extends Error {}

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
    throw new CliFailure(`no store at ${resolve(sqlite)} (PLENARY_STORE=${maskUrlPasswords(env.store)}): set PLENARY_STORE to the bot's store, or run plenary start first`);
  }
  return openCore(loadConfig(), env); // an unopenable store is a StartupError naming PLENARY_STORE
}

async function digest(values: Record<string, string>) {
  const { date, format } = values;
  if (date !== undefined && !isCalendarDate(date)) throw new UsageError(`digest: --date "${date}" must be a day like 2026-11-28`, subcommandUsage(parseArgs(['digest']).command!));
  if (format !== undefined && !['md', 'json', 'csv', 'text'].includes(format)) throw new UsageError(`digest: --format "${format}" must be md, json or csv`, subcommandUsage(parseArgs(['digest']).command!));
  loadConfig(); // config problems are reported before the store is touched
  const { core, close } = await openStoreOrFail(loadEnvironment(), { mustExist: true });
  try {
    const result = await core.summaries.digest(date ?? core.summaries.today(core.now()));
    const text = format && format !== 'text' ? formatDigest(result, format as 'md' | 'json' | 'csv') : `${digestLines(result).join('\n')}\n`;
    process.stdout.write(text);
  } finally {
    await close();
  }
}

async function main() {
  quietOnClosedPipe();
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${parsed.command ? subcommandUsage(parsed.command) : usage()}\n`);
    return;
  }
  const { command, values } = parsed;
  switch (command.name) {
    case 'start':
      return (await import('./start.ts')).start();
    case 'demo': {
      const { isLocale, say } = await import('../src/wording/say.ts');
      if (values.lang !== undefined && !isLocale(values.lang)) throw new UsageError(say('cli.demo.bad-language', { given: values.lang }), subcommandUsage(command));
      if (values.screen) return (await import('./demo-screen.ts')).demoScreen(process.stdout);
      return (await import('./demo.ts')).demo(process.stdout, (values.lang ?? 'en') as Language);
    }
    case 'digest':
      return digest(values);
    case 'manifest': {
      const { renderManifest } = await import('../adapters/slack/manifest.ts');
      process.stdout.write(`${JSON.stringify(renderManifest({ url: values.url }), null, 2)}\n`);
      return;
    }
    case 'discord register': {
      const { registerCommands } = await import('../adapters/discord/register.ts');
      const env = loadEnvironment();
      if (!env.discord) throw new CliFailure('set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register commands');
      const count = await registerCommands(env.discord, loadConfig(), values.guild ?? env.discord.guildId);
      process.stdout.write(`Registered ${count} application commands.\n`);
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
    process.stderr.write(error.problems.map((problem) => `plenary: ${maskUrlPasswords(problem)}\n`).join(''));
    process.exit(1);
  }
  if (error instanceof CliFailure || error instanceof StartupError) {
    process.stderr.write(`plenary: ${maskUrlPasswords(error.message)}\n`);
    process.exit(1);
  }
  // Anything else is one line too; the stack only when asked for.
  const debug = process.env.PLENARY_LOG_LEVEL === 'debug';
  process.stderr.write(`plenary: ${maskUrlPasswords(error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message.split('\n')[0]) : String(error))}\n`);
  process.exit(1);
});
