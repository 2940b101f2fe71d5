// The Discord renderers on their own: pure functions, every Discord limit checked.
import { describe, expect, it } from 'vitest';
import {
  LIMITS, clip, commentModal, customId, digestEmbeds, packEmbeds, parseCustomId, proposalMessage, renderView, splitText, summaryEmbeds,
  type DiscordMessage,
} from '../../adapters/discord/render.ts';
import type { ProposalCard, View } from '../../src/views.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../../src/summary.ts';
import type { Session } from '../../src/model.ts';

const session: Session = {
  id: 's7k2', title: 'Cyber capacity', theme: 'Closing the gap', moderator: 'discord:1', startedAt: '2026-11-28T02:00:00.000Z',
  day: '2026-11-28', state: 'open', closedAt: null,
};
const card = (over: Partial<ProposalCard> = {}): ProposalCard => ({
  sessionId: 's7k2', code: 'P1', number: 1, speaker: 'icann', speakerName: 'Ana', organisation: 'ICANN',
  text: 'Fund CERTs in every region <@123> @everyone', counts: { support: 3, neutral: 1, oppose: 2, reactors: 6 }, state: 'open', ...over,
});
const proposalSummary = (i: number, comments = 0, text = `Proposal number ${i}`): ProposalSummary => ({
  code: `P${i}`, number: i, speaker: 'icann', rank: 1, text, support: 5, neutral: 1, oppose: 0, reactors: 6, score: 0.5,
  byGroup: { government: { support: 3, neutral: 0, oppose: 0 }, academia: { support: 2, neutral: 1, oppose: 0 } },
  label: i === 1 ? 'consensus' : null,
  comments: Array.from({ length: comments }, (_, j) => ({ text: `comment ${j} ${'x'.repeat(300)}`, group: 'academia' })),
  byOpinionGroup: {}, gic: 0.5, bridging: false,
});
const summary = (proposals: ProposalSummary[]): SessionSummary => ({
  id: 's7k2', title: 'Cyber capacity', theme: 'Closing the gap', state: 'closed', startedAt: session.startedAt, closedAt: null,
  day: session.day, speakers: [], proposals, participants: 9, opinionGroups: [],
});

/** Every message respects Discord's limits and mutes mentions. */
function checkLimits(messages: DiscordMessage[]) {
  for (const m of messages) {
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect((m.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
    expect(m.content || m.embeds?.length || m.files?.length).toBeTruthy();
    let total = 0;
    for (const e of m.embeds ?? []) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
      expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
      expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text.length ?? 0)
        + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
}

describe('Discord renderers', () => {
  it('renders a proposal card as an embed with counts and four buttons carrying session and number', () => {
    const m = proposalMessage(card());
    checkLimits([m]);
    const embed = m.embeds![0];
    expect(embed.title).toBe('P1 · Ana, ICANN');
    // Mention syntax is escaped (shown as typed, never a mention pill or link); allowed_mentions stops pings anyway.
    expect(embed.description).toBe('Fund CERTs in every region \\<@123\\> @everyone');
    expect(embed.fields!.map((f) => [f.name, f.value])).toEqual([['👍 Support', '3'], ['😐 Neutral', '1'], ['👎 Oppose', '2']]);
    const buttons = m.components![0].components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['Support', 'Neutral', 'Oppose', 'Comment']);
    const ids = buttons.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids.map(parseCustomId)).toEqual([
      { action: 'react', sessionId: 's7k2', number: 1, stance: 'support' },
      { action: 'react', sessionId: 's7k2', number: 1, stance: 'neutral' },
      { action: 'react', sessionId: 's7k2', number: 1, stance: 'oppose' },
      { action: 'comment', sessionId: 's7k2', number: 1 },
    ]);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('drops the buttons once the session is closed or the proposal withdrawn', () => {
    expect(proposalMessage(card({ state: 'closed' })).components).toEqual([]);
    expect(proposalMessage(card({ state: 'withdrawn' })).embeds![0].footer!.text).toMatch(/Withdrawn/);
  });

  it('round-trips custom ids and rejects foreign ones', () => {
    const form = { action: 'comment-form', sessionId: 'sabc', number: 12 } as const;
    expect(parseCustomId(customId(form))).toEqual(form);
    for (const bad of ['raise-hand', 'plenary:react:s7k2:1', 'plenary:comment:s7k2:1:support', 'plenary:react:x:1:support']) {
      expect(parseCustomId(bad)).toBeNull();
    }
    const modal = commentModal('s7k2', 3);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components[0]).toMatchObject({ type: 18, component: { custom_id: 'comment', max_length: 500, style: 2 } });
    const label = (modal.components[0] as { label: string; description?: string });
    expect([...label.label].length).toBeLessThanOrEqual(45);
    expect([...(label.description ?? '')].length).toBeLessThanOrEqual(100);
  });

  it('splits long text on line breaks and never cuts a surrogate pair', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'é'.repeat(40)}`);
    const chunks = splitText(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    const emoji = '👍'.repeat(1500); // 3,000 UTF-16 units on one line
    const parts = splitText(emoji);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(clip('👍👍👍', 4)).toBe('👍…');
  });

  it('splits a long notice into several messages', () => {
    const messages = renderView({ kind: 'notice', text: Array.from({ length: 80 }, () => 'x'.repeat(60)).join('\n') });
    expect(messages.length).toBe(3);
    checkLimits(messages);
  });

  it('posts a big summary as one message within 6,000 characters, every comment in the attached file', () => {
    const s = summary(Array.from({ length: 30 }, (_, i) => proposalSummary(i + 1, 6, 'T'.repeat(500))));
    const embeds = summaryEmbeds(s, true);
    expect(embeds.length).toBeGreaterThan(3); // the whole text would need several messages
    const messages = renderView({ kind: 'summary', summary: s, final: true });
    expect(messages).toHaveLength(1);
    checkLimits(messages);
    expect(messages[0].embeds![0].title).toBe('Final summary of session s7k2 “Cyber capacity”');
    expect(messages[0].embeds![0].description).toContain('Broad support across groups: P1');
    expect(messages[0].embeds![0].description).toContain('1. **P1** (icann)');
    expect(messages[0].embeds![0].footer!.text).toMatch(/plenary-summary-s7k2\.md/);
    const file = messages[0].files![0].attachment.toString();
    for (let i = 1; i <= 30; i++) expect(file).toContain(`${i}. **P${i}** (icann)`);
    expect(file.match(/comment \d x/g)!.length).toBe(30 * 6);
  });

  it('renders a digest, and with a format attaches the file', () => {
    const digest: Digest = {
      conference: { name: 'UN Cyber', timezone: 'Asia/Shanghai' }, date: '2026-11-28',
      sessions: [summary([proposalSummary(1), proposalSummary(2)])],
      top: [{ ...proposalSummary(1), session: 's7k2', sessionTitle: 'Cyber capacity' }],
      totals: { sessions: 1, proposals: 2, reactions: 12, participants: 9 },
    };
    const embeds = digestEmbeds(digest);
    expect(embeds[0].title).toBe('Digest of UN Cyber for 2026-11-28');
    expect(embeds[0].fields!.map((f) => f.name)).toEqual([expect.stringContaining('Session s7k2'), 'Top proposals of the day']);
    const withFile = renderView({ kind: 'digest', digest, file: { format: 'json', name: 'digest-2026-11-28.json', content: '{"a":1}' } });
    expect(withFile).toHaveLength(1);
    expect(withFile[0].files![0]).toMatchObject({ name: 'digest-2026-11-28.json' });
    expect(withFile[0].files![0].attachment.toString()).toBe('{"a":1}');
    checkLimits(withFile);
  });

  it('renders every view kind within the limits', () => {
    const cards = Array.from({ length: 40 }, (_, i) => card({ code: `P${i + 1}`, number: i + 1, text: 'W'.repeat(500) }));
    const views: View[] = [
      { kind: 'notice', text: 'hi' }, { kind: 'error', text: 'no' }, { kind: 'proposal', card: card() },
      { kind: 'menu', session, cards }, { kind: 'menu', session, cards: [] },
      { kind: 'status', session, speakers: 2, proposals: 3, reactions: 4, participants: 5, channels: ['discord:99', 'slack:C1'] },
      { kind: 'speakers', session, speakers: [{ handle: 'icann', name: 'Ana', organisation: null, group: 'technical-community', addedAt: '' }] },
      { kind: 'speakers', session, speakers: [] },
    ];
    for (const view of views) checkLimits(renderView(view));
    expect(renderView(views[1])[0].content).toBe('⚠️ no');
    expect(JSON.stringify(renderView(views[5]))).toContain('<#99>');
    const menu = renderView(views[3]);
    expect(menu).toHaveLength(1); // one message: the whole menu rides along as a Markdown file
    expect(menu[0].files![0].name).toBe('plenary-menu-s7k2.md');
    expect(menu[0].files![0].attachment.toString().match(/\*\*P\d+\*\*/g)).toHaveLength(40);
  });

  it('packEmbeds keeps fields in order across continuation embeds', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const embeds = packEmbeds({ title: 'T' }, fields);
    expect(embeds.map((e) => e.fields!.length)).toEqual([25, 25, 10]);
    expect(embeds.flatMap((e) => e.fields!.map((f) => f.name))).toEqual(fields.map((f) => f.name));
    expect(embeds[1].title).toBe('T (continued)');
  });
});
