/**
 * Every view composed once, in the reader's locale, from the card primitives (primitives.ts). The platforms
 * translate the result; none of them words a view again.
 */
import type { ProposalCard, View } from '../views.ts';
import { formatInstant } from '../time.ts';
import { cardCounts, counted, hiddenNote, stanceLabel, stanceWords, stateWord, STANCE_EMOJI, type Locale } from '../view-text.ts';
import { say } from '../wording/say.ts';
import { digestCard, menuFileName, summaryCard } from './results.ts';
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

function statusCard(view: Extract<View, { kind: 'status' }>, locale?: Locale): Card {
  const s = view.session;
  const when = (iso: string) => formatInstant(iso, view.timezone ?? 'UTC');
  const times = [say('view.status.started', { at: when(s.startedAt) }, locale)];
  if (s.closedAt) times.push(say('view.status.closed', { at: when(s.closedAt) }, locale));
  const counts = [counted('speakers', view.speakers, locale), counted('proposals', view.proposals, locale)];
  if (view.resultsHidden) counts.push(hiddenNote(locale));
  else counts.push(counted('reactions', view.reactions, locale), counted('participants', view.participants, locale));
  const channels: Inline = view.channels.flatMap((ref, i) => (i ? [', ', { channel: ref }] : [{ channel: ref }]));
  const blocks: Primitive[] = [
    { type: 'header', text: sayInline('view.status.title', { id: s.id, title: user(s.title), state: stateWord(s.state, locale) }, locale), sub: [times.join(', ')] },
    context([...counts.map((c) => `${c} · `), ...sayInline('view.status.channels', { channels }, locale)]),
  ];
  if (s.theme) blocks.push(text(sayInline('view.summary.theme', { theme: user(s.theme) }, locale)));
  return { view: 'status', tone: s.state, blocks };
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
    case 'menu': {
      const title = sayInline('view.menu.title', { id: view.session.id, title: user(view.session.title), state: stateWord(view.session.state, locale) }, locale);
      return {
        view: 'menu', tone: view.session.state, file: menuFileName(view.session), plain: [...title, `: ${counted('proposals', view.cards.length, locale)}`],
        blocks: [
          { type: 'header', text: title },
          view.cards.length ? { type: 'list', items: view.cards.map((c) => cardInline(c, locale)) } : text([say('view.no-proposals', {}, locale)]),
        ],
      };
    }
    case 'status':
      return statusCard(view, locale);
    case 'speakers':
      return {
        view: 'speakers', tone: 'brand',
        ...(view.speakers.length ? { plain: [say('view.speakers.title', { id: view.session.id }, locale), `: ${view.speakers.length}`] } : {}),
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
