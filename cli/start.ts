/** `plenary start`: every platform whose variables are set, on one core and one store; else the terminal. */
import { loadConfig, loadEnvironment } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openCore } from './open-core.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { Delivery } from '../adapters/delivery.ts';

export async function start(): Promise<void> {
  const config = loadConfig();
  const env = loadEnvironment();
  const log = createLogger(env.logLevel, undefined, [
    env.slack?.botToken ?? '', env.slack?.signingSecret ?? '', env.slack?.appToken ?? '', env.discord?.token ?? '',
  ]);
  const { core, close } = await openCore(config, env);
  const stoppers: Array<() => Promise<void>> = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch((e) => log('warn', 'shutdown step failed', e));
    await close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', reason));

  // Both platforms share one core, one store and one delivery, so a session can span them.
  const delivery = new Delivery(log);
  if (env.slack) {
    const { startSlack } = await import('../adapters/slack/start.ts');
    stoppers.push(await startSlack({ core, env, log, delivery }));
  }
  if (env.discord) {
    const { startDiscord } = await import('../adapters/discord/start.ts');
    stoppers.push(await startDiscord({ core, env, log, delivery }));
  }
  if (config.digest && stoppers.length > 0) {
    // Claimed in the store once a day, so several processes on one store post it once.
    const { DigestSchedule } = await import('../src/digest-schedule.ts');
    const schedule = new DigestSchedule({ core, at: config.digest.at, channels: config.digest.channels, deliver: (posts) => delivery.deliver(posts), log });
    schedule.start();
    stoppers.unshift(() => schedule.stop());
  }
  if (stoppers.length > 0) return; // servers keep the process alive until a signal

  const terminal = new ConsoleAdapter({ core, write: (line) => process.stdout.write(`${line}\n`), log });
  await terminal.run(process.stdin, process.stdout);
  await shutdown(0);
}
