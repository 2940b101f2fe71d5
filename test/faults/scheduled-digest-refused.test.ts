/**
 * The scheduled digest has no caller to tell: when Slack refuses it for good (the app is not in the digest
 * channel), the refusal is logged as an error and recorded in the store, where status and `plenary digest` can
 * read it, and nothing else is posted. Real WebClient against the strict fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { DigestSchedule } from '../../src/digest-schedule.ts';
import { Delivery } from '../../adapters/delivery.ts';
import { SlackPoster } from '../../adapters/slack/poster.ts';
import { apiBase } from '../../adapters/slack/start.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { until } from '../slack/harness.ts';

let api: FakeSlackWebApi;
let store: FactStore;
beforeAll(async () => {
  api = await startFakeSlackWebApi();
  store = await openStore('memory://');
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});

describe('a scheduled digest Slack refuses', () => {
  it('is logged as an error and recorded, with nobody to tell', async () => {
    const clock = () => new Date('2026-11-28T18:00:30Z');
    const config = parseConfig({ conference: { name: 'Conf', timezone: 'UTC' }, roles: { organisers: [], moderators: ['console:mod'] }, digest: { at: '18:00', channels: ['slack:CDIGEST'] } });
    const core = new Plenary({ store, config, clock });
    await core.startSession('console:mod', 'console:main', 'Morning panel', null);
    const logs: string[] = [];
    const delivery = new Delivery((level, message) => void logs.push(`${level} ${message}`));
    const client = new WebClient('xoxb-plenary-test', { slackApiUrl: apiBase(api.apiUrl), retryConfig: { retries: 0 } });
    delivery.register(new SlackPoster({ core, client, log: () => {}, live: delivery.live(core), intervalMs: 0 }), core);
    api.removeBotFrom('CDIGEST');
    const schedule = new DigestSchedule({ core, at: '18:00', channels: ['slack:CDIGEST'], clock, deliver: async (posts) => void (await delivery.enqueue(core, posts)) });
    expect(await schedule.tick()).toBe(true);
    const failure = await until(async () => (await core.outbox.failures('slack:CDIGEST'))[0], 10_000, 'the recorded refusal');
    expect(failure).toMatchObject({ channel: 'slack:CDIGEST', kind: 'digest' });
    expect(failure.reason).toMatch(/the app is not in <#CDIGEST>: invite it there/);
    expect(logs.filter((l) => l.startsWith('error'))).toEqual([expect.stringMatching(/^error a digest post to slack:CDIGEST was refused for good: the app is not in/)]);
    expect(await core.outbox.pending('slack')).toEqual([]);
    expect(api.callsTo('chat.postEphemeral')).toEqual([]); // nobody to tell privately
    expect(api.messages('CDIGEST')).toEqual([]);
    await delivery.stop();
  });
});
