/**
 * The card vocabulary: every view is composed once (compose.ts, results.ts) from these few primitives (header,
 * text, fields, list, chart, actions, context, file, and `group` / `section` for the results), and each platform
 * translates them (terminal lines, Slack Block Kit, Discord embeds, Markdown, plain text), applying its own
 * limits and escaping in that one place. Participants' text travels as `{ user }` spans, never mixed into ours,
 * so each translation can make it inert (no ping, no markup, no line break) for its platform.
 */
import type { ChartBar, StanceChart } from '../chart.ts';
import type { Stance } from '../model.ts';
import { clipPoints } from '../view-text.ts';
import { say, type Locale, type MessageId, type MessageParams } from '../wording/say.ts';

/** Our words (a string), a participant's text, our words set in bold, or a channel (Discord links its own). */
export type Span = string | { user: string } | { strong: string } | { channel: string };
export type Inline = Span[];

export type Primitive = (
  /** `sub`: continues the header's line where a platform writes one (terminal), else goes under it. */
  | { type: 'header'; text: Inline; sub?: Inline }
  /** `quote`: a participant's words set apart (Slack's quote). */
  | { type: 'text'; text: Inline; level?: 0 | 1; quote?: boolean }
  | { type: 'fields'; fields: Array<{ name: Inline; value: Inline; inline?: boolean }> }
  /** `name`: the list's heading where a platform shows one (Discord's field name). */
  | { type: 'list'; items: Inline[]; ordered?: boolean; level?: 0 | 1; name?: string }
  /** `heading`: ours, the chart's title; `name`: the stem of its image file where a platform draws one. */
  | { type: 'chart'; chart: StanceChart; heading: string; name?: string }
  | { type: 'actions'; sessionId: string; number: number; actions: Array<{ action: Stance | 'comment'; label: string; emoji: string }> }
  | { type: 'context'; text: Inline; level?: 0 | 1 }
  | { type: 'file'; name: string; content: string }
  /**
   * One ranked entry and its lines (a summary's proposal): `title` and `lead` share a line where a platform
   * writes one line per entry (terminal, Markdown, Slack, a compact post), or become a heading and its first line
   * (Discord's field name and value); `bar` is drawn under it where a platform draws one per entry (the terminal).
   */
  | { type: 'group'; title: Inline; lead: Inline; blocks: Primitive[]; bar?: ChartBar }
  /** A titled part of a card (a digest's session, the day's top proposals): a heading, a field, a `##`. */
  | { type: 'section'; title: Inline; blocks: Primitive[] }
) & {
  /** Part of the whole text only: the Markdown file carries it, a chat post and the terminal leave it out. */
  whole?: true;
};

export interface Card {
  view: string;
  /** Colour or tone a platform may show (Discord's embed colour); `error` cards start with the platform's warning sign. */
  tone: 'brand' | 'open' | 'closed' | 'withdrawn' | 'error';
  blocks: Primitive[];
  /** The whole card on one line, where a platform shows it so (the terminal, a notification's text). */
  line?: Inline;
  /** The card as plain words, no symbols: a notification's text, a screen reader (Slack's fallback `text`). */
  plain?: Inline;
  /** The Markdown file's name that carries the whole card when a post cannot hold it (menu, summary, digest). */
  file?: string;
}

export const user = (text: string): Span => ({ user: text });
export const strong = (text: string): Span => ({ strong: text });

/** Never in our catalogue's words: marks where a participant's span goes in a formatted sentence. */
const MARK = '\u{F8FF}';

/**
 * A catalogue sentence as spans: parameters given as spans (or a run of spans) (participants' text) are kept apart from our words,
 * so the ICU pattern decides the word order (it differs between languages) and the platform still escapes them.
 */
export function sayInline(id: MessageId, params: Record<string, string | number | Span | Inline> = {}, locale?: Locale): Inline {
  const spans: Inline[] = [];
  const plain: MessageParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'object') {
      plain[key] = `${MARK}${spans.length}${MARK}`;
      spans.push(Array.isArray(value) ? value : [value]);
    } else plain[key] = value;
  }
  const parts = say(id, plain, locale).split(MARK);
  return parts.flatMap((part, i): Span[] => (i % 2 ? spans[Number(part)] : part ? [part] : []));
}

/** Spans joined as text, each participant span passed through `userText` (the platform's escape). */
export function inlineText(
  text: Inline, userText: (s: string) => string, strongText: (s: string) => string = (s) => s, channelText: (ref: string) => string = userText,
): string {
  return text.map((span) => (typeof span === 'string' ? span : 'user' in span ? userText(span.user) : 'strong' in span ? strongText(span.strong) : channelText(span.channel))).join('');
}

/** Each participant span cut to `max` code points (a compact line of a post that cannot hold the whole text). */
export const clipUser = (text: Inline, max: number): Inline =>
  text.map((span) => (typeof span === 'object' && 'user' in span ? user(clipPoints(span.user, max)) : span));

/** The primitives a post shows (not `whole`), each group and section with its own shown blocks. */
export function shown(blocks: Primitive[]): Primitive[] {
  return blocks.filter((b) => !b.whole).map((b) => (b.type === 'group' || b.type === 'section' ? { ...b, blocks: shown(b.blocks) } : b));
}
