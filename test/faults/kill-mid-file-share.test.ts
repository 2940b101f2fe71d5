/**
 * A file share taken over from an attempt that died mid-way goes out exactly once, whatever the earlier
 * attempt got to: the real SlackPoster and WebClient against the strict fake, each earlier attempt cut
 * where a `kill -9` could cut it (kill-mid-post.test.ts does it with a real process):
 * - the upload was completed, and Slack's share is still being processed (it shares asynchronously, so the
 *   history does not show it yet): the takeover completes the recorded upload again, Slack refuses, files.info
 *   finds the file, nothing is uploaded again;
 * - the bytes were uploaded and the file id recorded, but the upload was never completed: the takeover
 *   completes that same upload;
 * - Slack discarded the recorded upload (never completed, long ago): the takeover uploads the file afresh;
 * - an app installed without files:read: the refused completion counts as shared, and an error says so.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { Plenary } from '../../src/plenary.ts';
import { parseConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { FactStore } from '../../src/store/fact-store.ts';
import { digestMarkdown } from '../../src/digest-format.ts';
import type { View } from '../../src/views.ts';
import { Delivery, type PostProgress } from '../../adapters/delivery.ts';
import { SlackPoster } from '../../adapters/slack/poster.ts';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack/fake-web-api.ts';
import { until } from '../helpers/until.ts';

const C = 'C0FILESHARE';
let api: FakeSlackWebApi;
let store: FactStore;
let core: Plenary;
let view: View;

beforeAll(async () => {
  api = await startFakeSlackWebApi();
  store = await openStore('memory://');
  const config = parseConfig({ conference: { name: 'Files', timezone: 'UTC' }, roles: { organisers: [], moderators: ['console:mod'] } });
  core = new Plenary({ store, config, clock: () => new Date('2026-11-28T10:00:00Z') });
  await core.startSession('console:mod', 'console:main', 'Morning panel', null);
  const digest = await core.summaries.digest('2026-11-28');
  view = { kind: 'digest', digest, file: { format: 'md', name: 'plenary-digest-2026-11-28.md', content: digestMarkdown(digest) } };
});
afterAll(async () => {
  await api?.close();
  await store?.close();
});
beforeEach(() => {
  api.world.shareDelayMs = 0;
});

/** A poster as one process has it. */
function poster(logs: string[] = []) {
  const client = new WebClient('xoxb-file-share', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  return new SlackPoster({ core, client, log: (level, message) => void logs.push(`${level} ${message}`), live: new Delivery().live(core), intervalMs: 0 });
}

/** The outbox item's progress as the store would keep it across attempts. */
function item(key: string) {
  const state = { sent: 0, uploads: {} as Record<number, string> };
  const progress = (mayHavePostedSince?: number): PostProgress => ({
    id: key, skip: state.sent, mayHavePostedSince, uploads: { ...state.uploads },
    sent: async (count) => void (state.sent = count),
    uploaded: async (index, fileId) => void (state.uploads[index] = fileId),
  });
  return { state, progress };
}

const shares = (channel: string) => api.messages(channel).filter((m) => m.files?.length);
const callsIn = (method: string, channel: string) => api.callsTo(method).filter((c) => c.status === 200 && c.response.ok && (c.args.channel_id ?? c.args.channel) === channel);

describe('a file share taken over after a crash', () => {
  it('is not shared again while Slack is still processing the earlier share', async () => {
    const channel = `${C}A`;
    api.world.shareDelayMs = 1500;
    const { state, progress } = item('outbox:slack:a');
    const started = Date.now();
    const held = api.holdAnswer('files.completeUploadExternal', (a) => a.channel_id === channel);
    // The earlier attempt waits for an answer that never comes: its process "dies" there, and is never heard of again.
    poster().post(channel, view, progress()).catch(() => {});
    await held;
    expect(state).toMatchObject({ sent: 1, uploads: { 1: expect.stringMatching(/^F/) } }); // the digest text counted, the file recorded, its share unknown
    expect(shares(channel)).toEqual([]); // Slack has not shared it yet

    await poster().post(channel, view, progress(started));
    expect(api.callsTo('files.getUploadURLExternal').filter((c) => c.response.file_id === state.uploads[1])).toHaveLength(1);
    expect(callsIn('files.completeUploadExternal', channel)).toHaveLength(1); // the takeover's completion was refused
    await until(() => shares(channel).length === 1, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(shares(channel).map((m) => m.files?.map((f) => f.id))).toEqual([[state.uploads[1]]]);
    expect(api.messages(channel)).toHaveLength(2); // the digest message and its file, once each
  });

  it('completes the recorded upload when the earlier attempt died before completing it', async () => {
    const channel = `${C}B`;
    const { state, progress } = item('outbox:slack:b');
    const started = Date.now();
    api.failNext('files.completeUploadExternal', { status: 503 }); // never reached Slack's completion
    await expect(poster().post(channel, view, progress())).rejects.toThrow();
    const recorded = state.uploads[1];
    expect(recorded).toMatch(/^F/);
    expect(api.file(recorded)?.completed).toBe(false);

    const uploadsBefore = api.callsTo('files.getUploadURLExternal').length;
    await poster().post(channel, view, progress(started));
    expect(api.callsTo('files.getUploadURLExternal')).toHaveLength(uploadsBefore); // no new upload
    expect(shares(channel).map((m) => m.files?.map((f) => f.id))).toEqual([[recorded]]);
    expect(api.messages(channel)).toHaveLength(2);
  });

  it('uploads afresh when Slack has discarded the recorded upload', async () => {
    const channel = `${C}C`;
    const { state, progress } = item('outbox:slack:c');
    const started = Date.now();
    api.failNext('files.completeUploadExternal', { status: 503 });
    await expect(poster().post(channel, view, progress())).rejects.toThrow();
    const discarded = state.uploads[1];
    api.world.files.delete(discarded); // never completed: Slack drops it after a while

    await poster().post(channel, view, progress(started));
    const [message] = shares(channel);
    expect(shares(channel)).toHaveLength(1);
    expect(message.files?.[0]).toMatchObject({ name: 'plenary-digest-2026-11-28.md', title: 'plenary-digest-2026-11-28.md' });
    expect(message.files?.[0].id).toBe(state.uploads[1]); // the new upload, recorded in its turn
    expect(state.uploads[1]).not.toBe(discarded);
    expect(api.messages(channel)).toHaveLength(2);
  });

  it('counts a refused completion as shared when files.info lacks its scope, and says so', async () => {
    const channel = `${C}D`;
    api.world.shareDelayMs = 1000;
    const { state, progress } = item('outbox:slack:d');
    const started = Date.now();
    const held = api.holdAnswer('files.completeUploadExternal', (a) => a.channel_id === channel);
    // The earlier attempt waits for an answer that never comes: its process "dies" there, and is never heard of again.
    poster().post(channel, view, progress()).catch(() => {});
    await held;
    api.failNext('files.info', { error: 'missing_scope' });
    const logs: string[] = [];
    await poster(logs).post(channel, view, progress(started));
    expect(logs).toEqual([expect.stringMatching(/^error Slack refused files\.info \(scope files:read is missing/)]);
    await until(() => shares(channel).length === 1, 5000);
    expect(shares(channel).map((m) => m.files?.map((f) => f.id))).toEqual([[state.uploads[1]]]);
    expect(api.messages(channel)).toHaveLength(2);
  });
});
