/**
 * The fake's file uploads through the real WebClient, as Slack documents them: an upload is completed once
 * (a second completion is refused), an upload never completed is no file for files.info, files.info shows
 * where a completed file is shared, the share message in conversations.history holds the files, missing
 * arguments are refused, and a share can be made to arrive a moment after the completion answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { startFakeSlackWebApi, type FakeSlackWebApi } from './fake-web-api.ts';
import { until } from '../../helpers/until.ts';

describe('fake Slack: file uploads, files.info and file shares in history', () => {
  let api: FakeSlackWebApi;
  let client: WebClient;
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    client = new WebClient('xoxb-files', { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(() => api?.close());

  const upload = async (name: string, content: string) => {
    const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({ filename: name, length: Buffer.byteLength(content) });
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    expect((await fetch(String(url), { method: 'POST', body: form })).status).toBe(200);
    return String(id);
  };

  it('completes an upload once; files.info and the history show the share', async () => {
    const id = await upload('digest.md', '# Day');
    await expect(client.files.info({ file: id })).rejects.toMatchObject({ data: { error: 'file_not_found' } }); // not completed: no file yet
    const done = await client.files.completeUploadExternal({ channel_id: 'C0FILES', files: [{ id, title: 'digest.md' }], blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'The day' } }] });
    expect(done.files).toEqual([{ id, title: 'digest.md' }]);
    await expect(client.files.completeUploadExternal({ channel_id: 'C0FILES', files: [{ id, title: 'digest.md' }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    const info = await client.files.info({ file: id });
    expect(info.file).toMatchObject({ id, name: 'digest.md', title: 'digest.md', channels: ['C0FILES'], size: 5 });
    const history = await client.conversations.history({ channel: 'C0FILES' });
    expect(history.messages).toHaveLength(1);
    const [message] = history.messages ?? [];
    expect(message).toMatchObject({ upload: true, files: [{ id, name: 'digest.md', title: 'digest.md' }] });
    expect(info.file?.shares?.public?.C0FILES?.[0]?.ts).toBe(message.ts);
  });

  it('refuses missing arguments and unknown files', async () => {
    await expect(client.files.info({ file: '' })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    await expect(client.files.info({ file: 'F0NOSUCH' })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.files.completeUploadExternal({ channel_id: 'C0FILES', files: [{ id: 'F0NOSUCH' }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    await expect(client.apiCall('files.completeUploadExternal', { channel_id: 'C0FILES', files: [{ title: 'no id' }] })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
    const notUploaded = (await client.files.getUploadURLExternal({ filename: 'x.md', length: 3 })).file_id as string;
    await expect(client.files.completeUploadExternal({ channel_id: 'C0FILES', files: [{ id: notUploaded }] })).rejects.toMatchObject({ data: { error: 'file_not_found' } });
    const id = await upload('y.md', 'yes');
    await expect(client.files.completeUploadExternal({ channel_id: 'not-a-channel', files: [{ id }] })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    expect(api.file(id)?.completed).toBe(false); // a refused completion changes nothing
  });

  it('can share asynchronously, as Slack does: the file exists before its share shows', async () => {
    api.world.shareDelayMs = 400;
    try {
      const id = await upload('late.md', 'late');
      await client.files.completeUploadExternal({ channel_id: 'C0LATE', files: [{ id }] });
      expect((await client.files.info({ file: id })).file?.shares).toBeUndefined();
      expect((await client.conversations.history({ channel: 'C0LATE' })).messages).toEqual([]);
      await until(() => api.messages('C0LATE').length === 1, 5000);
      expect((await client.files.info({ file: id })).file?.shares?.public?.C0LATE).toHaveLength(1);
    } finally {
      api.world.shareDelayMs = 0;
    }
  });
});
