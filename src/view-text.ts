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
