// A summary or digest too long for Discord's embeds goes out as one message with the whole text attached as
// Markdown; its chart PNGs ride beside the .md and the Markdown embeds them by file name, within Discord's
// 10 attachments of ≤ 10 MiB (the strict fake refuses more, as Discord does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, U, slash, startWorld, type World } from './helpers.ts';
import { ATTACHMENT_LIMITS } from '../fakes/discord/messages.ts';
import { markdownParts } from '../../adapters/discord/chart-files.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const LONG = (label: string) => `${label} ${'long text '.repeat(49)}`;

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

type Stored = { attachments: Array<{ filename: string; size: number; url: string }>; embeds: Array<{ title?: string; image?: { url: string }; footer?: { text: string } }> };

/** The files of the stored message, as the bot uploaded them (the fake records every multipart part). */
function uploaded(message: Stored) {
  const call = w.fake.calls.filter((c) => c.files.length && c.method === 'POST' && c.path === `/channels/${MAIN}/messages`)
    .find((c) => c.files.map((f) => f.filename).join() === message.attachments.map((a) => a.filename).join());
  return call!.files;
}

/** The Markdown file's image references, each to a PNG attached beside it, and no other. */
function expectChartsBeside(message: Stored, markdownName: RegExp) {
  const files = uploaded(message);
  expect(files.length).toBeLessThanOrEqual(ATTACHMENT_LIMITS.files);
  expect(files.reduce((n, f) => n + f.size, 0)).toBeLessThanOrEqual(ATTACHMENT_LIMITS.bytes);
  for (const f of files) expect(f.size).toBeLessThanOrEqual(ATTACHMENT_LIMITS.fileBytes);
  expect(files[0].filename).toMatch(markdownName);
  const markdown = files[0].data.toString('utf8');
  const images = files.slice(1);
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) {
    expect(image.filename).toMatch(/\.png$/);
    expect(image.data.subarray(0, 8)).toEqual(PNG);
    expect(markdown).toContain(`](${image.filename})`);
  }
  const referenced = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  expect(referenced).toEqual(images.map((i) => i.filename));
  expect(message.embeds[0].image?.url).toBe(`attachment://${images[0].filename}`);
  return { markdown, images };
}

describe('Discord: an overflowing summary or digest carries its charts beside the Markdown', () => {
  it('posts a long summary as one message: the .md and the session chart PNG it embeds', async () => {
    await slash(w.fake, U.org, 'session', 'start', { title: 'Long summary' });
    // Five speakers × three 500-character priorities: more than one message's 6,000 characters of embeds.
    for (let s = 0; s < 5; s++) {
      await slash(w.fake, U.org, 'speaker', 'add', { handle: `s${s}`, name: `Speaker ${s}` });
      for (let i = 0; i < 3; i++) await slash(w.fake, U.org, 'priority', 'add', { handle: `s${s}`, text: LONG(`${s}.${i}`) });
    }
    await slash(w.fake, U.alice, 'react', undefined, { code: 'P1', stance: 'support' });
    await slash(w.fake, U.org, 'summary', undefined, { post: true });
    const message: Stored = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('Summary of session') && m.attachments?.length), 20_000);
    expect(message.embeds[0].footer!.text).toMatch(/plenary-summary-s\w+\.md/);
    const { markdown, images } = expectChartsBeside(message, /^plenary-summary-s\w+\.md$/);
    expect(images.map((i) => i.filename)).toEqual([expect.stringMatching(/^plenary-s\w+-chart\.png$/)]);
    for (let s = 0; s < 5; s++) for (let i = 0; i < 3; i++) expect(markdown).toContain(`${s}\\.${i} long text`);
    await slash(w.fake, U.org, 'session', 'close');
  });

  it('posts a long digest of ten sessions with nine of their charts: ten attachments, no more', async () => {
    for (let n = 0; n < 9; n++) {
      await slash(w.fake, U.org, 'session', 'start', { title: `Session ${n}` });
      await slash(w.fake, U.org, 'speaker', 'add', { handle: 'gov', name: 'Delegate' });
      await slash(w.fake, U.org, 'priority', 'add', { handle: 'gov', text: LONG(`digest ${n}`) });
      await slash(w.fake, U.org, 'session', 'close');
    }
    await slash(w.fake, U.org, 'digest', undefined, { post: true });
    const message: Stored = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.embeds?.[0]?.title?.startsWith('Digest of') && m.attachments?.length), 20_000); // nine PNGs to draw
    const { images } = expectChartsBeside(message, /^plenary-digest-\d{4}-\d{2}-\d{2}\.md$/);
    expect(message.attachments).toHaveLength(ATTACHMENT_LIMITS.files);
    expect(images).toHaveLength(ATTACHMENT_LIMITS.files - 1);
  });

  it('sends a Markdown file past 10 MiB in numbered parts, cut after a line, that together are the whole text', () => {
    const line = `${'议'.repeat(999)}\n`; // 2,998 bytes
    const markdown = line.repeat(Math.ceil((ATTACHMENT_LIMITS.fileBytes * 2.5) / Buffer.byteLength(line)));
    const parts = markdownParts('plenary-digest-2026-11-28.md', markdown);
    expect(parts.map((p) => p.name)).toEqual(['plenary-digest-2026-11-28.md', 'plenary-digest-2026-11-28-2.md', 'plenary-digest-2026-11-28-3.md']);
    for (const p of parts) {
      expect(p.attachment.length).toBeLessThanOrEqual(ATTACHMENT_LIMITS.fileBytes);
      expect(p.attachment.toString('utf8').endsWith('\n')).toBe(true);
    }
    expect(Buffer.concat(parts.map((p) => p.attachment)).toString('utf8')).toBe(markdown);
    expect(markdownParts('small.md', 'x\n').map((p) => p.name)).toEqual(['small.md']);
  });

  it('the fake refuses an eleventh attachment, as Discord does', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'x' }));
    for (let i = 0; i <= ATTACHMENT_LIMITS.files; i++) form.append(`files[${i}]`, new Blob([PNG]), `f${i}.png`);
    const response = await fetch(`${w.fake.restApi}/v10/channels/${MAIN}/messages`, { method: 'POST', headers: { authorization: 'Bot fake.bot.token' }, body: form });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe(50035);
  });
});
