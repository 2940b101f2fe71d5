/**
 * The fake's conversations.history and message metadata, through the real WebClient: metadata is kept
 * and shown only with include_all_metadata, malformed metadata is refused as Slack refuses it, `oldest`
 * filters by ts, pages go newest first with a cursor, and a held answer leaves the post done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fake-web-api.ts';

describe('fake Slack: conversations.history and metadata', () => {
  let api: FakeSlackWebApi;
  let client: WebClient;
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    client = new WebClient('xoxb-history', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(() => api?.close());

  it('keeps metadata, filters by oldest, pages newest first', async () => {
    const first = await client.chat.postMessage({ channel: 'C0HIST', text: 'one' });
    const since = first.ts as string;
    for (const [i, text] of ['two', 'three', 'four'].entries()) {
      await client.chat.postMessage({ channel: 'C0HIST', text, metadata: { event_type: 'plenary_post', event_payload: { key: `k:${i}` } } });
    }
    const plain = await client.conversations.history({ channel: 'C0HIST', oldest: since });
    expect(plain.messages?.map((m) => m.text)).toEqual(['four', 'three', 'two']);
    expect(plain.messages?.some((m) => m.metadata)).toBe(false);

    const page1 = await client.conversations.history({ channel: 'C0HIST', oldest: since, include_all_metadata: true, limit: 2 });
    expect(page1.messages?.map((m) => [m.text, (m.metadata?.event_payload as { key?: string } | undefined)?.key])).toEqual([['four', 'k:2'], ['three', 'k:1']]);
    expect(page1.has_more).toBe(true);
    const page2 = await client.conversations.history({ channel: 'C0HIST', oldest: since, include_all_metadata: true, limit: 2, cursor: page1.response_metadata?.next_cursor });
    expect(page2.messages?.map((m) => m.text)).toEqual(['two']);
    expect(page2.has_more).toBe(false);
  });

  it('refuses malformed metadata and unknown channels', async () => {
    await expect(client.chat.postMessage({ channel: 'C0HIST', text: 'x', metadata: { event_type: 'Bad Type', event_payload: {} } })).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
    await expect(client.conversations.history({ channel: 'not-a-channel' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('holdAnswer: the post is in the channel, its answer never comes', async () => {
    const held = api.holdAnswer('chat.postMessage', (a) => a.text === 'held');
    const quick = new WebClient('xoxb-history', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 }, timeout: 300 });
    const answered = quick.chat.postMessage({ channel: 'C0HOLD', text: 'held' }).then(() => 'answered', () => 'no answer');
    expect((await held).response.ok).toBe(true);
    expect(await answered).toBe('no answer');
    expect(api.messages('C0HOLD').map((m) => m.text)).toEqual(['held']);
  });
});
