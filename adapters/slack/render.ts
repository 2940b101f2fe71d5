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
import type { Session, Stance } from '../../src/model.ts';
import { plural } from '../../src/plurals.ts';
import { formatInstant } from '../../src/time.ts';
import { HIDDEN_NOTE } from '../../src/hidden-results.ts';
import { clipPoints, groupBreakdown, oneLine, percent } from '../../src/view-text.ts';
import {
  digestFileName, digestMarkdown, menuFileName, menuMarkdown, summaryFileName, summaryMarkdown,
} from '../../src/digest-format.ts';
import {
  blocksTextLength, button, codeSections, context, divider, escapeSlack as esc, fitsOneMessage, header, LIMITS,
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
  const match = /^(s[a-z0-9]{3,8}):(\d{1,6})$/.exec(value ?? '');
  return match ? { sessionId: match[1], number: Number(match[2]) } : null;
}

const counts = (c: { support: number; neutral: number; oppose: number }) =>
  `:+1: ${c.support}   :neutral_face: ${c.neutral}   :-1: ${c.oppose}`;
const countsPlain = (c: { support: number; neutral: number; oppose: number }) =>
  `support ${c.support}, neutral ${c.neutral}, oppose ${c.oppose}`;
/**
 * A participant's text, safe inside one of our lines: escaped (no pings, no `<url|masked>` links), its line
 * breaks kept on the line. It never starts a line either (Slack reads `&gt;` at a line start as a quote), so
 * every caller puts something of ours before it.
 */
const txt = (s: string) => esc(oneLine(s));
const txtClip = (s: string, max: number) => esc(clipPoints(oneLine(s), max));
const who = (card: ProposalCard) => txt(card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName);
const stateNote = (card: ProposalCard) =>
  card.state === 'closed' ? ' · session closed' : card.state === 'withdrawn' ? ' · withdrawn' : '';

/**
 * The actions block id changes whenever a card is re-rendered with other counts (Slack asks for a new
 * block_id on each update, or a client may keep the old buttons' state); `revision` (live-counts passes one on
 * every chat.update) makes it unique per edit, also when the counts return to an earlier state.
 */
export const actionsBlockId = (card: ProposalCard, revision?: number) =>
  `plenary_${actionValue(card.sessionId, card.number)}_${card.counts.support}.${card.counts.neutral}.${card.counts.oppose}${revision === undefined ? '' : `_r${revision}`}`;

/** One proposal's message: code, speaker, text, live counts and (while open) the four buttons. */
export function proposalMessage(card: ProposalCard, revision?: number): SlackMessage {
  const value = actionValue(card.sessionId, card.number);
  const text = card.state === 'withdrawn' ? `~${txt(card.text)}~` : txt(card.text);
  const blocks: Block[] = [
    ...sections(`*${card.code}* · *${who(card)}*\n> ${text}`),
    context(card.hidden ? `:lock: ${HIDDEN_NOTE}${stateNote(card)}` : `${counts(card.counts)}   · ${plural(card.counts.reactors, 'reactor')}${stateNote(card)}`),
  ];
  if (card.state === 'open') {
    blocks.push({
      type: 'actions',
      block_id: actionsBlockId(card, revision),
      elements: [
        button('👍 Support', ACTION.support, value, 'primary'),
        button('😐 Neutral', ACTION.neutral, value),
        button('👎 Oppose', ACTION.oppose, value, 'danger'),
        button('💬 Comment', ACTION.comment, value),
      ],
    });
  }
  const fallback = `${card.code} · ${who(card)}: ${txt(card.text)} (${card.hidden ? HIDDEN_NOTE : countsPlain(card.counts)})${stateNote(card)}`;
  return paginate(blocks, fallback)[0];
}

const cardLine = (card: ProposalCard, textMax = 500) =>
  `*${card.code}* · ${who(card)}: ${txtClip(card.text, textMax)}\n${counts(card.counts)}${stateNote(card)}`;

function proposalSummaryText(p: ProposalSummary, place: number): string {
  const label = p.label ? `  _${p.label}_` : '';
  const lines = [
    `*${place}. ${p.code}* (${txt(p.speaker)}) ${txt(p.text)}`,
    `${counts(p)} · ${p.reactors} reactors, ${percent(p.support, p.reactors)} support${label}`,
  ];
  const groups = groupBreakdown(p.byGroup);
  if (groups) lines.push(`by group: ${txt(groups)}`);
  for (const c of p.comments) lines.push(`> “${txt(c.text)}” — ${txt(c.group)}`);
  return lines.join('\n');
}

/** One short line per ranked proposal: what a post keeps when the whole text does not fit. */
const compactProposal = (p: ProposalSummary, place: number, textMax: number) =>
  `*${place}. ${p.code}* (${txt(p.speaker)}) ${txtClip(p.text, textMax)} — ${counts(p)} · ${percent(p.support, p.reactors)} of ${p.reactors}${p.label ? `  _${p.label}_` : ''}`;

/**
 * One message from a head, a full body and a compact body: the full one when it fits; else the compact
 * lines (as many as fit, then a line counting the rest) with the whole text attached as a Markdown file.
 */
function oneMessage(
  head: Block[], full: Block[], compact: string[], foot: Block[], fallback: string,
  file: { name: string; content: string },
): SlackMessage {
  const whole = [...head, ...full, ...foot];
  if (fitsOneMessage(whole)) return paginate(whole, fallback)[0];
  const note = (rest: number) =>
    context(`${rest ? `${rest} more lines not shown. ` : ''}Cut to fit Slack: the whole text, every comment included, is in the attached file ${esc(file.name)}.`);
  const reserved = blocksTextLength([...head, ...foot, note(99_999)]);
  const { blocks, taken } = packLines(compact, LIMITS.messageText - reserved, LIMITS.blocksPerMessage - head.length - foot.length - 1);
  return { ...paginate([...head, ...blocks, note(compact.length - taken), ...foot], fallback)[0], file };
}

function summaryMessage(s: SessionSummary, final: boolean): SlackMessage {
  const title = `${final ? 'Final summary' : 'Summary'} of session ${s.id} “${oneLine(s.title)}”`;
  const charts = summaryChartBlocks(s);
  const head: Block[] = [
    header(esc(title)), context(`${s.state} · ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}${s.theme ? ` · theme: ${txt(s.theme)}` : ''}`),
    ...(charts.blocks as unknown as Block[]),
  ];
  const full: Block[] = s.proposals.length ? s.proposals.flatMap((p, i) => sections(proposalSummaryText(p, i + 1))) : [section('No proposals yet.')];
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  const bridging = bridgingLine(s);
  const foot = [
    context(`Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`),
    ...(bridging ? [context(bridging)] : []),
  ];
  const compact = s.proposals.map((p, i) => compactProposal(p, i + 1, 160));
  const fallback = `${esc(title)}: ${plural(s.proposals.length, 'proposal')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}${charts.fallback ? `. ${esc(charts.fallback)}` : ''}`;
  return oneMessage(head, full, compact, foot, fallback, { name: summaryFileName(s), content: summaryMarkdown(s, final) });
}

function digestMessage(d: Digest): SlackMessage {
  const t = d.totals;
  const title = `Digest of ${oneLine(d.conference.name)} for ${d.date}`;
  const totals = `${t.sessions} sessions · ${t.proposals} proposals · ${t.reactions} reactions · ${t.participants} participants`;
  const charts = digestChartBlocks(d);
  const head: Block[] = [header(esc(title)), context(`${esc(d.conference.timezone)} · ${totals}`), ...(charts.blocks as unknown as Block[])];
  const sessionHead = (s: SessionSummary) => `*Session ${s.id} “${txt(s.title)}”* (${s.state}) — ${plural(s.speakers.length, 'speaker')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`;
  const topLines = d.top.map((p, i) => `${i + 1}. ${p.session} *${p.code}* (${txt(p.speaker)}) ${txtClip(p.text, 160)} — ${percent(p.support, p.reactors)} support of ${p.reactors}`);
  const full: Block[] = [];
  for (const s of d.sessions) {
    const lines = [sessionHead(s), ...s.proposals.map((p, i) => `${i + 1}. *${p.code}* (${txt(p.speaker)}) ${txt(p.text)} — ${counts(p)}${p.label ? `  _${p.label}_` : ''}`)];
    full.push(...sections(lines.join('\n')));
  }
  if (topLines.length) full.push(...sections(['*Top proposals of the day*', ...topLines].join('\n')));
  // Compact: the day's top proposals first (the organiser's question), then each session's ranked lines.
  const compact = [
    ...(topLines.length ? ['*Top proposals of the day*', ...topLines] : []),
    ...d.sessions.flatMap((s) => [sessionHead(s), ...s.proposals.map((p, i) => `${i + 1}. *${p.code}* ${txtClip(p.text, 80)} — ${counts(p)}${p.label ? `  _${p.label}_` : ''}`)]),
  ];
  const fallback = `${esc(title)}: ${totals}${charts.fallback ? `. ${esc(charts.fallback)}` : ''}`;
  return oneMessage(head, full, compact, [], fallback, { name: digestFileName(d, 'md'), content: digestMarkdown(d) });
}

function menuMessage(session: Session, cards: ProposalCard[]): SlackMessage {
  const title = `Menu of session ${session.id} “${oneLine(session.title)}” (${session.state})`;
  const head = [header(esc(title))];
  const full = cards.length ? cards.flatMap((c) => sections(cardLine(c))) : [section('No proposals yet.')];
  const compact = cards.map((c) => cardLine(c, 160).replace('\n', ' — '));
  return oneMessage(head, full, compact, [], `${esc(title)}: ${cards.length} proposals`, { name: menuFileName(session), content: menuMarkdown(session, cards) });
}

/** A view as messages: a menu, summary or digest is always one message (what does not fit rides in `file`). */
export function renderView(view: View): SlackMessage[] {
  switch (view.kind) {
    case 'notice':
      return paginate(sections(esc(view.text)), esc(view.text));
    case 'error':
      return paginate(sections(`:warning: ${esc(view.text)}`), `⚠ ${esc(view.text)}`);
    case 'proposal':
      return [proposalMessage(view.card)];
    case 'menu':
      return [menuMessage(view.session, view.cards)];
    case 'status': {
      const s = view.session;
      const tz = view.timezone ?? 'UTC';
      const line1 = `*Session ${s.id}* “${txt(s.title)}” — ${s.state}, started ${formatInstant(s.startedAt, tz)}${s.closedAt ? `, closed ${formatInstant(s.closedAt, tz)}` : ''}`;
      const counted = view.resultsHidden ? HIDDEN_NOTE : `${plural(view.reactions, 'reaction')} · ${plural(view.participants, 'participant')}`;
      const line2 = `${plural(view.speakers, 'speaker')} · ${plural(view.proposals, 'proposal')} · ${counted} · channels: ${esc(view.channels.join(', '))}`;
      return paginate([...sections(`${line1}\n${line2}`)], `Session ${s.id} “${txt(s.title)}” — ${s.state}`);
    }
    case 'speakers': {
      const s = view.session;
      const lines = view.speakers.map((p) => `• *${esc(p.handle)}* — ${txt(p.name)}${p.organisation ? `, ${txt(p.organisation)}` : ''}${p.group ? ` [${esc(p.group)}]` : ''}`);
      const body = lines.length ? `*Speakers of session ${s.id}*\n${lines.join('\n')}` : `No speakers yet in session ${s.id}: add one with /speaker add &lt;handle&gt; &lt;name&gt;.`;
      return paginate(sections(body), `Speakers of session ${s.id}: ${view.speakers.length}`);
    }
    case 'summary':
      return [summaryMessage(view.summary, view.final)];
    case 'digest':
      return [digestMessage(view.digest)];
  }
}

/** Slack: a response_url takes 5 posts; the ack carries the first private message, so 1 + 4 in all. */
export const PRIVATE_MESSAGES = 5;

/** How to get what a private reply had to leave out (ephemeral messages take no file). */
function restHint(view: View): string {
  if (view.kind === 'digest') return 'add `post` to post it here with the whole text as a file';
  if (view.kind === 'summary') return 'a moderator\'s `/summary post` posts it here with the whole text as a file';
  if (view.kind === 'menu') return 'a moderator\'s `/menu post` posts it here with the whole text as a file';
  return 'ask again with a narrower question';
}

/** Replaces the tail of a message by a line saying what was cut and how to get it. */
function cutWith(m: SlackMessage, why: string, view: View): SlackMessage {
  const line = context(`:scissors: ${why}: ${restHint(view)}.`);
  const blocks = [...m.blocks];
  while (blocks.length && !fitsOneMessage([...blocks, line])) blocks.pop();
  return { text: m.text, blocks: [...blocks, line] };
}

/**
 * A reply shown privately: the view's message, then (for a digest in a format) the file inline as code
 * blocks. At most the ack plus 4 response_url posts; what does not fit is cut with a line saying how to get it.
 */
export function privateMessages(view: View): SlackMessage[] {
  const shown: SlackMessage[] = renderView(view).map((m) => (m.file ? cutWith(m, 'Cut to fit Slack', view) : m));
  if (view.kind === 'digest' && view.file) shown.push(...privateFileMessages(view.file));
  if (shown.length <= PRIVATE_MESSAGES) return shown;
  const kept = shown.slice(0, PRIVATE_MESSAGES);
  kept[PRIVATE_MESSAGES - 1] = cutWith(kept[PRIVATE_MESSAGES - 1], `${shown.length - PRIVATE_MESSAGES + 1} more part(s) did not fit in private replies`, view);
  return kept;
}

/**
 * A digest file shown privately: Slack cannot attach a file to an ephemeral message, so the caller gets
 * its content inline as code blocks (split as needed); `post` uploads it to the channel instead.
 */
export function privateFileMessages(file: { name: string; content: string }): SlackMessage[] {
  const intro = section(`*${esc(file.name)}* — add \`post\` to upload it to this channel as a file.`);
  return paginate([intro, ...codeSections(file.content)], esc(file.name));
}

const STANCE_WORD: Record<Stance, string> = { support: 'support', neutral: 'are neutral on', oppose: 'oppose' };
export const stanceConfirmation = (stance: Stance, code: string) => `You ${STANCE_WORD[stance]} ${code}.`;

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
