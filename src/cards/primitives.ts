/**
 * The card vocabulary: every view is composed once (compose.ts) from these few primitives, and each platform
 * translates them (terminal lines, Slack Block Kit, Discord embeds, Markdown, plain text), applying its own
 * limits and escaping in that one place. Participants' text travels as `{ user }` spans, never mixed into ours,
 * so each translation can make it inert (no ping, no markup, no line break) for its platform.
 */
import type { StanceChart } from '../chart.ts';
import type { Stance } from '../model.ts';
import { say, type Locale, type MessageId, type MessageParams } from '../wording/say.ts';

/** Our words (a string), a participant's text, or our words set in bold. */
export type Span = string | { user: string } | { strong: string };
export type Inline = Span[];

export type Primitive =
  | { type: 'header'; text: Inline }
  /** `quote`: a participant's words set apart (Slack's quote). */
  | { type: 'text'; text: Inline; level?: 0 | 1; quote?: boolean }
  | { type: 'fields'; fields: Array<{ name: Inline; value: Inline; inline?: boolean }> }
  /** `name`: the list's heading where a platform shows one (Discord's field name). */
  | { type: 'list'; items: Inline[]; ordered?: boolean; level?: 0 | 1; name?: string }
  | { type: 'chart'; chart: StanceChart; heading: string }
  | { type: 'actions'; sessionId: string; number: number; actions: Array<{ action: Stance | 'comment'; label: string; emoji: string }> }
  | { type: 'context'; text: Inline; level?: 0 | 1 }
  | { type: 'file'; name: string; content: string };

export interface Card {
  view: string;
  /** Colour or tone a platform may show (Discord's embed colour); `error` cards start with the platform's warning sign. */
  tone: 'brand' | 'open' | 'closed' | 'withdrawn' | 'error';
  blocks: Primitive[];
  /** The whole card on one line, where a platform shows it so (the terminal, a notification's text). */
  line?: Inline;
  /** The card as plain words, no symbols: a notification's text, a screen reader (Slack's fallback `text`). */
  plain?: Inline;
}

export const user = (text: string): Span => ({ user: text });
export const strong = (text: string): Span => ({ strong: text });

/** Never in our catalogue's words: marks where a participant's span goes in a formatted sentence. */
const MARK = '\u{F8FF}';

/**
 * A catalogue sentence as spans: parameters given as spans (participants' text) are kept apart from our words,
 * so the ICU pattern decides the word order (it differs between languages) and the platform still escapes them.
 */
export function sayInline(id: MessageId, params: Record<string, string | number | Span> = {}, locale?: Locale): Inline {
  const spans: Span[] = [];
  const plain: MessageParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'object') {
      plain[key] = `${MARK}${spans.length}${MARK}`;
      spans.push(value);
    } else plain[key] = value;
  }
  const parts = say(id, plain, locale).split(MARK);
  return parts.flatMap((part, i): Span[] => (i % 2 ? [spans[Number(part)]] : part ? [part] : []));
}

/** Spans joined as text, each participant span passed through `userText` (the platform's escape). */
export function inlineText(text: Inline, userText: (s: string) => string, strongText: (s: string) => string = (s) => s): string {
  return text.map((span) => (typeof span === 'string' ? span : 'user' in span ? userText(span.user) : strongText(span.strong))).join('');
}
