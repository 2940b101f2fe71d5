/**
 * Views as Slack messages (Block Kit + fallback text). Pure: a view in, messages out.
 * Every string that came from a user (titles, names, texts, comments, and the notices that quote them)
 * is escaped here, once, at the edge.
 */
import type { ProposalCard, View } from '../../src/views.ts';
import type { Digest, ProposalSummary, SessionSummary } from '../../src/summary.ts';
import { groupBreakdown, percent, reach, moreCommentsNote } from '../../src/view-text.ts';
import { plural } from '../../src/plurals.ts';
import { formatInstant } from '../../src/time.ts';
import { HIDDEN_NOTE } from '../../src/hidden-results.ts';
import type { Stance } from '../../src/model.ts';
import {
  button, codeSections, context, divider, escapeSlack as esc, header, paginate, section, sections,
  type Block, type SlackMessage,
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
const who = (card: ProposalCard) => esc(card.organisation ? `${card.speakerName}, ${card.organisation}` : card.speakerName);
const stateNote = (card: ProposalCard) =>
  card.state === 'closed' ? ' · session closed' : card.state === 'withdrawn' ? ' · withdrawn' : '';

/** One proposal's message: code, speaker, text, live counts and (while open) the four buttons. */
export function proposalMessage(card: ProposalCard): SlackMessage {
  const value = actionValue(card.sessionId, card.number);
  const blocks: Block[] = [
    section(`*${card.code}* · *${who(card)}*`),
    ...sections(card.state === 'withdrawn' ? `~${esc(card.text)}~` : esc(card.text)),
    context(card.hidden ? `:lock: ${HIDDEN_NOTE}${stateNote(card)}` : `${counts(card.counts)}   · ${plural(card.counts.reactors, 'reactor')}${stateNote(card)}`),
  ];
  if (card.state === 'open') {
    blocks.push({
      type: 'actions',
      block_id: `plenary_${value}`,
      elements: [
        button('👍 Support', ACTION.support, value, 'primary'),
        button('😐 Neutral', ACTION.neutral, value),
        button('👎 Oppose', ACTION.oppose, value, 'danger'),
        button('💬 Comment', ACTION.comment, value),
      ],
    });
  }
  const fallback = `${card.code} · ${who(card)}: ${esc(card.text)} (${card.hidden ? HIDDEN_NOTE : countsPlain(card.counts)})${stateNote(card)}`;
  return paginate(blocks, fallback)[0];
}

const cardLine = (card: ProposalCard) => `*${card.code}* · ${who(card)}: ${esc(card.text)}\n${card.hidden ? `:lock: ${HIDDEN_NOTE}` : counts(card.counts)}${stateNote(card)}`;

function proposalSummaryText(p: ProposalSummary, place: number, hidden = false): string {
  const label = p.label ? `  _${p.label}_` : '';
  const lines = [
    `*${place}. ${p.code}* (${esc(p.speaker)}) ${esc(p.text)}`,
    `${counts(p)} · ${reach(p)}${label}`,
  ];
  if (hidden) return lines.slice(0, 1).join('\n');
  const groups = groupBreakdown(p.byGroup);
  if (groups) lines.push(`by group: ${esc(groups)}`);
  for (const c of p.comments) lines.push(`> “${esc(c.text)}” — ${esc(c.group)}`);
  if (p.moreComments) lines.push(`_${moreCommentsNote(p)}_`);
  return lines.join('\n');
}

function summaryBlocks(s: SessionSummary, final: boolean): { blocks: Block[]; fallback: string } {
  const title = `${final ? 'Final summary' : 'Summary'} of session ${s.id} “${s.title}”`;
  const blocks: Block[] = [header(esc(title)), context(`${s.state} · ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}${s.theme ? ` · theme: ${esc(s.theme)}` : ''}`)];
  if (s.proposals.length === 0) blocks.push(section('No proposals yet.'));
  s.proposals.forEach((p, i) => blocks.push(...sections(proposalSummaryText(p, i + 1, s.hidden))));
  if (s.hidden) return { blocks, fallback: `${esc(title)}: ${plural(s.proposals.length, 'proposal')}, ${HIDDEN_NOTE}` };
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  blocks.push(context(`Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`));
  return { blocks, fallback: `${esc(title)}: ${plural(s.proposals.length, 'proposal')}, ${plural(s.participants, 'participant')}` };
}

function digestBlocks(d: Digest): { blocks: Block[]; fallback: string } {
  const t = d.totals;
  const title = `Digest of ${d.conference.name} for ${d.date}`;
  const totals = `${plural(t.sessions, 'session')} · ${plural(t.proposals, 'proposal')} · ${plural(t.reactions, 'reaction')} · ${plural(t.participants, 'participant')}`;
  const blocks: Block[] = [header(esc(title)), context(`${esc(d.conference.timezone)} · ${totals}`)];
  for (const s of d.sessions) {
    const lines = [`*Session ${s.id} “${esc(s.title)}”* (${s.state}) — ${plural(s.speakers.length, 'speaker')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`];
    s.proposals.forEach((p, i) => lines.push(`${i + 1}. *${p.code}* (${esc(p.speaker)}) ${esc(p.text)}${s.hidden ? '' : ` — ${counts(p)}`}${p.label ? `  _${p.label}_` : ''}`));
    blocks.push(...sections(lines.join('\n')));
  }
  if (d.top.length) {
    const lines = ['*Top proposals of the day*'];
    d.top.forEach((p, i) => lines.push(`${i + 1}. ${p.session} *${p.code}* (${esc(p.speaker)}) ${esc(p.text)} — ${percent(p.support, p.reactors)} support of ${plural(p.reactors, 'reactor')}`));
    blocks.push(...sections(lines.join('\n')));
  }
  return { blocks, fallback: `${esc(title)}: ${totals}` };
}

/** A view as one or more messages (long menus, summaries and digests are split, in order). */
export function renderView(view: View): SlackMessage[] {
  switch (view.kind) {
    case 'notice':
      return paginate(sections(esc(view.text)), esc(view.text));
    case 'error':
      return paginate(sections(`:warning: ${esc(view.text)}`), `⚠ ${esc(view.text)}`);
    case 'proposal':
      return [proposalMessage(view.card)];
    case 'menu': {
      const title = `Menu of session ${view.session.id} “${view.session.title}” (${view.session.state})`;
      const body = view.cards.length ? view.cards.flatMap((c) => sections(cardLine(c))) : [section('No proposals yet.')];
      return paginate([header(esc(title)), ...body], `${esc(title)}: ${view.cards.length} proposals`);
    }
    case 'status': {
      const s = view.session;
      const tz = view.timezone ?? 'UTC';
      const line1 = `*Session ${s.id}* “${esc(s.title)}” — ${s.state}, started ${formatInstant(s.startedAt, tz)}${s.closedAt ? `, closed ${formatInstant(s.closedAt, tz)}` : ''}`;
      const counted = view.resultsHidden ? HIDDEN_NOTE : `${plural(view.reactions, 'reaction')} · ${plural(view.participants, 'participant')}`;
      const line2 = `${plural(view.speakers, 'speaker')} · ${plural(view.proposals, 'proposal')} · ${counted} · channels: ${esc(view.channels.join(', '))}`;
      return paginate([...sections(`${line1}\n${line2}`)], `Session ${s.id} “${esc(s.title)}” — ${s.state}`);
    }
    case 'speakers': {
      const s = view.session;
      const lines = view.speakers.map((p) => `• *${esc(p.handle)}* — ${esc(p.name)}${p.organisation ? `, ${esc(p.organisation)}` : ''}${p.group ? ` [${esc(p.group)}]` : ''}`);
      const body = lines.length ? `*Speakers of session ${s.id}*\n${lines.join('\n')}` : `No speakers yet in session ${s.id}: add one with /speaker add &lt;handle&gt; &lt;name&gt;.`;
      return paginate(sections(body), `Speakers of session ${s.id}: ${view.speakers.length}`);
    }
    case 'summary': {
      const { blocks, fallback } = summaryBlocks(view.summary, view.final);
      return paginate(blocks, fallback);
    }
    case 'digest': {
      const { blocks, fallback } = digestBlocks(view.digest);
      return paginate(blocks, fallback);
    }
  }
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
export function commentModal(card: ProposalCard, metadata: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: COMMENT_CALLBACK,
    private_metadata: metadata,
    title: { type: 'plain_text', text: `Comment on ${card.code}`.slice(0, 24) },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      section(`*${card.code}* · *${who(card)}*\n${esc(card.text)}`),
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
