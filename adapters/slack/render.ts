/**
 * Views as Slack messages (Block Kit + fallback text). Pure: a view in, messages out.
 * Every string that came from a user (titles, names, texts, comments, and the notices that quote them)
 * is escaped here, once, at the edge, and kept on its line.
 */
import type { ModalView } from '@slack/types';
import type { ProposalCard, View } from '../../src/views.ts';
import { SESSION_ID } from '../../src/model.ts';
import { clipPoints, oneLine, type Locale } from '../../src/view-text.ts';
import { say } from '../../src/wording/say.ts';
import { composeCard } from '../../src/cards/compose.ts';
import { cardMessages } from './card-blocks.ts';
import { codeSections, context, divider, escapeSlack as esc, fitsOneMessage, paginate, section, sections, type SlackMessage } from './blocks.ts';

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

/**
 * A participant's text, safe inside one of our lines: escaped (no pings, no `<url|masked>` links), its line
 * breaks kept on the line. It never starts a line either (Slack reads `&gt;` at a line start as a quote), so
 * every caller puts something of ours before it.
 */
const txt = (s: string) => esc(oneLine(s));
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
  return cardMessages(composeCard({ kind: 'proposal', card }, locale), { actions: { ids: ACTION, blockId: actionsBlockId(card, revision) }, locale })[0];
}

/** A view as messages: a menu, summary or digest is always one message (what does not fit rides in `file`). */
export function renderView(view: View, locale?: Locale): SlackMessage[] {
  if (view.kind === 'proposal') return [proposalMessage(view.card, undefined, locale)];
  // A digest in a format is the digest's message; its file is uploaded beside it (post) or shown inline (privately).
  const shown = view.kind === 'digest' ? { ...view, file: null } : view;
  return cardMessages(composeCard(shown, locale), { locale });
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
export function commentModal(card: ProposalCard, metadata: string, locale?: Locale): ModalView {
  const words = (id: 'view.comment.title' | 'view.comment.send' | 'view.comment.cancel') => clipPoints(say(id, { code: card.code }, locale), 24); // Slack: ≤ 24
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK,
    private_metadata: metadata,
    title: { type: 'plain_text', text: words('view.comment.title') },
    submit: { type: 'plain_text', text: words('view.comment.send') },
    close: { type: 'plain_text', text: words('view.comment.cancel') },
    blocks: [
      ...sections(`*${card.code}* · *${who(card)}*\n> ${txt(card.text)}`),
      {
        type: 'input',
        block_id: COMMENT_BLOCK,
        label: { type: 'plain_text', text: say('view.comment.label', {}, locale) },
        element: {
          type: 'plain_text_input',
          action_id: COMMENT_INPUT,
          multiline: true,
          max_length: 500,
        },
      },
      divider(),
      context(say('view.comment.hint', {}, locale)),
    ],
  };
}
