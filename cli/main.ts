/** `plenary <start|demo|digest|manifest|discord register>`: the command line of the bot. */
import { ConfigError, loadConfig, loadEnvironment } from '../src/config.ts';
import { isCalendarDate } from '../src/time.ts';
import { formatDigest } from '../src/digest-format.ts';
import { openCore } from './open-core.ts';
import { digestLines } from '../adapters/console/render.ts';

const USAGE = `usage: plenary <command>
  start                                   run the bot (Slack/Discord when their variables are set, else the terminal)
  demo [--screen]                         replay the seed panel on a temporary store (--screen: with the live screen, ~30 s)
  digest [--date YYYY-MM-DD] [--format md|json|csv]   print the daily digest from the store
  manifest [--url https://host]           print the Slack app manifest
  discord register [--guild <id>]         register Discord application commands`;

function flagValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index === -1) {
    const inline = args.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  }
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`plenary: ${message}\n`);
  process.exit(2);
}

async function digest(args: string[]) {
  const date = flagValue(args, 'date');
  const format = flagValue(args, 'format');
  if (date !== undefined && !isCalendarDate(date)) fail(`--date "${date}" must be a day like 2026-11-28`);
  if (format !== undefined && !['md', 'json', 'csv', 'text'].includes(format)) fail(`--format "${format}" must be md, json or csv`);
  const { core, close } = await openCore(loadConfig(), loadEnvironment());
  try {
    const result = await core.summaries.digest(date ?? core.summaries.today(core.now()));
    const text = format && format !== 'text' ? formatDigest(result, format as 'md' | 'json' | 'csv') : `${digestLines(result).join('\n')}\n`;
    process.stdout.write(text);
  } finally {
    await close();
  }
}

async function main() {
  const [command = 'start', ...args] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return (await import('./start.ts')).start();
    case 'demo':
      if (args.includes('--screen')) return (await import('./demo-screen.ts')).demoScreen(process.stdout);
      return (await import('./demo.ts')).demo(process.stdout);
    case 'digest':
      return digest(args);
    case 'manifest': {
      const { renderManifest } = await import('../adapters/slack/manifest.ts');
      process.stdout.write(`${JSON.stringify(renderManifest({ url: flagValue(args, 'url') }), null, 2)}\n`);
      return;
    }
    case 'discord': {
      if (args[0] !== 'register') fail('usage: plenary discord register [--guild <id>]');
      const { registerCommands } = await import('../adapters/discord/register.ts');
      const env = loadEnvironment();
      if (!env.discord) fail('set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register commands');
      const count = await registerCommands(env.discord, loadConfig(), flagValue(args, 'guild') ?? env.discord.guildId);
      process.stdout.write(`Registered ${count} application commands.\n`);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`unknown command "${command}"\n${USAGE}`);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`plenary: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`plenary: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
