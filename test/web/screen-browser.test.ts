/**
 * The room's screen as a person in the room sees it: real headless Chromium on the real page, fed by the
 * terminal and by the real Bolt behind the fake Slack, all on one core and one port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { MOD, startScreenHarness, type ScreenHarness } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const supportOf = (page: Page, code: string) =>
  page.locator(`[data-code="${code}"] .n-support`).textContent();

/** Waits until the open page shows `count` supporters on `code`, and says how long that took. */
async function timeUntilSupport(page: Page, code: string, count: number, action: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await action();
  await page.waitForFunction(
    ([c, n]) => document.querySelector(`[data-code="${c}"] .n-support`)?.textContent === String(n),
    [code, count] as const,
    { timeout: 5000, polling: 20 },
  );
  return Date.now() - started;
}

describe('the room screen in a browser', () => {
  let browser: Browser;
  let h: ScreenHarness;
  let link = '';

  beforeAll(async () => {
    browser = await launchChromium();
    h = await startScreenHarness();
    await h.run(
      'mod: /session start Cyber <b>peace</b> theme:"Trust & <i>norms</i>"',
      'mod: /speaker add icann Göran org:ICANN group:technical-community',
      'mod: /priority add icann Keep the DNS root <script>alert(1)</script> stable',
      'mod: /priority add icann Open standards 开放标准',
      'alice: /iam government',
      'alice: /react P2 oppose <img src=x onerror=alert(2)>',
    );
    link = await h.screenLink();
  });
  afterAll(async () => {
    await h?.close();
    await browser?.close();
  });

  it('refuses a missing or wrong key with 404, and serves the page with the key', async () => {
    const withoutKey = link.slice(0, link.lastIndexOf('/'));
    expect((await fetch(withoutKey)).status).toBe(404);
    expect((await fetch(`${withoutKey}/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${withoutKey}/AAAAAAAAAAAAAAAAAAAAAAAA/events`)).status).toBe(404);
    const ok = await fetch(link);
    expect(ok.status).toBe(200);
    const csp = ok.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    // The first state is rendered on the server: counts are there before any script runs.
    const html = await ok.text();
    expect(html).toContain('Cyber &lt;b&gt;peace&lt;/b&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script anywhere
    expect(html).toMatch(/data-code="P2"[\s\S]*class="n-oppose">1</);
  });

  it('is read-only: no method but GET reaches the screen', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect((await fetch(link, { method })).status).toBe(404);
  });

  it('shows a reaction from the terminal within 1 s, without a reload, escaping participants’ text', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(link);
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes');
    expect(await supportOf(page, 'P1')).toBe('0');
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const elapsed = await timeUntilSupport(page, 'P1', 1, () => h.run('bob: /react P1 support'));
    expect(elapsed).toBeLessThan(1000);
    expect(navigations).toEqual([]);
    await expect(page.locator('.comment-list').textContent()).resolves.toContain('<img src=x onerror=alert(2)>');
    await expect(page.locator('.comment-list').textContent()).resolves.toContain('government');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a reaction sent through Slack within 1 s', async () => {
    await h.slack.slashCommand({ command: '/session', text: `join ${(await h.core.sessionInChannel('console:main'))!.id}`, user_id: MOD, channel_id: 'C0SCREEN' });
    const page = await browser.newPage();
    await page.goto(link);
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes');
    const elapsed = await timeUntilSupport(page, 'P2', 1, () =>
      h.slack.slashCommand({ command: '/react', text: 'P2 support', user_id: 'UAUDIENCE1', channel_id: 'C0SCREEN' }),
    );
    expect(elapsed).toBeLessThan(1000);
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core), in light and dark schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as a script, which the page's own CSP forbids: only this test context bypasses it.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      await page.goto(link);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
      const bad = (result.violations as Array<{ id: string; impact: string; nodes: unknown[] }>).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${colorScheme}: ${v.id} (${v.impact})`)).toEqual([]);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await context.close();
    }
  });

  it('keeps hidden results hidden until the close, then shows the final summary', async () => {
    await h.run('mod: /session close', 'mod: /session start Hidden votes', 'mod: /speaker add itu Doreen', 'mod: /priority add itu Capacity building');
    const sid = (await h.core.sessionInChannel('console:main'))!.id;
    await h.hideResults(sid);
    await h.run('carol: /react P1 support secret comment');
    const hiddenLink = await h.screenLink();
    const page = await browser.newPage();
    await page.goto(hiddenLink);
    await page.waitForFunction(() => document.documentElement.dataset.connected === 'yes');
    await h.run('dave: /react P1 oppose');
    await new Promise((r) => setTimeout(r, 700)); // longer than an update takes
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Results are hidden until the session closes.');
    expect(text).toContain('Capacity building');
    expect(text).not.toContain('secret comment');
    expect(await page.locator('.n-support, .n-oppose, svg.bar').count()).toBe(0);
    const raw = await (await fetch(hiddenLink)).text();
    expect(raw).not.toMatch(/n-support|secret comment/);

    await h.run('mod: /session close');
    await page.waitForFunction(() => document.querySelector('[data-code="P1"] .n-oppose')?.textContent === '1', undefined, { timeout: 4000 });
    const after = (await page.locator('main').textContent()) ?? '';
    expect(after).toContain('Final summary');
    expect(after).toContain('secret comment');
    await page.close();
  });

  it("gives the day's page to organisers only, with every session's chart and the digest downloads", async () => {
    const refused = await h.run('mod: /screen day');
    expect(refused.join('\n')).toMatch(/Only an organiser/);
    const dayLink = await h.screenLink('org: /screen day');
    const page = await browser.newPage();
    await page.goto(dayLink);
    expect(await page.locator('section.day-session').count()).toBe(2);
    expect(await page.locator('figure.chart svg').count()).toBe(2);
    for (const format of ['md', 'json', 'csv']) {
      const href = await page.locator(`a[href$="digest.${format}"]`).getAttribute('href');
      const res = await fetch(new URL(href!, dayLink));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`.${format}`);
    }
    const json = await (await fetch(`${dayLink}/digest.json`)).json();
    expect(json.sessions).toHaveLength(2);
    // A day key opens only its day, not a session's screen.
    const key = dayLink.slice(dayLink.lastIndexOf('/') + 1);
    expect((await fetch(`${h.base}/screen/${json.sessions[0].id}/${key}`)).status).toBe(404);
    await page.close();
  });
});

describe('the room screen in Arabic', () => {
  it('is right to left under conference.language ar', async () => {
    const browser = await launchChromium();
    const h = await startScreenHarness({ language: 'ar' });
    try {
      await h.run('mod: /session start التعاون الدولي', 'mod: /speaker add itu Doreen', 'mod: /priority add itu بناء القدرات');
      const page = await browser.newPage();
      await page.goto(await h.screenLink());
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');
      expect(await page.locator('main').textContent()).toContain('المقترحات مرتبة حسب التأييد');
    } finally {
      await h.close();
      await browser.close();
    }
  });
});
