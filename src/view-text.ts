/**
 * The pieces of wording every renderer shares (terminal, Slack, Discord, the Markdown files), formatted from
 * the ICU catalogue (src/wording/en/views.ts) in the reader's locale, so each sentence exists once.
 */
import { groupName } from './wording/group-names.ts';
import type { Stance, StanceCounts } from './model.ts';
import { say, type Locale, type MessageId } from './wording/say.ts';

export type { Locale } from './wording/say.ts';
export const STANCE_EMOJI: Record<Stance, string> = { support: '👍', neutral: '😐', oppose: '👎' };
export const stanceLabel = (stance: Stance, locale?: Locale) => say(`view.stance.${stance}`, {}, locale);

/** `You support P1.` (or `Your stance on P1 is cleared.` for none) — the one stance confirmation every platform sends. */
export const stanceConfirmation = (stance: Stance | null | undefined, code: string, locale?: Locale) =>
  say('view.stance.confirmation', { stance: stance ?? 'cleared', code }, locale);

export type Counted = 'participants' | 'reactors' | 'reactions' | 'sessions' | 'proposals' | 'speakers' | 'channels' | 'cards';
/** `1 participant`, `3 proposals` (CLDR plural rules, locale numbers). */
export const counted = (noun: Counted, count: number, locale?: Locale) => say(`view.count.${noun}` as MessageId, { count }, locale);

/** `62%`, or `—` when nobody reacted. */
export const percent = (part: number, whole: number, locale?: Locale) => (whole ? say('view.share', { share: part / whole }, locale) : '—');

/** `👍 3 · 😐 1 · 👎 0` */
export const emojiCounts = (c: StanceCounts) =>
  `${STANCE_EMOJI.support} ${c.support} · ${STANCE_EMOJI.neutral} ${c.neutral} · ${STANCE_EMOJI.oppose} ${c.oppose}`;

/** `12 reactors, 62% support`, or `no reactions yet` (never `0 reactors, — support`). */
export const reach = (p: { support: number; reactors: number }, locale?: Locale) =>
  say('view.reach', { reactors: p.reactors, share: percent(p.support, p.reactors, locale) }, locale);

/** `62% support of 12` (the day's top proposals); `… of 12 reactors` with `noun`. */
export const supportOf = (p: { support: number; reactors: number }, locale?: Locale, noun = false) =>
  say('view.support-of', { share: percent(p.support, p.reactors, locale), reactors: noun ? counted('reactors', p.reactors, locale) : p.reactors }, locale);
/** `3 support · 0 neutral · 1 oppose`: spelt out, so no legend is needed. */
export const stanceWords = (c: StanceCounts, locale?: Locale) =>
  say('view.stance-words', { support: c.support, neutral: c.neutral, oppose: c.oppose }, locale);

/** `academia: 2 support · 0 neutral · 1 oppose; government: …` (groups by name); '' when empty. */
export const groupBreakdown = (byGroup: Record<string, StanceCounts>, locale?: Locale) =>
  Object.entries(byGroup)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => `${groupName(group, locale)}: ${stanceWords(c, locale)}`)
    .join('; ');

export const hiddenNote = (locale?: Locale) => say('view.results.hidden', {}, locale);

/** A card's counts, or the note that they are hidden until the close. */
export const cardCounts = (card: { counts: StanceCounts; hidden?: boolean }, locale?: Locale) =>
  card.hidden ? `🔒 ${hiddenNote(locale)}` : emojiCounts(card.counts);

/** `+4 more comments`, for a posted summary that shows only the latest few. */
export const moreCommentsNote = (p: { moreComments?: number }, locale?: Locale) =>
  p.moreComments ? say('view.count.more-comments', { count: p.moreComments }, locale) : '';

/** `Broad support across groups: P1 · Divides groups: none`, from the summary's labels (codes in rank order). */
export function labelsLine(proposals: Array<{ code: string; label: string | null }>, locale?: Locale): string {
  const codes = (label: string) => proposals.filter((p) => p.label === label).map((p) => p.code).join(', ') || say('view.none', {}, locale);
  return say('view.summary.labels', { consensus: codes('consensus'), divisive: codes('divisive') }, locale);
}

/** `open`, `closed` */
export const stateWord = (state: 'open' | 'closed', locale?: Locale) => say(`view.state.${state}`, {}, locale);

/** Every character that starts a new line somewhere: CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;
/** Shown where a participant's text had a line break: their text stays on our line. */
export const BREAK_MARK = ' ↵ ';

/** A participant's text on one line: its line breaks become a visible mark, never a new line. */
export const oneLine = (text: string) => text.replace(LINE_BREAKS, BREAK_MARK);

/** Cuts to `max` code points with an ellipsis (so emoji and CJK are never split). */
export function clipPoints(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
