/**
 * A Discord message with an attachment (the digest with its Markdown file) is not posted twice when the
 * process that sent it died before the outbox recorded it: the real discordPoster and discord.js against the
 * strict fake, which enforces nonces as Discord does. The first attempt's message reaches Discord and then
 * its progress write fails (the process "dies" there); the takeover sends the same message with the same
 * nonce, and Discord answers with the message it already has. Discord remembers a nonce for a few minutes only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits } from 'discord.js';
import { Delivery, type PostProgress } from '../../adapters/delivery.ts';
import { discordPoster } from '../../adapters/discord/poster.ts';
import { restBase } from '../../adapters/discord/register.ts';
import { digestFileName, digestMarkdown } from '../../src/digest-format.ts';
import type { View } from '../../src/views.ts';
import { MAIN, TOKEN, U, slash, startWorld, type World } from '../discord/helpers.ts';

let w: World;
let client: Client;
beforeAll(async () => {
  w = await startWorld();
  await slash(w.fake, U.mod, 'session', 'start', { title: 'Attachment panel' });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: restBase(`${w.fake.restApi}/v10/`) } });
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(TOKEN);
  await ready;
});
afterAll(async () => {
  await client?.destroy();
  await w?.close();
});

describe('a Discord message with an attachment, taken over after a crash', () => {
  it('is in the channel once', async () => {
    const digest = await w.core.summaries.digest(w.core.summaries.today(w.core.now()));
    const view: View = { kind: 'digest', digest, file: { format: 'md', name: digestFileName(digest, 'md'), content: digestMarkdown(digest) } };
    const poster = discordPoster(w.core, client, new Delivery().live(w.core));
    const key = 'outbox:discord:attachment-test';
    const started = Date.now();
    const before = w.fake.messages(MAIN).length;
    const dying: PostProgress = { id: key, skip: 0, sent: async () => { throw new Error('killed before the outbox recorded it'); } };
    await expect(poster.post(MAIN, view, dying)).rejects.toThrow(/killed/);
    const posted = w.fake.messages(MAIN).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0].attachments?.map((a) => a.filename)).toEqual([digestFileName(digest, 'md')]);

    let sent = 0;
    await poster.post(MAIN, view, { id: key, skip: 0, mayHavePostedSince: started, sent: async (count) => void (sent = count) });
    expect(sent).toBe(1);
    expect(w.fake.messages(MAIN).slice(before).map((m) => m.id)).toEqual([posted[0].id]); // the same message, not a second one
    const sends = w.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${MAIN}/messages` && c.files.length);
    expect(sends.slice(-2).map((c) => [c.body.enforce_nonce, c.body.nonce === sends.at(-1)?.body.nonce])).toEqual([[true, true], [true, true]]);
  });
});
