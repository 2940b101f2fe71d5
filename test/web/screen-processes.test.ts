/**
 * The screen of the real `plenary start`, in child processes: it survives a crash and restart of the bot,
 * follows reactions handled by another process sharing one Redis, and a taken port leaves the terminal
 * running with a one-line notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { spawnCli, tempDeployment } from '../helpers/cli.ts';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { launchChromium } from './browser.ts';

const CONFIG = { conference: { name: 'Process Conference', timezone: 'UTC' }, roles: { organisers: ['console:you'], moderators: ['console:mod'] } };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Bot {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  line(text: string): void;
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function startBot(env: NodeJS.ProcessEnv): Bot {
  const child = spawnCli(['start'], env);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    line: (text) => void child.stdin.write(`${text}\n`),
    async waitFor(pattern, ms = 15_000) {
      const end = Date.now() + ms;
      for (;;) {
        const hit = pattern.exec(out);
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; stdout: ${out}\nstderr: ${err}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    exited,
  };
}

const LINK = /(http:\/\/localhost:\d+\/screen\/\S+?)(?= \()/;

async function openScreen(browser: Browser, link: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(link);
  await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes', undefined, { timeout: 10_000 });
  return page;
}

const supportIs = (page: Page, code: string, n: number, timeout: number) =>
  page.waitForFunction(([c, v]) => document.querySelector(`[data-code="${c}"] .n-support`)?.textContent === String(v), [code, n] as const, { timeout, polling: 20 });

describe('the screen of plenary start', () => {
  let browser: Browser;
  const bots: Bot[] = [];
  let redis: RedisServer | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await browser?.close();
    await redis?.dispose();
  });

  it('reconnects and catches up on its own after the bot crashes and restarts', async () => {
    const { env } = tempDeployment(CONFIG);
    const port = await freePort();
    Object.assign(env, { PORT: String(port) });
    const first = startBot(env);
    bots.push(first);
    first.line('mod: /session start Restart panel');
    first.line('mod: /speaker add icann Göran');
    first.line('mod: /priority add icann Keep the root stable');
    first.line('alice: /react P1 support');
    first.line('mod: /screen');
    const link = (await first.waitFor(LINK))[1];
    const page = await openScreen(browser, link);
    expect(await page.locator('[data-code="P1"] .n-support').textContent()).toBe('1');

    first.child.kill('SIGKILL');
    await first.exited;
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'no', undefined, { timeout: 5000 });

    const second = startBot(env);
    bots.push(second);
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes', undefined, { timeout: 10_000 });
    const started = Date.now();
    second.line('bob: /react P1 support');
    await supportIs(page, 'P1', 2, 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await page.close();
  });

  it('follows a reaction handled by another process on the same Redis within 1 s', async () => {
    redis = await startRedisServer();
    const a = tempDeployment(CONFIG).env;
    const b = tempDeployment(CONFIG).env;
    Object.assign(a, { PLENARY_STORE: redis.url, PORT: String(await freePort()) });
    Object.assign(b, { PLENARY_STORE: redis.url, PORT: String(await freePort()) });
    const screenBot = startBot(a);
    const otherBot = startBot(b);
    bots.push(screenBot, otherBot);
    screenBot.line('mod: /session start Two processes');
    screenBot.line('mod: /speaker add itu Doreen');
    screenBot.line('mod: /priority add itu Capacity building');
    screenBot.line('mod: /screen');
    const link = (await screenBot.waitFor(LINK))[1];
    const page = await openScreen(browser, link);
    otherBot.line('zoe: /react P1 +1');
    await otherBot.waitFor(/\[to zoe\] You support P1/);
    await supportIs(page, 'P1', 1, 1000);
    await page.close();
  });

  it('keeps the terminal running when the port is taken, saying so in one line', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, () => resolve((blocker.address() as { port: number }).port)));
    try {
      const { env } = tempDeployment(CONFIG);
      Object.assign(env, { PORT: String(port) });
      const bot = startBot(env);
      bots.push(bot);
      bot.line('mod: /session start Port taken');
      await bot.waitFor(/Session s\w+ .*is open/);
      const notices = bot.stderr().split('\n').filter((l) => l.includes('screen is off'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(`port ${port} is already in use`);
      bot.child.stdin.end();
      expect(await bot.exited).toBe(0);
    } finally {
      blocker.close();
    }
  });
});
