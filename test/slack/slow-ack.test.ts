/**
 * When a command is not done in time to ride on the ack, plenary acks empty at once and sends the
 * private reply through response_url afterwards (then the posts, in order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOD, startHarness, type Harness } from './harness.ts';

describe('slow commands over Slack HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tuning: { replyWithinMs: 100 } });
    // A store that takes its time (a distant Redis, say): the command outlives the ack budget.
    const store = h.core.store;
    const claim = store.claim.bind(store);
    store.claim = async (...args: Parameters<typeof claim>) => {
      await new Promise((r) => setTimeout(r, 400));
      return claim(...args);
    };
  });
  afterAll(async () => h?.close());

  it('acks empty, then replies privately via response_url', async () => {
    const url = h.api.responseUrl('slow-1', { channel: 'C0SLOW', user: MOD });
    const res = await h.slack.slashCommand({ command: '/session', text: 'start Slow one', user_id: MOD, channel_id: 'C0SLOW', response_url: url });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const reply = await h.api.waitForResponse('slow-1');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply.body.text)).toMatch(/s[a-z0-9]+/);
    expect(h.api.ephemerals('C0SLOW')).toHaveLength(1);
  });
});
