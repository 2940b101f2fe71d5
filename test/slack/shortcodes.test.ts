import { describe, expect, it } from 'vitest';
import { shortcodesToEmoji } from '../../adapters/slack/shortcodes.ts';

describe('Slack shortcodes in command text', () => {
  it.each([
    [':+1::skin-tone-4: great', '👍🏽 great'],
    [':thumbsup: :-1: :neutral_face:', '👍 👎 😐'],
    [':handshake::skin-tone-2-5:', '🫱🏻‍🫲🏾'],
    [':flag-cn: :heart: :skin-tone-3:', '🇨🇳 ❤️ 🏼'],
    [':partyparrot: and :custom-emoji:', ':partyparrot: and :custom-emoji:'],
    ['see https://x.org:8080/a:b at 12:30', 'see https://x.org:8080/a:b at 12:30'],
    ['theme:"a:b" 能力建设', 'theme:"a:b" 能力建设'],
  ])('%s → %s', (input, expected) => {
    expect(shortcodesToEmoji(input)).toBe(expected);
  });
});
