/**
 * The card vocabulary: every view composed once (src/cards/compose.ts) with participants' text kept in spans
 * of its own, and every renderer's words taken from the catalogue in the reader's locale.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { composeCard } from '../../src/cards/compose.ts';
import { inlineText, sayInline, type Primitive } from '../../src/cards/primitives.ts';
import { renderView as renderConsole } from '../../adapters/console/render.ts';
import { renderView as renderSlack } from '../../adapters/slack/render.ts';
import { renderView as renderDiscord } from '../../adapters/discord/render.ts';
import { digestMarkdown, summaryMarkdown } from '../../src/digest-format.ts';
import { counted, labelsLine, reach, stanceConfirmation } from '../../src/view-text.ts';
import { english } from '../../src/wording/catalogues.ts';
import { registerCatalogue, type MessageId } from '../../src/wording/say.ts';
import { translations } from '../../src/wording/translations.ts';
import type { ProposalCard, View } from '../../src/views.ts';
import type { Session } from '../../src/model.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../../src/summary.ts';

const HOSTILE = '<!channel> @everyone **bold** {count} ‹x›\u2028# heading';
const session: Session = { id: 's7k2', title: HOSTILE, theme: HOSTILE, moderator: 'console:mod', startedAt: '2026-11-28T01:00:00.000Z', day: '2026-11-28', state: 'open', closedAt: null };
const card: ProposalCard = {
  sessionId: 's7k2', code: 'P1', number: 1, speaker: 'icann', speakerName: HOSTILE, organisation: HOSTILE, text: HOSTILE,
  counts: { support: 3, neutral: 1, oppose: 0, reactors: 4 }, state: 'open',
};
const proposal: ProposalSummary = {
  code: 'P1', number: 1, speaker: 'icann', rank: 1, text: HOSTILE, support: 3, neutral: 1, oppose: 0, reactors: 4, score: 0.3,
  byGroup: { academia: { support: 3, neutral: 1, oppose: 0 } }, label: 'consensus', comments: [{ text: HOSTILE, group: 'academia' }],
  byOpinionGroup: {}, gic: 0, bridging: false,
};
const summary: SessionSummary = {
  id: 's7k2', title: HOSTILE, theme: HOSTILE, state: 'closed', startedAt: session.startedAt, closedAt: '2026-11-28T02:00:00.000Z', day: '2026-11-28',
  speakers: [{ handle: 'icann', name: HOSTILE, organisation: HOSTILE, group: 'academia' }], proposals: [proposal], participants: 4, opinionGroups: [],
};
const digest: Digest = {
  conference: { name: HOSTILE, timezone: 'UTC' }, date: '2026-11-28', sessions: [summary],
  top: [{ ...proposal, session: 's7k2', sessionTitle: HOSTILE }], totals: { sessions: 1, proposals: 1, reactions: 4, participants: 4 },
};
const VIEWS: View[] = [
  { kind: 'proposal', card }, { kind: 'menu', session, cards: [card] }, { kind: 'summary', summary, final: true },
  { kind: 'digest', digest, file: null }, { kind: 'speakers', session, speakers: [{ handle: 'icann', name: HOSTILE, organisation: HOSTILE, group: null, addedAt: '', order: 1 } as never] },
  { kind: 'status', session, speakers: 1, proposals: 1, reactions: 4, participants: 4, channels: ['console:main'] },
  { kind: 'error', text: HOSTILE },
];

const ours = (block: Primitive) => ('text' in block ? [block.text] : block.type === 'list' ? block.items : []).map((t) => inlineText(t, () => '')).join('\n');

describe('one card vocabulary', () => {
  it('keeps participants’ text out of our words in every view, so each platform can escape it', () => {
    for (const view of VIEWS) {
      const card = composeCard(view);
      expect(card.blocks.length, view.kind).toBeGreaterThan(0);
      for (const block of card.blocks) {
        expect(ours(block), view.kind).not.toMatch(/<!channel>|@everyone|\*\*bold|# heading|\u2028/);
      }
    }
  });

  it('puts a participant span where the sentence’s pattern says, even when it holds ICU syntax', () => {
    expect(sayInline('view.summary.theme', { theme: { user: '{x} <b>' } })).toEqual(['Theme: ', { user: '{x} <b>' }]);
  });

  it('gives the proposal card its four actions while open, none once closed', () => {
    const open = composeCard({ kind: 'proposal', card }).blocks.find((b) => b.type === 'actions');
    expect(open && open.type === 'actions' && open.actions.map((a) => a.action)).toEqual(['support', 'neutral', 'oppose', 'comment']);
    expect(composeCard({ kind: 'proposal', card: { ...card, state: 'closed' } }).blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('composes a summary proposal as one group (its line, bar, breakdown, comments) and a digest session as a section', () => {
    const groups = composeCard({ kind: 'summary', summary, final: true }).blocks.filter((b) => b.type === 'group');
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group.type === 'group' && group.bar?.code).toBe('P1');
    expect(group.type === 'group' && group.blocks.map((b) => b.type)).toEqual(['context', 'list']);
    const sections = composeCard({ kind: 'digest', digest, file: null }).blocks.filter((b) => b.type === 'section');
    expect(sections.map((b) => b.type === 'section' && inlineText(b.title, () => '…'))).toEqual([expect.stringContaining('Session s7k2'), 'Top proposals of the day']);
  });

  it('keeps a digest’s comments and speakers for the whole text: in its Markdown, in no chat post and not in the terminal', () => {
    const view: View = { kind: 'digest', digest: { ...digest, sessions: [{ ...summary, proposals: [{ ...proposal, comments: [{ text: 'WHOLE-ONLY', group: 'academia' }] }] }] }, file: null };
    const markdown = digestMarkdown(view.kind === 'digest' ? view.digest : digest);
    expect(markdown).toContain('   - “WHOLE\\-ONLY” — academia');
    expect(markdown).toMatch(/Speakers: /);
    for (const [platform, text] of Object.entries({
      terminal: renderConsole(view).join('\n'), slack: JSON.stringify(renderSlack(view)), discord: JSON.stringify(renderDiscord(view).map((m) => m.embeds)),
    })) {
      expect(text, platform).not.toContain('WHOLE');
      expect(text, platform).not.toMatch(/Speakers: /);
      expect(text, platform).toContain('P1');
    }
  });

  it('counts with CLDR plurals and Intl numbers', () => {
    expect(counted('reactors', 1)).toBe('1 reactor');
    expect(counted('reactors', 12_345)).toBe('12,345 reactors');
    expect(reach({ support: 0, reactors: 0 })).toBe('no reactions yet');
    expect(reach({ support: 5, reactors: 8 })).toBe('8 reactors, 63% support');
    expect(stanceConfirmation('neutral', 'P2')).toBe('You are neutral on P2.');
    expect(stanceConfirmation(null, 'P2')).toBe('Your stance on P2 is cleared.');
    expect(labelsLine([{ code: 'P1', label: 'consensus' }, { code: 'P2', label: null }])).toBe('Broad support across groups: P1 · Divides groups: none');
  });
});

describe('wording exists once', () => {
  // A pseudo-locale: every view message wrapped, so any English left hard-coded in a renderer shows unwrapped.
  const wrapped = Object.fromEntries(
    Object.entries(english).filter(([id]) => /^(view|md|discord|slack)\./.test(id)).map(([id, value]) => [id, `⟦${value}⟧`]),
  ) as Partial<Record<MessageId, string>>;
  registerCatalogue('zh', wrapped);
  // The worker runs other files after this one (isolate: false): they get the real Chinese back.
  afterAll(() => registerCatalogue('zh', translations.zh()));

  it('the summary’s labels line and title come from the catalogue on every platform', () => {
    const view: View = { kind: 'summary', summary, final: true };
    const outputs = {
      terminal: renderConsole(view, 'zh').join('\n'),
      slack: JSON.stringify(renderSlack(view, 'zh')),
      discord: JSON.stringify(renderDiscord(view, 'zh').map((m) => m.embeds)),
      markdown: summaryMarkdown(summary, true, 'zh'),
    };
    for (const [platform, text] of Object.entries(outputs)) {
      expect(text, platform).toContain('⟦Broad support across groups: P1 · Divides groups: ⟦none⟧⟧');
      expect(text, platform).toMatch(/⟦Final summary of session s7k2/);
      expect(text, platform).not.toMatch(/(?<!⟦)Final summary/);
    }
  });

  it('the digest’s words come from the catalogue in the terminal and in Markdown', () => {
    const terminal = renderConsole({ kind: 'digest', digest, file: null }, 'zh').join('\n');
    const markdown = digestMarkdown(digest, 'zh');
    expect(terminal).toContain('⟦Top proposals of the day⟧');
    expect(markdown).toContain('## ⟦Top proposals of the day⟧');
    expect(markdown).toContain('(time zone UTC)⟧');
  });
});
