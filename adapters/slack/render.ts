/**
 * Views as Slack messages (Block Kit + fallback text). Pure: a view in, messages out.
 * Every string that came from a user (titles, names, texts, comments, and the notices that quote them)
 * is escaped here, once, at the edge, and kept on its line.
 */
import type { ModalView } from '@slack/types';
import type { ProposalCard, View } from '../../src/views.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../../src/summary.ts';
import { digestChartBlocks, summaryChartBlocks } from './chart-blocks.ts';
import { bridgingLine } from '../../src/opinion-groups.ts';
import { SESSION_ID } from '../../src/model.ts';
import {
  clipPoints, counted, groupBreakdown, hiddenNote, labelsLine, oneLine, reach, shareOf, stateWord, summaryTitle, supportOf, type Locale,
} from '../../src/view-text.ts';
import { say } from '../../src/wording/say.ts';
import { composeCard, digestTotals } from '../../src/cards/compose.ts';
import { cardBlocks, cardFallback, cardMessages, mrkdwn } from './card-blocks.ts';
import {
  digestFileName, digestMarkdown, menuFileName, menuMarkdown, summaryFileName, summaryMarkdown,
} from '../../src/digest-format.ts';
import {
  blocksTextLength, clipEscaped, codeSections, context, divider, escapeSlack as esc, fitsOneMessage, header, LIMITS,
  packLines, paginate, section, sections, type Block, type SlackMessage,
} from './blocks.ts';

/** Button action ids; the value is `<sessionId>:<number>` so a click needs no lookup. */
export const ACTION = {
  support: 'plenary_support',
  neutral: 'plenary_neutral',
  oppose: 'plenary_oppose',
  comment: 'plenary_comment',
} as const;
export const COMMENT_CALLBACK = 'plenary_comment_modal';
export const COMMENT_BLOCK = 'comment';
export const COMMENT_INPUT = 'text';

export const actionValue = (sessionId: string, number: number) => `${sessionId}:${number}`;
export function parseActionValue(value: string | undefined): { sessionId: string; number: number } | null {
  const match = new RegExp(`^(${SESSION_ID.source}):(\\d{1,6})$`).exec(value ?? '');
  return match ? { sessionId: match[1], number: Number(match[2]) } : null;
}

const counts = (c: { support: number; neutral: number; oppose: number }) =>
  `:+1: ${c.support}   :neutral_face: ${c.neutral}   :-1: ${c.oppose}`;
/**
 * A participant's text, safe inside one of our lines: escaped (no pings, no `<url|masked>` links), its line
 * breaks kept on the line. It never starts a line either (Slack reads `&gt;` at a line start as a quote), so
 * every caller puts something of ours before it.
 */
const txt = (s: string) => esc(oneLine(s));
const txtClip = (s: string, max: number) => esc(clipPoints(oneLine(s), max));
const who = (card: ProposalCard) => txt(card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName);

/**
 * The actions block id changes whenever a card is re-rendered with other counts (Slack asks for a new
 * block_id on each update, or a client may keep the old buttons' state); `revision` (live-counts passes one on
 * every chat.update) makes it unique per edit, also when the counts return to an earlier state.
 */
export const actionsBlockId = (card: ProposalCard, revision?: number) =>
  `plenary_${actionValue(card.sessionId, card.number)}_${card.counts.support}.${card.counts.neutral}.${card.counts.oppose}${revision === undefined ? '' : `_r${revision}`}`;

/** One proposal's message: composeCard's card (code, speaker, text, live counts, the four buttons while open). */
export function proposalMessage(card: ProposalCard, revision?: number, locale?: Locale): SlackMessage {
  const composed = composeCard({ kind: 'proposal', card }, locale);
  return cardMessages(composed, cardFallback(composed), { ids: ACTION, blockId: actionsBlockId(card, revision) })[0];
}

function proposalSummaryText(p: ProposalSummary, place: number, locale?: Locale): string {
  const label = p.label ? `  _${p.label}_` : '';
  const lines = [
    `*${place}. ${p.code}* (${txt(p.speaker)}) ${txt(p.text)}`,
    `${counts(p)} · ${reach(p, locale)}${label}`,
  ];
  const groups = groupBreakdown(p.byGroup, locale);
  if (groups) lines.push(say('view.summary.by-group', { groups: txt(groups) }, locale));
  for (const c of p.comments) lines.push(`> “${txt(c.text)}” — ${txt(c.group)}`);
  return lines.join('\n');
}

/** One short line per ranked proposal: what a post keeps when the whole text does not fit. */
const compactProposal = (p: ProposalSummary, place: number, textMax: number, locale?: Locale) =>
  `*${place}. ${p.code}* (${txt(p.speaker)}) ${txtClip(p.text, textMax)} — ${counts(p)} · ${shareOf(p, locale)}${p.label ? `  _${p.label}_` : ''}`;

/**
 * One message from a head, a full body and a compact body: the full one when it fits; else the compact
 * lines (as many as fit, then a line counting the rest) with the whole text attached as a Markdown file.
 */
function oneMessage(
  head: Block[], full: Block[], compact: string[], foot: Block[], fallback: string,
  file: { name: string; content: string }, locale?: Locale,
): SlackMessage {
  const whole = [...head, ...full, ...foot];
  if (fitsOneMessage(whole)) return paginate(whole, fallback)[0];
  const note = (rest: number) =>
    context(`${rest ? `${say('view.cut.more-lines', { count: rest }, locale)} ` : ''}${say('view.cut.note', { platform: 'Slack', file: esc(file.name) }, locale)}`);
  const reserved = blocksTextLength([...head, ...foot, note(99_999)]);
  const { blocks, taken } = packLines(compact, LIMITS.messageText - reserved, LIMITS.blocksPerMessage - head.length - foot.length - 1);
  return { ...paginate([...head, ...blocks, note(compact.length - taken), ...foot], fallback)[0], file };
}

function summaryMessage(s: SessionSummary, final: boolean, locale?: Locale): SlackMessage {
  const title = summaryTitle(s, final, oneLine(s.title), locale);
  const charts = summaryChartBlocks(s, locale);
  const participants = s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale);
  const theme = s.theme ? ` · ${say('view.summary.theme', { theme: txt(s.theme) }, locale)}` : '';
  const head: Block[] = [
    header(esc(title)), context(`${stateWord(s.state, locale)} · ${participants}${theme}`),
    ...(charts.blocks as unknown as Block[]),
  ];
  const full: Block[] = s.proposals.length
    ? s.proposals.flatMap((p, i) => sections(proposalSummaryText(p, i + 1, locale)))
    : [section(say('view.no-proposals', {}, locale))];
  const bridging = bridgingLine(s);
  const foot = [context(labelsLine(s.proposals, locale)), ...(bridging ? [context(bridging)] : [])];
  const compact = s.proposals.map((p, i) => compactProposal(p, i + 1, 160, locale));
  const fallback = `${esc(title)}: ${counted('proposals', s.proposals.length, locale)}, ${participants}${charts.fallback ? `. ${esc(charts.fallback)}` : ''}`;
  return oneMessage(head, full, compact, foot, fallback, { name: summaryFileName(s), content: summaryMarkdown(s, final, locale) }, locale);
}

function digestMessage(d: Digest, locale?: Locale): SlackMessage {
  const title = say('view.digest.title', { name: oneLine(d.conference.name), date: d.date }, locale);
  const totals = digestTotals(d.totals, locale);
  const charts = digestChartBlocks(d, locale);
  const head: Block[] = [header(esc(title)), context(`${esc(d.conference.timezone)} · ${totals}`), ...(charts.blocks as unknown as Block[])];
  const sessionHead = (s: SessionSummary) => `*${say('view.session.line', {
    id: s.id, title: txt(s.title), state: stateWord(s.state, locale), speakers: counted('speakers', s.speakers.length, locale),
    participants: s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale),
  }, locale)}*`;
  const topTitle = `*${say('view.digest.top', {}, locale)}*`;
  const topLines = d.top.map((p, i) => `${i + 1}. ${p.session} *${p.code}* (${txt(p.speaker)}) ${txtClip(p.text, 160)} — ${supportOf(p, locale)}`);
  const full: Block[] = [];
  for (const s of d.sessions) {
    const lines = [sessionHead(s), ...s.proposals.map((p, i) => `${i + 1}. *${p.code}* (${txt(p.speaker)}) ${txt(p.text)} — ${counts(p)}${p.label ? `  _${p.label}_` : ''}`)];
    full.push(...sections(lines.join('\n')));
  }
  if (topLines.length) full.push(...sections([topTitle, ...topLines].join('\n')));
  // Compact: the day's top proposals first (the organiser's question), then each session's ranked lines.
  const compact = [
    ...(topLines.length ? [topTitle, ...topLines] : []),
    ...d.sessions.flatMap((s) => [sessionHead(s), ...s.proposals.map((p, i) => `${i + 1}. *${p.code}* ${txtClip(p.text, 80)} — ${counts(p)}${p.label ? `  _${p.label}_` : ''}`)]),
  ];
  const fallback = `${esc(title)}: ${totals}${charts.fallback ? `. ${esc(charts.fallback)}` : ''}`;
  return oneMessage(head, full, compact, [], fallback, { name: digestFileName(d, 'md'), content: digestMarkdown(d, locale) }, locale);
}

/** composeCard's menu: every card's line when it fits, else as many lines as fit (clipped) and the Markdown file. */
function menuMessage(view: Extract<View, { kind: 'menu' }>, locale?: Locale): SlackMessage {
  const card = composeCard(view, locale);
  const list = card.blocks.find((b) => b.type === 'list');
  const head = cardBlocks({ ...card, blocks: card.blocks.filter((b) => b !== list) });
  const full = list ? cardBlocks({ ...card, blocks: [list] }) : [];
  const compact = list?.type === 'list' ? list.items.map((item) => clipEscaped(`• ${mrkdwn(item)}`, 300)) : [];
  const file = { name: menuFileName(view.session), content: menuMarkdown(view.session, view.cards, locale) };
  return oneMessage(head, full, compact, [], `${cardFallback(card)}: ${counted('proposals', view.cards.length, locale)}`, file, locale);
}

/** A view as messages: a menu, summary or digest is always one message (what does not fit rides in `file`). */
export function renderView(view: View, locale?: Locale): SlackMessage[] {
  switch (view.kind) {
    case 'notice':
    case 'error':
    case 'status':
      return cardMessages(composeCard(view, locale));
    case 'speakers': {
      const card = composeCard(view, locale);
      return cardMessages(card, view.speakers.length ? `${cardFallback(card)}: ${view.speakers.length}` : cardFallback(card));
    }
    case 'proposal':
      return [proposalMessage(view.card, undefined, locale)];
    case 'menu':
      return [menuMessage(view, locale)];
    case 'summary':
      return [summaryMessage(view.summary, view.final, locale)];
    case 'digest':
      return [digestMessage(view.digest, locale)];
  }
}

/** Slack: a response_url takes 5 posts; the ack carries the first private message, so 1 + 4 in all. */
export const PRIVATE_MESSAGES = 5;

/** How to get what a private reply had to leave out (ephemeral messages take no file). */
function restHint(view: View, locale?: Locale): string {
  const kind = view.kind === 'digest' || view.kind === 'summary' || view.kind === 'menu' ? view.kind : 'other';
  return say('slack.cut.hint', { kind }, locale);
}

/** Replaces the tail of a message by a line saying what was cut and how to get it. */
function cutWith(m: SlackMessage, why: string, view: View, locale?: Locale): SlackMessage {
  const line = context(`:scissors: ${why}: ${restHint(view, locale)}.`);
  const blocks = [...m.blocks];
  while (blocks.length && !fitsOneMessage([...blocks, line])) blocks.pop();
  return { text: m.text, blocks: [...blocks, line] };
}

/**
 * A reply shown privately: the view's message, then (for a digest in a format) the file inline as code
 * blocks. At most the ack plus 4 response_url posts; what does not fit is cut with a line saying how to get it.
 */
export function privateMessages(view: View, locale?: Locale): SlackMessage[] {
  const shown: SlackMessage[] = renderView(view, locale).map((m) => (m.file ? cutWith(m, say('slack.cut.private', {}, locale), view, locale) : m));
  if (view.kind === 'digest' && view.file) shown.push(...privateFileMessages(view.file, locale));
  if (shown.length <= PRIVATE_MESSAGES) return shown;
  const kept = shown.slice(0, PRIVATE_MESSAGES);
  kept[PRIVATE_MESSAGES - 1] = cutWith(kept[PRIVATE_MESSAGES - 1], say('slack.cut.parts', { count: shown.length - PRIVATE_MESSAGES + 1 }, locale), view, locale);
  return kept;
}

/**
 * A digest file shown privately: Slack cannot attach a file to an ephemeral message, so the caller gets
 * its content inline as code blocks (split as needed); `post` uploads it to the channel instead.
 */
export function privateFileMessages(file: { name: string; content: string }, locale?: Locale): SlackMessage[] {
  const intro = section(say('slack.file.intro', { file: esc(file.name) }, locale));
  return paginate([intro, ...codeSections(file.content)], esc(file.name));
}


/** The Comment button's form: the proposal shown (escaped), one input of at most 500 characters. */
export function commentModal(card: ProposalCard, metadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK,
    private_metadata: metadata,
    title: { type: 'plain_text', text: `Comment on ${card.code}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...sections(`*${card.code}* · *${who(card)}*\n> ${txt(card.text)}`),
      {
        type: 'input',
        block_id: COMMENT_BLOCK,
        label: { type: 'plain_text', text: 'Your comment' },
        element: {
          type: 'plain_text_input',
          action_id: COMMENT_INPUT,
          multiline: true,
          max_length: 500,
        },
      },
      divider(),
      context('Your comment appears in summaries with your stakeholder group, never your name.'),
    ],
  };
}
