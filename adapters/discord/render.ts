/**
 * Views as Discord messages. Pure: a view in, message payloads out — no client, no I/O — so every
 * Discord limit (content ≤ 2,000, embed ≤ 6,000 in all, field ≤ 1,024, ≤ 25 fields) is unit-tested here.
 * A long view becomes several messages, sent in order; nothing is silently cut except over-long single
 * lines, which are clipped with an ellipsis.
 */
import {
  ButtonStyle, ComponentType, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import {
  asMessages, clip, COLOR, embedSize, LIMITS, linesToFields, md, NO_MENTIONS, packEmbeds, type DiscordMessage,
} from './embeds.ts';
import { cardEmbeds, cardMessages, discordText } from './card-embeds.ts';
import { composeCard } from '../../src/cards/compose.ts';
import type { Card } from '../../src/cards/primitives.ts';

export { clip, LIMITS, linesToFields, md, NO_MENTIONS, packEmbeds, splitText, type DiscordMessage } from './embeds.ts';
import type { ChannelRef, Stance } from '../../src/model.ts';
import { SESSION_ID } from '../../src/model.ts';
import type { ProposalSummary, SessionSummary, Digest } from '../../src/summary.ts';
import { markdownWithCharts, withDigestCharts, withSummaryChart } from './chart-files.ts';
import {
  counted, emojiCounts, groupBreakdown, hiddenNote, labelsLine, reach, shareOf, stateWord,
  summaryTitle, supportOf, type Locale,
} from '../../src/view-text.ts';
import { formatInstant } from '../../src/time.ts';
import { say } from '../../src/wording/say.ts';
import { digestTotals } from '../../src/cards/compose.ts';
import { bridgingLine } from '../../src/opinion-groups.ts';
import {
  digestFileName, digestMarkdown, menuFileName, menuMarkdown, summaryFileName, summaryMarkdown,
} from '../../src/digest-format.ts';
import type { ProposalCard, View } from '../../src/views.ts';


// ── custom ids (≤ 100 characters; session ids are ≤ 9, numbers ≤ 6 digits) ───────────────────────
export type CustomAction =
  | { action: 'react'; sessionId: string; number: number; stance: Stance }
  | { action: 'comment'; sessionId: string; number: number }
  | { action: 'comment-form'; sessionId: string; number: number };

export function customId(a: CustomAction): string {
  return a.action === 'react' ? `plenary:react:${a.sessionId}:${a.number}:${a.stance}` : `plenary:${a.action}:${a.sessionId}:${a.number}`;
}

export function parseCustomId(id: string): CustomAction | null {
  const m = new RegExp(`^plenary:(react|comment|comment-form):(${SESSION_ID.source}):(\\d{1,6})(?::(support|neutral|oppose))?$`).exec(id);
  if (!m) return null;
  const [, action, sessionId, n, stance] = m;
  if (action === 'react') return stance ? { action, sessionId, number: Number(n), stance: stance as Stance } : null;
  return stance ? null : { action: action as 'comment' | 'comment-form', sessionId, number: Number(n) };
}

export const COMMENT_FIELD = 'comment';

/** The Comment label: Discord refuses a text-input (or Label) label over 45 characters. */
export const COMMENT_LABEL = 'Your comment';
export const COMMENT_HINT = 'Others see it with your stakeholder group, never your name.';

/**
 * The Comment button's form: one paragraph, ≤ 500 characters like every comment. It uses Discord's Label
 * component (type 18: a label ≤ 45 and a description ≤ 100 around the input), which discord.js 14.28 and
 * discord-api-types support, rather than the deprecated label on a text input inside an action row.
 */
export function commentModal(sessionId: string, number: number): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId({ action: 'comment-form', sessionId, number }),
    title: `Comment on P${number}`,
    components: [{
      type: ComponentType.Label,
      label: COMMENT_LABEL,
      description: COMMENT_HINT,
      component: {
        type: ComponentType.TextInput, custom_id: COMMENT_FIELD,
        style: TextInputStyle.Paragraph, min_length: 1, max_length: 500, required: true,
      },
    }],
  };
}

const channelName = (ref: ChannelRef) => (ref.startsWith('discord:') ? `<#${ref.slice(8)}>` : ref);

/**
 * A post is one message: every embed when they fit together (≤ 10, ≤ 6,000 characters in all); otherwise one
 * embed of compact ranked lines (as many as fit, then a count of the rest) with the whole text attached as a
 * Markdown file (a multipart attachment).
 */
function oneMessage(embeds: APIEmbed[], compactLines: string[], file: { name: string; content: string }, locale?: Locale): DiscordMessage {
  const total = embeds.reduce((n, e) => n + embedSize(e), 0);
  if (embeds.length <= 10 && total <= LIMITS.embedTotal) return { embeds, allowedMentions: NO_MENTIONS };
  const head = embeds[0];
  const budget = LIMITS.description - 100;
  const lines: string[] = [];
  let used = head.description ? head.description.length + 2 : 0;
  for (const line of compactLines) {
    const cut = clip(line, 300);
    if (used + cut.length + 1 > budget) break;
    lines.push(cut);
    used += cut.length + 1;
  }
  const rest = compactLines.length - lines.length;
  const description = [head.description, lines.join('\n')].filter(Boolean).join('\n\n');
  const footer = `${rest ? `${say('view.cut.more-lines', { count: rest }, locale)} ` : ''}${say('view.cut.note', { platform: 'Discord', file: file.name }, locale)}`;
  return {
    embeds: [{ color: head.color, title: head.title, description: clip(description, LIMITS.description), footer: { text: footer } }],
    files: [{ name: file.name, attachment: Buffer.from(file.content, 'utf8') }],
    allowedMentions: NO_MENTIONS,
  };
}


// ── proposal cards ──────────────────────────────────────────────────────────────────────────────

/** The card's actions primitive as Discord buttons (custom ids carry session, number and stance); none once closed. */
function actionRows(card: Card): APIActionRowComponent<APIButtonComponent>[] {
  const actions = card.blocks.find((b) => b.type === 'actions');
  if (actions?.type !== 'actions') return [];
  const ids = { sessionId: actions.sessionId, number: actions.number };
  const styles = { support: ButtonStyle.Success, neutral: ButtonStyle.Secondary, oppose: ButtonStyle.Danger, comment: ButtonStyle.Primary } as const;
  return [{
    type: ComponentType.ActionRow,
    components: actions.actions.map((a): APIButtonComponent => ({
      type: ComponentType.Button, style: styles[a.action], label: a.label, emoji: { name: a.emoji },
      custom_id: customId(a.action === 'comment' ? { action: 'comment', ...ids } : { action: 'react', ...ids, stance: a.action }),
    })),
  }];
}

/** The message for a proposal, used both to post it and to edit its live counts: composeCard's card as an embed. */
export function proposalMessage(card: ProposalCard, locale?: Locale): DiscordMessage {
  const composed = composeCard({ kind: 'proposal', card }, locale);
  return { ...cardMessages(composed)[0], components: actionRows(composed) };
}

// ── summaries and digests ───────────────────────────────────────────────────────────────────────

function proposalFields(p: ProposalSummary, place: number, locale?: Locale): APIEmbedField[] {
  const label = p.label ? ` — ${p.label}` : '';
  const lines = [clip(md(p.text), 700), `${emojiCounts(p)} — ${reach(p, locale)}`];
  const groups = groupBreakdown(p.byGroup, locale);
  if (groups) lines.push(say('view.summary.by-group', { groups: md(groups) }, locale));
  const fields = linesToFields(`${place}. ${p.code} (${md(p.speaker)})${label}`, lines);
  if (p.comments.length) fields.push(...linesToFields(say('discord.comments', { code: p.code }, locale), p.comments.map((c) => `“${md(c.text)}” — ${md(c.group)}`)));
  return fields;
}

const participantsOf = (s: SessionSummary, locale?: Locale) => (s.hidden ? hiddenNote(locale) : counted('participants', s.participants, locale));

export function summaryEmbeds(s: SessionSummary, final: boolean, locale?: Locale): APIEmbed[] {
  const description = [
    s.theme ? say('view.summary.theme', { theme: clip(md(s.theme), 600) }, locale) : '',
    `${participantsOf(s, locale)} · ${stateWord(s.state, locale)}`,
    labelsLine(s.proposals, locale),
    bridgingLine(s) ?? '',
    s.proposals.length ? '' : say('view.no-proposals', {}, locale),
  ].filter(Boolean).join('\n');
  const head: APIEmbed = { color: COLOR.brand, title: summaryTitle(s, final, md(s.title), locale), description };
  return packEmbeds(head, s.proposals.flatMap((p, i) => proposalFields(p, i + 1, locale)));
}

const sessionLine = (s: SessionSummary, title: string, locale?: Locale) => say('view.session.line', {
  id: s.id, title, state: stateWord(s.state, locale), speakers: counted('speakers', s.speakers.length, locale), participants: participantsOf(s, locale),
}, locale);

export function digestEmbeds(d: Digest, locale?: Locale): APIEmbed[] {
  const head: APIEmbed = {
    color: COLOR.brand,
    title: say('view.digest.title', { name: md(d.conference.name), date: d.date }, locale),
    description: `${digestTotals(d.totals, locale)} (${d.conference.timezone})`,
  };
  const fields = d.sessions.flatMap((s) => linesToFields(
    sessionLine(s, md(s.title), locale),
    s.proposals.length
      ? s.proposals.map((p, i) => `${i + 1}. ${p.code} (${md(p.speaker)}) ${clip(md(p.text), 300)} — ${emojiCounts(p)}${p.label ? ` — ${p.label}` : ''}`)
      : [say('view.no-proposals', {}, locale)],
  ));
  if (d.top.length) {
    fields.push(...linesToFields(say('view.digest.top', {}, locale), d.top.map((p, i) =>
      `${i + 1}. ${p.session} ${p.code} (${md(p.speaker)}) ${clip(md(p.text), 300)} — ${supportOf(p, locale)}`)));
  }
  return packEmbeds(head, fields);
}

const compactSummary = (p: ProposalSummary, place: number, locale?: Locale) =>
  `${place}. **${p.code}** (${md(p.speaker)}) ${clip(md(p.text), 120)} — ${emojiCounts(p)} · ${shareOf(p, locale)}${p.label ? ` — ${p.label}` : ''}`;

function digestCompact(d: Digest, locale?: Locale): string[] {
  const top = d.top.map((p, i) => `${i + 1}. ${p.session} ${p.code} ${clip(md(p.text), 80)} — ${supportOf(p, locale)}`);
  return [
    ...(d.top.length ? [`**${say('view.digest.top', {}, locale)}**`, ...top] : []),
    ...d.sessions.flatMap((s) => [
      `**${sessionLine(s, clip(md(s.title), 80), locale)}**`,
      ...s.proposals.map((p, i) => `${i + 1}. ${p.code} ${clip(md(p.text), 60)} — ${emojiCounts(p)}${p.label ? ` — ${p.label}` : ''}`),
    ]),
  ];
}

// ── every view ──────────────────────────────────────────────────────────────────────────────────

export function renderView(view: View, locale?: Locale): DiscordMessage[] {
  switch (view.kind) {
    case 'notice':
    case 'error':
    case 'speakers':
      return cardMessages(composeCard(view, locale));
    case 'proposal':
      return [proposalMessage(view.card, locale)];
    case 'menu': {
      const card = composeCard(view, locale);
      const list = card.blocks.find((b) => b.type === 'list');
      const compact = list?.type === 'list' ? list.items.map((item) => discordText(item)) : [];
      const file = { name: menuFileName(view.session), content: menuMarkdown(view.session, view.cards, locale) };
      return [oneMessage(cardEmbeds(card), compact, file, locale)];
    }
    case 'status': {
      const s = view.session;
      const tz = view.timezone ?? 'UTC';
      const times = [say('view.status.started', { at: formatInstant(s.startedAt, tz) }, locale)];
      if (s.closedAt) times.push(say('view.status.closed', { at: formatInstant(s.closedAt, tz) }, locale));
      const shown = view.resultsHidden ? (['speakers', 'proposals'] as const) : (['speakers', 'proposals', 'reactions', 'participants'] as const);
      const theme = s.theme ? `${say('view.summary.theme', { theme: md(s.theme) }, locale)}\n` : '';
      return asMessages(packEmbeds(
        { color: COLOR[s.state], title: say('view.status.title', { id: s.id, title: md(s.title), state: stateWord(s.state, locale) }, locale), description: `${theme}${times.join(', ')}` },
        [
          ...shown.map((k) => ({ name: say(`discord.status.${k}`, {}, locale), value: String(view[k]), inline: true })),
          ...(view.resultsHidden ? [{ name: `🔒 ${say('discord.results', {}, locale)}`, value: hiddenNote(locale), inline: false }] : []),
          ...linesToFields(say('discord.status.channels', {}, locale), [view.channels.map(channelName).join(', ')]),
        ],
      ));
    }
    case 'summary': {
      const s = view.summary;
      const file = { name: summaryFileName(s), content: summaryMarkdown(s, view.final, locale) };
      return withSummaryChart([oneMessage(summaryEmbeds(s, view.final, locale), s.proposals.map((p, i) => compactSummary(p, i + 1, locale)), file, locale)], s);
    }
    case 'digest': {
      const d = view.digest;
      if (!view.file) {
        const file = { name: digestFileName(d, 'md'), content: digestMarkdown(d, locale) };
        return withDigestCharts([oneMessage(digestEmbeds(d, locale), digestCompact(d, locale), file, locale)], d);
      }
      const charted = view.file.format === 'md' ? markdownWithCharts(d, view.file.content, locale) : { markdown: view.file.content, images: [] };
      const t = d.totals;
      return [{
        content: say('discord.digest.attached', {
          date: d.date, sessions: counted('sessions', t.sessions, locale), proposals: counted('proposals', t.proposals, locale),
          reactions: counted('reactions', t.reactions, locale), file: view.file.name,
        }, locale),
        files: [{ name: view.file.name, attachment: Buffer.from(charted.markdown, 'utf8') }, ...charted.images],
        allowedMentions: NO_MENTIONS,
      }];
    }
  }
}
