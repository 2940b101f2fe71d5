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
import type { ChannelRef, Stance } from '../../src/model.ts';
import type { ProposalSummary, SessionSummary, Digest } from '../../src/summary.ts';
import { cardCounts, emojiCounts, groupBreakdown, percent, STANCE_EMOJI, STANCE_LABEL, reach, moreCommentsNote } from '../../src/view-text.ts';
import { plural } from '../../src/plurals.ts';
import { formatInstant } from '../../src/time.ts';
import { HIDDEN_NOTE } from '../../src/hidden-results.ts';
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
  const m = /^plenary:(react|comment|comment-form):(s[a-z0-9]{3,8}):(\d{1,6})(?::(support|neutral|oppose))?$/.exec(id);
  if (!m) return null;
  const [, action, sessionId, n, stance] = m;
  if (action === 'react') return stance ? { action, sessionId, number: Number(n), stance: stance as Stance } : null;
  return stance ? null : { action: action as 'comment' | 'comment-form', sessionId, number: Number(n) };
}

export const COMMENT_FIELD = 'comment';

/** The Comment button's form: one paragraph, ≤ 500 characters like every comment. */
export function commentModal(sessionId: string, number: number): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId({ action: 'comment-form', sessionId, number }),
    title: `Comment on P${number}`,
    components: [{
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput, custom_id: COMMENT_FIELD, label: 'Your comment (others see it without your name)',
        style: TextInputStyle.Paragraph, min_length: 1, max_length: 500, required: true,
      }],
    }],
  };
}

// ── text helpers ────────────────────────────────────────────────────────────────────────────────

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

const asMessages = (embeds: APIEmbed[]): DiscordMessage[] => embeds.map((e) => ({ embeds: [e], allowedMentions: NO_MENTIONS }));
const textMessages = (text: string): DiscordMessage[] => splitText(text).map((content) => ({ content, allowedMentions: NO_MENTIONS }));

// ── proposal cards ──────────────────────────────────────────────────────────────────────────────

export function proposalEmbed(card: ProposalCard): APIEmbed {
  const who = card.organisation ? `${card.speakerName} (${card.organisation})` : card.speakerName;
  const state = card.state === 'open'
    ? 'React with the buttons, 👍 😐 👎, or /react'
    : card.state === 'closed' ? 'Session closed: reactions are no longer accepted' : 'Withdrawn: this proposal left the menu';
  return {
    color: COLOR[card.state],
    title: clip(`${card.code} · ${who}`, LIMITS.title),
    description: clip(card.text, LIMITS.description),
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

function proposalFields(p: ProposalSummary, place: number, hidden = false): APIEmbedField[] {
  const label = p.label ? ` — ${p.label}` : '';
  if (hidden) return linesToFields(`${place}. ${p.code} (${p.speaker})`, [clip(p.text, 700)]);
  const lines = [clip(p.text, 700), `${emojiCounts(p)} — ${reach(p)}`];
  const groups = groupBreakdown(p.byGroup);
  if (groups) lines.push(`by group: ${groups}`);
  const fields = linesToFields(`${place}. ${p.code} (${p.speaker})${label}`, lines);
  if (p.comments.length) fields.push(...linesToFields(`${p.code} comments`, [...p.comments.map((c) => `“${c.text}” — ${c.group}`), ...(p.moreComments ? [moreCommentsNote(p)] : [])]));
  return fields;
}

export function summaryEmbeds(s: SessionSummary, final: boolean): APIEmbed[] {
  const consensus = s.proposals.filter((p) => p.label === 'consensus').map((p) => p.code);
  const divisive = s.proposals.filter((p) => p.label === 'divisive').map((p) => p.code);
  const description = [
    s.theme ? `Theme: ${clip(s.theme, 600)}` : '',
    `${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')} · ${s.state}`,
    `Broad support across groups: ${consensus.join(', ') || 'none'} · Divides groups: ${divisive.join(', ') || 'none'}`,
    s.proposals.length ? '' : 'No proposals yet.',
  ].filter(Boolean).join('\n');
  const head: APIEmbed = { color: COLOR.brand, title: `${final ? 'Final summary' : 'Summary'} of session ${s.id} “${s.title}”`, description };
  return packEmbeds(head, s.proposals.flatMap((p, i) => proposalFields(p, i + 1, s.hidden)));
}

export function digestEmbeds(d: Digest): APIEmbed[] {
  const t = d.totals;
  const head: APIEmbed = {
    color: COLOR.brand,
    title: `Digest of ${d.conference.name} for ${d.date}`,
    description: `${plural(t.sessions, 'session')} · ${plural(t.proposals, 'proposal')} · ${plural(t.reactions, 'reaction')} · ${plural(t.participants, 'participant')} (${d.conference.timezone})`,
  };
  const fields = d.sessions.flatMap((s) => linesToFields(
    `Session ${s.id} “${s.title}” (${s.state}) — ${plural(s.speakers.length, 'speaker')}, ${s.hidden ? HIDDEN_NOTE : plural(s.participants, 'participant')}`,
    s.proposals.length
      ? s.proposals.map((p, i) => `${i + 1}. ${p.code} (${p.speaker}) ${clip(p.text, 300)}${s.hidden ? '' : ` — ${emojiCounts(p)}`}${p.label ? ` — ${p.label}` : ''}`)
      : ['No proposals.'],
  ));
  if (d.top.length) {
    fields.push(...linesToFields('Top proposals of the day', d.top.map((p, i) =>
      `${i + 1}. ${p.session} ${p.code} (${p.speaker}) ${clip(p.text, 300)} — ${percent(p.support, p.reactors)} support of ${plural(p.reactors, 'reactor')}`)));
  }
  return packEmbeds(head, fields);
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
        color: COLOR[view.session.state], title: `Menu of session ${view.session.id} “${view.session.title}” (${view.session.state})`,
        description: view.cards.length ? undefined : 'No proposals yet.',
      };
      const fields = view.cards.flatMap((c) => linesToFields(
        `${c.code} · ${c.organisation ? `${c.speakerName} (${c.organisation})` : c.speakerName}`,
        [c.text, cardCounts(c)],
      ));
      return asMessages(packEmbeds(head, fields));
    }
    case 'status': {
      const s = view.session;
      const tz = view.timezone ?? 'UTC';
      const when = `started ${formatInstant(s.startedAt, tz)}${s.closedAt ? `, closed ${formatInstant(s.closedAt, tz)}` : ''}`;
      const shown = view.resultsHidden ? (['speakers', 'proposals'] as const) : (['speakers', 'proposals', 'reactions', 'participants'] as const);
      return asMessages(packEmbeds(
        { color: COLOR[s.state], title: `Session ${s.id} “${s.title}” — ${s.state}`, description: `${s.theme ? `Theme: ${s.theme}\n` : ''}${when}` },
        [
          ...shown.map((k) => ({ name: k[0].toUpperCase() + k.slice(1), value: String(view[k]), inline: true })),
          ...(view.resultsHidden ? [{ name: '🔒 Results', value: HIDDEN_NOTE, inline: false }] : []),
          ...linesToFields('Channels', [view.channels.map(channelName).join(', ')]),
        ],
      ));
    }
    case 'speakers': {
      const lines = view.speakers.map((s) => `**${s.handle}** — ${s.name}${s.organisation ? `, ${s.organisation}` : ''}${s.group ? ` [${s.group}]` : ''}`);
      if (!lines.length) return textMessages(`No speakers yet in session ${view.session.id}: add one with /speaker add <handle> <name>.`);
      return asMessages(packEmbeds({ color: COLOR.brand, title: `Speakers of session ${view.session.id}` }, linesToFields('Speakers', lines)));
    }
    case 'summary':
      return asMessages(summaryEmbeds(view.summary, view.final));
    case 'digest': {
      if (!view.file) return asMessages(digestEmbeds(view.digest));
      const t = view.digest.totals;
      return [{
        content: `Digest for ${view.digest.date}: ${t.sessions} sessions, ${t.proposals} proposals, ${t.reactions} reactions — attached as ${view.file.name}.`,
        files: [{ name: view.file.name, attachment: Buffer.from(view.file.content, 'utf8') }],
        allowedMentions: NO_MENTIONS,
      }];
    }
  }
}
