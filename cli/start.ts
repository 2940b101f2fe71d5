/** `plenary start`: every platform whose variables are set, on one core and one store; else the terminal. */
import { loadConfig, loadEnvironment } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openCore } from './open-core.ts';
import { logLine } from '../src/wording/log-line.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { Delivery } from '../adapters/delivery.ts';
import { startScreen } from '../adapters/web/start.ts';

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
    // A step that hangs must not keep the process past the 10 s a supervisor gives it after SIGTERM.
    setTimeout(() => {
      log('warn', logLine('log.shutdown.too-long'));
      process.exit(code);
    }, 9000).unref();
    // New input stops first; what is under way finishes (the store drains before it closes).
    if (!process.stdin.isTTY) process.stdin.destroy();
    for (const stop of stoppers.reverse()) await stop().catch((e) => log('warn', logLine('log.shutdown.step-failed'), e));
    if (!(await close())) log('warn', logLine('log.shutdown.still-running'));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('unhandledRejection', (reason) => log('error', logLine('log.unhandled-rejection'), reason));

  // The screen is served in every mode; behind Slack over HTTP, Bolt's receiver serves it on the same port.
  const screen = await startScreen({ core, env, log });
  stoppers.push(screen.stopPublisher);

  // Both platforms share one core, one store and one delivery, so a session can span them.
  const delivery = new Delivery(log);
  let platforms = 0;
  if (env.slack) {
    const { startSlack } = await import('../adapters/slack/start.ts');
    const slackStop = await startSlack({ core, env, log, delivery, web: screen.slackHttp ? screen.web?.app : undefined });
    if (screen.slackHttp) screen.servedOn(slackStop.port);
    stoppers.push(slackStop);
    platforms++;
  }
  if (env.discord) {
    const { startDiscord } = await import('../adapters/discord/start.ts');
    stoppers.push(await startDiscord({ core, env, log, delivery }));
    platforms++;
  }
  if (!screen.slackHttp) await screen.listen();
  // Pushed last, so it runs first: open screens end their streams before the servers close.
  stoppers.push(screen.stop);
  if (config.digest && platforms > 0) {
    // Claimed in the store once a day, so several processes on one store post it once.
    const { DigestSchedule } = await import('../src/digest-schedule.ts');
    const schedule = new DigestSchedule({ core, at: config.digest.at, channels: config.digest.channels, deliver: async (posts) => void (await delivery.enqueue(core, posts)), log });
    schedule.start();
    stoppers.push(() => schedule.stop());
  }
  if (platforms > 0) return; // servers keep the process alive until a signal

  const terminal = new ConsoleAdapter({ core, write: (line) => process.stdout.write(`${line}\n`), log });
  // Runs first on shutdown: the line under way is answered before the store drains and closes.
  stoppers.push(() => terminal.stop());
  await terminal.run(process.stdin, process.stdout);
  await shutdown(0);
}
