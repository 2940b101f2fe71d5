/** Small pieces of wording every renderer shares (terminal, Slack, Discord, the Markdown digest). */
import type { Stance, StanceCounts } from './model.ts';
import { HIDDEN_NOTE } from './hidden-results.ts';
import { plural, pluralForm } from './plurals.ts';

export const STANCE_EMOJI: Record<Stance, string> = { support: '👍', neutral: '😐', oppose: '👎' };
export const STANCE_LABEL: Record<Stance, string> = { support: 'Support', neutral: 'Neutral', oppose: 'Oppose' };

/** `62%`, or `—` when nobody reacted. */
export const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');

/** `👍 3 · 😐 1 · 👎 0` */
export const emojiCounts = (c: StanceCounts) =>
  `${STANCE_EMOJI.support} ${c.support} · ${STANCE_EMOJI.neutral} ${c.neutral} · ${STANCE_EMOJI.oppose} ${c.oppose}`;

/** `12 reactors, 62% support`, or `no reactions yet` (never `0 reactors, — support`). */
export const reach = (p: { support: number; reactors: number }) =>
  p.reactors ? `${plural(p.reactors, 'reactor')}, ${percent(p.support, p.reactors)} support` : 'no reactions yet';

/** `3 support · 0 neutral · 1 oppose`: spelt out, so no legend is needed. */
export const stanceWords = (c: StanceCounts) => `${c.support} support · ${c.neutral} neutral · ${c.oppose} oppose`;

/** `academia: 2 support · 0 neutral · 1 oppose; government: …` (groups by name); '' when empty. */
export const groupBreakdown = (byGroup: Record<string, StanceCounts>) =>
  Object.entries(byGroup)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => `${group}: ${stanceWords(c)}`)
    .join('; ');

/** A card's counts, or the note that they are hidden until the close. */
export const cardCounts = (card: { counts: StanceCounts; hidden?: boolean }) =>
  card.hidden ? `🔒 ${HIDDEN_NOTE}` : emojiCounts(card.counts);

/** `+4 more comments`, for a posted summary that shows only the latest few. */
export const moreCommentsNote = (p: { moreComments?: number }) =>
  p.moreComments ? `+${p.moreComments} more ${pluralForm(p.moreComments, 'comment')}` : '';

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
