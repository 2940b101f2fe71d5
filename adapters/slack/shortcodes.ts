/**
 * Slack sends emoji in slash-command text as shortcodes (`:+1::skin-tone-4:`). They become the emoji they stand
 * for, from iamcal's emoji-data (the `emoji-datasource` package: Slack's own emoji set), so what people typed is
 * stored as they saw it. Unknown and custom (workspace) shortcodes stay as they are.
 */
import { createRequire } from 'node:module';

interface EmojiRecord { unified: string; short_names: string[]; skin_variations?: Record<string, { unified: string }> }

/** Slack's skin-tone names: skin-tone-2 … skin-tone-6 are the Fitzpatrick modifiers U+1F3FB … U+1F3FF. */
const TONE: Record<string, string> = { 2: '1F3FB', 3: '1F3FC', 4: '1F3FD', 5: '1F3FE', 6: '1F3FF' };

const fromUnified = (unified: string) => String.fromCodePoint(...unified.split('-').map((h) => Number.parseInt(h, 16)));

let table: Map<string, EmojiRecord> | undefined;
function emojiTable(): Map<string, EmojiRecord> {
  if (table) return table;
  const records = createRequire(import.meta.url)('emoji-datasource/emoji.json') as EmojiRecord[];
  table = new Map();
  for (const record of records) for (const name of record.short_names) table.set(name, record);
  return table;
}

/** `:name:` optionally followed by `:skin-tone-N:` (or `:skin-tone-N-M:` for two-person emoji). */
const SHORTCODE = /:([a-z0-9_+'-]+):(?::skin-tone-([2-6])(?:-([2-6]))?:)?/gi;

export function shortcodesToEmoji(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(SHORTCODE, (whole, name: string, tone?: string, second?: string) => {
    const record = emojiTable().get(name.toLowerCase());
    if (!record) return whole; // custom or unknown: leave it as typed
    if (tone) {
      const key = second && second !== tone ? `${TONE[tone]}-${TONE[second]}` : TONE[tone];
      const variant = record.skin_variations?.[key];
      if (variant) return fromUnified(variant.unified);
      // An emoji without skin tones followed by a tone: keep the emoji, and the tone as its own swatch.
      return fromUnified(record.unified) + fromUnified(TONE[tone]);
    }
    return fromUnified(record.unified);
  });
}
