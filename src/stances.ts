/** Stance words and emoji, as PRODUCT.md lists them. */
import type { Stance } from './model.ts';
import { Refusal } from './errors.ts';
import { clip } from './text-rules.ts';

const WORDS: Record<string, Stance | 'clear'> = {
  support: 'support', '+1': 'support', yes: 'support', agree: 'support',
  neutral: 'neutral', '0': 'neutral', pass: 'neutral', abstain: 'neutral',
  oppose: 'oppose', '-1': 'oppose', no: 'oppose', disagree: 'oppose',
  clear: 'clear',
};

export const STANCE_HINT = 'support, neutral, oppose or clear (also +1/yes/agree, 0/pass/abstain, -1/no/disagree)';

export function parseStance(raw: string): Stance | 'clear' {
  const stance = WORDS[raw.trim().toLowerCase()];
  if (!stance) throw new Refusal('refusal.stance.invalid', { raw: clip(raw), hint: STANCE_HINT });
  return stance;
}

const EMOJI_NAMES: Record<string, Stance> = {
  '+1': 'support', thumbsup: 'support', '👍': 'support',
  neutral_face: 'neutral', '😐': 'neutral',
  '-1': 'oppose', thumbsdown: 'oppose', '👎': 'oppose',
};

/**
 * The stance an emoji stands for, or null for any other emoji. Skin tones count as the base emoji:
 * Slack sends `+1::skin-tone-3`, Discord and the terminal send 👍🏽 (U+1F3FB–U+1F3FF) and maybe U+FE0F.
 */
export function emojiStance(raw: string): Stance | null {
  const name = raw
    .trim()
    .replace(/::?skin-tone-\d:?$/, '')
    .replace(/^:|:$/g, '')
    .replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
  return EMOJI_NAMES[name] ?? null;
}

