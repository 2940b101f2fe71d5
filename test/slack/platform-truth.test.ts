/**
 * What Slack sends and what Slack refuses, through the real Bolt against the strict fake: rate-limit
 * notices, unknown commands, /help, and summaries far past Slack's message limits.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';
import { RESPONSE_URL_POSTS } from '../fakes/slack/fake-web-api.ts';
import { blocksTextLength } from '../../adapters/slack/blocks.ts';

const C = 'C0TRUTH';
const fixture = (name: string) => {
  const { _source, ...body } = JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8'));
  return body as Record<string, unknown>;
};

describe('Slack platform truth', () => {
  let h: Harness;
  const command = (user: string, line: string, responseUrl?: string) => {
    const [name, ...rest] = line.split(' ');
    return h.slack.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: C, ...(responseUrl ? { response_url: responseUrl } : {}) });
  };
  const replyText = (res: { json?: unknown }) => `${(res.json as { text?: string })?.text ?? ''}\n${blockText((res.json as { blocks?: unknown })?.blocks)}`;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  it('acknowledges app_rate_limited with 200 at once and logs a warning', async () => {
    const started = Date.now();
    const res = await h.slack.rawEvent(fixture('app-rate-limited.json'));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(h.logs.some((l) => /^warn .*app_rate_limited/.test(l))).toBe(true);
  });

  it('answers a slash command of the app that plenary does not know, pointing to the closest command and /help', async () => {
    const res = await command('UAUD1', '/sesion start Panel');
    expect(res.status).toBe(200);
    expect(replyText(res)).toMatch(/Unknown command "\/sesion": did you mean \/session start\? Type \/help/);
    const other = await command('UAUD1', '/plenary-old');
    expect(replyText(other)).toMatch(/Unknown command.*\/help/);
  });

  it('/help lists what the caller may use, /help <command> gives its usage', async () => {
    const participant = replyText(await command('UAUD1', '/help'));
    expect(participant).toContain('/react &lt;code&gt; &lt;stance&gt;');
    expect(participant).not.toContain('/priority add');
    const moderator = replyText(await command(MOD, '/help'));
    expect(moderator).toContain('/priority add');
    expect(replyText(await command('UAUD1', '/help react'))).toMatch(/\/react .*stance:… — support, neutral, oppose or clear/s);
  });

  it('posts the final summary of an ordinary panel as one message Slack accepts, the whole text attached; a private /summary stays within 1 + 4 posts', async () => {
    await command(MOD, '/session start Long panel');
    for (const handle of ['itu', 'icann', 'unesco']) await command(MOD, `/speaker add ${handle} Speaker of ${handle}`);
    for (let i = 1; i <= 9; i++) await command(MOD, `/priority add ${['itu', 'icann', 'unesco'][(i - 1) % 3]} ${`Proposal ${i} `.padEnd(300, 'x')}`);
    for (let i = 1; i <= 10; i++) {
      const reacted = await command(`UAUD${i}`, `/react P${1 + (i % 9)} support Comment ${i} ${'🌍'.repeat(480)}`);
      expect(replyText(reacted)).toMatch(/You support/);
    }
    // 9 proposals of 300 characters and 10 comments of 480 emoji: past the ~12,000 characters of one Slack message.
    const responseUrl = h.api.responseUrl('R-SUMMARY', { channel: C, user: 'UAUD1' });
    const privately = await command('UAUD1', '/summary', responseUrl);
    expect(blocksTextLength((privately.json as { blocks: never[] }).blocks)).toBeLessThanOrEqual(12_000);
    expect(replyText(privately)).toMatch(/Cut to fit Slack.*\/summary post/);
    expect(h.api.responses('R-SUMMARY').length).toBeLessThanOrEqual(RESPONSE_URL_POSTS - 1);

    await command(MOD, '/session close');
    const shared = await until(() => h.api.callsTo('files.completeUploadExternal').find((c) => c.status === 200 && c.response.ok), 10_000, 'the summary with its file');
    expect(h.api.calls.filter((c) => c.response.ok === false)).toEqual([]); // Slack refused nothing
    const message = h.api.messages(C).find((m) => m.files?.length);
    expect(blockText(message!.blocks)).toMatch(/Final summary of session/);
    expect(blockText(message!.blocks)).toContain('1. *P'); // the first ranked entry, its code in bold
    const file = h.api.file(String((shared.args.files as Array<{ id: string }>)[0].id));
    const markdown = file!.bytes!.toString('utf8');
    for (let i = 1; i <= 10; i++) expect(markdown).toContain(`Comment ${i} ${'🌍'.repeat(480)}`);
  });
});
