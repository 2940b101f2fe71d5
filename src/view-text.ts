/** Small pieces of wording every renderer shares (terminal, Slack, Discord, the Markdown digest). */
import type { Stance, StanceCounts } from './model.ts';

export const STANCE_EMOJI: Record<Stance, string> = { support: '👍', neutral: '😐', oppose: '👎' };
export const STANCE_LABEL: Record<Stance, string> = { support: 'Support', neutral: 'Neutral', oppose: 'Oppose' };

/** `62%`, or `—` when nobody reacted. */
export const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '—');

/** `👍 3 · 😐 1 · 👎 0` */
export const emojiCounts = (c: StanceCounts) =>
  `${STANCE_EMOJI.support} ${c.support} · ${STANCE_EMOJI.neutral} ${c.neutral} · ${STANCE_EMOJI.oppose} ${c.oppose}`;

/** `academia 2/0/1 · government 5/1/0` (support/neutral/oppose per group, groups by name); '' when empty. */
export const groupBreakdown = (byGroup: Record<string, StanceCounts>) =>
  Object.entries(byGroup)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => `${group} ${c.support}/${c.neutral}/${c.oppose}`)
    .join(' · ');

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
