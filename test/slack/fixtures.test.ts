/**
 * Payload shapes from Slack's documentation (test/fixtures/slack/*.json, each naming its source), replayed
 * through the real Bolt to the outcome PRODUCT.md promises.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSigned } from '../fakes/slack/signed-requests.ts';
import { blockText, MOD, startHarness, until, type Harness } from './harness.ts';

const C = 'C0FIXTURE';
const fixture = (name: string) => {
  const { _source, ...body } = JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}`, import.meta.url), 'utf8'));
  expect(_source).toMatch(/Slack docs/);
  return body as Record<string, any>;
};

/** A fixture with its placeholders (whole strings, or a leading `KEY:`) replaced. */
const fill = (name: string, values: Record<string, string>) => {
  let text = JSON.stringify(fixture(name));
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`"${key}"`, JSON.stringify(value)).replaceAll(`"${key}:`, `"${value}:`);
  return JSON.parse(text) as Record<string, any>;
};
const cardFieldsOf = (h: Harness, sid: string, ts: string) => ({
  SID: sid, CHANNEL: C, CARD_TS: ts,
  BLOCK_ID: (h.api.message(C, ts)!.blocks as Array<{ type: string; block_id: string }>).find((b) => b.type === 'actions')!.block_id,
});

async function panel(h: Harness, command: (user: string, line: string) => Promise<unknown>) {
  await command(MOD, '/session start Fixtures');
  await command(MOD, '/speaker add icann Ana');
  await command(MOD, '/priority add icann Keep the DNS stable');
  await command(MOD, '/priority post all');
  const sid = (await h.core.sessionInChannel(`slack:${C}`))!.id;
  await until(async () => (await h.core.postedMessages(sid, 1)).length === 1, 10_000, 'the posted card');
  const ts = h.api.callsTo('chat.postMessage').find((c) => /^P1/.test(String(c.args.text)))!.response.ts as string;
  return { sid, ts };
}

describe('Slack fixtures over HTTP', () => {
  let h: Harness;
  let sid = '';
  let ts = '';
  const command = (user: string, line: string) => {
    const [name, ...rest] = line.split(' ');
    return h.slack.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: C });
  };
  const stanceOf = async (user: string) => (await h.core.store.get<{ stance: string | null }>(`reaction:${sid}:000001:slack:${user}`))?.stance ?? null;

  beforeAll(async () => {
    h = await startHarness();
    ({ sid, ts } = await panel(h, command));
  });
  afterAll(async () => h?.close());

  it('an Enterprise Grid slash command gets its private answer', async () => {
    const res = await sendSigned(h.slack.target, new URLSearchParams(fixture('slash-command-enterprise-grid.json')).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(`${(res.json as any).text} ${blockText((res.json as any).blocks)}`).toMatch(/Menu of session .*Fixtures/);
  });

  const cardFields = () => cardFieldsOf(h, sid, ts);

  it('block_actions: the Support click in the docs’ shape sets the stance; only the clicker is told', async () => {
    const body = fill('block-actions-button.json', cardFields());
    const postsBefore = h.api.callsTo('chat.postMessage').length;
    const res = await h.slack.interactive(body);
    expect(res.status).toBe(200);
    await until(async () => (await stanceOf('U0CA5')) === 'support', 5000, 'the button stance');
    const told = await until(() => h.api.ephemerals(C).find((e) => e.user === 'U0CA5'), 5000, 'the private confirmation');
    expect(told.text).toBe('You support P1.');
    expect(h.api.callsTo('chat.postMessage').length).toBe(postsBefore); // nothing said in the channel
  });

  it('view_submission: the Comment form in the docs’ shape stores the comment, shortcodes as emoji', async () => {
    const click = fill('block-actions-button.json', cardFields());
    click.actions[0].action_id = 'plenary_comment';
    click.actions[0].action_ts = '1548426419.120044';
    click.trigger_id = '12466734323.1395872399.aa54e3d1c1b4a1b9c2fa4e5d6a7b8c9d';
    expect((await h.slack.interactive(click)).status).toBe(200);
    const opened = await h.api.waitFor((c) => c.method === 'views.open' && c.status === 200);
    const view = opened.response.view as { id: string; hash: string; private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe('plenary_comment_modal');
    const submit = fill('view-submission-comment.json', { VIEW_ID: view.id, VIEW_HASH: view.hash, PRIVATE_METADATA: view.private_metadata });
    const res = await h.slack.interactive(submit);
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // an empty ack closes the modal: no response_action errors
    expect(await h.core.store.get(`reaction:${sid}:000001:slack:U0CA5`)).toMatchObject({ stance: 'support', comment: 'Regions differ 🌍 — 地区不同' });
    await until(() => h.api.ephemerals(C).find((e) => e.user === 'U0CA5' && e.text === 'Your comment on P1 is recorded.'), 5000, 'the comment confirmation');
  });

  it('reaction_added on a file item, or on a thread reply that is no card, changes nothing', async () => {
    for (const name of ['reaction-added-file.json', 'reaction-added-thread-reply.json']) {
      const res = await h.slack.rawEvent(fixture(name));
      expect(res.status).toBe(200);
    }
    expect(await stanceOf('U024BE7LH')).toBeNull();
    expect(h.logs.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('the same thread-reply shape on a posted card counts, skin tone included', async () => {
    const body = fixture('reaction-added-thread-reply.json');
    body.event.item.ts = ts;
    body.event_id = 'Ev0FIXONCARD';
    expect((await h.slack.rawEvent(body)).status).toBe(200);
    await until(async () => (await stanceOf('U024BE7LH')) === 'support', 5000, 'the emoji stance');
  });
});

describe('Slack fixtures over Socket Mode', () => {
  let h: Harness;
  let sid = '';
  let ts = '';
  const command = async (user: string, line: string) => {
    const [name, ...rest] = line.split(' ');
    const id = await h.sm!.slashCommand({ command: name, text: rest.join(' '), user_id: user, channel_id: C });
    return h.sm!.waitForAck(id);
  };
  const stanceOf = async (user: string) => (await h.core.store.get<{ stance: string | null }>(`reaction:${sid}:000001:slack:${user}`))?.stance ?? null;

  beforeAll(async () => {
    h = await startHarness({ socketMode: true });
    ({ sid, ts } = await panel(h, command));
  });
  afterAll(async () => h?.close());

  it('block_actions inside an interactive envelope: the Support click sets the stance, privately confirmed', async () => {
    const id = await h.sm!.push({ type: 'interactive', payload: fill('block-actions-button.json', cardFieldsOf(h, sid, ts)) });
    await h.sm!.waitForAck(id);
    await until(async () => (await stanceOf('U0CA5')) === 'support', 5000, 'the button stance');
    const told = await until(() => h.api.ephemerals(C).find((e) => e.user === 'U0CA5'), 5000, 'the private confirmation');
    expect(told.text).toBe('You support P1.');
  });

  it('an events_api envelope redelivered with retry_attempt after a later removal is applied once', async () => {
    const envelope = fixture('socket-mode-events-api-retry.json') as { type: string; payload: any; envelope_id: string; retry_attempt: number; retry_reason: string };
    envelope.payload.event.item.ts = ts;
    const first = await h.sm!.push({ ...envelope, envelope_id: 'env-first', retry_attempt: 0, retry_reason: '' });
    await h.sm!.waitForAck(first);
    await until(async () => (await stanceOf('U024BE7LH')) === 'support', 5000, 'the first delivery');
    const removal = structuredClone(envelope.payload);
    removal.event.type = 'reaction_removed';
    removal.event_id = 'Ev0FIXREMOVE';
    await h.sm!.waitForAck(await h.sm!.push({ type: 'events_api', payload: removal, envelope_id: 'env-remove' }));
    await until(async () => (await stanceOf('U024BE7LH')) === null, 5000, 'the removal');
    const retried = await h.sm!.push(envelope); // retry_attempt 1 of the first event
    await h.sm!.waitForAck(retried);
    await new Promise((r) => setTimeout(r, 300));
    expect(await stanceOf('U024BE7LH')).toBeNull();
  });
});
