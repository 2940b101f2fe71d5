// Each documented Slack limit, one past the edge, gets Slack's own answer; at the edge it passes.
// The Web API part runs the real WebClient against the fake: not_in_channel, msg_blocks_too_long, 6th response_url post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { BlockError, checkMessageBlocks, checkModal } from './block-limits.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fake-web-api.ts';

const x = (n: number) => 'a'.repeat(n);
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (o: Record<string, unknown> = {}) => ({ type: 'button', text: { type: 'plain_text', text: 'ok' }, action_id: 'a', value: 'v', ...o });
const modal = (o: Record<string, unknown> = {}) => ({ type: 'modal', title: { type: 'plain_text', text: 'Comment' }, blocks: [section('hi')], ...o });

const answer = (check: () => void) => {
  try {
    check();
  } catch (error) {
    if (error instanceof BlockError) return `${error.error} ${error.details.join(' ')}`;
    throw error;
  }
  return null;
};

describe('Slack Block Kit limits in the fake', () => {
  const cases: Array<[string, () => void, () => void, string]> = [
    ['50 blocks', () => checkMessageBlocks(Array(50).fill({ type: 'divider' })), () => checkMessageBlocks(Array(51).fill({ type: 'divider' })), 'invalid_blocks'],
    ['section 3000', () => checkMessageBlocks([section(x(3000))]), () => checkMessageBlocks([section(x(3001))]), '/blocks/0/text/text'],
    ['12,000 across blocks', () => checkMessageBlocks(Array(4).fill(section(x(3000)))), () => checkMessageBlocks([...Array(4).fill(section(x(3000))), section('b')]), 'msg_blocks_too_long'],
    ['header 150', () => checkMessageBlocks([{ type: 'header', text: { type: 'plain_text', text: x(150) } }]), () => checkMessageBlocks([{ type: 'header', text: { type: 'plain_text', text: x(151) } }]), '/blocks/0/text/text'],
    ['button text 75', () => checkMessageBlocks([{ type: 'actions', elements: [button({ text: { type: 'plain_text', text: x(75) } })] }]), () => checkMessageBlocks([{ type: 'actions', elements: [button({ text: { type: 'plain_text', text: x(76) } })] }]), '/elements/0/text/text'],
    ['action_id 255', () => checkMessageBlocks([{ type: 'actions', elements: [button({ action_id: x(255) })] }]), () => checkMessageBlocks([{ type: 'actions', elements: [button({ action_id: x(256) })] }]), 'action_id'],
    ['block_id 255', () => checkMessageBlocks([{ type: 'divider', block_id: x(255) }]), () => checkMessageBlocks([{ type: 'divider', block_id: x(256) }]), 'block_id'],
    ['value 2000', () => checkMessageBlocks([{ type: 'actions', elements: [button({ value: x(2000) })] }]), () => checkMessageBlocks([{ type: 'actions', elements: [button({ value: x(2001) })] }]), 'value'],
    ['context 10 elements', () => checkMessageBlocks([{ type: 'context', elements: Array(10).fill({ type: 'mrkdwn', text: 'c' }) }]), () => checkMessageBlocks([{ type: 'context', elements: Array(11).fill({ type: 'mrkdwn', text: 'c' }) }]), '/blocks/0/elements'],
    ['empty section text', () => checkMessageBlocks([section(' ')]), () => checkMessageBlocks([section('')]), 'more than 0'],
    ['modal title 24', () => checkModal(modal({ title: { type: 'plain_text', text: x(24) } })), () => checkModal(modal({ title: { type: 'plain_text', text: x(25) } })), 'invalid_arguments'],
    ['modal submit 24', () => checkModal(modal({ submit: { type: 'plain_text', text: x(24) } })), () => checkModal(modal({ submit: { type: 'plain_text', text: x(25) } })), '/view/submit'],
    ['modal 100 blocks', () => checkModal(modal({ blocks: Array(100).fill({ type: 'divider' }) })), () => checkModal(modal({ blocks: Array(101).fill({ type: 'divider' }) })), '/view/blocks'],
    ['private_metadata 3000', () => checkModal(modal({ private_metadata: x(3000) })), () => checkModal(modal({ private_metadata: x(3001) })), 'private_metadata'],
  ];
  it.each(cases)('%s: at the limit passes, one past is refused', (_name, atLimit, past, expected) => {
    expect(answer(atLimit)).toBeNull();
    expect(answer(past)).toContain(expected);
  });
});

describe('the fake Web API answers as Slack does', () => {
  let api: FakeSlackWebApi;
  let client: WebClient;
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    client = new WebClient('xoxb-test', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(() => api.close());

  it('refuses a message past 12,000 characters with msg_blocks_too_long, and a post where the bot is not a member with not_in_channel', async () => {
    const tooLong = await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: Array(5).fill(section(x(2500))) }).catch((e) => e);
    expect(tooLong.data).toMatchObject({ ok: false, error: 'msg_blocks_too_long' });
    const invalid = await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section(x(3001))] }).catch((e) => e);
    expect(invalid.data).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'] });
    api.removeBotFrom('C2');
    const outside = await client.chat.postMessage({ channel: 'C2', text: 'hello' }).catch((e) => e);
    expect(outside.data).toMatchObject({ ok: false, error: 'not_in_channel' });
    expect(api.messages('C1')).toHaveLength(0);
  });

  it('takes 5 posts on one response_url and refuses the 6th', async () => {
    const url = api.responseUrl('R1', { channel: 'C1', user: 'U1' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `part ${i + 1}` }) });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(api.ephemerals('C1').map((e) => e.text)).toEqual(['part 1', 'part 2', 'part 3', 'part 4', 'part 5']);
  });
});
