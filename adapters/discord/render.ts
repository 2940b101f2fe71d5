/**
 * Views as Discord messages. Pure: a view in, message payloads out — no client, no I/O. Every view but the
 * proposal card's buttons and the comment form is composeCard's card, translated by card-embeds.ts (which applies
 * Discord's limits: content ≤ 2,000, embeds ≤ 6,000 in all, field ≤ 1,024, ≤ 25 fields, 10 attachments); a menu,
 * summary or digest is one message, the rest attached.
 */
import {
  ButtonStyle, ComponentType, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { clip, NO_MENTIONS, type DiscordMessage } from './embeds.ts';
import { cardEmbeds, cardMessages } from './card-embeds.ts';
import { fileWithCharts } from './chart-files.ts';
import { composeCard } from '../../src/cards/compose.ts';
import { digestCard, summaryCard } from '../../src/cards/results.ts';
import type { Card } from '../../src/cards/primitives.ts';
import type { Stance } from '../../src/model.ts';
import { SESSION_ID } from '../../src/model.ts';
import type { Digest, SessionSummary } from '../../src/summary.ts';
import { counted, type Locale } from '../../src/view-text.ts';
import { say } from '../../src/wording/say.ts';
import type { ProposalCard, View } from '../../src/views.ts';

export { clip, LIMITS, linesToFields, md, NO_MENTIONS, packEmbeds, splitText, type DiscordMessage } from './embeds.ts';

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

/** Discord refuses a modal title or a (Label) label over 45 characters, a description over 100. */
const MODAL = { title: 45, label: 45, description: 100 } as const;

/**
 * The Comment button's form: one paragraph, ≤ 500 characters like every comment. It uses Discord's Label
 * component (type 18: a label ≤ 45 and a description ≤ 100 around the input), which discord.js 14.28 and
 * discord-api-types support, rather than the deprecated label on a text input inside an action row.
 */
export function commentModal(sessionId: string, number: number, locale?: Locale): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId({ action: 'comment-form', sessionId, number }),
    title: clip(say('view.comment.title', { code: `P${number}` }, locale), MODAL.title),
    components: [{
      type: ComponentType.Label,
      label: clip(say('view.comment.label', {}, locale), MODAL.label),
      description: clip(say('view.comment.hint', {}, locale), MODAL.description),
      component: {
        type: ComponentType.TextInput, custom_id: COMMENT_FIELD,
        style: TextInputStyle.Paragraph, min_length: 1, max_length: 500, required: true,
      },
    }],
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
  return { ...cardMessages(composed, locale)[0], components: actionRows(composed) };
}

// ── summaries and digests ───────────────────────────────────────────────────────────────────────

/** The summary's embeds before the one-message fit (what a post would need to show it whole). */
export const summaryEmbeds = (s: SessionSummary, final: boolean, locale?: Locale): APIEmbed[] => cardEmbeds(summaryCard(s, final, locale));
export const digestEmbeds = (d: Digest, locale?: Locale): APIEmbed[] => cardEmbeds(digestCard(d, locale));

/** A digest in a format: one message with the file (a Markdown digest with its charts beside it). */
function digestFileMessage(view: Extract<View, { kind: 'digest' }>, file: NonNullable<Extract<View, { kind: 'digest' }>['file']>, locale?: Locale): DiscordMessage {
  const d = view.digest;
  const t = d.totals;
  const files = file.format === 'md'
    ? fileWithCharts(digestCard(d, locale), file, say('md.charts', {}, locale))
    : [{ name: file.name, attachment: Buffer.from(file.content, 'utf8') }];
  return {
    content: say('discord.digest.attached', {
      date: d.date, sessions: counted('sessions', t.sessions, locale), proposals: counted('proposals', t.proposals, locale),
      reactions: counted('reactions', t.reactions, locale), file: file.name,
    }, locale),
    files, allowedMentions: NO_MENTIONS,
  };
}

// ── every view ──────────────────────────────────────────────────────────────────────────────────

export function renderView(view: View, locale?: Locale): DiscordMessage[] {
  if (view.kind === 'proposal') return [proposalMessage(view.card, locale)];
  if (view.kind === 'digest' && view.file) return [digestFileMessage(view, view.file, locale)];
  return cardMessages(composeCard(view, locale), locale);
}
