/**
 * Views as Discord messages. Pure: a view in, message payloads out — no client, no I/O — so every
 * Discord limit (content ≤ 2,000, embed ≤ 6,000 in all, field ≤ 1,024, ≤ 25 fields) is unit-tested here.
 * A long view becomes several messages, sent in order; nothing is silently cut except over-long single
 * lines, which are clipped with an ellipsis.
 */
import {
  ButtonStyle, ComponentType, TextInputStyle, escapeMarkdown,
  type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField, type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { ChannelRef, Stance } from '../../src/model.ts';
import { SESSION_ID } from '../../src/model.ts';
import type { ProposalSummary, SessionSummary, Digest } from '../../src/summary.ts';
import { markdownWithCharts, withDigestCharts, withSummaryChart } from './chart-files.ts';
import { emojiCounts, groupBreakdown, oneLine, percent, STANCE_EMOJI, STANCE_LABEL, cardCounts } from '../../src/view-text.ts';
import { plural } from '../../src/plurals.ts';
import { formatInstant } from '../../src/time.ts';
import { HIDDEN_NOTE } from '../../src/hidden-results.ts';
import { bridgingLine } from '../../src/opinion-groups.ts';
import {
  digestFileName, digestMarkdown, menuFileName, menuMarkdown, summaryFileName, summaryMarkdown,
} from '../../src/digest-format.ts';
import type { ProposalCard, View } from '../../src/views.ts';

export const LIMITS = { content: 2000, embedTotal: 6000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25 } as const;
/** Sent with every message and response: user text never pings anyone. */
export const NO_MENTIONS = { parse: [] as [] };

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: Array<{ name: string; attachment: Buffer }>;
  allowedMentions: typeof NO_MENTIONS;
}

const COLOR = { brand: 0x3b6ea5, open: 0x3b6ea5, closed: 0x6b7280, withdrawn: 0x9ca3af, error: 0xb91c1c } as const;

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

// ── text helpers ────────────────────────────────────────────────────────────────────────────────

/**
 * A participant's text made inert in Discord markdown: on one line, and no link (masked or `<#…>`/`<@…>`
 * mention syntax), heading, quote, list, code or emphasis: discord.js's escapeMarkdown, plus `<`, `>`, `[`, `]`,
 * `|`, `*` and `_` escaped one by one.
 */
export function md(text: string): string {
  const escaped = escapeMarkdown(oneLine(text), {
    // Emphasis (`*`, `_`) is escaped below, character by character: discord.js's italic rule is slow on long text.
    codeBlock: true, inlineCode: true, bold: false, italic: false, underline: false, strikethrough: true, spoiler: true,
    codeBlockContent: true, inlineCodeContent: true, escape: true, heading: true, bulletedList: true, numberedList: true, maskedLink: true,
  });
  return escaped.replace(/(?<!\\)([<>[\]|*_])/g, '\\$1');
}

/** Cuts to `max` UTF-16 units (what Discord's limits count, conservatively) without splitting a pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Splits text into chunks ≤ max, preferring line breaks; a single over-long line is hard-split. */
export function splitText(text: string, max: number = LIMITS.content): string[] {
  const chunks: string[] = [];
  let current = '';
  const pushLine = (line: string) => {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) { current = candidate; return; }
    if (current) chunks.push(current);
    current = '';
    let rest = line;
    while (rest.length > max) {
      let head = '';
      for (const ch of rest) {
        if (head.length + ch.length > max) break;
        head += ch;
      }
      chunks.push(head);
      rest = rest.slice(head.length);
    }
    current = rest;
  };
  for (const line of text.split('\n')) pushLine(line);
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

const channelName = (ref: ChannelRef) => (ref.startsWith('discord:') ? `<#${ref.slice(8)}>` : ref);

/** Lines packed into fields ≤ 1,024; continuation fields repeat the name with "(cont.)". */
export function linesToFields(name: string, lines: string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  for (const chunk of splitText(lines.map((l) => clip(l, LIMITS.fieldValue)).join('\n') || '—', LIMITS.fieldValue)) {
    fields.push({ name: clip(fields.length ? `${name} (cont.)` : name, LIMITS.fieldName), value: chunk || '—' });
  }
  return fields;
}

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

/**
 * One embed per message, fields spread over as many embeds as the limits need. Keeping one embed per
 * message makes the 6,000-character rule (which counts every embed of a message together) simple.
 */
export function packEmbeds(head: APIEmbed, fields: APIEmbedField[]): APIEmbed[] {
  const first: APIEmbed = { ...head, title: head.title && clip(head.title, LIMITS.title), description: head.description && clip(head.description, LIMITS.description), fields: [] };
  const embeds = [first];
  let current = first;
  for (const field of fields) {
    const fits = current.fields!.length < LIMITS.fields && embedSize(current) + field.name.length + field.value.length <= LIMITS.embedTotal;
    if (!fits) {
      current = { color: head.color, title: clip(`${head.title ?? ''} (continued)`, LIMITS.title), fields: [] };
      embeds.push(current);
    }
    current.fields!.push(field);
  }
  for (const e of embeds) if (!e.fields!.length) delete e.fields;
  return embeds;
}

/**
 * A post is one message: every embed when they fit together (≤ 10, ≤ 6,000 characters in all); otherwise one
 * embed of compact ranked lines (as many as fit, then a count of the rest) with the whole text attached as a
 * Markdown file (a multipart attachment).
 */
function oneMessage(embeds: APIEmbed[], compactLines: string[], file: { name: string; content: string }): DiscordMessage {
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
  const footer = `${rest ? `${rest} more lines not shown. ` : ''}Cut to fit Discord: the whole text, every comment included, is in ${file.name}.`;
  return {
    embeds: [{ color: head.color, title: head.title, description: clip(description, LIMITS.description), footer: { text: footer } }],
    files: [{ name: file.name, attachment: Buffer.from(file.content, 'utf8') }],
    allowedMentions: NO_MENTIONS,
  };
}

const asMessages = (embeds: APIEmbed[]): DiscordMessage[] => embeds.map((e) => ({ embeds: [e], allowedMentions: NO_MENTIONS }));
const textMessages = (text: string): DiscordMessage[] => splitText(text).map((content) => ({ content, allowedMentions: NO_MENTIONS }));

// ── proposal cards ──────────────────────────────────────────────────────────────────────────────

export function proposalEmbed(card: ProposalCard): APIEmbed {
  const who = md(card.organisation ? `${card.speakerName} (${card.organisation})` : card.speakerName);
  const state = card.state === 'open'
    ? 'React with the buttons, 👍 😐 👎, or /react'
    : card.state === 'closed' ? 'Session closed: reactions are no longer accepted' : 'Withdrawn: this proposal left the menu';
  return {
    color: COLOR[card.state],
    title: clip(`${card.code} · ${who}`, LIMITS.title),
    description: clip(md(card.text), LIMITS.description),
    fields: card.hidden
      ? [{ name: '🔒 Results', value: HIDDEN_NOTE, inline: false }]
      : (['support', 'neutral', 'oppose'] as const).map((s) => ({ name: `${STANCE_EMOJI[s]} ${STANCE_LABEL[s]}`, value: String(card.counts[s]), inline: true })),
    footer: { text: `Session ${card.sessionId} · ${card.speaker} · ${state}` },
  };
}

export function proposalButtons(card: ProposalCard): APIActionRowComponent<APIButtonComponent>[] {
  if (card.state !== 'open') return []; // nothing to click once the session closed or the proposal left
  const ids = { sessionId: card.sessionId, number: card.number };
  const styles: Record<Stance, ButtonStyle.Success | ButtonStyle.Secondary | ButtonStyle.Danger> = {
    support: ButtonStyle.Success, neutral: ButtonStyle.Secondary, oppose: ButtonStyle.Danger,
  };
  return [{
    type: ComponentType.ActionRow,
    components: [
      ...(['support', 'neutral', 'oppose'] as const).map((stance): APIButtonComponent => ({
        type: ComponentType.Button, style: styles[stance], label: STANCE_LABEL[stance], emoji: { name: STANCE_EMOJI[stance] },
        custom_id: customId({ action: 'react', ...ids, stance }),
      })),
      { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Comment', emoji: { name: '💬' }, custom_id: customId({ action: 'comment', ...ids }) },
    ],
  }];
}

/** The message for a proposal, used both to post it and to edit its live counts. */
export function proposalMessage(card: ProposalCard): DiscordMessage {
  return { embeds: [proposalEmbed(card)], components: proposalButtons(card), allowedMentions: NO_MENTIONS };
}

// ── summaries and digests ───────────────────────────────────────────────────────────────────────

function proposalFields(p: ProposalSummary, place: number): APIEmbedField[] {
  const label = p.label ? ` — ${p.label}` : '';
  const lines = [clip(md(p.text), 700), `${emojiCounts(p)} — ${p.reactors} reactors, ${percent(p.support, p.reactors)} support`];
  const groups = groupBreakdown(p.byGroup);
  if (groups) lines.push(`by group: ${groups}`);
  const fields = linesToFields(`${place}. ${p.code} (${md(p.speaker)})${label}`, lines);
  if (p.comments.length) fields.push(...linesToFields(`${p.code} comments`, p.comments.map((c) => `“${md(c.text)}” — ${md(c.group)}`)));
  return fields;
}

export function summaryEmbeds(s: SessionSummary, final: boolean): APIEmbed[] {
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  const description = [
    s.theme ? `Theme: ${clip(md(s.theme), 600)}` : '',
    `${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')} · ${s.state}`,
    `Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`,
    bridgingLine(s) ?? '',
    s.proposals.length ? '' : 'No proposals yet.',
  ].filter(Boolean).join('\n');
  const head: APIEmbed = { color: COLOR.brand, title: `${final ? 'Final summary' : 'Summary'} of session ${s.id} “${md(s.title)}”`, description };
  return packEmbeds(head, s.proposals.flatMap((p, i) => proposalFields(p, i + 1)));
}

export function digestEmbeds(d: Digest): APIEmbed[] {
  const t = d.totals;
  const head: APIEmbed = {
    color: COLOR.brand,
    title: `Digest of ${md(d.conference.name)} for ${d.date}`,
    description: `${t.sessions} sessions · ${t.proposals} proposals · ${t.reactions} reactions · ${t.participants} participants (${d.conference.timezone})`,
  };
  const fields = d.sessions.flatMap((s) => linesToFields(
    `Session ${s.id} “${md(s.title)}” (${s.state}) — ${plural(s.speakers.length, 'speaker')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`,
    s.proposals.length
      ? s.proposals.map((p, i) => `${i + 1}. ${p.code} (${md(p.speaker)}) ${clip(md(p.text), 300)} — ${emojiCounts(p)}${p.label ? ` — ${p.label}` : ''}`)
      : ['No proposals.'],
  ));
  if (d.top.length) {
    fields.push(...linesToFields('Top proposals of the day', d.top.map((p, i) =>
      `${i + 1}. ${p.session} ${p.code} (${md(p.speaker)}) ${clip(md(p.text), 300)} — ${percent(p.support, p.reactors)} support of ${p.reactors}`)));
  }
  return packEmbeds(head, fields);
}

const compactSummary = (p: ProposalSummary, place: number) =>
  `${place}. **${p.code}** (${md(p.speaker)}) ${clip(md(p.text), 120)} — ${emojiCounts(p)} · ${percent(p.support, p.reactors)} of ${p.reactors}${p.label ? ` — ${p.label}` : ''}`;

function digestCompact(d: Digest): string[] {
  return [
    ...(d.top.length ? ['**Top proposals of the day**', ...d.top.map((p, i) => `${i + 1}. ${p.session} ${p.code} ${clip(md(p.text), 80)} — ${percent(p.support, p.reactors)} support of ${p.reactors}`)] : []),
    ...d.sessions.flatMap((s) => [
      `**Session ${s.id} “${clip(md(s.title), 80)}”** (${s.state}) — ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`,
      ...s.proposals.map((p, i) => `${i + 1}. ${p.code} ${clip(md(p.text), 60)} — ${emojiCounts(p)}${p.label ? ` — ${p.label}` : ''}`),
    ]),
  ];
}

// ── every view ──────────────────────────────────────────────────────────────────────────────────

export function renderView(view: View): DiscordMessage[] {
  switch (view.kind) {
    case 'notice':
      return textMessages(view.text);
    case 'error':
      return textMessages(`⚠️ ${view.text}`);
    case 'proposal':
      return [proposalMessage(view.card)];
    case 'menu': {
      const head: APIEmbed = {
        color: COLOR[view.session.state], title: `Menu of session ${view.session.id} “${md(view.session.title)}” (${view.session.state})`,
        description: view.cards.length ? undefined : 'No proposals yet.',
      };
      const fields = view.cards.flatMap((c) => linesToFields(
        `${c.code} · ${md(c.organisation ? `${c.speakerName} (${c.organisation})` : c.speakerName)}`,
        [md(c.text), cardCounts(c)],
      ));
      const compact = view.cards.map((c) => `**${c.code}** · ${md(c.speakerName)}: ${clip(md(c.text), 120)} — ${cardCounts(c)}`);
      return [oneMessage(packEmbeds(head, fields), compact, { name: menuFileName(view.session), content: menuMarkdown(view.session, view.cards) })];
    }
    case 'status': {
      const s = view.session;
      const tz = view.timezone ?? 'UTC';
      const when = `started ${formatInstant(s.startedAt, tz)}${s.closedAt ? `, closed ${formatInstant(s.closedAt, tz)}` : ''}`;
      const shown = view.resultsHidden ? (['speakers', 'proposals'] as const) : (['speakers', 'proposals', 'reactions', 'participants'] as const);
      return asMessages(packEmbeds(
        { color: COLOR[s.state], title: `Session ${s.id} “${md(s.title)}” — ${s.state}`, description: `${s.theme ? `Theme: ${md(s.theme)}\n` : ''}${when}` },
        [
          ...shown.map((k) => ({ name: k[0].toUpperCase() + k.slice(1), value: String(view[k]), inline: true })),
          ...(view.resultsHidden ? [{ name: '🔒 Results', value: HIDDEN_NOTE, inline: false }] : []),
          ...linesToFields('Channels', [view.channels.map(channelName).join(', ')]),
        ],
      ));
    }
    case 'speakers': {
      const lines = view.speakers.map((s) => `**${s.handle}** — ${md(s.name)}${s.organisation ? `, ${md(s.organisation)}` : ''}${s.group ? ` [${md(s.group)}]` : ''}`);
      if (!lines.length) return textMessages(`No speakers yet in session ${view.session.id}: add one with /speaker add <handle> <name>.`);
      return asMessages(packEmbeds({ color: COLOR.brand, title: `Speakers of session ${view.session.id}` }, linesToFields('Speakers', lines)));
    }
    case 'summary': {
      const s = view.summary;
      return withSummaryChart([oneMessage(summaryEmbeds(s, view.final), s.proposals.map((p, i) => compactSummary(p, i + 1)), { name: summaryFileName(s), content: summaryMarkdown(s, view.final) })], s);
    }
    case 'digest': {
      if (!view.file) return withDigestCharts([oneMessage(digestEmbeds(view.digest), digestCompact(view.digest), { name: digestFileName(view.digest, 'md'), content: digestMarkdown(view.digest) })], view.digest);
      const t = view.digest.totals;
      const charted = view.file.format === 'md' ? markdownWithCharts(view.digest, view.file.content) : { markdown: view.file.content, images: [] };
      return [{
        content: `Digest for ${view.digest.date}: ${t.sessions} sessions, ${t.proposals} proposals, ${t.reactions} reactions — attached as ${view.file.name}.`,
        files: [{ name: view.file.name, attachment: Buffer.from(charted.markdown, 'utf8') }, ...charted.images],
        allowedMentions: NO_MENTIONS,
      }];
    }
  }
}
