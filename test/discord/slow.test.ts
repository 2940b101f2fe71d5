// Slow work: past ~1.2 s the adapter defers (ephemeral "thinking…") and finishes with editReply, inside
// Discord's 3 s window; a long private answer continues in ephemeral follow-ups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, U, answerOf, messageCalls, slash, startWorld, type World } from './helpers.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('slow and long answers on Discord', () => {
  it('defers a slow command privately, then edits the reply with the attached file', async () => {
    const digest = w.core.summaries.digest.bind(w.core.summaries);
    w.core.summaries.digest = async (date: string) => {
      await new Promise((r) => setTimeout(r, 1800));
      return digest(date);
    };
    const sent = w.fake.sendChatInput({ userId: U.org, channelId: MAIN, name: 'digest', options: { format: 'csv' } });
    const answer = await answerOf(w.fake, sent.id);
    const record = w.fake.interaction(sent.id)!;
    expect(record.responses.map((r) => [r.type, r.data?.flags])).toEqual([[5, 64]]);
    expect(record.responses[0].at - record.createdAt).toBeLessThan(3000);
    expect(answer.flags & 64).toBe(64);
    expect(answer.attachments[0].filename).toMatch(/\.csv$/);
    const edit = w.fake.callsTo('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/).at(-1)!;
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    w.core.summaries.digest = digest;
  });

  it('posts the digest file publicly with post', async () => {
    const r = await slash(w.fake, U.org, 'digest', undefined, { post: true, format: 'md' });
    expect(r.answer.content).toMatch(/^The digest for \d{4}-\d{2}-\d{2} is being posted here/);
    const posted = await w.fake.waitFor(() => w.fake.messages(MAIN).find((m) => m.attachments?.length));
    expect(posted.attachments[0].filename).toMatch(/\.md$/);
    expect(posted.content).toMatch(/attached as/);
  });

  it('answers a long private menu in one ephemeral message, the whole menu attached', async () => {
    await slash(w.fake, U.org, 'session', 'start', { title: 'Long menu' });
    await slash(w.fake, U.org, 'speaker', 'add', { handle: 'gov', name: 'Delegate' });
    for (let i = 0; i < 3; i++) await slash(w.fake, U.org, 'priority', 'add', { handle: 'gov', text: `${i} ${'long text '.repeat(49)}` });
    // Seven speakers × three 500-character priorities: more than one message's 6,000 characters of embeds.
    for (let s = 0; s < 6; s++) {
      await slash(w.fake, U.org, 'speaker', 'add', { handle: `s${s}`, name: `Speaker ${s}` });
      for (let i = 0; i < 3; i++) await slash(w.fake, U.org, 'priority', 'add', { handle: `s${s}`, text: `${s}.${i} ${'long text '.repeat(49)}` });
    }
    const menu = await slash(w.fake, U.alice, 'menu', undefined);
    expect(menu.ephemeral).toBe(true);
    expect(menu.answer.embeds[0].title).toMatch(/^Menu of session/);
    expect(menu.answer.embeds[0].footer.text).toMatch(/plenary-menu-s\w+\.md/);
    const stored = w.fake.message(w.fake.interaction(menu.id)!.originalMessageId!)!;
    expect((stored.flags ?? 0) & 64).toBe(64);
    expect(stored.attachments.map((a: { filename: string }) => a.filename)).toEqual([expect.stringMatching(/^plenary-menu-s\w+\.md$/)]);
    expect(w.fake.interaction(menu.id)!.followupIds).toEqual([]);
    for (const c of messageCalls(w.fake.calls)) {
      expect((c.path.includes('/callback') ? c.body.data : c.body).allowed_mentions).toEqual({ parse: [] });
    }
  });
});
