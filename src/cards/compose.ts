/**
 * Every view composed once, in the reader's locale, from the card primitives (primitives.ts). The platforms
 * translate the result; none of them words a view again.
 */
import type { ProposalCard, View } from '../views.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../summary.ts';
import { barOf } from '../chart.ts';
import { bridgingLine } from '../opinion-groups.ts';
import { formatInstant } from '../time.ts';
import {
  cardCounts, counted, emojiCounts, groupBreakdown, hiddenNote, labelsLine, moreCommentsNote, reach, stanceLabel, stanceWords, stateWord, supportOf,
  STANCE_EMOJI, type Locale,
} from '../view-text.ts';
import { say } from '../wording/say.ts';
import { groupName } from '../wording/group-names.ts';
import { sayInline, strong, user, type Card, type Inline, type Primitive } from './primitives.ts';

const text = (inline: Inline, level?: 0 | 1): Primitive => ({ type: 'text', text: inline, ...(level ? { level } : {}) });
const context = (inline: Inline, level?: 0 | 1): Primitive => ({ type: 'context', text: inline, ...(level ? { level } : {}) });

/** `P1 · Ana, ICANN: text  [👍 3 · 😐 1 · 👎 0] (session closed)` — one proposal on one line. */
export function cardInline(card: ProposalCard, locale?: Locale): Inline {
  const who = card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName;
  const state = card.state === 'open' ? '' : ` (${say(card.state === 'closed' ? 'view.card.closed' : 'view.card.withdrawn', {}, locale)})`;
  return [strong(card.code), ' · ', user(who), ': ', user(card.text), `  [${cardCounts(card, locale)}]${state}`];
}

function proposalCard(card: ProposalCard, locale?: Locale): Card {
  const who = card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName;
  const blocks: Primitive[] = [
    { type: 'header', text: [strong(card.code), ' · ', user(who)] },
    { type: 'text', text: [user(card.text)], quote: true },
    {
      type: 'fields',
      fields: card.hidden
        ? [{ name: [`🔒 ${say('discord.results', {}, locale)}`], value: [hiddenNote(locale)] }]
        : (['support', 'neutral', 'oppose'] as const).map((s) => ({ name: [`${STANCE_EMOJI[s]} ${stanceLabel(s, locale)}`], value: [String(card.counts[s])], inline: true })),
    },
    context([say('discord.card.footer', { id: card.sessionId, speaker: card.speaker, state: say(`discord.card.${card.state}`, {}, locale) }, locale)]),
  ];
  if (card.state === 'open') {
    blocks.push({
      type: 'actions', sessionId: card.sessionId, number: card.number,
      actions: [
        ...(['support', 'neutral', 'oppose'] as const).map((stance) => ({ action: stance, label: stanceLabel(stance, locale), emoji: STANCE_EMOJI[stance] })),
        { action: 'comment' as const, label: say('view.action.comment', {}, locale), emoji: '💬' },
      ],
    });
  }
  const state = card.state === 'open' ? '' : ` · ${say(card.state === 'closed' ? 'view.card.closed' : 'view.card.withdrawn', {}, locale)}`;
  const counts = card.hidden ? hiddenNote(locale) : stanceWords(card.counts, locale);
  return { view: 'proposal', tone: card.state, blocks, line: cardInline(card, locale), plain: [`${card.code} · `, user(who), ': ', user(card.text), ` (${counts})${state}`] };
}

const label = (p: ProposalSummary) => (p.label ? `  ‹${p.label}›` : '');

function summaryProposal(p: ProposalSummary, place: number, locale?: Locale): Primitive[] {
  const blocks: Primitive[] = [
    text([`${place}. ${p.code} (`, user(p.speaker), ') ', user(p.text), ` — ${emojiCounts(p)} — ${reach(p, locale)}${label(p)}`]),
    { type: 'chart', heading: p.code, chart: { title: p.code, bars: [barOf(p)] } },
  ];
  const groups = groupBreakdown(p.byGroup, locale);
  if (groups) blocks.push(context(sayInline('view.summary.by-group', { groups: user(groups) }, locale), 1));
  for (const c of p.comments) blocks.push(context(['“', user(c.text), '” — ', user(groupName(c.group, locale))], 1));
  if (p.moreComments) blocks.push(context([moreCommentsNote(p, locale)], 1));
  return blocks;
}

function summaryCard(s: SessionSummary, final: boolean, locale?: Locale): Card {
  const count = s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale);
  const blocks: Primitive[] = [{
    type: 'header',
    text: [...sayInline('view.summary.title', { final: String(final), id: s.id, title: user(s.title) }, locale), ` (${stateWord(s.state, locale)}) — ${count}`],
  }];
  if (s.theme) blocks.push(text(sayInline('view.summary.theme', { theme: user(s.theme) }, locale)));
  if (s.hidden) {
    s.proposals.forEach((p, i) => blocks.push(text([`${i + 1}. ${p.code} (`, user(p.speaker), ') ', user(p.text)])));
    return { view: 'summary', tone: 'brand', blocks };
  }
  if (s.proposals.length === 0) blocks.push(text([say('view.no-proposals', {}, locale)]));
  s.proposals.forEach((p, i) => blocks.push(...summaryProposal(p, i + 1, locale)));
  blocks.push(context([labelsLine(s.proposals, locale)]));
  const bridging = bridgingLine(s);
  if (bridging) blocks.push(context([bridging]));
  return { view: 'summary', tone: 'brand', blocks };
}

/** `3 sessions · 5 proposals · 12 reactions · 4 participants` */
export const digestTotals = (t: Digest['totals'], locale?: Locale) =>
  say('view.digest.totals', {
    sessions: counted('sessions', t.sessions, locale), proposals: counted('proposals', t.proposals, locale),
    reactions: counted('reactions', t.reactions, locale), participants: counted('participants', t.participants, locale),
  }, locale);

function digestCard(d: Digest, locale?: Locale): Card {
  const blocks: Primitive[] = [{
    type: 'header',
    text: [...sayInline('view.digest.title', { name: user(d.conference.name), date: d.date }, locale), ` (${d.conference.timezone}): ${digestTotals(d.totals, locale)}`],
  }];
  for (const s of d.sessions) {
    blocks.push(text(sayInline('view.session.line', {
      id: s.id, title: user(s.title), state: stateWord(s.state, locale), speakers: counted('speakers', s.speakers.length, locale),
      participants: s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale),
    }, locale)));
    if (s.hidden) continue;
    blocks.push({
      type: 'list', ordered: true, level: 1,
      items: s.proposals.map((p) => [`${p.code} (`, user(p.speaker), ') ', user(p.text), ` — ${emojiCounts(p)}${label(p)}`]),
    });
  }
  if (d.top.length) {
    blocks.push(text([`${say('view.digest.top', {}, locale)}:`]));
    blocks.push({
      type: 'list', ordered: true, level: 1,
      items: d.top.map((p) => [`${p.session} ${p.code} (`, user(p.speaker), ') ', user(p.text), ` — ${supportOf(p, locale, true)}`]),
    });
  }
  return { view: 'digest', tone: 'brand', blocks };
}

function statusCard(view: Extract<View, { kind: 'status' }>, locale?: Locale): Card {
  const s = view.session;
  const when = (iso: string) => formatInstant(iso, view.timezone ?? 'UTC');
  const times = [say('view.status.started', { at: when(s.startedAt) }, locale)];
  if (s.closedAt) times.push(say('view.status.closed', { at: when(s.closedAt) }, locale));
  const counts = [counted('speakers', view.speakers, locale), counted('proposals', view.proposals, locale)];
  if (view.resultsHidden) counts.push(hiddenNote(locale));
  else counts.push(counted('reactions', view.reactions, locale), counted('participants', view.participants, locale));
  return {
    view: 'status', tone: s.state,
    blocks: [
      { type: 'header', text: [...sayInline('view.status.title', { id: s.id, title: user(s.title), state: stateWord(s.state, locale) }, locale), `, ${times.join(', ')}`] },
      context([...counts.map((c) => `${c} · `), ...sayInline('view.status.channels', { channels: user(view.channels.join(', ')) }, locale)]),
    ],
  };
}

/** The one composition of every view, in `locale` (posts: conference.language; private replies: the caller's). */
export function composeCard(view: View, locale?: Locale): Card {
  switch (view.kind) {
    case 'notice':
      return { view: 'notice', tone: 'brand', blocks: view.text.split('\n').map((line) => text([user(line)])) };
    case 'error':
      return { view: 'error', tone: 'error', blocks: view.text.split('\n').map((line) => text([user(line)])) };
    case 'proposal':
      return proposalCard(view.card, locale);
    case 'menu':
      return {
        view: 'menu', tone: view.session.state,
        blocks: [
          { type: 'header', text: sayInline('view.menu.title', { id: view.session.id, title: user(view.session.title), state: stateWord(view.session.state, locale) }, locale) },
          view.cards.length ? { type: 'list', items: view.cards.map((c) => cardInline(c, locale)) } : text([say('view.no-proposals', {}, locale)]),
        ],
      };
    case 'status':
      return statusCard(view, locale);
    case 'speakers':
      return {
        view: 'speakers', tone: 'brand',
        blocks: view.speakers.length ? [
          { type: 'header', text: [say('view.speakers.title', { id: view.session.id }, locale)] },
          { type: 'list', name: say('discord.status.speakers', {}, locale), items: view.speakers.map((s) => [strong(s.handle), ' — ', user(s.name), ...(s.organisation ? [', ', user(s.organisation)] : []), s.group ? ` [${s.group}]` : '']) },
        ] : [text([say('view.speakers.none', { id: view.session.id }, locale)])],
      };
    case 'summary':
      return summaryCard(view.summary, view.final, locale);
    case 'digest':
      return view.file
        ? { view: 'digest', tone: 'brand', blocks: [text([say('view.file.attached', { name: view.file.name }, locale)]), { type: 'file', ...view.file }] }
        : digestCard(view.digest, locale);
  }
}
