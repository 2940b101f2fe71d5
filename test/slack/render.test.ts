import { describe, expect, it } from 'vitest';
import { blocksTextLength, clipEscaped, escapeSlack, LIMITS, paginate, section, splitEscaped, unescapeSlack, type Block } from '../../adapters/slack/blocks.ts';
import { ACTION, commentModal, parseActionValue, privateFileMessages, proposalMessage, renderView } from '../../adapters/slack/render.ts';
import type { ProposalCard, View } from '../../src/views.ts';
import type { Session } from '../../src/model.ts';
import type { ProposalSummary, SessionSummary } from '../../src/summary.ts';

const PINGS = ['<!channel>', '<!here>', '<@U0VICTIM>', '<!everyone>', '<#C0SECRET>'];
const nasty = `Hi ${PINGS.join(' ')} & <b>bold</b> 你好 👍🏽`;

const card = (over: Partial<ProposalCard> = {}): ProposalCard => ({
  sessionId: 's7k2', code: 'P1', number: 1, speaker: 'icann', speakerName: 'Göran <@U1>', organisation: 'ICANN & co',
  text: nasty, counts: { support: 3, neutral: 1, oppose: 2, reactors: 6 }, state: 'open', ...over,
});
const session: Session = {
  id: 's7k2', title: 'Title <!here>', theme: null, moderator: 'slack:U1', startedAt: '2026-11-28T01:00:00.000Z',
  day: '2026-11-28', state: 'open', closedAt: null,
};

/** Every text a message carries (blocks and fallback), to look for raw pings. */
const allText = (messages: Array<{ text: string; blocks: Block[] }>) => JSON.stringify(messages);
const sectionTexts = (blocks: Block[]) =>
  blocks.filter((b) => b.type === 'section').map((b) => (b.text as { text: string }).text);

function expectWithinLimits(messages: Array<{ text: string; blocks: Block[] }>) {
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text.trim().length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const t of sectionTexts(m.blocks)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
  }
}

/** Every & in escaped text starts one of Slack's three entities: nothing was cut in half. */
const entitiesIntact = (s: string) => !/&(?!amp;|lt;|gt;)/.test(s);

describe('escaping', () => {
  it('escapes & < > and undoes exactly what Slack did', () => {
    expect(escapeSlack('a & <!channel> > b')).toBe('a &amp; &lt;!channel&gt; &gt; b');
    expect(unescapeSlack('&lt;!here&gt; &amp;lt;')).toBe('<!here> &lt;');
    expect(unescapeSlack(escapeSlack(nasty))).toBe(nasty);
  });

  it('no user text pings from a proposal card, in blocks or fallback', () => {
    const m = proposalMessage(card());
    const json = allText([m]);
    for (const ping of PINGS) expect(json).not.toContain(ping);
    expect(json).toContain('&lt;!channel&gt;');
    expect(m.text).toContain('&lt;@U0VICTIM&gt;');
    expect(m.text).toContain('你好 👍🏽');
  });

  it('no user text pings from any view kind', () => {
    const p: ProposalSummary = {
      code: 'P1', number: 1, speaker: 'icann', rank: 1, text: nasty, support: 1, neutral: 0, oppose: 0, reactors: 1, score: 0.2,
      byGroup: { government: { support: 1, neutral: 0, oppose: 0 } }, label: null, comments: [{ text: nasty, group: 'government' }],
      byOpinionGroup: {}, gic: 0.5, bridging: false,
    };
    const summary: SessionSummary = {
      id: 's7k2', title: nasty, theme: nasty, state: 'open', startedAt: session.startedAt, closedAt: null, day: session.day,
      speakers: [{ handle: 'icann', name: nasty, organisation: nasty, group: null }], proposals: [p], participants: 1, opinionGroups: [],
    };
    const views: View[] = [
      { kind: 'notice', text: nasty },
      { kind: 'error', text: nasty },
      { kind: 'menu', session: { ...session, title: nasty }, cards: [card()] },
      { kind: 'status', session: { ...session, title: nasty }, speakers: 1, proposals: 1, reactions: 1, participants: 1, channels: ['slack:C1'] },
      { kind: 'speakers', session, speakers: [{ handle: 'icann', name: nasty, organisation: nasty, group: null, addedAt: '' }] },
      { kind: 'summary', summary, final: true },
      {
        kind: 'digest',
        digest: { conference: { name: nasty, timezone: 'UTC' }, date: '2026-11-28', sessions: [summary], top: [{ ...p, session: 's7k2', sessionTitle: nasty }], totals: { sessions: 1, proposals: 1, reactions: 1, participants: 1 } },
        file: null,
      },
    ];
    for (const view of views) {
      const json = allText(renderView(view));
      for (const ping of PINGS) expect(json, view.kind).not.toContain(ping);
      expect(json, view.kind).toContain('&lt;!channel&gt;');
    }
    const file = allText(privateFileMessages({ name: 'd.json', content: JSON.stringify({ text: nasty }) }));
    for (const ping of PINGS) expect(file).not.toContain(ping);
  });

  it('the comment modal shows the proposal escaped and caps the input at 500', () => {
    const modal = commentModal(card(), '{"s":"s7k2","n":1,"c":"C1"}');
    const json = JSON.stringify(modal);
    for (const ping of PINGS) expect(json).not.toContain(ping);
    expect(json).toContain('"max_length":500');
    expect(json).toContain('"type":"plain_text_input"');
  });
});

describe('proposal card', () => {
  it('carries code, speaker, organisation, text, live counts and four buttons with the session and number', () => {
    const m = proposalMessage(card());
    const json = JSON.stringify(m.blocks);
    expect(json).toContain('*P1*');
    expect(json).toContain('ICANN &amp; co');
    expect(json).toContain('👍 Support *3*');
    expect(json).toContain('😐 Neutral *1*');
    expect(json).toContain('👎 Oppose *2*');
    const actions = m.blocks.find((b) => b.type === 'actions') as unknown as { elements: Array<{ action_id: string; value: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual([ACTION.support, ACTION.neutral, ACTION.oppose, ACTION.comment]);
    for (const e of actions.elements) expect(parseActionValue(e.value)).toEqual({ sessionId: 's7k2', number: 1 });
    expect(m.text).toMatch(/^P1 · .*3 support · 1 neutral · 2 oppose/);
  });

  it('drops the buttons once the session closed or the proposal was withdrawn', () => {
    for (const state of ['closed', 'withdrawn'] as const) {
      const m = proposalMessage(card({ state }));
      expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
      expect(m.text).toContain(state === 'closed' ? 'session closed' : 'withdrawn');
    }
  });

  it('stays one message within limits even at the longest texts, all of them &', () => {
    const m = proposalMessage(card({ text: '&'.repeat(500), speakerName: '<'.repeat(100), organisation: '>'.repeat(100) }));
    expectWithinLimits([m]);
    for (const t of sectionTexts(m.blocks)) expect(entitiesIntact(t)).toBe(true);
  });

  it('rejects action values it did not make', () => {
    expect(parseActionValue('s7k2:3')).toEqual({ sessionId: 's7k2', number: 3 });
    for (const bad of [undefined, '', 's7k2', 'x:1', 's7k2:-1', 's7k2:1:2']) expect(parseActionValue(bad)).toBeNull();
  });
});

describe('limits and splitting', () => {
  it('splits escaped text at line breaks, never inside an entity or a surrogate pair, losing nothing', () => {
    const text = escapeSlack(`${'a&b<c>'.repeat(700)}\n${'👍🏽'.repeat(1000)}${'&'.repeat(1000)}`);
    const pieces = splitEscaped(text, 3000);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(entitiesIntact(p)).toBe(true);
      expect(/[\ud800-\udbff]$/.test(p)).toBe(false);
    }
    expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(clipEscaped('&amp;&amp;', 7)).toBe('&amp;…');
  });

  it('a long menu stays one message within every limit, the whole menu in the attached Markdown file', () => {
    const cards = Array.from({ length: 120 }, (_, i) => card({ code: `P${i + 1}`, number: i + 1, text: `${'long & text '.repeat(40)}` }));
    const messages = renderView({ kind: 'menu', session, cards });
    expect(messages).toHaveLength(1);
    expectWithinLimits(messages);
    expect(blocksTextLength(messages[0].blocks)).toBeLessThanOrEqual(LIMITS.messageText);
    const shown = sectionTexts(messages[0].blocks).join('\n');
    expect(shown).toContain('*P1*');
    expect(JSON.stringify(messages[0].blocks)).toMatch(/\d+ more lines not shown.*plenary-menu-s7k2\.md/);
    for (let i = 1; i <= 120; i++) expect(messages[0].file!.content).toContain(`**P${i}**`);
  });

  it('a summary with many long comments keeps every section under 3,000 characters', () => {
    const p = (n: number): ProposalSummary => ({
      code: `P${n}`, number: n, speaker: 'icann', rank: 1, text: '<'.repeat(500), support: 1, neutral: 0, oppose: 0, reactors: 1, score: 0,
      byGroup: {}, label: 'divisive', comments: Array.from({ length: 30 }, () => ({ text: '&'.repeat(500), group: 'academia' })),
      byOpinionGroup: {}, gic: 0.5, bridging: false,
    });
    const summary: SessionSummary = {
      id: 's7k2', title: 't', theme: null, state: 'closed', startedAt: '', closedAt: '', day: '', speakers: [],
      proposals: Array.from({ length: 10 }, (_, i) => p(i + 1)), participants: 9, opinionGroups: [],
    };
    const messages = renderView({ kind: 'summary', summary, final: true });
    expect(messages).toHaveLength(1);
    expectWithinLimits(messages);
    expect(messages[0].file!.content.match(/academia/g)).toHaveLength(300); // every comment is in the file
    for (const m of messages) for (const t of sectionTexts(m.blocks)) expect(entitiesIntact(t)).toBe(true);
  });

  it('a large digest file shown privately is split into fenced code sections', () => {
    const content = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => ({ i, text: 'a & b' })) }, null, 2);
    const messages = privateFileMessages({ name: 'plenary-digest-2026-11-28.json', content });
    expectWithinLimits(messages);
    const code = messages.flatMap((m) => sectionTexts(m.blocks)).slice(1);
    for (const t of code) expect(t.startsWith('```\n') && t.endsWith('\n```')).toBe(true);
    const rebuilt = unescapeSlack(code.map((t) => t.slice(4, -4)).join(''));
    expect(rebuilt.replace(/\n/g, '')).toBe(content.replace(/\n/g, ''));
  });

  it('paginate always yields a text, even for an empty view', () => {
    expect(paginate([], '')).toEqual([{ text: ' ', blocks: [] }]);
    expect(section('').text).toEqual({ type: 'mrkdwn', text: ' ' });
  });
});

describe('card updates', () => {
  it('renews the actions block_id on every re-render with new counts (Slack asks for a new block_id per update)', () => {
    const id = (c: ProposalCard, r?: number) => (proposalMessage(c, r).blocks.find((b) => b.type === 'actions') as unknown as { block_id: string }).block_id;
    const before = card();
    const after = card({ counts: { support: 4, neutral: 1, oppose: 2, reactors: 7 } });
    expect(id(before)).not.toBe(id(after));
    expect(id(before, 1)).not.toBe(id(before, 2));
    expect(parseActionValue(id(after).replace(/^plenary_/, '').split('_')[0])).toEqual({ sessionId: 's7k2', number: 1 });
  });
});
